import type { Locale } from './locales';

/** Each language named in itself, in the order the United Nations lists its official languages. */
export const LANGUAGE_NAMES: ReadonlyArray<{ locale: Locale; name: string }> = [
  { locale: 'ar', name: 'العربية' },
  { locale: 'zh', name: '中文' },
  { locale: 'en', name: 'English' },
  { locale: 'fr', name: 'Français' },
  { locale: 'ru', name: 'Русский' },
  { locale: 'es', name: 'Español' },
];

export type LanguageLink = { locale: Locale; name: string; href: string; current: boolean };

/**
 * The language switch's links: the same page (`pathname`, without its locale prefix) with the
 * same query string, so filters are kept, in every language; the locale prefix is added by
 * next-intl's Link for the language it leads to.
 */
export function languageLinks(pathname: string, search: string, current: string): LanguageLink[] {
  const query = search.startsWith('?') ? search.slice(1) : search;
  const href = query ? `${pathname}?${query}` : pathname;
  return LANGUAGE_NAMES.map(({ locale, name }) => ({
    locale,
    name,
    href,
    current: locale === current,
  }));
}
