import { getPublishedEntry } from '@/db/queries/entries';
import { publishedEntryResponseSchema } from '@/lib/api-schemas';
import {
  cachedRead,
  invalidParameters,
  methodsNotAllowed,
  notFound,
  parseIdParameter,
  parseRequestQuery,
} from '../../_lib/respond';

/** One published entry; drafts and submissions are not public and answer 404. (Ids parse like any actor id.) */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const query = parseRequestQuery(request, []);
  if (!query.ok) return invalidParameters(query.errors);
  const id = await parseIdParameter(params);
  if (!id.ok) return id.response;
  const entry = getPublishedEntry(id.id);
  if (!entry) return notFound(`There is no published entry with the id ${id.id}.`);
  return cachedRead(request, publishedEntryResponseSchema, () => ({ entry }));
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
