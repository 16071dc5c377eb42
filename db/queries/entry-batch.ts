import 'server-only';
import { getDb } from '../client';
import type { CreateAction } from '../../lib/api-schemas';
import { createAndAdvanceEntry, type WriteContext, type WriteResult } from './entry-workflow';

export interface BatchItem {
  input: unknown;
  action: CreateAction;
}

type Refusal = Extract<WriteResult, { ok: false }>;

export type BatchWriteResult =
  { ok: true; entries: { entryId: number; duplicate: boolean }[] } | Refusal;

/** A refusal of item `index`, as the API names it: fields under `entries.<index>.`, the message prefixed with it. */
function refusalOf(index: number, refusal: Refusal): Refusal {
  const at = `entries.${index}`;
  return {
    ...refusal,
    message: `${at}: ${refusal.message}`,
    ...(refusal.fieldErrors
      ? {
          fieldErrors: Object.fromEntries(
            Object.entries(refusal.fieldErrors).map(([field, message]) => [
              `${at}.${field}`,
              message,
            ]),
          ),
        }
      : {}),
  };
}

class BatchRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

/**
 * Creates several entries, each as `createAndAdvanceEntry` would alone (the same rules,
 * authorization and audit row per entry, each in its own savepoint), in ONE immediate
 * transaction: all of them or none. The first refusal rolls the whole batch back and is answered
 * with the item it came from. An item whose idempotency key its user already used is answered
 * with that entry, unchanged, so a retried batch creates nothing twice.
 */
export function createAndAdvanceEntries(
  userId: string,
  items: readonly BatchItem[],
  context: WriteContext = {},
): BatchWriteResult {
  try {
    const entries = getDb().transaction(
      () =>
        items.map(({ input, action }, index) => {
          const written = createAndAdvanceEntry(userId, input, action, context);
          if (!written.ok) throw new BatchRefused(refusalOf(index, written));
          return { entryId: written.entryId, duplicate: written.duplicate === true };
        }),
      { behavior: 'immediate' },
    );
    return { ok: true, entries };
  } catch (error) {
    if (error instanceof BatchRefused) return error.refusal;
    throw error;
  }
}
