import { PARAMETERS } from './query-params';

/** A page number from the URL: anything that is not a whole number of 1 or more asks for the first. */
export const pageNumber = PARAMETERS.page.catch(1);

/**
 * A 1-based page of `items` already in memory, `wanted` clamped to the last page, so a link to a
 * page that a filter or an archiving has since emptied shows the last one instead of nothing.
 */
export function pageOf<T>(items: readonly T[], wanted: number, size: number) {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const page = Math.min(Math.max(1, wanted), pages);
  const start = (page - 1) * size;
  return {
    page,
    pages,
    items: items.slice(start, start + size),
    from: start + 1,
    to: Math.min(items.length, start + size),
  };
}

/**
 * The page of `items` that holds the row whose id is `id` (as the URL gives it), or undefined:
 * after a write, a list shows the page with the row just written.
 */
export function pageHolding<T extends { id: number | string }>(
  items: readonly T[],
  id: string | undefined,
  size: number,
): number | undefined {
  if (id === undefined) return undefined;
  const index = items.findIndex((item) => String(item.id) === id);
  return index < 0 ? undefined : Math.floor(index / size) + 1;
}
