/** zod schemas of the dashboard's API responses: the client validates what it receives. */
import { z } from 'zod';
import { STATUS_KEYS } from './status-scale';
import { PERSPECTIVES } from './taxonomy';
import { CELL_KEYS, type MatrixPageDto, type SummaryDto } from './summary-types';

const count = z.number().int().nonnegative();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const statusCounts = z.object(
  Object.fromEntries(CELL_KEYS.map((key) => [key, count])) as Record<
    (typeof CELL_KEYS)[number],
    typeof count
  >,
);
const share = z.number().min(0).max(1).nullable();

const groupRow = z.object({
  key: z.string(),
  label: z.string(),
  counts: statusCounts,
  pairs: count,
  reported: count,
  score: share,
});

export const summarySchema = z.object({
  asOf: isoDate,
  perspective: z.enum(PERSPECTIVES),
  staleBefore: isoDate,
  figures: z.object({
    pairs: count,
    reported: count,
    coverage: share,
    score: share,
    scored: count,
    commitments: count,
    actors: count,
    actorsReporting: count,
    contested: count,
    stale: count,
    regressed: count,
    adverseEffects: count,
  }),
  byActor: z.array(groupRow),
  byTheme: z.array(groupRow),
  byObjective: z.array(groupRow),
  byCommitment: z.array(groupRow),
  overTime: z.array(
    z.object({
      period: z.string(),
      date: isoDate,
      counts: statusCounts,
      pairs: count,
      reported: count,
      score: share,
    }),
  ),
}) satisfies z.ZodType<SummaryDto>;

const matrixStatus = z
  .object({
    status: z.enum(STATUS_KEYS),
    asOf: isoDate,
    entryId: z.number().int(),
    stale: z.boolean(),
  })
  .nullable();

/** One page of actors x the view's commitments; an entry's summary and reporter come from /api/v1/entries/{id}. */
export const matrixPageSchema = z.object({
  asOf: isoDate,
  actors: z.array(z.object({ id: z.number().int(), name: z.string() })),
  commitments: z.array(z.object({ code: z.string(), title: z.string() })),
  cells: z.array(
    z.object({
      actorId: z.number().int(),
      code: z.string(),
      self: matrixStatus,
      independent: matrixStatus,
      contested: z.boolean(),
    }),
  ),
  total: count,
  page: z.number().int().min(1),
  limit: z.number().int().min(1),
}) satisfies z.ZodType<MatrixPageDto>;

/** GET /api/v1/matrix: a page, with the next page's path and query (also in the Link header), or null on the last. */
export const matrixPageResponseSchema = matrixPageSchema.extend({ next: z.string().nullable() });
