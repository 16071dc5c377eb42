/**
 * What a page may say after a redirect: a fixed code in the URL, never text. The page shows the
 * catalogue's message for a known code and nothing for anything else, so a link cannot make the
 * site say words of its sender's choosing.
 */

/** Why an entry's workflow action (submit, publish, return, withdraw) was not done. */
export const REFUSAL_CODES = [
  'invalid',
  'forbidden',
  'not_found',
  'conflict',
  'changed',
  'archived_reporter',
  'archived_commitment',
  'archived_subject',
  'confidence_required',
  'invalid_note',
  'invalid_reason',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** A refusal as the data layer returns it: an HTTP-like status and, for bad input, messages by field. */
export interface Refusal {
  status: number;
  fieldErrors?: Record<string, string>;
}

// Maps, not object literals: a field named "constructor" or "__proto__" must find nothing.
const ARCHIVED_FIELDS = new Map<string, RefusalCode>([
  ['reporter', 'archived_reporter'],
  ['commitment', 'archived_commitment'],
  ['subject', 'archived_subject'],
]);
const FIELD_CODES = new Map<string, RefusalCode>([
  ['confidence', 'confidence_required'],
  ['note', 'invalid_note'],
  ['reason', 'invalid_reason'],
  ['version', 'changed'],
]);
const STATUS_CODES = new Map<number, RefusalCode>([
  [400, 'invalid'],
  [403, 'forbidden'],
  [404, 'not_found'],
  [409, 'conflict'],
]);

/** The code that names a refusal: the field at fault when it has a message of its own, else its kind. */
export function refusalCode(refusal: Refusal): RefusalCode {
  const fields = Object.keys(refusal.fieldErrors ?? {});
  const archived =
    refusal.status === 409
      ? fields.map((field) => ARCHIVED_FIELDS.get(field)).find((code) => code !== undefined)
      : undefined;
  return (
    archived ??
    fields.map((field) => FIELD_CODES.get(field)).find((code) => code !== undefined) ??
    STATUS_CODES.get(refusal.status) ??
    'invalid'
  );
}

/** Why an admin's archive or restore was not done (an admin-only refusal is a 403 page instead). */
export const ARCHIVE_REFUSAL_CODES = [
  'invalid',
  'not_found',
  'already_archived',
  'not_archived',
] as const;
export type ArchiveRefusalCode = (typeof ARCHIVE_REFUSAL_CODES)[number];

/** A refused archive (`archiving`) or restore: a conflict means it already was, or was not, archived. */
export function archiveRefusalCode(status: number, archiving: boolean): ArchiveRefusalCode {
  if (status === 404) return 'not_found';
  if (status === 409) return archiving ? 'already_archived' : 'not_archived';
  return 'invalid';
}

/** The code in a query parameter when it is one of `codes`; anything else (text, a list, nothing) is null. */
export function knownCode<Code extends string>(
  codes: readonly Code[],
  value: unknown,
): Code | null {
  return typeof value === 'string' && (codes as readonly string[]).includes(value)
    ? (value as Code)
    : null;
}
