import { listActors } from '@/db/queries/actors';
import { ACTOR_LIST_PARAMETERS, DEFAULT_PAGE_SIZE, PAGE_PARAMETERS } from '@/lib/query-params';
import { actorListSchema } from '@/lib/api-schemas';
import {
  cachedRead,
  invalidParameters,
  linkHeader,
  methodsNotAllowed,
  nextPage,
  parseRequestQuery,
} from '../_lib/respond';

/** Actors by name (then id: stable across pages), paginated. */
export function GET(request: Request) {
  const query = parseRequestQuery(request, [...ACTOR_LIST_PARAMETERS, ...PAGE_PARAMETERS]);
  if (!query.ok) return invalidParameters(query.errors);
  const { page = 1, limit = DEFAULT_PAGE_SIZE, ...filters } = query.value;
  return cachedRead(
    request,
    actorListSchema,
    () => {
      const all = listActors(filters);
      return {
        actors: all.slice((page - 1) * limit, page * limit),
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
