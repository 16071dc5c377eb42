import { createTranslator } from 'next-intl';
import { loadCatalogue } from '../../lib/i18n/catalogue';
import { LOCALES } from '../../lib/i18n/locales';

/** Every locale's whole message catalogue, loaded once per test file that imports this. */
const catalogues: Readonly<Record<string, Record<string, unknown>>> = Object.fromEntries(
  await Promise.all(LOCALES.map(async (locale) => [locale, await loadCatalogue(locale)] as const)),
);

/** A locale's catalogue, typed as the part a test reads. */
export function catalogueOf<C>(locale: string): C {
  return catalogues[locale] as C;
}

/**
 * One namespace of a locale's catalogue as a page's translator gives it. A missing key or
 * argument throws, so a test cannot pass on a printed key.
 */
export function translatorOf<T>(locale: string, namespace: string): T {
  return createTranslator({
    locale,
    messages: catalogues[locale]!,
    namespace: namespace as never,
    onError: (error) => {
      throw error;
    },
  }) as unknown as T;
}
