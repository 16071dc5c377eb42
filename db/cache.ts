/**
 * A small in-process cache of read results (dashboard figures), never stale: every value is tagged
 * with the database's data version (a counter bumped by triggers in the same transaction as any
 * write, by whichever process writes). A read looks the counter up (one indexed row) and
 * recomputes when it moved, so a publish, a script or an import invalidates every cached figure at
 * its commit.
 *
 * Bounded by rows, not by count of values: a view's figures range from a few rows to thousands (a
 * summary of every actor, a matrix of every pair), so each caller says how many rows its value
 * holds. A value too large to keep is computed and returned but not kept.
 */
import { LRUCache } from 'lru-cache';
import type { Db } from './client';

/** The rows (actors, matrix cells, points over time: each up to a few hundred bytes) the cache may hold per database. */
export const MEMO_ROWS = 100_000;
/** A value of more rows than this is not kept: it would push out a quarter of the cache or more. */
export const MEMO_MAX_VALUE_ROWS = MEMO_ROWS / 4;

interface Store {
  version: number;
  values: LRUCache<string, object>;
}

/** Per database, on globalThis: route handlers and pages (separate module instances in Next.js) share one cache. */
const globalForCache = globalThis as typeof globalThis & {
  __commitmentTrackerMemoStores?: WeakMap<Db, Store>;
};
const stores = (globalForCache.__commitmentTrackerMemoStores ??= new WeakMap<Db, Store>());

/** The data version counter (a different thing from the read API's ETag fingerprint in db/queries/data-version.ts). */
export function readDataVersion(db: Db): number {
  return (
    (db.$client.prepare('SELECT version FROM data_version WHERE id = 1').pluck().get() as
      number | undefined) ?? 0
  );
}

/**
 * `compute()` once per (key, data version). The version is read in the same read transaction as
 * the computation, so the figures cached under it are exactly that version's. `rows` counts the
 * value's rows; a value of a few rows may leave it out.
 */
export function memoByDataVersion<T extends object>(
  db: Db,
  key: string,
  compute: () => T,
  rows: (value: T) => number = () => 1,
): T {
  return db.$client.transaction(() => {
    const version = readDataVersion(db);
    let store = stores.get(db);
    if (!store) {
      store = {
        version,
        values: new LRUCache({ maxSize: MEMO_ROWS, maxEntrySize: MEMO_MAX_VALUE_ROWS }),
      };
      stores.set(db, store);
    } else if (store.version !== version) {
      store.values.clear();
      store.version = version;
    }
    const cached = store.values.get(key);
    if (cached) return cached as T;
    const value = compute();
    store.values.set(key, value, { size: Math.max(1, rows(value)) });
    return value;
  })();
}
