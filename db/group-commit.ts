/**
 * Group commit. A durable commit costs one fsync of the WAL (synchronous=FULL), a few
 * milliseconds whatever the transaction's size, so one transaction per request caps writes at a
 * few hundred a second. Writes submitted in the same turn of the event loop (while the previous
 * commit held the thread, requests queued up) are run together in ONE immediate transaction,
 * each in its own savepoint: a write that throws rolls back only itself (and its audit row),
 * and the others commit. Every submitter's promise settles only after the shared COMMIT
 * returned, so an acknowledgement still means durable; if BEGIN or COMMIT fails, every write of
 * the batch is rejected and nothing of it is kept.
 *
 * The writes are the ordinary synchronous write functions: their own immediate transactions
 * become savepoints inside the batch (better-sqlite3 nests transactions that way), so each runs
 * exactly as it would alone, after the writes queued before it.
 *
 * While another connection of this process holds the write lock (the CSV import's worker thread,
 * db/import/csv-import.ts), the batch is held (`hold()`): writes queue up and commit once it is
 * released, instead of the event loop waiting for the lock in SQLite's busy timeout.
 */
import 'server-only';
import type Database from 'better-sqlite3';
import { getDb } from './client';

/** A bound on one transaction's length (and so on the latency the first write of a batch waits). */
export const MAX_WRITES_PER_COMMIT = 64;

export interface WriteBatchStats {
  /** Transactions committed (or attempted) by the batcher. */
  commits: number;
  /** Writes run in them, refused or not. */
  writes: number;
}

interface Pending {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export class WriteBatch {
  private queue: Pending[] = [];
  private scheduled = false;
  private holds = 0;
  readonly stats: WriteBatchStats = { commits: 0, writes: 0 };

  constructor(private readonly sqlite: Database.Database) {}

  /**
   * Runs `write` (synchronous: it must not await) in the next group commit. Resolves with its
   * result, or rejects with what it threw, once the commit is on disk; rejects with the commit's
   * error if the batch could not commit.
   */
  submit<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  /**
   * Keeps the batch from committing until the returned function is called (once is enough):
   * another connection holds the write lock, and writes submitted meanwhile wait in the queue.
   */
  hold(): () => void {
    this.holds += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds -= 1;
      if (this.holds === 0 && this.queue.length > 0) this.schedule();
    };
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // After the I/O of this turn: every request that arrived meanwhile has queued its write.
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    if (this.holds > 0) return;
    const batch = this.queue.splice(0, MAX_WRITES_PER_COMMIT);
    if (this.queue.length > 0) this.schedule();
    if (batch.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = this.sqlite
        .transaction(() => batch.map((pending) => this.runOne(pending.write)))
        .immediate();
    } catch (error) {
      // Nothing of the batch is kept: no write of it may be acknowledged.
      for (const pending of batch) pending.reject(error);
      return;
    } finally {
      this.stats.commits += 1;
      this.stats.writes += batch.length;
    }
    batch.forEach((pending, index) => {
      const outcome = outcomes[index] as Outcome;
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
  }

  /** One write in its own savepoint; an error that ended the whole transaction aborts the batch. */
  private runOne(write: () => unknown): Outcome {
    try {
      return { ok: true, value: this.sqlite.transaction(write)() };
    } catch (error) {
      // SQLite rolls back the whole transaction on some errors (disk full, I/O): then the
      // writes before this one are gone too, and the batch must fail as one.
      if (!this.sqlite.inTransaction) throw error;
      return { ok: false, error };
    }
  }
}

const batches = new WeakMap<Database.Database, WriteBatch>();

/** The one batcher of a connection: every write through it shares its commits. */
export function writeBatchOf(sqlite: Database.Database): WriteBatch {
  let batch = batches.get(sqlite);
  if (!batch) {
    batch = new WriteBatch(sqlite);
    batches.set(sqlite, batch);
  }
  return batch;
}

/**
 * Runs a synchronous write function (e.g. createAndAdvanceEntry) in the app database's next group
 * commit: resolves with its result once that result is on disk.
 */
export function groupCommit<T>(write: () => T): Promise<T> {
  return writeBatchOf(getDb().$client).submit(write);
}
