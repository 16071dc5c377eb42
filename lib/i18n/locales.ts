/** The six official languages of the United Nations, in which the product is offered. */
export const LOCALES = ['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text in every locale, such as the title of a GCM objective. */
export type InEveryLocale = Record<Locale, string>;

/** Arabic is written right to left; the other five left to right. */
export function textDirection(locale: string): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/**
 * Each language named in itself, as a UN site's language menu names it (un.org): capitalised,
 * and in the order the United Nations lists its official languages.
 */
const SELF_NAMES: ReadonlyArray<readonly [Locale, string]> = [
  ['ar', 'العربية'],
  ['zh', '中文'],
  ['en', 'English'],
  ['fr', 'Français'],
  ['ru', 'Русский'],
  ['es', 'Español'],
];

/** The locales in the order a language menu lists them (the UN's order, not the alphabet's). */
export const MENU_ORDER: readonly Locale[] = SELF_NAMES.map(([locale]) => locale);

const selfNames = new Map(SELF_NAMES);

/**
 * A language's name in itself: as a menu item or link ("Français") by default, or in running text
 * of that language, where French, Spanish and Russian write it in lower case ("Traduction
 * (français)"), as ICU's names do.
 */
export function languageSelfName(locale: Locale, use: 'menu' | 'text' = 'menu'): string {
  const name = selfNames.get(locale) ?? locale;
  return use === 'menu' || locale === 'en' ? name : name.toLocaleLowerCase(locale);
}
