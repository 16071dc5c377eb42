import { getPublishedEntry } from '@/db/queries/entries';
import { PARAMETERS } from '@/lib/query-params';
import { publishedEntryResponseSchema } from '@/lib/api-schemas';
import {
  cachedRead,
  invalidParameters,
  methodsNotAllowed,
  notFound,
  parseRequestQuery,
} from '../../_lib/respond';

/** One published entry; drafts and submissions are not public and answer 404. (Ids parse like any actor id.) */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const query = parseRequestQuery(request, []);
  if (!query.ok) return invalidParameters(query.errors);
  const id = PARAMETERS.subject.safeParse((await params).id);
  if (!id.success)
    return invalidParameters([
      { parameter: 'id', message: id.error.issues[0]?.message ?? 'is not valid' },
    ]);
  const entry = getPublishedEntry(id.data);
  if (!entry) return notFound(`There is no published entry with the id ${id.data}.`);
  return cachedRead(request, publishedEntryResponseSchema, () => ({ entry }));
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
