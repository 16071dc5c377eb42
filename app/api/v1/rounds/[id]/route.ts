import { getRound, getRoundCompletion } from '@/db/queries/rounds';
import { PARAMETERS } from '@/lib/query-params';
import { roundResponseSchema } from '@/lib/api-schemas';
import {
  cachedRead,
  invalidParameters,
  methodsNotAllowed,
  notFound,
  parseRequestQuery,
} from '../../_lib/respond';

/** One round, archived ones included, with its completion table as of today. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const query = parseRequestQuery(request, []);
  if (!query.ok) return invalidParameters(query.errors);
  const id = PARAMETERS.subject.safeParse((await params).id);
  if (!id.success)
    return invalidParameters([
      { parameter: 'id', message: id.error.issues[0]?.message ?? 'is not valid' },
    ]);
  const round = getRound(id.data);
  if (!round) return notFound(`There is no reporting round with the id ${id.data}.`);
  return cachedRead(request, roundResponseSchema, () => ({
    round,
    completion: getRoundCompletion(round),
  }));
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
