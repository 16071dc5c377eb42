/** The six official languages of the United Nations, in which the product is offered. */
export const LOCALES = ['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text in every locale, such as the title of a GCM objective. */
export type InEveryLocale = Record<Locale, string>;

/** Arabic is written right to left; the other five left to right. */
export function textDirection(locale: string): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}
