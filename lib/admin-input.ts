/**
 * What an admin may send to create or change an actor, a source document or a commitment,
 * validated at every boundary (form, script, import). Strict: a field that is not ours (an id,
 * `archivedAt`, `isDemo`, a position) is refused by name, never silently written.
 */
import { z } from 'zod';
import { ACTOR_KINDS, DUTY_BEARERS, RIGHTS_HOLDERS, SDG_TARGETS, THEMES } from './taxonomy';
import { isCalendarDate } from './dates';
import { ROUND_ASKS } from './round-completion';
import {
  isTranslationLocale,
  SOURCE_REPORT_LANGUAGE,
  TRANSLATION_LOCALES,
  type TranslationLocale,
} from './source-language';
import type { FieldErrors } from './entry-input';
import {
  BIDI_MESSAGE,
  hasNoBidiControls,
  ILL_FORMED_MESSAGE,
  isWellFormedText,
  formFieldText,
  setOwn,
  textIntegrityErrors,
} from './text-integrity';

export type { FieldErrors };

/**
 * Why an admin form's field was refused, as a stable code beside the English message: the admin
 * screens word each field and code from the message catalogue, in the page's language; scripts
 * and the audit keep the English. Add a code here and the catalogues must word it (a test says so).
 */
export const ADMIN_FIELD_ERROR_CODES = [
  'required',
  'too_long',
  'control_characters',
  'invalid_text',
  'bidi_controls',
  'invalid_choice',
  'invalid_format',
  'invalid_url',
  'not_a_date',
  'repeated',
  'not_applicable',
  'source_language',
  'before_opening',
  'unknown_field',
  'taken',
  'not_for_demo',
  'locked',
  'archived',
  'not_found',
  'invalid',
] as const;
export type AdminFieldErrorCode = (typeof ADMIN_FIELD_ERROR_CODES)[number];
export type AdminFieldErrorCodes = Record<string, AdminFieldErrorCode>;

/** A refinement's message with its code (see adminFieldErrorCodes). */
const coded = (code: AdminFieldErrorCode, message: string) => ({ message, params: { code } });

export const ADMIN_LIMITS = {
  name: 200,
  shortName: 100,
  region: 100,
  slug: 100,
  title: 300,
  author: 200,
  place: 200,
  reference: 300,
  url: 2_000,
  code: 20,
  text: 10_000,
  paragraphs: 200,
  note: 2_000,
} as const;

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Long text (a commitment's wording): bidirectional controls allowed, shown isolated. */
const longText = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine(
      (value) => !CONTROL_CHARACTERS.test(value),
      coded('control_characters', 'must not contain control characters'),
    )
    .refine(isWellFormedText, coded('invalid_text', ILL_FORMED_MESSAGE));

/** A one-line field (a name, a title, a code): no bidirectional controls, which could reorder the text around it. */
const text = (max: number) =>
  longText(max).refine(hasNoBidiControls, coded('bidi_controls', BIDI_MESSAGE));

const requiredText = (max: number) => text(max).min(1, 'is required');

/** Empty or missing is "none" (null). */
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((value) => (value ? value : null));

/**
 * An admin form's schema behind the boundary check (lib/text-integrity.ts): a field whose text is
 * not well-formed Unicode, or a key such as `__proto__`, is refused by name before the schema runs.
 */
function checked<T extends z.ZodType>(schema: T) {
  return z.preprocess((value, context) => {
    const broken = textIntegrityErrors(value);
    if (!broken) return value;
    // Broken text is said as such; a broken or forbidden field name (`__proto__`) as a field that is not the form's.
    for (const [field, message] of Object.entries(broken))
      context.addIssue({
        code: 'custom',
        path: field === 'body' ? [] : field.split('.'),
        message,
        params: { code: message === ILL_FORMED_MESSAGE ? 'invalid_text' : 'unknown_field' },
      });
    return z.NEVER;
  }, schema);
}

const emptyAsNull = (value: unknown) =>
  value === undefined || (typeof value === 'string' && value.trim() === '') ? null : value;

/** A list of choices with no repeats (checkboxes). */
const choices = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z
    .array(z.enum(values, { error: `must be among: ${values.join(', ')}` }), {
      error: 'must be a list',
    })
    .refine(
      (list) => new Set(list).size === list.length,
      coded('repeated', `must not repeat a ${what}`),
    )
    .default([]);

export const actorInputSchema = checked(
  z
    .object({
      kind: z.enum(ACTOR_KINDS, { error: `must be one of: ${ACTOR_KINDS.join(', ')}` }),
      name: requiredText(ADMIN_LIMITS.name),
      shortName: optionalText(ADMIN_LIMITS.shortName),
      iso3: z.preprocess(
        emptyAsNull,
        z
          .string({ error: 'must be text' })
          .trim()
          .toUpperCase()
          .regex(/^[A-Z]{3}$/, 'must be three letters (ISO 3166-1 alpha-3), such as FRA')
          .nullable(),
      ),
      region: optionalText(ADMIN_LIMITS.region),
      subRegion: optionalText(ADMIN_LIMITS.region),
      intermediateRegion: optionalText(ADMIN_LIMITS.region),
    })
    .strict()
    .superRefine((actor, context) => {
      if (actor.iso3 !== null && actor.kind !== 'state')
        context.addIssue({
          code: 'custom',
          path: ['iso3'],
          ...coded('not_applicable', 'is only for states'),
        });
    }),
);
export type ActorInput = z.output<typeof actorInputSchema>;

export const sourceInputSchema = checked(
  z
    .object({
      slug: requiredText(ADMIN_LIMITS.slug).regex(
        /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
        'must be lower-case letters, digits and single dashes, such as gcm-ts5-report',
      ),
      title: requiredText(ADMIN_LIMITS.title),
      author: requiredText(ADMIN_LIMITS.author),
      publishedOn: z
        .string({ error: 'is required' })
        .trim()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
        .refine(isCalendarDate, coded('not_a_date', 'is not a real calendar date')),
      place: requiredText(ADMIN_LIMITS.place),
      reference: optionalText(ADMIN_LIMITS.reference),
      url: z.preprocess(
        emptyAsNull,
        z
          .string({ error: 'must be text' })
          .trim()
          .max(ADMIN_LIMITS.url, `must be at most ${ADMIN_LIMITS.url} characters`)
          .url('must be a web address')
          .refine(
            (value) => /^https?:\/\//i.test(value),
            coded('invalid_url', 'must start with http:// or https://'),
          )
          .refine(hasNoBidiControls, coded('bidi_controls', BIDI_MESSAGE))
          .nullable(),
      ),
    })
    .strict(),
);
export type SourceInput = z.output<typeof sourceInputSchema>;

/** "9", "13-14", "2-3, 6" (a dash or an en dash) as ascending paragraph numbers; null if malformed. */
export function parseParagraphs(citation: string): number[] | null {
  const numbers = new Set<number>();
  for (const part of citation.split(',')) {
    const match = /^\s*(\d{1,4})\s*(?:[-–]\s*(\d{1,4})\s*)?$/.exec(part);
    if (!match) return null;
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    if (first < 1 || last < first || last - first > 200) return null;
    for (let paragraph = first; paragraph <= last; paragraph++) numbers.add(paragraph);
  }
  return [...numbers].sort((a, b) => a - b);
}

export const commitmentInputSchema = checked(
  z
    .object({
      code: requiredText(ADMIN_LIMITS.code)
        .toUpperCase()
        .regex(/^[A-Z]+-\d+$/, 'must be capital letters, a dash and digits, such as TIP-03'),
      title: requiredText(ADMIN_LIMITS.title),
      text: longText(ADMIN_LIMITS.text).min(1, 'is required'),
      paragraphs: requiredText(ADMIN_LIMITS.paragraphs).transform((citation, context) => {
        const numbers = parseParagraphs(citation);
        if (!numbers) {
          context.addIssue({
            code: 'custom',
            ...coded('invalid_format', 'must be paragraph numbers such as 9, 13-14 or 2-3, 6'),
          });
          return z.NEVER;
        }
        return numbers;
      }),
      theme: z.enum(THEMES, { error: `must be one of: ${THEMES.join(', ')}` }),
      dutyBearers: choices(DUTY_BEARERS, 'duty bearer').refine(
        (list) => list.length > 0,
        coded('required', 'must name at least one: it decides whom the commitment applies to'),
      ),
      rightsHolders: choices(RIGHTS_HOLDERS, 'rights holder'),
      gcmObjectives: z
        .array(
          z.coerce
            .number({ error: 'must be GCM objective numbers from 1 to 23' })
            .int('must be GCM objective numbers from 1 to 23')
            .min(1, 'must be GCM objective numbers from 1 to 23')
            .max(23, 'must be GCM objective numbers from 1 to 23'),
          {
            error: 'must be a list',
          },
        )
        .refine(
          (list) => new Set(list).size === list.length,
          coded('repeated', 'must not repeat an objective'),
        )
        .default([]),
      sdgTargets: choices(SDG_TARGETS, 'target'),
      source: z.coerce
        .number({ error: 'must be a source document' })
        .int('must be a source document')
        .positive('must be a source document'),
    })
    .strict(),
);
export type CommitmentInput = z.output<typeof commitmentInputSchema>;

/**
 * A translation of a commitment's title and text (docs/design.md#translations): into a UN
 * language other than the source's own, whose verbatim text is the original.
 */
export const commitmentTranslationInputSchema = checked(
  z
    .object({
      locale: z.string({ error: 'is required' }).superRefine((locale, context) => {
        if (locale === SOURCE_REPORT_LANGUAGE)
          context.addIssue({
            code: 'custom',
            ...coded(
              'source_language',
              `must not be ${SOURCE_REPORT_LANGUAGE}, the language of the commitment's verbatim text: a translation stands beside that original`,
            ),
          });
        else if (!isTranslationLocale(locale))
          context.addIssue({
            code: 'custom',
            ...coded(
              'invalid_choice',
              `must be one of the UN languages ${TRANSLATION_LOCALES.join(', ')}`,
            ),
          });
      }),
      title: requiredText(ADMIN_LIMITS.title),
      text: longText(ADMIN_LIMITS.text).min(1, 'is required'),
    })
    .strict()
    .transform((input) => ({ ...input, locale: input.locale as TranslationLocale })),
);
export type CommitmentTranslationInput = z.output<typeof commitmentTranslationInputSchema>;

const calendarDate = z
  .string({ error: 'is required' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isCalendarDate, coded('not_a_date', 'is not a real calendar date'));

/** Ids ticked in a checkbox group, no repeats. */
const idList = (what: string) =>
  z
    .array(
      z.coerce
        .number({ error: `must be ${what} ids` })
        .int()
        .positive(`must be ${what} ids`),
      { error: 'must be a list' },
    )
    .refine(
      (list) => new Set(list).size === list.length,
      coded('repeated', `must not repeat a ${what}`),
    )
    .default([]);

/** A reporting round (docs/design.md#reporting-rounds); the data layer checks that ids exist. */
export const roundInputSchema = checked(
  z
    .object({
      title: requiredText(ADMIN_LIMITS.title),
      opensOn: calendarDate,
      dueOn: calendarDate,
      asks: z.enum(ROUND_ASKS, { error: `must be one of: ${ROUND_ASKS.join(', ')}` }),
      region: optionalText(ADMIN_LIMITS.region),
      actors: idList('actor'),
      commitments: idList('commitment').refine(
        (list) => list.length > 0,
        coded('required', 'must name at least one commitment'),
      ),
      note: longText(ADMIN_LIMITS.note)
        .nullish()
        .transform((value) => (value ? value : null)),
    })
    .strict()
    .superRefine((round, context) => {
      const issue = (field: string, code: AdminFieldErrorCode, message: string) =>
        context.addIssue({ code: 'custom', path: [field], ...coded(code, message) });
      if (round.dueOn < round.opensOn)
        issue('dueOn', 'before_opening', 'must not be before the opening date');
      if (round.asks === 'region' && round.region === null)
        issue('region', 'required', 'is required when the round asks the states of a region');
      if (round.asks !== 'region' && round.region !== null)
        issue('region', 'not_applicable', 'is only for a round that asks the states of a region');
      if (round.asks === 'list' && round.actors.length === 0)
        issue('actors', 'required', 'must name at least one actor when the round asks a list');
      if (round.asks !== 'list' && round.actors.length > 0)
        issue('actors', 'not_applicable', 'are only for a round that asks a list of actors');
    }),
);
export type RoundInput = z.output<typeof roundInputSchema>;

/** zod issues as one message per field, the field named by its path; unknown fields by name. */
export function adminFieldErrors(error: z.ZodError, entity: string): FieldErrors {
  // A Map, then own properties: a field name such as `__proto__` must not reach an object's prototype.
  const result = new Map<string, string>();
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        result.set([...issue.path, key].join('.'), `is not a field of ${entity}`);
      continue;
    }
    const field = issue.path.length > 0 ? String(issue.path[0]) : 'body';
    if (!result.has(field)) result.set(field, issue.message);
  }
  return Object.fromEntries(result);
}

/** The code of each field's message in adminFieldErrors, the same fields named the same way. */
export function adminFieldErrorCodes(error: z.ZodError): AdminFieldErrorCodes {
  const result = new Map<string, AdminFieldErrorCode>();
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) result.set([...issue.path, key].join('.'), 'unknown_field');
      continue;
    }
    const field = issue.path.length > 0 ? String(issue.path[0]) : 'body';
    if (!result.has(field)) result.set(field, adminIssueCode(issue));
  }
  return Object.fromEntries(result);
}

function adminIssueCode(issue: z.core.$ZodIssue): AdminFieldErrorCode {
  switch (issue.code) {
    case 'custom': {
      const code = issue.params?.code;
      return ADMIN_FIELD_ERROR_CODES.includes(code) ? (code as AdminFieldErrorCode) : 'invalid';
    }
    // A number field (a source, an objective, an id) holds a choice: anything else is not one of them.
    case 'invalid_type':
      return issue.expected === 'string'
        ? 'required'
        : issue.expected === 'array'
          ? 'invalid'
          : 'invalid_choice';
    case 'too_small':
      return issue.origin === 'string' ? 'required' : 'invalid_choice';
    case 'too_big':
      return issue.origin === 'string' ? 'too_long' : 'invalid_choice';
    case 'invalid_value':
      return 'invalid_choice';
    case 'invalid_format':
      return issue.format === 'url' ? 'invalid_url' : 'invalid_format';
    default:
      return 'invalid';
  }
}

/** The list filter of every admin screen: archived ones are shown by default, and marked. */
export const ARCHIVE_FILTERS = ['all', 'active', 'archived'] as const;
export type ArchiveFilter = (typeof ARCHIVE_FILTERS)[number];
export const archiveFilterSchema = z.enum(ARCHIVE_FILTERS).catch('all');

/**
 * Form data of an admin form as the object its schema validates. Checkbox groups become lists
 * (empty when none is ticked); every other field is passed through as text, so a field the form
 * did not define reaches the schema and is refused by name rather than dropped.
 */
export function adminInputFromForm(
  form: FormData,
  lists: readonly string[] = [],
): Record<string, string | string[]> {
  const input: Record<string, string | string[]> = {};
  for (const list of lists) input[list] = [];
  for (const [key, raw] of form.entries()) {
    if (key.startsWith('$ACTION')) continue; // Next's own fields for server actions
    const value = formFieldText(raw);
    const list = Object.hasOwn(input, key) ? input[key] : undefined;
    if (lists.includes(key) && Array.isArray(list)) list.push(value);
    else setOwn(input, key, value);
  }
  return input;
}
