import { getRound, getRoundCompletion } from '@/db/queries/rounds';
import { roundResponseSchema } from '@/lib/api-schemas';
import {
  cachedRead,
  invalidParameters,
  methodsNotAllowed,
  notFound,
  parseIdParameter,
  parseRequestQuery,
} from '../../_lib/respond';

/** One round, archived ones included, with its completion table as of today. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const query = parseRequestQuery(request, []);
  if (!query.ok) return invalidParameters(query.errors);
  const id = await parseIdParameter(params);
  if (!id.ok) return id.response;
  const round = getRound(id.id);
  if (!round) return notFound(`There is no reporting round with the id ${id.id}.`);
  return cachedRead(request, roundResponseSchema, () => ({
    round,
    completion: getRoundCompletion(round),
  }));
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
