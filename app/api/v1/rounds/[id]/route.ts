import { completionDto, getRound, getRoundCompletion } from '@/db/queries/rounds';
import { PAGE_PARAMETERS } from '@/lib/query-params';
import { roundResponseSchema } from '@/lib/api-schemas';
import {
  cachedRead,
  invalidParameters,
  linkHeader,
  methodsNotAllowed,
  nextPage,
  notFound,
  parseIdParameter,
  parseRequestQuery,
} from '../../_lib/respond';

/**
 * Asked actors a page unless `limit` says otherwise, like the matrix: each brings a cell for
 * every round commitment that applies to it, so a round of a few hundred commitments and 50
 * actors would be a megabyte.
 */
const ROUND_ACTORS_PER_PAGE = 20;

/**
 * One round, archived ones included, with its completion table as of today: the whole table's
 * counts, and one page of its asked actors (by name) with their cells.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const query = parseRequestQuery(request, PAGE_PARAMETERS);
  if (!query.ok) return invalidParameters(query.errors);
  const id = await parseIdParameter(params);
  if (!id.ok) return id.response;
  const round = getRound(id.id);
  if (!round) return notFound(`There is no reporting round with the id ${id.id}.`);
  const { page = 1, limit = ROUND_ACTORS_PER_PAGE } = query.value;
  return cachedRead(
    request,
    roundResponseSchema,
    () => {
      const completion = getRoundCompletion(round);
      const total = completion.actors.length;
      return {
        round,
        completion: completionDto(completion, (page - 1) * limit, page * limit),
        total,
        page,
        limit,
        next: nextPage(request, page, limit, total),
      };
    },
    (body) => linkHeader(body.next),
  );
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
