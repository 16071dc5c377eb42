/**
 * A small in-process cache of read results (dashboard figures), never stale: every entry is
 * tagged with the database's data version (migration 0007: a counter bumped by triggers in the
 * same transaction as any write, by whichever process writes). A read looks the counter up (one
 * indexed row) and recomputes when it moved, so a publish, a script or an import invalidates
 * every cached figure at its commit.
 *
 * Bounded by bytes, not by count: the values differ by three orders of magnitude (a view's
 * over-time changes ~1 kB, a summary of 2,000 actors ~300 kB, the whole matrix of 400,000 pairs
 * ~120 MB of heap), so a count bound let a few large values hold hundreds of MB. Each value's size
 * is estimated once, when it is computed (`approximateBytes`); the least recently used values go
 * first, and a value larger than a quarter of the budget is computed and returned but not kept.
 */
import type { Db } from './client';

interface Slot {
  value: unknown;
  bytes: number;
}

interface Store {
  version: number;
  slots: Map<string, Slot>;
  bytes: number;
}

/** The estimated heap the cached values may hold, per database (~50 summaries of 2,000 actors). */
export const CACHE_BYTES = 16 * 1024 * 1024;
/** A value estimated above this is not kept: it would push out a quarter of the cache or more. */
export const CACHE_MAX_VALUE_BYTES = CACHE_BYTES / 4;

/** Per database, on globalThis: route handlers and pages (separate module instances in Next.js) share one cache. */
const globalForCache = globalThis as typeof globalThis & { __commitmentTrackerCacheStores?: WeakMap<Db, Store> };
const stores = (globalForCache.__commitmentTrackerCacheStores ??= new WeakMap<Db, Store>());

export function dataVersion(db: Db): number {
  return (db.$client.prepare('SELECT version FROM data_version WHERE id = 1').pluck().get() as number | undefined) ?? 0;
}

/**
 * Approximate bytes of V8 heap a value holds (64-bit, uncompressed pointers: an object's header
 * and a word per property, an array's header and a word per element, a string's header and its
 * characters, a double 16 bytes), each object counted once. Rows of a long array are counted from
 * an even sample of them (rows of one array share a shape), so a summary of 2,000 actors costs
 * about as much to weigh as one of 20. Accessor properties are never called (a view's scope
 * enumerates its pairs lazily). Stops counting past `limit`.
 */
export function approximateBytes(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  const seen = new Set<object>();
  const dataKeys = new Map<string, string[]>();
  let bytes = 0;
  const weigh = (item: unknown, depth: number): number => {
    switch (typeof item) {
      case 'string':
        return 24 + item.length;
      case 'number':
        return Number.isInteger(item) && Math.abs(item) < 2 ** 31 ? 0 : 16;
      case 'bigint':
        return 24;
      case 'object':
        break;
      default:
        return 0; // booleans, undefined, functions and symbols are shared or not data
    }
    if (item === null || seen.has(item) || depth > 32 || bytes > limit) return 0;
    seen.add(item);
    if (Array.isArray(item)) {
      if (item.length <= SAMPLE) return 48 + 8 * item.length + item.reduce((sum: number, element) => sum + weigh(element, depth + 1), 0);
      let sampled = 0;
      for (let index = 0; index < SAMPLE; index += 1) sampled += weigh(item[Math.floor((index * item.length) / SAMPLE)], depth + 1);
      return 48 + 8 * item.length + Math.round((sampled * item.length) / SAMPLE);
    }
    if (ArrayBuffer.isView(item)) return 96 + item.byteLength;
    if (item instanceof Map) {
      let sum = 80 + 40 * item.size;
      for (const [key, entry] of item) sum += weigh(key, depth + 1) + weigh(entry, depth + 1);
      return sum;
    }
    if (item instanceof Set) {
      let sum = 64 + 24 * item.size;
      for (const entry of item) sum += weigh(entry, depth + 1);
      return sum;
    }
    const keys = Object.keys(item);
    // Which keys hold data (not accessors) is looked up once per list of keys.
    const shape = keys.join('\u0000');
    let data = dataKeys.get(shape);
    if (!data) {
      data = keys.filter((key) => 'value' in (Object.getOwnPropertyDescriptor(item, key) as PropertyDescriptor));
      dataKeys.set(shape, data);
    }
    let sum = 24 + 8 * keys.length;
    for (const key of data) sum += weigh((item as Record<string, unknown>)[key], depth + 1);
    return sum;
  };
  bytes = weigh(value, 0);
  return bytes;
}

/** Elements weighed of a longer array. */
const SAMPLE = 32;

/**
 * `compute()` once per (key, data version). The version is read in the same read transaction as
 * the computation, so the figures cached under it are exactly that version's.
 */
export function cachedRead<T>(db: Db, key: string, compute: () => T): T {
  return db.$client.transaction(() => {
    const version = dataVersion(db);
    let store = stores.get(db);
    if (!store || store.version !== version) {
      store = { version, slots: new Map(), bytes: 0 };
      stores.set(db, store);
    }
    const slot = store.slots.get(key);
    if (slot) {
      store.slots.delete(key);
      store.slots.set(key, slot);
      return slot.value as T;
    }
    const value = compute();
    const bytes = approximateBytes(value, CACHE_MAX_VALUE_BYTES);
    if (bytes > CACHE_MAX_VALUE_BYTES) return value;
    store.slots.set(key, { value, bytes });
    store.bytes += bytes;
    for (const [oldest, { bytes: freed }] of store.slots) {
      if (store.bytes <= CACHE_BYTES) break;
      store.slots.delete(oldest);
      store.bytes -= freed;
    }
    return value;
  })();
}

/** What the cache holds for a database now: values and their estimated bytes (for tests and profiling). */
export function cacheUsage(db: Db): { values: number; bytes: number } {
  const store = stores.get(db);
  return { values: store?.slots.size ?? 0, bytes: store?.bytes ?? 0 };
}
