import { languageSelfName, MENU_ORDER, type Locale } from './locales';

/** Each language named in itself, in a language menu's order (lib/i18n/locales.ts languageSelfName). */
export const LANGUAGE_NAMES: ReadonlyArray<{ locale: Locale; name: string }> = MENU_ORDER.map(
  (locale) => ({ locale, name: languageSelfName(locale) }),
);

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
