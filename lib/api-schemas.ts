/**
 * zod schemas of the public API's bodies and responses. The route handlers type their responses
 * with these (app/api/v1/_lib/respond.ts), lib/openapi.ts documents them, and the API tests check
 * every response against them: the documentation and the code cannot drift apart.
 */
import { z } from 'zod';
import { STATUS_KEYS } from './status-scale';
import {
  ACTOR_KINDS,
  CONFIDENCE_LEVELS,
  DUTY_BEARERS,
  ENTRY_STATES,
  EVIDENCE_RELATIONS,
  MEASURES,
  PERSPECTIVES,
  RIGHTS_HOLDERS,
  THEMES,
} from './taxonomy';
import { entryInputSchema, returnNoteSchema, withdrawalReasonSchema } from './entry-input';
import { PARAMETERS } from './query-params';
import {
  COMPLETION_KEYS,
  ROUND_ASKS,
  ROUND_STATUSES,
  type CompletionKey,
} from './round-completion';
import { LOCALES } from './i18n/locales';
import { TRANSLATION_LOCALES, type TranslationLocale } from './source-language';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const isoTimestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
const id = z.number().int().positive();
const count = z.number().int().nonnegative();

/** Body limit of the write API, checked before the body is parsed. */
export const MAX_BODY_BYTES = 256 * 1024;

/** What a new entry becomes in the same transaction as its creation. */
export const CREATE_ACTIONS = ['draft', 'submit', 'publish'] as const;
export type CreateAction = (typeof CREATE_ACTIONS)[number];

export const ERROR_CODES = [
  'invalid_parameter',
  'invalid_body',
  'invalid_json',
  'unauthorized',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'conflict',
  'length_required',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** Query or path parameters at fault (400 invalid_parameter). */
    parameters: z.array(z.object({ parameter: z.string(), message: z.string() })).optional(),
    /** Body fields at fault, by path such as `evidence.0.url` (400 invalid_body). */
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

const pagination = {
  total: count,
  page: z.number().int().min(1),
  limit: z.number().int().min(1),
  /** The next page (path and query), or null on the last page. */
  next: z.string().nullable(),
};

export const sourceDocumentSchema = z.object({
  slug: z.string(),
  title: z.string(),
  author: z.string(),
  publishedOn: isoDate,
  place: z.string(),
  reference: z.string().nullable(),
  url: z.string().nullable(),
});
export type SourceDocumentDto = z.infer<typeof sourceDocumentSchema>;

/** One language's current translation of a commitment: its latest version, and when it was added. */
export const commitmentTranslationSchema = z.object({
  title: z.string(),
  text: z.string(),
  version: z.number().int().positive(),
  addedAt: isoTimestamp,
});
export type CommitmentTranslationDto = z.infer<typeof commitmentTranslationSchema>;

/** The current translations of a commitment by language; a language without one is absent. */
export const commitmentTranslationsSchema = z.object(
  Object.fromEntries(
    TRANSLATION_LOCALES.map((locale) => [locale, commitmentTranslationSchema.optional()]),
  ) as Record<TranslationLocale, z.ZodOptional<typeof commitmentTranslationSchema>>,
);
export type CommitmentTranslationsDto = z.infer<typeof commitmentTranslationsSchema>;

export const commitmentSchema = z.object({
  code: z.string(),
  /** The verbatim title and text, in the source's language (`language`). */
  title: z.string(),
  text: z.string(),
  language: z.enum(LOCALES),
  /** Translations shown beside the verbatim original, never in its place. */
  translations: commitmentTranslationsSchema,
  /** Citation as printed, e.g. "13-14". */
  paragraphs: z.string(),
  paragraphNumbers: z.array(z.number().int()),
  theme: z.enum(THEMES),
  dutyBearers: z.array(z.enum(DUTY_BEARERS)),
  rightsHolders: z.array(z.enum(RIGHTS_HOLDERS)),
  gcmObjectives: z.array(z.number().int().min(1).max(23)),
  sdgTargets: z.array(z.string()),
  source: sourceDocumentSchema,
});
export type CommitmentDto = z.infer<typeof commitmentSchema>;

export const actorSchema = z.object({
  id,
  kind: z.enum(ACTOR_KINDS),
  name: z.string(),
  shortName: z.string().nullable(),
  iso3: z.string().nullable(),
  region: z.string().nullable(),
  subRegion: z.string().nullable(),
  intermediateRegion: z.string().nullable(),
  isDemo: z.boolean(),
});
export type ActorDto = z.infer<typeof actorSchema>;

const actorRef = z.object({ id, name: z.string(), kind: z.enum(ACTOR_KINDS) });
export type ActorRefDto = z.infer<typeof actorRef>;
const evidence = z.object({
  url: z.string(),
  title: z.string(),
  relation: z.enum(EVIDENCE_RELATIONS),
});
const withdrawal = z.object({ at: isoTimestamp, reason: z.string() }).nullable();

const entryContent = {
  id,
  commitment: z.object({ code: z.string(), title: z.string() }),
  subject: actorRef,
  reporter: actorRef,
  perspective: z.enum(PERSPECTIVES),
  status: z.enum(STATUS_KEYS),
  asOf: isoDate,
  summary: z.string(),
  narrative: z.string(),
  measures: z.array(z.enum(MEASURES)),
  evidence: z.array(evidence),
  confidence: z.enum(CONFIDENCE_LEVELS).nullable(),
  adverseEffects: z.boolean(),
  adverseEffectsDescription: z.string().nullable(),
  supersedesId: id.nullable(),
  supersededById: id.nullable(),
  withdrawal,
};

export const publishedEntrySchema = z.object({ ...entryContent, publishedAt: isoTimestamp });
export type PublishedEntryDto = z.infer<typeof publishedEntrySchema>;

/** An entry as its writer sees it through the write API: any workflow state. */
export const writtenEntrySchema = z.object({
  ...entryContent,
  idempotencyKey: z.string(),
  state: z.enum(ENTRY_STATES),
  returnNote: z.string().nullable(),
  createdAt: isoTimestamp,
  submittedAt: isoTimestamp.nullable(),
  publishedAt: isoTimestamp.nullable(),
});
export type WrittenEntryDto = z.infer<typeof writtenEntrySchema>;

export const commitmentListSchema = z.object({
  commitments: z.array(commitmentSchema),
  ...pagination,
});
export const commitmentResponseSchema = z.object({ commitment: commitmentSchema });
export const actorListSchema = z.object({ actors: z.array(actorSchema), ...pagination });
export const actorResponseSchema = z.object({ actor: actorSchema });
/** Counted up to a limit and paged on by cursor past the first pages (db/queries/entries.ts). */
export const entryListSchema = z.object({
  entries: z.array(publishedEntrySchema),
  ...pagination,
  /** Null for a page reached by cursor. */
  page: z.number().int().min(1).nullable(),
  /** True when there are more entries than `total`: counting stops there. */
  totalIsLowerBound: z.boolean(),
  /** The `cursor` of the next page (its path is `next`), or null on the last page. */
  nextCursor: z.string().nullable(),
});
export const publishedEntryResponseSchema = z.object({ entry: publishedEntrySchema });
export const writtenEntryResponseSchema = z.object({ entry: writtenEntrySchema });

/** POST /api/v1/entries: the entry form's fields, and what to do with the new entry. */
export const entryCreateBodySchema = entryInputSchema.safeExtend({
  action: z
    .enum(CREATE_ACTIONS, { error: `must be one of: ${CREATE_ACTIONS.join(', ')}` })
    .default('draft'),
});

/** The most entries one POST /api/v1/entries/batch may carry. */
export const MAX_BATCH_ENTRIES = 100;

/** POST /api/v1/entries/batch: entries as POST /api/v1/entries takes each, written all or none. */
export const entryBatchBodySchema = z
  .object({
    entries: z
      .array(entryCreateBodySchema, { error: 'must be a list of entries' })
      .min(1, { error: 'must hold at least one entry' })
      .max(MAX_BATCH_ENTRIES, { error: `must hold at most ${MAX_BATCH_ENTRIES} entries` }),
  })
  .strict();
export const writtenEntryBatchResponseSchema = z.object({ entries: z.array(writtenEntrySchema) });

/** Bodies of POST /api/v1/entries/{id}/{transition}. Submit and publish take none (or `{}`). */
export const TRANSITIONS = ['submit', 'publish', 'return', 'withdraw'] as const;
export type Transition = (typeof TRANSITIONS)[number];
export const transitionBodySchemas = {
  submit: z.object({}).strict(),
  publish: z.object({}).strict(),
  return: z.object({ note: returnNoteSchema }).strict(),
  withdraw: z.object({ reason: withdrawalReasonSchema }).strict(),
} as const satisfies Record<Transition, z.ZodType>;

/** A reporting round (docs/design.md#reporting-rounds) and its completion table. */
export const roundSchema = z.object({
  id,
  title: z.string(),
  opensOn: isoDate,
  dueOn: isoDate,
  status: z.enum(ROUND_STATUSES),
  closedAt: isoTimestamp.nullable(),
  archived: z.boolean(),
  asks: z.enum(ROUND_ASKS),
  /** The region whose states it asks (`asks` = region), else null. */
  region: z.string().nullable(),
  /** The listed actors (`asks` = list), else empty. */
  actorIds: z.array(id),
  commitments: z.array(z.object({ code: z.string(), title: z.string() })),
  note: z.string().nullable(),
});
export type RoundDto = z.infer<typeof roundSchema>;
export const roundListSchema = z.object({ rounds: z.array(roundSchema), ...pagination });

/** `status` of GET /api/v1/rounds: its own name there, unlike an entry's status elsewhere. */
export const roundStatusParameter = z.enum(ROUND_STATUSES, {
  error: `must be one of: ${ROUND_STATUSES.join(', ')}`,
});

/** The query of GET /api/v1/rounds: `status`, `page` and `limit`, each at most once; each fault by name. */
export function parseRoundListQuery(query: URLSearchParams):
  | {
      ok: true;
      value: { status?: (typeof ROUND_STATUSES)[number]; page?: number; limit?: number };
    }
  | { ok: false; errors: { parameter: string; message: string }[] } {
  const errors: { parameter: string; message: string }[] = [];
  const value: { status?: (typeof ROUND_STATUSES)[number]; page?: number; limit?: number } = {};
  const allowed = ['status', 'page', 'limit'] as const;
  for (const key of new Set(query.keys()))
    if (!(allowed as readonly string[]).includes(key))
      errors.push({
        parameter: key,
        message: `is not a parameter of this resource; allowed: ${allowed.join(', ')}`,
      });
  for (const name of allowed) {
    const given = query.getAll(name);
    if (given.length > 1) errors.push({ parameter: name, message: 'is given more than once' });
    const raw = given[0]?.trim();
    if (given.length !== 1 || !raw) continue;
    const parsed = (name === 'status' ? roundStatusParameter : PARAMETERS[name]).safeParse(raw);
    if (parsed.success) Object.assign(value, { [name]: parsed.data });
    else errors.push({ parameter: name, message: parsed.error.issues[0]!.message });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

const completionCounts = z.object(
  Object.fromEntries(COMPLETION_KEYS.map((key) => [key, count])) as Record<
    CompletionKey,
    typeof count
  >,
);
export const roundCompletionSchema = z.object({
  /** The day the table is computed for: `overdue` depends on it. */
  asOf: isoDate,
  counts: completionCounts,
  /** The asked actors, by name (in the API, those of the page). */
  actors: z.array(actorRef.extend({ region: z.string().nullable() })),
  /** One per asked actor and round commitment that applies to it (in the API, the page's actors'). */
  cells: z.array(z.object({ actor: id, commitment: z.string(), status: z.enum(COMPLETION_KEYS) })),
});
export type RoundCompletionDto = z.infer<typeof roundCompletionSchema>;
/**
 * GET /api/v1/rounds/{id}: the round, the whole table's counts, and one page of its asked actors
 * with their cells; `total`, `page` and `limit` count actors.
 */
export const roundResponseSchema = z.object({
  round: roundSchema,
  completion: roundCompletionSchema,
  ...pagination,
});

/** The datasets under /api/v1/exports (app/api/v1/exports) and the JSON form of each download. */
export const EXPORT_DATASETS = ['commitments', 'actors', 'entries', 'matrix', 'summary'] as const;
export const EXPORT_FORMATS = ['csv', 'json'] as const;
export const exportJsonSchema = z.object({
  meta: z.object({
    dataset: z.enum(EXPORT_DATASETS),
    generated_at: isoTimestamp,
    as_of: isoDate,
    filters: z.record(z.string(), z.unknown()),
    source: z.object({ name: z.string(), url: z.string() }),
    demo: z.boolean(),
    notice: z.string().nullable(),
    columns: z.array(z.string()),
    count: count,
  }),
  rows: z.array(z.record(z.string(), z.unknown())),
});
