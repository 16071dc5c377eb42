import { decodeEntryCursor, lastNumberedPage, listPublishedEntries } from '@/db/queries/entries';
import { createAndAdvanceEntry } from '@/db/queries/entry-workflow';
import {
  CURSOR_MESSAGE,
  DEFAULT_PAGE_SIZE,
  ENTRY_PAGE_PARAMETERS,
  type ParameterError,
} from '@/lib/query-params';
import { entryCreateBodySchema, entryListSchema } from '@/lib/api-schemas';
import {
  cachedRead,
  invalidParameters,
  linkHeader,
  methodsNotAllowed,
  parseRequestQuery,
} from '../_lib/respond';
import { guardedWrite, requestId } from '../_lib/write-request';
import { commitWrite, writeResponse } from '../_lib/write-response';

/**
 * Published entries only, newest first by as-of date (ties: later published, then higher id): the
 * first pages by number, any page by the cursor its `next` link carries.
 */
export function GET(request: Request) {
  const query = parseRequestQuery(request, ENTRY_PAGE_PARAMETERS);
  if (!query.ok) return invalidParameters(query.errors);
  const { cursor, ...filters } = query.value;
  const after = (cursor === undefined ? undefined : decodeEntryCursor(cursor)) ?? undefined;
  const last = lastNumberedPage(filters.limit ?? DEFAULT_PAGE_SIZE);
  const errors: ParameterError[] = [];
  if (cursor !== undefined && !after) errors.push({ parameter: 'cursor', message: CURSOR_MESSAGE });
  if (cursor !== undefined && filters.page !== undefined)
    errors.push({
      parameter: 'page',
      message: 'cannot be given with cursor: use one or the other',
    });
  else if ((filters.page ?? 1) > last)
    errors.push({
      parameter: 'page',
      message: `must be at most ${last} at this limit: to go further, follow the next link`,
    });
  if (errors.length > 0) return invalidParameters(errors);
  return cachedRead(
    request,
    entryListSchema,
    () => {
      const { nextCursor, ...list } = listPublishedEntries({ ...filters, after });
      const next = new URL(request.url);
      next.searchParams.delete('page');
      next.searchParams.set('cursor', nextCursor ?? '');
      return {
        ...list,
        page: after ? null : list.page,
        nextCursor,
        next: nextCursor ? `${next.pathname}?${next.searchParams.toString()}` : null,
      };
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
