/**
 * Whether a request path is a page, with its locale in the URL (lib/i18n/routing.ts): not the
 * JSON API (`/api/…`, never localised), not Next.js's own files (`/_next/…`), and not a file such
 * as `/icon.svg` (a dot in its last segment; no page's path has one).
 */
export function isLocalizedPath(pathname: string): boolean {
  if (/^\/(?:api|_next)(?:\/|$)/.test(pathname)) return false;
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  return !last.includes('.');
}
