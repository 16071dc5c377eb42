import { listCommitments } from '@/db/queries/commitments';
import { COMMITMENT_LIST_PARAMETERS, DEFAULT_PAGE_SIZE, PAGE_PARAMETERS } from '@/lib/query-params';
import { commitmentListSchema } from '@/lib/api-schemas';
import {
  cachedRead,
  invalidParameters,
  linkHeader,
  methodsNotAllowed,
  nextPage,
  parseRequestQuery,
} from '../_lib/respond';

/** Commitments in the report's order (position, then id: stable across pages), paginated. */
export function GET(request: Request) {
  const query = parseRequestQuery(request, [...COMMITMENT_LIST_PARAMETERS, ...PAGE_PARAMETERS]);
  if (!query.ok) return invalidParameters(query.errors);
  const { page = 1, limit = DEFAULT_PAGE_SIZE, ...filters } = query.value;
  return cachedRead(
    request,
    commitmentListSchema,
    () => {
      const all = listCommitments(filters);
      return {
        commitments: all.slice((page - 1) * limit, page * limit),
        total: all.length,
        page,
        limit,
        next: nextPage(request, page, limit, all.length),
      };
    },
    (body) => linkHeader(body.next),
  );
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
