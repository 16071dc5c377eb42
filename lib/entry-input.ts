/**
 * What a person may send to create or change a progress entry, validated at every boundary (form,
 * JSON API, import). Who reports, the workflow state and the timestamps are never part of it:
 * the data layer derives them from the signed-in user, so smuggled values are refused by name.
 */
import { z } from 'zod';
import { STATUS_KEYS } from './status-scale';
import { CONFIDENCE_LEVELS, EVIDENCE_RELATIONS, MEASURES } from './taxonomy';
import { isCalendarDate, todayUtc } from './dates';
import { ILL_FORMED_MESSAGE, isWellFormedText } from './text-integrity';

export const LIMITS = {
  summary: 300,
  narrative: 20_000,
  evidence: 20,
  url: 2_000,
  title: 300,
  adverseEffectsDescription: 5_000,
  returnNote: 2_000,
  withdrawalReason: 2_000,
} as const;

/**
 * Why a field was refused, as a stable code beside the English message: the form words each field
 * and code from the message catalogue; the API answers with the English, which names the field.
 */
export type FieldErrorCode =
  | 'required'
  | 'too_long'
  | 'too_many'
  | 'control_characters'
  | 'invalid_text'
  | 'invalid_choice'
  | 'invalid_format'
  | 'not_a_date'
  | 'too_early'
  | 'future_date'
  | 'invalid_url'
  | 'repeated'
  | 'not_allowed'
  | 'description_without_effects'
  | 'archived'
  | 'unknown_field'
  | 'invalid';
export type FieldErrorCodes = Record<string, FieldErrorCode>;

/** A refinement's message with its code (see fieldErrorCodes). */
export const coded = (code: FieldErrorCode, message: string) => ({ message, params: { code } });

/** Printable text: no NUL or other control characters except tab and new lines. */
const text = (max: number) =>
  z
    .string({ error: 'must be text' })
    .max(max, `must be at most ${max} characters`)
    .refine(
      (value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value),
      coded('control_characters', 'must not contain control characters'),
    )
    .refine(isWellFormedText, coded('invalid_text', ILL_FORMED_MESSAGE));

const requiredText = (max: number) =>
  text(max).refine((value) => value.trim().length > 0, coded('required', 'is required'));

export { todayUtc };

const asOf = z
  .string({ error: 'is required' })
  .min(1, 'is required')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isCalendarDate, coded('not_a_date', 'is not a real calendar date'))
  .refine((value) => value >= '2000-01-01', coded('too_early', 'must be on or after 2000-01-01'))
  .refine(
    (value) => value <= todayUtc(),
    coded('future_date', 'cannot be in the future: it is the date the status describes'),
  );

const evidenceLink = z
  .object({
    url: z
      .string({ error: 'must be text' })
      .min(1, 'is required')
      .max(LIMITS.url, `must be at most ${LIMITS.url} characters`)
      .url('must be a web address')
      .refine(
        (value) => /^https?:\/\//i.test(value),
        coded('invalid_url', 'must start with http:// or https://'),
      ),
    title: requiredText(LIMITS.title),
    relation: z.enum(EVIDENCE_RELATIONS, {
      error: `must be one of: ${EVIDENCE_RELATIONS.join(', ')}`,
    }),
  })
  .strict();

/**
 * An id: a positive whole number, or its decimal digits as text (a form field). Never coerced from
 * anything else: `true`, `"0x10"` or `"1e3"` would otherwise become an id.
 */
const id = (message: string) =>
  z.preprocess(
    (value) =>
      typeof value === 'string' && /^\d{1,15}$/.test(value.trim()) ? Number(value) : value,
    z.number({ error: message }).int(message).positive(message),
  );

const adverseFields = z.object({
  adverseEffects: z.boolean().default(false),
  adverseEffectsDescription: z.string().nullable().default(null),
});
function adverseFieldsValid(payload: { value: unknown }): boolean {
  return adverseFields.safeParse(payload.value).success;
}

export const entryInputSchema = z
  .object({
    idempotencyKey: z
      .string({ error: 'is required' })
      .regex(
        /^[A-Za-z0-9:_-]{8,100}$/,
        'must be 8 to 100 letters, digits, colons, dashes or underscores',
      ),
    commitment: z
      .string({ error: 'is required' })
      .min(1, 'is required')
      .regex(/^[A-Z]+-\d+$/, 'must be a commitment code such as TIP-01'),
    subject: id('must be an actor id'),
    status: z.enum(STATUS_KEYS, { error: `must be one of: ${STATUS_KEYS.join(', ')}` }),
    asOf,
    summary: requiredText(LIMITS.summary),
    narrative: text(LIMITS.narrative).default(''),
    measures: z
      .array(z.enum(MEASURES, { error: `must be among: ${MEASURES.join(', ')}` }), {
        error: 'must be a list',
      })
      .max(MEASURES.length)
      .refine(
        (values) => new Set(values).size === values.length,
        coded('repeated', 'must not repeat a measure'),
      )
      .default([]),
    evidence: z
      .array(evidenceLink, { error: 'must be a list' })
      .max(LIMITS.evidence, `must have at most ${LIMITS.evidence} links`)
      .default([]),
    confidence: z
      .enum(CONFIDENCE_LEVELS, { error: `must be one of: ${CONFIDENCE_LEVELS.join(', ')}` })
      .nullable()
      .default(null),
    adverseEffects: z.boolean({ error: 'must be true or false' }).default(false),
    adverseEffectsDescription: text(LIMITS.adverseEffectsDescription).nullable().default(null),
    /** A correction names the published entry it supersedes. */
    supersedes: id('must be an entry id').nullable().default(null),
  })
  .strict()
  // Checked even when other fields are wrong, so a form shows every problem at once.
  .refine((input) => !input.adverseEffects || Boolean(input.adverseEffectsDescription?.trim()), {
    path: ['adverseEffectsDescription'],
    when: adverseFieldsValid,
    ...coded('required', 'is required when adverse effects are reported'),
  })
  // A description without the flag would be dropped without a word: refused instead.
  .refine((input) => input.adverseEffects || !input.adverseEffectsDescription?.trim(), {
    path: ['adverseEffectsDescription'],
    when: adverseFieldsValid,
    ...coded(
      'description_without_effects',
      'must be empty (or null) unless adverseEffects is true',
    ),
  });

export type EntryInput = z.output<typeof entryInputSchema>;

export const returnNoteSchema = requiredText(LIMITS.returnNote);
export const withdrawalReasonSchema = requiredText(LIMITS.withdrawalReason);

export type FieldErrors = Record<string, string>;

/** zod issues as one message per field, the field named by its path ("evidence.0.url"). */
export function fieldErrors(error: z.ZodError): FieldErrors {
  return Object.fromEntries(
    [...firstIssues(error)].map(([field, issue]) => [
      field,
      issue.code === 'unrecognized_keys' ? 'is not a field of a progress entry' : issue.message,
    ]),
  );
}

/** The code of each field's message in fieldErrors. */
export function fieldErrorCodes(error: z.ZodError): FieldErrorCodes {
  return Object.fromEntries(
    [...firstIssues(error)].map(([field, issue]) => [field, codeOf(issue)]),
  );
}

/** The first issue of each field, an unknown key named as its own field. */
function firstIssues(error: z.ZodError): Map<string, z.core.$ZodIssue> {
  const result = new Map<string, z.core.$ZodIssue>();
  for (const issue of error.issues) {
    const fields =
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => [...issue.path, key].join('.'))
        : [issue.path.join('.') || 'body'];
    for (const field of fields) if (!result.has(field)) result.set(field, issue);
  }
  return result;
}

function codeOf(issue: z.core.$ZodIssue): FieldErrorCode {
  switch (issue.code) {
    case 'custom':
      return (issue.params?.code as FieldErrorCode | undefined) ?? 'invalid';
    // A form sends every field as text: a value of the wrong type is one that was not sent.
    case 'invalid_type':
    case 'too_small':
      return 'required';
    case 'invalid_value':
      return 'invalid_choice';
    case 'too_big':
      return issue.origin === 'array' ? 'too_many' : 'too_long';
    case 'invalid_format':
      return issue.format === 'url' ? 'invalid_url' : 'invalid_format';
    case 'unrecognized_keys':
      return 'unknown_field';
    default:
      return 'invalid';
  }
}
