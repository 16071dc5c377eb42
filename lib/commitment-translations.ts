import type { CommitmentTranslationsDto } from './api-schemas';
import { TRANSLATION_LOCALES } from './source-language';

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
