/** GET /api/v1/pairs and the pair list page: (actor, commitment) pairs with both current entries. */
import { z } from 'zod';
import { PAIR_FLAGS } from './rollup';
import { STATUS_KEYS } from './status-scale';
import { PERSPECTIVES } from './taxonomy';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const count = z.number().int().nonnegative();

const currentEntry = z
  .object({
    entryId: z.number().int().positive(),
    status: z.enum(STATUS_KEYS),
    asOf: isoDate,
    stale: z.boolean(),
    adverseEffects: z.boolean(),
  })
  .nullable();

export const pairListSchema = z.object({
  asOf: isoDate,
  perspective: z.enum(PERSPECTIVES),
  staleBefore: isoDate,
  flag: z.enum(PAIR_FLAGS).nullable(),
  /** Pairs in the list, on every page: the headline figure of the same flag and filters. */
  total: count,
  /** Current entries of the listed pairs, either perspective, that report adverse effects. */
  adverseEntries: count,
  page: z.number().int().min(1),
  limit: z.number().int().min(1),
  pairs: z.array(
    z.object({
      actor: z.object({ id: z.number().int(), name: z.string() }),
      commitment: z.object({ code: z.string(), title: z.string() }),
      self: currentEntry,
      independent: currentEntry,
      contested: z.boolean(),
      /** Both sides have an entry and their as-of dates are more than 12 months apart. */
      farApart: z.boolean(),
    }),
  ),
});

export type PairListDto = z.output<typeof pairListSchema>;

/** The API's answer: a page, with the next page's path and query (also in the Link header). */
export const pairListResponseSchema = pairListSchema.extend({ next: z.string().nullable() });
