import { listRounds } from '@/db/queries/rounds';
import { DEFAULT_PAGE_SIZE } from '@/lib/query-params';
import { parseRoundListQuery, roundListSchema } from '@/lib/api-schemas';
import {
  cachedRead,
  invalidParameters,
  linkHeader,
  methodsNotAllowed,
  nextPage,
} from '../_lib/respond';

/** Reporting rounds that are not archived, the latest due first; `status` = open or closed; paged. */
export function GET(request: Request) {
  const query = parseRoundListQuery(new URL(request.url).searchParams);
  if (!query.ok) return invalidParameters(query.errors);
  const { page = 1, limit = DEFAULT_PAGE_SIZE, ...filters } = query.value;
  return cachedRead(
    request,
    roundListSchema,
    () => {
      const all = listRounds(filters);
      return {
        rounds: all.slice((page - 1) * limit, page * limit),
        total: all.length,
        page,
        limit,
        next: nextPage(request, page, limit, all.length),
      };
    },
    (body) => linkHeader(body.next),
  );
}

// Rounds are written by admins on the admin screens only (db/queries/admin-rounds.ts).
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
