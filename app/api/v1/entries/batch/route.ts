import { createAndAdvanceEntries, type BatchWriteResult } from '@/db/queries/entry-batch';
import { groupCommit } from '@/db/group-commit';
import { getWrittenEntry } from '@/db/queries/written-entries';
import {
  entryBatchBodySchema,
  writtenEntryBatchResponseSchema,
  type WrittenEntryDto,
} from '@/lib/api-schemas';
import { methodsNotAllowed, notFound, respond } from '../../_lib/respond';
import { guardedWrite, rateLimit, requestId } from '../../_lib/write-request';
import { refusalResponse } from '../../_lib/write-response';

/**
 * Creates several entries as the token's user, each submitted or published as its `action` says,
 * all in one transaction: every entry is written, or none. Each entry counts against the token's
 * budget of writes. Answers 201 with the entries as their writer now sees them (200 when every
 * one was already written with its idempotency key: a retried batch).
 */
export async function POST(request: Request) {
  const write = await guardedWrite(request, entryBatchBodySchema);
  if (!write.ok) return write.response;
  const {
    userId,
    tokenKey,
    body: { entries },
  } = write.value;
  // The first entry was counted with the request; the rest count now, before anything is written.
  const budget = await rateLimit(tokenKey, entries.length - 1);
  if (!budget.ok) return budget.response;
  const context = { requestId: requestId() };
  const committed = await groupCommit(
    (): { result: BatchWriteResult; written: (WrittenEntryDto | null)[] } => {
      const result = createAndAdvanceEntries(
        userId,
        entries.map(({ action, ...input }) => ({ input, action })),
        context,
      );
      return result.ok
        ? { result, written: result.entries.map(({ entryId }) => getWrittenEntry(userId, entryId)) }
        : { result, written: [] };
    },
  );
  if (!committed.result.ok) return refusalResponse(committed.result);
  const written = committed.written.filter((entry): entry is WrittenEntryDto => entry !== null);
  if (written.length !== committed.written.length)
    return notFound('An entry of the batch was not found.');
  const created = committed.result.entries.some((entry) => !entry.duplicate);
  return respond(
    writtenEntryBatchResponseSchema,
    { entries: written },
    { status: created ? 201 : 200 },
  );
}

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(['POST']);
