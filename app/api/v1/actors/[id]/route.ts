import { getActor } from '@/db/queries/actors';
import { actorResponseSchema } from '@/lib/api-schemas';
import {
  cachedRead,
  invalidParameters,
  methodsNotAllowed,
  notFound,
  parseIdParameter,
  parseRequestQuery,
} from '../../_lib/respond';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const query = parseRequestQuery(request, []);
  if (!query.ok) return invalidParameters(query.errors);
  const id = await parseIdParameter(params);
  if (!id.ok) return id.response;
  const actor = getActor(id.id);
  if (!actor) return notFound(`There is no actor with the id ${id.id}.`);
  return cachedRead(request, actorResponseSchema, () => ({ actor }));
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
