import 'server-only';
import type { NextResponse } from 'next/server';
import type { WriteResult } from '@/db/queries/entry-workflow';
import { groupCommit } from '@/db/group-commit';
import { getWrittenEntry } from '@/db/queries/written-entries';
import { writtenEntryResponseSchema, type WrittenEntryDto } from '@/lib/api-schemas';
import { apiError, invalidBody, notFound, respond } from './respond';

/** A workflow write's result and, when it succeeded, the entry as its writer then sees it. */
export interface CommittedWrite {
  result: WriteResult;
  entry: WrittenEntryDto | null;
}

/**
 * Runs a workflow write in the next group commit (db/group-commit.ts), with the entry read back in
 * the same transaction; resolves only once the commit is on disk, so an answer means durable.
 */
export function commitWrite(userId: string, write: () => WriteResult): Promise<CommittedWrite> {
  return groupCommit(() => {
    const result = write();
    return { result, entry: result.ok ? getWrittenEntry(userId, result.entryId) : null };
  });
}

/** A refused write in the API's one error shape. */
export function refusalResponse(result: Extract<WriteResult, { ok: false }>): NextResponse {
  switch (result.status) {
    case 400:
      return invalidBody(result.fieldErrors ?? { body: result.message });
    case 403:
      return apiError('forbidden', result.message);
    case 404:
      return notFound(result.message);
    case 409:
      return apiError('conflict', result.message);
  }
}

/** A committed write as the API answers it: the entry as its writer now sees it, or one error shape. */
export function writeResponse({ result, entry }: CommittedWrite, created = false): NextResponse {
  if (!result.ok) return refusalResponse(result);
  if (!entry) return notFound('The entry was not found.');
  return respond(
    writtenEntryResponseSchema,
    { entry },
    { status: created && !result.duplicate ? 201 : 200 },
  );
}
