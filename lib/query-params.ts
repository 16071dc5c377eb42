/**
 * One vocabulary of query parameters for every screen and the whole API (issue: foundation, 5).
 * Each route picks the parameters it accepts; anything else, or any bad value, is refused with
 * the parameter's name.
 */
import { z } from 'zod';
import { STATUS_KEYS } from './status-scale';
import { ACTOR_KINDS, DUTY_BEARERS, PERSPECTIVES, SDG_TARGETS, THEMES } from './taxonomy';
import { isCalendarDate } from './dates';
import { DASHBOARD_PARAMETERS } from './dashboard-query';
import { PAIR_FLAGS } from './rollup';

export { DASHBOARD_PARAMETERS, dashboardSearch } from './dashboard-query';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isCalendarDate, 'is not a real calendar date')
  .refine(
    (value) => value >= '1900-01-01' && value <= '2999-12-31',
    'must be between 1900-01-01 and 2999-12-31',
  );

const positiveId = z
  .string({ error: 'must be a whole number' })
  .regex(/^\d{1,16}$/, 'must be a whole number written in digits')
  .pipe(
    z.coerce
      .number<string>()
      .int('must be a whole number')
      .positive('must be a positive whole number')
      .max(Number.MAX_SAFE_INTEGER, 'is too large'),
  );

export const CURSOR_MESSAGE =
  'is not a position in this list: use the cursor of a next link unchanged, or leave it out';

export const PARAMETERS = {
  theme: z.enum(THEMES, { error: `must be one of: ${THEMES.join(', ')}` }),
  objective: z.coerce
    .number({ error: 'must be a GCM objective number from 1 to 23' })
    .int('must be a GCM objective number from 1 to 23')
    .min(1, 'must be a GCM objective number from 1 to 23')
    .max(23, 'must be a GCM objective number from 1 to 23'),
  sdg: z.enum(SDG_TARGETS, { error: `must be one of: ${SDG_TARGETS.join(', ')}` }),
  dutyBearer: z.enum(DUTY_BEARERS, { error: `must be one of: ${DUTY_BEARERS.join(', ')}` }),
  kind: z.enum(ACTOR_KINDS, { error: `must be one of: ${ACTOR_KINDS.join(', ')}` }),
  region: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  q: z.string().trim().max(200, 'must be at most 200 characters'),
  commitment: z.string().regex(/^[A-Z]+-\d+$/, 'must be a commitment code such as TIP-01'),
  subject: positiveId,
  reporter: positiveId,
  /** A reporting round's id (db/queries/rounds.ts). */
  round: positiveId,
  status: z.enum(STATUS_KEYS, { error: `must be one of: ${STATUS_KEYS.join(', ')}` }),
  perspective: z.enum(PERSPECTIVES, { error: `must be one of: ${PERSPECTIVES.join(', ')}` }),
  from: isoDate,
  to: isoDate,
  asOf: isoDate,
  page: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be 1 or more')
    .max(100000, 'is too large'),
  limit: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 200')
    .max(200, 'must be between 1 and 200'),
  flag: z.enum(PAIR_FLAGS, { error: `must be one of: ${PAIR_FLAGS.join(', ')}` }),
  /** Opaque (lib/cursor.ts): each list checks that it names one of its positions. */
  cursor: z.string().regex(/^[\w-]{1,400}$/, CURSOR_MESSAGE),
} as const;

export type ParameterName = keyof typeof PARAMETERS;
type Parsed<K extends ParameterName> = { [P in K]?: z.output<(typeof PARAMETERS)[P]> };

export interface ParameterError {
  parameter: string;
  message: string;
}

export type ParseResult<K extends ParameterName> =
  { ok: true; value: Parsed<K> } | { ok: false; errors: ParameterError[] };

/** Accepts URLSearchParams or Next's searchParams object. Empty values mean "not set". */
export function parseQuery<K extends ParameterName>(
  input: URLSearchParams | Record<string, string | string[] | undefined>,
  allowed: readonly K[],
): ParseResult<K> {
  const entries: [string, string][] = [];
  if (input instanceof URLSearchParams) {
    input.forEach((value, key) => entries.push([key, value]));
  } else {
    for (const [key, value] of Object.entries(input)) {
      if (value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [value]) entries.push([key, one]);
    }
  }
  const errors: ParameterError[] = [];
  const value: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const [key, raw] of entries) {
    if (!(allowed as readonly string[]).includes(key)) {
      errors.push({
        parameter: key,
        message: `is not a parameter of this resource; allowed: ${allowed.join(', ')}`,
      });
      continue;
    }
    if (seen.has(key)) {
      errors.push({ parameter: key, message: 'is given more than once' });
      continue;
    }
    seen.add(key);
    if (raw.trim() === '') continue;
    const result = PARAMETERS[key as K].safeParse(raw);
    if (result.success) value[key] = result.data;
    else
      errors.push({ parameter: key, message: result.error.issues[0]?.message ?? 'is not valid' });
  }
  const parsed = value as Parsed<K>;
  if ('from' in parsed && 'to' in parsed && parsed.from && parsed.to && parsed.from > parsed.to) {
    errors.push({ parameter: 'to', message: 'must not be before from' });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: parsed };
}

export const COMMITMENT_LIST_PARAMETERS = ['theme', 'objective', 'sdg', 'dutyBearer', 'q'] as const;
export const ACTOR_LIST_PARAMETERS = ['kind', 'region', 'q'] as const;
export const ENTRY_LIST_PARAMETERS = [
  'commitment',
  'subject',
  'reporter',
  'status',
  'perspective',
  'from',
  'to',
  'asOf',
  'page',
  'limit',
] as const;
export const PAGE_PARAMETERS = ['page', 'limit'] as const;
/** The entries API and the change log go on past their first pages by `cursor` (lib/cursor.ts). */
export const ENTRY_PAGE_PARAMETERS = [...ENTRY_LIST_PARAMETERS, 'cursor'] as const;
export const CHANGE_LOG_PARAMETERS = [...PAGE_PARAMETERS, 'cursor'] as const;
/** The summary and matrix API also narrow to one commitment or one actor (their pages' charts). */
export const SUMMARY_PARAMETERS = [...DASHBOARD_PARAMETERS, 'commitment', 'subject'] as const;
/** The matrix API pages its actors: `page` and `limit` count actors, every commitment of the view comes with each. */
export const MATRIX_PARAMETERS = [...SUMMARY_PARAMETERS, ...PAGE_PARAMETERS] as const;

/** The pair list narrows a view to the pairs one headline figure counts, a page at a time. */
export const PAIR_LIST_PARAMETERS = [...SUMMARY_PARAMETERS, 'flag', ...PAGE_PARAMETERS] as const;

/** The Atom feed of published entries follows one commitment, one actor or one round. */
export const FEED_PARAMETERS = ['commitment', 'subject', 'round'] as const;

export type DashboardQuery = Parsed<(typeof DASHBOARD_PARAMETERS)[number]>;

export const DEFAULT_PAGE_SIZE = 50;
