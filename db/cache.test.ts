import { afterAll, describe, expect, it } from 'vitest';
import { MEMO_MAX_VALUE_ROWS, MEMO_ROWS, memoByDataVersion } from './cache';
import { openDatabase } from './client';

const db = openDatabase(':memory:');
afterAll(() => db.$client.close());

describe('the figures cache', () => {
  it('serves a value again until the data version moves', () => {
    let computed = 0;
    const read = () => memoByDataVersion(db, 'version test', () => ({ n: ++computed }));
    const first = read();
    expect(read()).toBe(first);
    db.$client.prepare('UPDATE data_version SET version = version + 1 WHERE id = 1').run();
    expect(read()).not.toBe(first);
    expect(computed).toBe(2);
  });

  it('keeps its values under the row budget, the least recently used going first', () => {
    const computed = new Map<string, number>();
    const read = (key: string) =>
      memoByDataVersion(
        db,
        key,
        () => {
          computed.set(key, (computed.get(key) ?? 0) + 1);
          return { rows: MEMO_MAX_VALUE_ROWS };
        },
        (value) => value.rows,
      );
    read('first');
    // The budget holds four such values: the fifth pushes out the least recently used.
    for (let index = 0; index < MEMO_ROWS / MEMO_MAX_VALUE_ROWS; index += 1) {
      read(`other ${index}`);
      read('first'); // used again each time: never the least recently used
    }
    expect(computed.get('first')).toBe(1);
    read('other 0');
    expect(computed.get('other 0')).toBe(2);
  });

  it('computes a value larger than its share every time and does not keep it', () => {
    let small = 0;
    let large = 0;
    const readSmall = () => memoByDataVersion(db, 'small', () => ({ n: ++small }));
    const readLarge = () =>
      memoByDataVersion(
        db,
        'too large',
        () => ({ n: ++large }),
        () => MEMO_MAX_VALUE_ROWS + 1,
      );
    readSmall();
    readLarge();
    readLarge();
    expect(large).toBe(2);
    readSmall(); // not pushed out by the value that was not kept
    expect(small).toBe(1);
  });
});
