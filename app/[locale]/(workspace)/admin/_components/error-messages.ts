import { ADMIN_LIMITS, type AdminFieldErrorCode } from '@/lib/admin-input';
import type { AdminWriteResult } from '@/db/queries/admin-write';

/** The admin catalogue's error messages (`admin.errors`), as next-intl's translator gives them. */
export interface AdminErrorTranslator {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/**
 * The fields of the admin forms that have messages of their own (`admin.errors.fields`); any other
 * field (a forged one, `body`) is worded by its code alone, so a field name can never pick a key.
 * `date` is the group of the date fields.
 */
export const ADMIN_ERROR_FIELDS = [
  'kind',
  'name',
  'iso3',
  'slug',
  'code',
  'paragraphs',
  'theme',
  'dutyBearers',
  'gcmObjectives',
  'sdgTargets',
  'source',
  'locale',
  'date',
  'asks',
  'region',
  'actors',
  'commitments',
] as const;
const OWN_MESSAGES = new Set<string>(ADMIN_ERROR_FIELDS);
const DATE_FIELDS = new Set(['publishedOn', 'opensOn', 'dueOn']);

// Maps, not object literals: a field named "constructor" must find nothing.
const LIMITS = new Map<string, number>([
  ...Object.entries(ADMIN_LIMITS),
  ['subRegion', ADMIN_LIMITS.region],
  ['intermediateRegion', ADMIN_LIMITS.region],
]);

/** A refused field's message in the page's language: its field's own wording of the code, else the code's. */
export function adminFieldError(
  t: AdminErrorTranslator,
  field: string,
  code: AdminFieldErrorCode | undefined,
): string {
  const max = LIMITS.get(field);
  // Without a code (never expected) or a limit to name, the field is only said to need checking.
  const known = code !== undefined && (code !== 'too_long' || max !== undefined) ? code : 'invalid';
  const group = DATE_FIELDS.has(field) ? 'date' : field;
  const own = `fields.${group}.${known}`;
  return t(OWN_MESSAGES.has(group) && t.has(own) ? own : `any.${known}`, { max: max ?? 0 });
}

/**
 * A refused save's messages by field, in the page's language, from the data layer's codes (never
 * its English): bad input field by field, anything else as one message for the whole form.
 */
export function adminErrorMessages(
  t: AdminErrorTranslator,
  refusal: Extract<AdminWriteResult, { ok: false }>,
): Record<string, string> {
  if (!refusal.fieldErrors)
    return { body: t(refusal.status === 409 ? 'body.conflict' : 'body.invalid') };
  return Object.fromEntries(
    Object.keys(refusal.fieldErrors).map((field) => [
      field,
      adminFieldError(t, field, refusal.fieldCodes?.[field]),
    ]),
  );
}
