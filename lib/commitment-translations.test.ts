import { describe, expect, it } from 'vitest';
import {
  languageName,
  translatedInto,
  translationCells,
  translationIn,
} from './commitment-translations';

const french = { title: 'Titre', text: 'Texte', version: 2, addedAt: '2026-12-05T10:00:00.000Z' };
const arabic = { title: 'عنوان', text: 'نص', version: 1, addedAt: '2026-12-05T11:00:00.000Z' };

describe("a commitment's translations", () => {
  it("gives the visitor's language's translation, never one for the source's own language", () => {
    expect(translationIn({ fr: french }, 'fr')).toBe(french);
    expect(translationIn({ fr: french }, 'es')).toBeNull();
    expect(translationIn({ fr: french }, 'en')).toBeNull();
    expect(translationIn({ fr: french }, 'de')).toBeNull();
  });

  it('lists the languages it is translated into, in a stable order', () => {
    expect(translatedInto({ fr: french, ar: arabic })).toEqual(['ar', 'fr']);
    expect(translatedInto({})).toEqual([]);
  });

  it('fills a title and text cell for every language, empty where there is none', () => {
    expect(translationCells({ fr: french })).toEqual({
      title_ar: null,
      text_ar: null,
      title_es: null,
      text_es: null,
      title_fr: 'Titre',
      text_fr: 'Texte',
      title_ru: null,
      text_ru: null,
      title_zh: null,
      text_zh: null,
    });
  });

  it('names a language in the reader’s language, and in its own', () => {
    expect(languageName('fr', 'en')).toBe('French');
    expect(languageName('fr', 'fr')).toBe('français');
    expect(languageName('en', 'fr')).toBe('anglais');
    expect(languageName('ar', 'ar')).toBe('العربية');
  });
});
