/**
 * Where to send someone after signing in, from a `next` parameter anyone can write into a link.
 * Only a path on this site is accepted, resolved with the URL API against the app's own origin and
 * returned in the URL's serialized (percent-encoded) form, so the Location header that carries it
 * is always a valid header value and a browser reads it exactly as we did.
 */
import { appBaseUrl } from './deployment';

/** Where signing in leads when no page was asked for. */
export const SIGNED_IN_HOME = '/home';

/** Where an unacceptable `next` leads instead. */
export const FALLBACK_RETURN_PATH = '/';

const MAX_LENGTH = 2_000;

// Browsers drop tabs and newlines from URLs and read a backslash as a slash, so `/\t/x` or `/\x`
// become `//x`, another site; controls, invisible format characters and spaces have no place in a path.
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Z}\s\\]/u;

/** A path that cannot be read as another host: one slash, then anything but a slash or backslash. */
const PLAIN_PATH = /^\/(?![/\\])/;

function decodeOnce(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** The same-origin path `value` names, serialized, or null when it is not one. */
export function returnPathOrNull(value: unknown, base: URL = appBaseUrl()): string | null {
  if (typeof value !== 'string' || value.length > MAX_LENGTH) return null;
  // Decoded once more as well, so an encoded `%2F%2F` or `%09` that a later decoding would turn
  // into `//` or a tab is refused too.
  const decoded = decodeOnce(value);
  for (const form of [value, decoded]) {
    if (form === null || !PLAIN_PATH.test(form) || FORBIDDEN.test(form)) return null;
  }
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return null;
  }
  if (url.origin !== base.origin) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can collapse into a leading `//` (`/.//x`), which a browser would read as a host.
  return PLAIN_PATH.test(path) ? path : null;
}

/**
 * The page to go to after signing in: `next` if it names a page of this site (kept as it is, a
 * locale prefix such as `/fr/…` included), else the overview; no `next` at all: the home page.
 * `inLocale` puts those two in the sign-in page's locale (lib/i18n/navigation.ts getPathname).
 */
export function returnPathAfterSignIn(
  next: unknown,
  base: URL = appBaseUrl(),
  inLocale: (path: string) => string = (path) => path,
): string {
  if (next === undefined) return inLocale(SIGNED_IN_HOME);
  return returnPathOrNull(next, base) ?? inLocale(FALLBACK_RETURN_PATH);
}
