import { LOCALES, type Locale } from './i18n/locales';

/**
 * The language of the source report's verbatim text: commitments keep their titles and text as
 * the report printed them and mark them with this `lang`. Source documents have no language of
 * their own yet (the seeded report is in English); when they do, it replaces this constant.
 */
export const SOURCE_REPORT_LANGUAGE = 'en';

/**
 * The languages a commitment may be translated into: every UN language but its source's own, since
 * the verbatim text is the original in that language (docs/design.md#translations).
 */
export const TRANSLATION_LOCALES = LOCALES.filter(
  (locale): locale is Exclude<Locale, typeof SOURCE_REPORT_LANGUAGE> =>
    locale !== SOURCE_REPORT_LANGUAGE,
);
export type TranslationLocale = (typeof TRANSLATION_LOCALES)[number];

export const isTranslationLocale = (locale: string): locale is TranslationLocale =>
  (TRANSLATION_LOCALES as readonly string[]).includes(locale);
