import type { ReactNode } from 'react';
import { IMPORT_ERROR_CODES, type ImportErrorParams } from '@/db/import/import-errors';

/** The import page's translator (`data.import`), as far as wording an error needs it. */
export interface ImportErrorTranslator {
  (key: string, values?: Record<string, string | number>): string;
  rich(
    key: string,
    values: Record<string, string | number | ((chunks: ReactNode) => ReactNode)>,
  ): ReactNode;
  has(key: string): boolean;
}

/** How a column name (`<col>`) and an actor's name (`<name>`) inside a message are shown. */
export interface ImportErrorTags {
  col: (chunks: ReactNode) => ReactNode;
  name: (chunks: ReactNode) => ReactNode;
}

// Sets, not object lookups: a forged code or column ("constructor") must find no key.
const CODES = new Set<string>(IMPORT_ERROR_CODES);
/** The columns with wordings of their own (`errors.columns`); any other is worded by its code. */
const OWN_COLUMNS = new Set([
  'commitment_code',
  'subject_id',
  'status',
  'as_of',
  'measures',
  'evidence',
  'confidence',
  'supersedes_id',
  'adverse_effects_description',
]);
/** Codes whose message names a limit: without it, the cell is only said to need checking. */
const NEEDS_MAX = new Set(['too_long', 'too_many']);

/**
 * A file or cell error of the import's report in the page's language, from its code and
 * arguments (db/import/import-errors.ts), never from the report's English: the file's own
 * wording of the code, else the column's, else the code's; a link's error names the link.
 */
export function importErrorText(
  t: ImportErrorTranslator,
  tags: ImportErrorTags,
  error: {
    column: string | null;
    code?: string;
    params?: ImportErrorParams;
    line?: number | null;
  },
  scope: 'file' | 'row',
): { link: string | null; text: ReactNode } {
  const params = error.params ?? {};
  const known =
    error.code !== undefined &&
    CODES.has(error.code) &&
    !(NEEDS_MAX.has(error.code) && typeof params.max !== 'number');
  const code = known ? error.code! : 'invalid';
  const candidates = [
    scope === 'file' ? `errors.file.${code}` : null,
    error.column && OWN_COLUMNS.has(error.column) ? `errors.columns.${error.column}.${code}` : null,
  ];
  const key =
    candidates.find((candidate) => candidate && t.has(candidate)) ?? `errors.codes.${code}`;
  // An entry's id is a name, not a quantity: no digit grouping.
  const values = { ...params, ...(params.id !== undefined ? { id: String(params.id) } : {}) };
  return {
    link: typeof params.link === 'number' ? t('errors.inLink', { link: params.link }) : null,
    text: t.rich(key, { ...values, ...tags }),
  };
}
