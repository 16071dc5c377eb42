import { getActor } from '@/db/queries/actors';
import { PARAMETERS } from '@/lib/query-params';
import { actorResponseSchema } from '@/lib/api-schemas';
import {
  cachedRead,
  invalidParameters,
  methodsNotAllowed,
  notFound,
  parseRequestQuery,
} from '../../_lib/respond';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const query = parseRequestQuery(request, []);
  if (!query.ok) return invalidParameters(query.errors);
  const id = PARAMETERS.subject.safeParse((await params).id);
  if (!id.success)
    return invalidParameters([
      { parameter: 'id', message: id.error.issues[0]?.message ?? 'is not valid' },
    ]);
  const actor = getActor(id.data);
  if (!actor) return notFound(`There is no actor with the id ${id.data}.`);
  return cachedRead(request, actorResponseSchema, () => ({ actor }));
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
