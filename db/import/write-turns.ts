/**
 * Turns at the write lock between the CSV import's worker thread, whose one transaction holds the
 * lock for seconds, and this thread's own writes (forms, sign-in, admin screens), which would
 * otherwise wait for it in SQLite's busy timeout with the event loop held and the server
 * answering nothing. An import takes its turn once the writes under way have finished; writes
 * that come meanwhile wait, without holding the event loop, until it has committed. Imports write
 * one after another, and the API's group commit is held during each (db/group-commit.ts).
 */
import 'server-only';
import { getDb } from '../client';
import { writeBatchOf } from '../group-commit';

/** Imports waiting for or holding the write lock, and what their last one settles. */
let imports = 0;
let lastImport: Promise<void> = Promise.resolve();
let importsDone: Promise<void> = Promise.resolve();
let allImportsDone: () => void = () => {};
/** Writes of this thread under way, and the imports waiting for them to finish. */
let writes = 0;
const waitingForWrites: (() => void)[] = [];

/**
 * An import's turn: once the imports asked before and the writes under way are done; holds the
 * group commit. Returns the release.
 */
export async function importTurn(): Promise<() => void> {
  const previous = lastImport;
  let done!: () => void;
  lastImport = new Promise((resolve) => (done = resolve));
  if (imports === 0) importsDone = new Promise((resolve) => (allImportsDone = resolve));
  imports += 1;
  await previous;
  while (writes > 0) await new Promise<void>((resolve) => waitingForWrites.push(resolve));
  const releaseBatch = writeBatchOf(getDb().$client).hold();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    releaseBatch();
    done();
    imports -= 1;
    if (imports === 0) allImportsDone();
  };
}

/** Runs a request's writes once no import holds or waits for the lock; imports wait for them. */
export async function afterImports<T>(work: () => Promise<T>): Promise<T> {
  while (imports > 0) await importsDone;
  writes += 1;
  try {
    return await work();
  } finally {
    writes -= 1;
    if (writes === 0) for (const wake of waitingForWrites.splice(0)) wake();
  }
}
