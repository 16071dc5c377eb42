import { afterAll, describe, expect, it } from 'vitest';
import { approximateBytes, CACHE_BYTES, CACHE_MAX_VALUE_BYTES, cachedRead, cacheUsage } from './cache';
import { openDatabase } from './client';

const db = openDatabase(':memory:');
afterAll(() => db.$client.close());

/** A value of about `bytes` of heap: rows of one shape, as a summary's groups are. */
function rows(bytes: number, tag: string): { key: string; label: string; counts: number[] }[] {
  const row = approximateBytes([{ key: 'k', label: `${tag}-x`, counts: [1, 2, 3] }]) - approximateBytes([]);
  return Array.from({ length: Math.max(1, Math.round(bytes / row)) }, (_, index) => ({ key: String(index % 10), label: `${tag}-${index % 10}`, counts: [1, 2, 3] }));
}

describe('the figures cache', () => {
  it('weighs values close to their heap size, without calling accessors', () => {
    const strings = Array.from({ length: 1000 }, (_, index) => `label number ${index}`);
    expect(approximateBytes(strings)).toBeGreaterThan(1000 * 24);
    expect(approximateBytes(strings)).toBeLessThan(1000 * 80);
    let called = false;
    const lazy = {
      actors: [1, 2, 3],
      get pairs() {
        called = true;
        return Array.from({ length: 1_000_000 }, () => ({}));
      },
    };
    expect(approximateBytes(lazy)).toBeLessThan(1000);
    expect(called).toBe(false);
    // A long array is weighed from a sample of its rows, and still in proportion to its length.
    const small = rows(100_000, 'a');
    const large = rows(1_000_000, 'b');
    expect(approximateBytes(large) / approximateBytes(small)).toBeGreaterThan(8);
    expect(approximateBytes(large) / approximateBytes(small)).toBeLessThan(12);
  });

  it('serves a value again until the data version moves', () => {
    let computed = 0;
    const read = () => cachedRead(db, 'version test', () => ({ n: ++computed }));
    const first = read();
    expect(read()).toBe(first);
    db.$client.prepare('UPDATE data_version SET version = version + 1 WHERE id = 1').run();
    expect(read()).not.toBe(first);
    expect(computed).toBe(2);
  });

  it('keeps its values under the byte budget, the least recently used going first', () => {
    const value = Math.floor(CACHE_MAX_VALUE_BYTES * 0.9);
    const computed = new Map<string, number>();
    const read = (key: string) =>
      cachedRead(db, key, () => {
        computed.set(key, (computed.get(key) ?? 0) + 1);
        return rows(value, key);
      });
    read('first');
    for (let index = 0; index < 6; index += 1) {
      read(`other ${index}`);
      read('first'); // used again each time: never the least recently used
      expect(cacheUsage(db).bytes).toBeLessThanOrEqual(CACHE_BYTES);
    }
    expect(computed.get('first')).toBe(1);
    expect(cacheUsage(db).values).toBeLessThan(7);
    read('other 0'); // pushed out by the later ones: computed again
    expect(computed.get('other 0')).toBe(2);
  });

  it('computes a value larger than a quarter of the budget every time and does not keep it', () => {
    let computed = 0;
    const before = cacheUsage(db);
    const read = () => cachedRead(db, 'too large', () => (computed += 1, rows(CACHE_MAX_VALUE_BYTES * 1.5, 'large')));
    read();
    read();
    expect(computed).toBe(2);
    expect(cacheUsage(db)).toEqual(before);
  });
});
