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

/** Printable text: no NUL or other control characters except tab and new lines. */
const text = (max: number) =>
  z
    .string({ error: 'must be text' })
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value), 'must not contain control characters')
    .refine(isWellFormedText, ILL_FORMED_MESSAGE);

const requiredText = (max: number) => text(max).refine((value) => value.trim().length > 0, 'is required');

export { todayUtc };

const asOf = z
  .string({ error: 'is required' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isCalendarDate, 'is not a real calendar date')
  .refine((value) => value >= '2000-01-01', 'must be on or after 2000-01-01')
  .refine((value) => value <= todayUtc(), 'cannot be in the future: it is the date the status describes');

const evidenceLink = z
  .object({
    url: z
      .string({ error: 'must be text' })
      .max(LIMITS.url, `must be at most ${LIMITS.url} characters`)
      .url('must be a web address')
      .refine((value) => /^https?:\/\//i.test(value), 'must start with http:// or https://'),
    title: requiredText(LIMITS.title),
    relation: z.enum(EVIDENCE_RELATIONS, { error: `must be one of: ${EVIDENCE_RELATIONS.join(', ')}` }),
  })
  .strict();

/**
 * An id: a positive whole number, or its decimal digits as text (a form field). Never coerced from
 * anything else: `true`, `"0x10"` or `"1e3"` would otherwise become an id.
 */
const id = (message: string) =>
  z.preprocess((value) => (typeof value === 'string' && /^\d{1,15}$/.test(value.trim()) ? Number(value) : value), z.number({ error: message }).int(message).positive(message));

export const entryInputSchema = z
  .object({
    idempotencyKey: z
      .string({ error: 'is required' })
      .regex(/^[A-Za-z0-9:_-]{8,100}$/, 'must be 8 to 100 letters, digits, colons, dashes or underscores'),
    commitment: z.string({ error: 'is required' }).regex(/^[A-Z]+-\d+$/, 'must be a commitment code such as TIP-01'),
    subject: id('must be an actor id'),
    status: z.enum(STATUS_KEYS, { error: `must be one of: ${STATUS_KEYS.join(', ')}` }),
    asOf,
    summary: requiredText(LIMITS.summary),
    narrative: text(LIMITS.narrative).default(''),
    measures: z
      .array(z.enum(MEASURES, { error: `must be among: ${MEASURES.join(', ')}` }), { error: 'must be a list' })
      .max(MEASURES.length)
      .refine((values) => new Set(values).size === values.length, 'must not repeat a measure')
      .default([]),
    evidence: z.array(evidenceLink, { error: 'must be a list' }).max(LIMITS.evidence, `must have at most ${LIMITS.evidence} links`).default([]),
    confidence: z.enum(CONFIDENCE_LEVELS, { error: `must be one of: ${CONFIDENCE_LEVELS.join(', ')}` }).nullable().default(null),
    adverseEffects: z.boolean({ error: 'must be true or false' }).default(false),
    adverseEffectsDescription: text(LIMITS.adverseEffectsDescription).nullable().default(null),
    /** A correction names the published entry it supersedes. */
    supersedes: id('must be an entry id').nullable().default(null),
  })
  .strict()
  .superRefine((input, context) => {
    if (input.adverseEffects && !input.adverseEffectsDescription?.trim()) {
      context.addIssue({ code: 'custom', path: ['adverseEffectsDescription'], message: 'is required when adverse effects are reported' });
    }
  });

export type EntryInput = z.output<typeof entryInputSchema>;

export const returnNoteSchema = requiredText(LIMITS.returnNote);
export const withdrawalReasonSchema = requiredText(LIMITS.withdrawalReason);

export type FieldErrors = Record<string, string>;

/** zod issues as one message per field, the field named by its path ("evidence.0.url"). */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) result[[...issue.path, key].join('.')] = 'is not a field of a progress entry';
      continue;
    }
    const field = issue.path.join('.') || 'body';
    result[field] ??= issue.message;
  }
  return result;
}
