import { listPublishedEntries } from '@/db/queries/entries';
import { createAndAdvanceEntry } from '@/db/queries/entry-workflow';
import { ENTRY_LIST_PARAMETERS } from '@/lib/query-params';
import { entryCreateBodySchema, entryListSchema } from '@/lib/api-schemas';
import {
  cachedRead,
  invalidParameters,
  linkHeader,
  methodsNotAllowed,
  nextPage,
  parseRequestQuery,
} from '../_lib/respond';
import { guardedWrite, requestId } from '../_lib/write-request';
import { commitWrite, writeResponse } from '../_lib/write-response';

/** Published entries only, newest first by as-of date (ties: later published, then higher id), paginated. */
export function GET(request: Request) {
  const query = parseRequestQuery(request, ENTRY_LIST_PARAMETERS);
  if (!query.ok) return invalidParameters(query.errors);
  return cachedRead(
    request,
    entryListSchema,
    () => {
      const page = listPublishedEntries(query.value);
      return { ...page, next: nextPage(request, page.page, page.limit, page.total) };
    },
    (body) => linkHeader(body.next),
  );
}

/** Creates an entry as the token's user, and submits or publishes it in the same transaction. */
export async function POST(request: Request) {
  const write = await guardedWrite(request, entryCreateBodySchema);
  if (!write.ok) return write.response;
  const {
    userId,
    body: { action, ...input },
  } = write.value;
  const context = { requestId: requestId() };
  return writeResponse(
    await commitWrite(userId, () => createAndAdvanceEntry(userId, input, action, context)),
    true,
  );
}

export const { PUT, PATCH, DELETE } = methodsNotAllowed(['GET', 'POST']);
