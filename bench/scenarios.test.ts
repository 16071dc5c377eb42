import { describe, expect, it } from 'vitest';
import { nextLink } from './scenarios';

describe('following next links to a deep page', () => {
  it('reads the next page from a Link header among other relations', () => {
    expect(
      nextLink(
        '<http://x/api/v1/entries?page=1>; rel="first", <http://x/api/v1/entries?cursor=abc&limit=50>; rel="next"',
      ),
    ).toBe('/api/v1/entries?cursor=abc&limit=50');
  });

  it('reads it from an anchor with rel="next" in the HTML, whatever the attribute order', () => {
    expect(
      nextLink(null, '<a class="p" href="/changes?cursor=a1&amp;x=2" rel="next">Next</a>'),
    ).toBe('/changes?cursor=a1&x=2');
    expect(nextLink(null, '<a rel="next" href="/changes?page=3">Next</a>')).toBe('/changes?page=3');
  });

  it('is null when the page is the last', () => {
    expect(nextLink(null, '<a href="/changes?page=1" rel="prev">Previous</a>')).toBeNull();
    expect(nextLink('<http://x/a?page=1>; rel="prev"')).toBeNull();
  });
});
