import 'server-only';
import type { NextResponse } from 'next/server';
import type { WriteResult } from '@/db/queries/entry-workflow';
import { getWrittenEntry } from '@/db/queries/written-entries';
import { writtenEntryResponseSchema } from '@/lib/api-schemas';
import { apiError, invalidBody, notFound, respond } from './respond';

/** A workflow result as the API answers it: the entry as its writer now sees it, or one error shape. */
export function writeResponse(userId: string, result: WriteResult, created = false): NextResponse {
  if (!result.ok) {
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
  const entry = getWrittenEntry(userId, result.entryId);
  if (!entry) return notFound('The entry was not found.');
  return respond(writtenEntryResponseSchema, { entry }, { status: created && !result.duplicate ? 201 : 200 });
}
