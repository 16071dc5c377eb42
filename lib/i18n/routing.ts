import { defineRouting } from 'next-intl/routing';
import { DEFAULT_LOCALE } from './catalogue';
import { LOCALES } from './locales';

/**
 * Where the locale sits in a page's URL (docs/architecture.md, Locales): English, the default,
 * unprefixed (`/commitments`), the others under their code (`/fr/commitments`). An unprefixed
 * address is served in the locale of the cookie a language switch sets, else the best match of
 * the browser's Accept-Language, else English. The JSON API has no locale in its URL.
 */
export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: DEFAULT_LOCALE,
  localePrefix: 'as-needed',
  // Kept for a year, so `/` remembers a chosen language after the browser is closed.
  localeCookie: { name: 'NEXT_LOCALE', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' },
});
