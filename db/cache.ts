/**
 * A small in-process cache of read results (dashboard figures), never stale: every entry is
 * tagged with the database's data version (migration 0007: a counter bumped by triggers in the
 * same transaction as any write, by whichever process writes). A read looks the counter up (one
 * indexed row) and recomputes when it moved, so a publish, a script or an import invalidates
 * every cached figure at its commit.
 */
import type { Db } from './client';

interface Slot {
  version: number;
  value: unknown;
}

interface Store {
  version: number;
  slots: Map<string, Slot>;
}

/** Views kept per data version; the least recently used goes first. */
export const CACHE_SLOTS = 64;

const stores = new WeakMap<Db, Store>();

export function dataVersion(db: Db): number {
  return (db.$client.prepare('SELECT version FROM data_version WHERE id = 1').pluck().get() as number | undefined) ?? 0;
}

/**
 * `compute()` once per (key, data version). The version is read in the same read transaction as
 * the computation, so the figures cached under it are exactly that version's.
 */
export function cachedRead<T>(db: Db, key: string, compute: () => T): T {
  return db.$client.transaction(() => {
    const version = dataVersion(db);
    let store = stores.get(db);
    if (!store || store.version !== version) {
      store = { version, slots: new Map() };
      stores.set(db, store);
    }
    const slot = store.slots.get(key);
    if (slot && slot.version === version) {
      store.slots.delete(key);
      store.slots.set(key, slot);
      return slot.value as T;
    }
    const value = compute();
    store.slots.set(key, { version, value });
    if (store.slots.size > CACHE_SLOTS) store.slots.delete(store.slots.keys().next().value as string);
    return value;
  })();
}
