import type { CommitmentTranslationDto, CommitmentTranslationsDto } from './api-schemas';
import {
  isTranslationLocale,
  TRANSLATION_LOCALES,
  type TranslationLocale,
} from './source-language';

/**
 * A commitment's current translations as export columns beside its verbatim title and text:
 * `title_fr`, `text_fr` and so on for every language it may be translated into, empty where
 * there is none, so the columns are the same whatever the data.
 */
export const TRANSLATION_COLUMNS = TRANSLATION_LOCALES.flatMap((locale) => [
  `title_${locale}`,
  `text_${locale}`,
]);

export function translationCells(
  translations: CommitmentTranslationsDto,
): Record<string, string | null> {
  return Object.fromEntries(
    TRANSLATION_LOCALES.flatMap((locale) => [
      [`title_${locale}`, translations[locale]?.title ?? null],
      [`text_${locale}`, translations[locale]?.text ?? null],
    ]),
  );
}

/** The translation into `locale`, when the commitment has one; never for its source's language. */
export function translationIn(
  translations: CommitmentTranslationsDto,
  locale: string,
): CommitmentTranslationDto | null {
  return isTranslationLocale(locale) ? (translations[locale] ?? null) : null;
}

/** The languages a commitment has a translation in, in the order of TRANSLATION_LOCALES. */
export function translatedInto(translations: CommitmentTranslationsDto): TranslationLocale[] {
  return TRANSLATION_LOCALES.filter((locale) => translations[locale] !== undefined);
}

/** A language's name in another language (`fr` in `en`: "French"), from the runtime's ICU data. */
export function languageName(language: string, inLanguage: string): string {
  return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(language) ?? language;
}
