import { describe, expect, it } from 'vitest';
import { pageHolding, pageNumber, pageOf } from './page-of';

describe('pageOf', () => {
  const items = Array.from({ length: 120 }, (_, index) => index + 1);

  it('gives the asked page, and where it starts and ends', () => {
    expect(pageOf(items, 2, 50)).toEqual({
      page: 2,
      pages: 3,
      items: items.slice(50, 100),
      from: 51,
      to: 100,
    });
    expect(pageOf(items, 3, 50).items).toEqual(items.slice(100));
    expect(pageOf(items, 3, 50).to).toBe(120);
  });

  it('shows the last page for a page past the end, and one empty page for no items', () => {
    expect(pageOf(items, 9, 50).page).toBe(3);
    expect(pageOf([], 4, 50)).toEqual({ page: 1, pages: 1, items: [], from: 1, to: 0 });
  });
});

describe('pageNumber', () => {
  it('reads a page number from the URL, and the first page from anything else', () => {
    expect(pageNumber.parse('3')).toBe(3);
    for (const wrong of ['0', '-2', '1.5', 'two', undefined, ['2', '3'], '1e9'])
      expect(pageNumber.parse(wrong)).toBe(1);
  });
});

describe('pageHolding', () => {
  const rows = Array.from({ length: 120 }, (_, index) => ({ id: 1000 + index }));

  it('finds the page of the row with the id from the URL', () => {
    expect(pageHolding(rows, '1000', 50)).toBe(1);
    expect(pageHolding(rows, '1049', 50)).toBe(1);
    expect(pageHolding(rows, '1050', 50)).toBe(2);
    expect(pageHolding(rows, '1119', 50)).toBe(3);
    expect(pageHolding([{ id: 'u-7' }], 'u-7', 50)).toBe(1);
  });

  it('finds none for an id not in the list, or no id', () => {
    expect(pageHolding(rows, '7', 50)).toBeUndefined();
    expect(pageHolding(rows, '1000.0', 50)).toBeUndefined();
    expect(pageHolding(rows, undefined, 50)).toBeUndefined();
  });
});
