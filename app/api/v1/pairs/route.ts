import { listPairs } from '@/db/queries/pairs';
import { roundParameterErrors } from '@/db/queries/round-scope';
import { DEFAULT_PAGE_SIZE, PAIR_LIST_PARAMETERS } from '@/lib/query-params';
import { pairListResponseSchema } from '@/lib/pair-schema';
import {
  cachedRead,
  invalidParameters,
  linkHeader,
  methodsNotAllowed,
  nextPage,
  parseRequestQuery,
} from '../_lib/respond';

/**
 * The (actor, commitment) pairs of a dashboard view, each with both perspectives' current
 * entries; `flag` narrows them to those a headline figure counts (contested, stale, regressed,
 * adverse_effects), so `total` is that figure. Paged by number, with a Link to the next page.
 */
export function GET(request: Request) {
  const query = parseRequestQuery(request, PAIR_LIST_PARAMETERS);
  if (!query.ok) return invalidParameters(query.errors);
  const roundErrors = roundParameterErrors(query.value.round);
  if (roundErrors.length > 0) return invalidParameters(roundErrors);
  const { page = 1, limit = DEFAULT_PAGE_SIZE, ...filters } = query.value;
  return cachedRead(
    request,
    pairListResponseSchema,
    () => {
      const list = listPairs({ ...filters, page, limit });
      return { ...list, next: nextPage(request, list.page, list.limit, list.total) };
    },
    (body) => linkHeader(body.next),
  );
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
