import { describe, expect, it } from 'vitest';
import { formatParagraphs } from './paragraphs';

describe('formatParagraphs', () => {
  it('cites a single paragraph by its number', () => expect(formatParagraphs([9])).toBe('9'));
  it('joins consecutive paragraphs into a range', () =>
    expect(formatParagraphs([13, 14])).toBe('13-14'));
  it('separates non-consecutive paragraphs and ranges', () =>
    expect(formatParagraphs([6, 2, 3, 10])).toBe('2-3, 6, 10'));
  it('ignores duplicates', () => expect(formatParagraphs([4, 4])).toBe('4'));
  it('returns an empty citation for no paragraphs', () => expect(formatParagraphs([])).toBe(''));
});
