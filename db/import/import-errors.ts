/**
 * The stable codes of an import's file and row errors, beside their English `message`: scripts
 * and the API keep the English, the import page words each code from the catalogue
 * (`data.import.errors`) in its own language. Plain data only, so that the codes cross the import
 * worker's messages and reach the browser; no server module is imported here.
 */
import { LIMITS, type FieldErrorCode } from '../../lib/entry-input';

/** Codes of the entry schema and workflow (lib/entry-input.ts), as the entry form words them too. */
export const ENTRY_FIELD_ERROR_CODES = [
  'required',
  'too_long',
  'too_many',
  'control_characters',
  'invalid_text',
  'invalid_choice',
  'invalid_format',
  'not_a_date',
  'too_early',
  'future_date',
  'invalid_url',
  'repeated',
  'not_allowed',
  'description_without_effects',
  'archived',
  'unknown_field',
  'invalid',
] as const satisfies readonly FieldErrorCode[];

// Fails to compile when lib/entry-input.ts gains a code this list (and so the catalogue) lacks.
const everyEntryCode: [Exclude<FieldErrorCode, (typeof ENTRY_FIELD_ERROR_CODES)[number]>] extends [
  never,
]
  ? true
  : false = true;
void everyEntryCode;

/** Codes of the import's own checks: the file as a whole, then its cells. */
export const IMPORT_OWN_ERROR_CODES = [
  // The file: `unknown_column` {columns}, `too_many_rows` {rows, max}.
  'not_utf8',
  'unreadable_csv',
  'unknown_column',
  'no_rows',
  'too_many_rows',
  // A column or a cell: `required_or` {other}, `reporter_required` {other}.
  'required_or',
  'reporter_required',
  // A cell as read from the file.
  'not_positive_integer',
  'not_iso3_format',
  'not_boolean',
  'not_json_links',
  // A cell naming an actor: `other_actor` {other}, `not_own_actor` and `archived_reporter` {actor}.
  'unknown_actor',
  'unknown_state_iso3',
  'other_actor',
  'not_own_actor',
  'archived_reporter',
  // A row the workflow refused: `entry_differs` {id}.
  'not_allowed_subject',
  'entry_differs',
  'no_such_entry',
  'key_taken',
  'refused',
] as const;

export const IMPORT_ERROR_CODES = [...ENTRY_FIELD_ERROR_CODES, ...IMPORT_OWN_ERROR_CODES] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/** A code's ICU arguments: column names, limits, counts, actor names (as they are, never translated). */
export type ImportErrorParams = Record<string, string | number>;

/**
 * A refused entry field's arguments: the limit a too-long or too-many code names, and the
 * evidence link ("evidence.0.url" is link 1) a link's field belongs to.
 */
export function entryFieldParams(field: string, code: FieldErrorCode): ImportErrorParams {
  const params: ImportErrorParams = {};
  const link = /^evidence\.(\d+)(?:\.(url|title|relation))?$/.exec(field);
  if (link) params.link = Number(link[1]) + 1;
  if (code === 'too_long' || code === 'too_many') {
    const part = link?.[2];
    const max =
      part === 'url'
        ? LIMITS.url
        : part === 'title'
          ? LIMITS.title
          : field === 'summary' ||
              field === 'narrative' ||
              field === 'adverseEffectsDescription' ||
              field === 'evidence'
            ? LIMITS[field]
            : undefined;
    if (max !== undefined) params.max = max;
  }
  return params;
}
