/**
 * Whether a request path is a page, with its locale in the URL (lib/i18n/routing.ts): not the
 * JSON API (`/api/…`, never localised), not Next.js's own files (`/_next/…`), and not a file such
 * as `/icon.svg` (a dot in its last segment; no page's path has one).
 *
 * Nor a path that holds, once decoded, whitespace or a control character: no page's path has
 * any, and next-intl routes the decoded path, which the URL parser trims (`/entries/12%20`
 * would be rewritten to entry 12). Left without a locale, it is no page: a 404.
 */
export function isLocalizedPath(pathname: string): boolean {
  if (/^\/(?:api|_next)(?:\/|$)/.test(pathname)) return false;
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  if (last.includes('.')) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  return !/[\s\p{Cc}]/u.test(decoded);
}
