import { describe, expect, it } from 'vitest';
import { IMPORT_ERROR_CODES, type ImportErrorParams } from '@/db/import/import-errors';
import { catalogueOf, translatorOf } from '@/test/support/catalogues';
import { LOCALES } from '@/lib/i18n/locales';
import { importErrorText, type ImportErrorTags, type ImportErrorTranslator } from './error-text';

type Errors = {
  codes: Record<string, unknown>;
  file: Record<string, unknown>;
  columns: Record<string, Record<string, unknown>>;
};
type Catalogue = { data: { import: { errors: Errors } } };

const catalogues = Object.fromEntries(
  LOCALES.map((locale) => [locale, catalogueOf<Catalogue>(locale)] as const),
);
const translator = (locale: string) => translatorOf<ImportErrorTranslator>(locale, 'data.import');

/** Column names marked as the page marks them, so a test can see they stay verbatim. */
const TAGS: ImportErrorTags = {
  col: (chunks) => `[${String(chunks)}]`,
  name: (chunks) => `«${String(chunks)}»`,
};
const text = (
  locale: string,
  error: { column: string | null; code?: string; params?: ImportErrorParams },
  scope: 'file' | 'row' = 'row',
) => {
  const worded = importErrorText(translator(locale), TAGS, error, scope);
  const body = worded.text;
  return `${worded.link ? `${worded.link} ` : ''}${Array.isArray(body) ? body.join('') : String(body)}`;
};

/** Each code's arguments as the import gives them (db/import/csv-import.ts). */
const PARAMS: Partial<Record<string, ImportErrorParams>> = {
  too_long: { max: 300 },
  too_many: { max: 20 },
  unknown_column: { columns: 'id, commitment_code, status' },
  too_many_rows: { rows: 100_001, max: 100_000 },
  required_or: { other: 'subject_iso3' },
  reporter_required: { other: 'reporter_iso3' },
  other_actor: { other: 'subject_id' },
  not_own_actor: { actor: 'Republic of Aldoria' },
  archived_reporter: { actor: 'Republic of Aldoria' },
  entry_differs: { id: 1234 },
};

describe('the import report’s errors in the page language', () => {
  it.each(LOCALES)('word every code the import can give, in %s', (locale) => {
    const { codes } = catalogues[locale]!.data.import.errors;
    expect(IMPORT_ERROR_CODES.filter((code) => typeof codes[code] !== 'string')).toEqual([]);
    for (const code of IMPORT_ERROR_CODES) {
      const worded = text(locale, { column: null, code, params: PARAMS[code] ?? {} });
      expect(worded.length).toBeGreaterThan(0);
    }
  });

  it('word a column’s or the file’s own message only for codes that exist', () => {
    const { file, columns } = catalogues.en!.data.import.errors;
    const codes = new Set<string>(IMPORT_ERROR_CODES);
    for (const code of Object.keys(file)) expect(codes).toContain(code);
    for (const messages of Object.values(columns))
      for (const code of Object.keys(messages)) expect(codes).toContain(code);
  });

  it('say a French row’s errors in French, with column names and actor names as they are', () => {
    expect(text('fr', { column: 'summary', code: 'too_long', params: { max: 300 } })).toBe(
      'Trop long : 300 caractères au plus.',
    );
    expect(
      text('fr', { column: 'subject_id', code: 'required_or', params: { other: 'subject_iso3' } }),
    ).toBe('Obligatoire : remplissez cette cellule ou [subject_iso3].');
    expect(
      text('fr', {
        column: 'reporter_id',
        code: 'not_own_actor',
        params: { actor: 'Republic of Aldoria' },
      }),
    ).toMatch(/^Doit être votre propre acteur, «Republic of Aldoria» :/);
    // The workflow's code for an unknown commitment is worded for its column.
    expect(text('fr', { column: 'commitment_code', code: 'invalid_choice', params: {} })).toBe(
      'Ce n’est pas un engagement de cet espace de travail.',
    );
    expect(text('fr', { column: 'evidence', code: 'invalid_url', params: { link: 2 } })).toBe(
      'Lien 2 : Une adresse web doit commencer par http:// ou https://.',
    );
    // An entry's id is not grouped as a quantity.
    expect(text('fr', { column: 'id', code: 'entry_differs', params: { id: 1234 } })).toMatch(
      /^Nomme l’entrée 1234,/,
    );
  });

  it('say a missing column as the file’s problem, and the file’s limits in the locale’s digits', () => {
    expect(text('fr', { column: 'summary', code: 'required', params: {} }, 'file')).toBe(
      'Le fichier n’a pas cette colonne, qui est obligatoire.',
    );
    expect(text('fr', { column: 'summary', code: 'required', params: {} })).toBe(
      'Obligatoire : cette cellule est vide.',
    );
    expect(
      text('fr', { column: null, code: 'too_many_rows', params: PARAMS.too_many_rows! }, 'file'),
    ).toMatch(/^Le fichier a 100\s001 lignes ; 100\s000 au plus/);
  });

  it('word a forged or limitless code as a value to check, never as a key it names', () => {
    expect(text('fr', { column: 'summary', code: 'constructor' })).toBe('Vérifiez cette valeur.');
    expect(text('fr', { column: 'constructor', code: 'required' })).toBe(
      'Obligatoire : cette cellule est vide.',
    );
    expect(text('fr', { column: 'measures', code: 'too_many', params: {} })).toBe(
      'Vérifiez cette valeur.',
    );
    expect(text('fr', { column: 'summary' })).toBe('Vérifiez cette valeur.');
  });
});
