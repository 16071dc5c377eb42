import 'server-only';
import { getDb } from '../client';
import { writeBatchOf } from '../write-batch';

/**
 * Runs a synchronous write function (e.g. createAndAdvanceEntry) in the app database's next
 * group commit (db/write-batch.ts): resolves with its result once that result is on disk.
 */
export function groupCommit<T>(write: () => T): Promise<T> {
  return writeBatchOf(getDb().$client).submit(write);
}
