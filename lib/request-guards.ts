import limits from './body-limits.json';

/**
 * Checks the proxy makes before a request reaches any route: body size and, for server actions,
 * the origin. How big a request body may be, by who receives it (values in body-limits.json, shared with
 * next.config.js). A body is refused before it is read: by its Content-Length, and a body of
 * unknown size (chunked, no Content-Length) is refused too.
 */
export const BODY_LIMITS = { api: limits.apiBytes, page: limits.serverActionBytes } as const;

export type BodyTarget = keyof typeof BODY_LIMITS;

const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type BodyCheck =
  { ok: true } | { ok: false; status: 411 | 413; code: string; message: string };

/** Route handlers live under /api; a write to any other path is a server action (with or without JavaScript), but for the one below. */
export function bodyTarget(pathname: string): BodyTarget {
  return pathname === '/api' || pathname.startsWith('/api/') ? 'api' : 'page';
}

/**
 * The one route handler under a page's path: the import screen's upload (with or without a locale
 * prefix). It is no server action and reads its own body: it takes the page's size limit and
 * origin rule, but its multipart form is parsed in the import's worker thread, where a file of
 * megabytes does not hold the event loop, so the server-action checks of the body do not apply.
 */
export function isPageRouteHandler(pathname: string): boolean {
  return /^(?:\/[a-z]{2})?\/entries\/import\/upload$/.test(pathname);
}

export function isWrite(method: string): boolean {
  return !BODYLESS.has(method.toUpperCase());
}

export function checkBodySize(
  method: string,
  contentLength: string | null,
  transferEncoding: string | null,
  target: BodyTarget,
): BodyCheck {
  if (!isWrite(method)) return { ok: true };
  const limit = BODY_LIMITS[target];
  if (contentLength === null || contentLength.trim() === '') {
    // Neither header: HTTP says there is no body.
    if (!transferEncoding) return { ok: true };
    return {
      ok: false,
      status: 411,
      code: 'length_required',
      message: `The request body has no Content-Length; send one (at most ${limit} bytes).`,
    };
  }
  const length = Number(contentLength);
  if (!Number.isSafeInteger(length) || length < 0) {
    return {
      ok: false,
      status: 411,
      code: 'length_required',
      message: 'The Content-Length header is not a number of bytes.',
    };
  }
  if (length > limit) {
    return {
      ok: false,
      status: 413,
      code: 'payload_too_large',
      message: `The request body is ${length} bytes; the limit is ${limit} bytes.`,
    };
  }
  return { ok: true };
}

/**
 * The origins the app answers as: its configured public URL (`BETTER_AUTH_URL`, lib/deployment.ts)
 * and, on a loopback address, its twin, so http://127.0.0.1 works when the URL says localhost.
 */
export function appOrigins(baseUrl: URL): string[] {
  const twins: Record<string, string> = { localhost: '127.0.0.1', '127.0.0.1': 'localhost' };
  const twin = twins[baseUrl.hostname];
  if (!twin) return [baseUrl.origin];
  const other = new URL(baseUrl);
  other.hostname = twin;
  return [baseUrl.origin, other.origin];
}

/**
 * Server actions are same-origin only; a browser always sends Origin on a POST. The whole origin
 * counts, scheme and port with the host: `https://host` is another origin than `http://host`.
 */
export function originProblem(origin: string | null, allowed: readonly string[]): string | null {
  if (!origin || origin === 'null')
    return 'Refused: the request has no Origin header; server actions accept same-origin requests only.';
  let parsed: string;
  try {
    parsed = new URL(origin).origin;
  } catch {
    return 'Refused: the Origin header is not a valid URL.';
  }
  return allowed.includes(parsed)
    ? null
    : `Refused: a cross-origin request (Origin ${parsed}) may not call a server action of ${allowed[0] ?? 'this site'}.`;
}

export interface BodyProblem {
  status: 400 | 415;
  code: string;
  message: string;
}

const ACTION_MEDIA_TYPES = [
  'multipart/form-data',
  'application/x-www-form-urlencoded',
  'text/plain',
] as const;

/**
 * A server action's body must decode before Next.js hands it to the action: a form (multipart or
 * URL-encoded) that parses, or React's JSON-encoded arguments in valid UTF-8. Anything else would
 * fail inside the framework's decoder (a 500), so it is refused here with a 400 or 415 that says why.
 */
export async function actionBodyProblem(
  contentType: string | null,
  body: ArrayBuffer,
  fetchAction = true,
): Promise<BodyProblem | null> {
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (!ACTION_MEDIA_TYPES.includes(mediaType as (typeof ACTION_MEDIA_TYPES)[number])) {
    return {
      status: 415,
      code: 'unsupported_media_type',
      message: `body: a form or server action takes ${ACTION_MEDIA_TYPES.join(', ')}, not "${mediaType || 'nothing'}".`,
    };
  }
  let text: string | null = null;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    if (mediaType !== 'multipart/form-data')
      return { status: 400, code: 'invalid_body', message: 'body: is not valid UTF-8 text.' };
  }
  if (mediaType === 'text/plain') return argumentsProblem(text ?? '');
  let form: FormData;
  try {
    form = await new Request('http://localhost/', {
      method: 'POST',
      headers: { 'content-type': contentType! },
      body,
    }).formData();
  } catch {
    return {
      status: 400,
      code: 'invalid_body',
      message: `body: is not a well-formed ${mediaType} form.`,
    };
  }
  // A call from the page's script carries its arguments in field "0"; a plain form post (no script) does not.
  if (fetchAction && mediaType === 'multipart/form-data') {
    const encoded = form.get('0');
    if (typeof encoded !== 'string')
      return {
        status: 400,
        code: 'invalid_body',
        message: 'body: has no server action arguments (field "0").',
      };
    return argumentsProblem(encoded);
  }
  return null;
}

/**
 * React encodes arguments as JSON in which a string starting with "$" is a reference. Our actions
 * take numbers, text, forms ("$K…") and a previous state that may hold undefined; any other
 * reference (promises, streams, maps, server references...) is refused before React resolves it.
 */
const ALLOWED_REFERENCE = /^\$(\$|K\d+$|undefined$)/;

function argumentsProblem(encoded: string): BodyProblem | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(encoded);
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed))
    return {
      status: 400,
      code: 'invalid_body',
      message: 'body: is not a list of server action arguments encoded as JSON.',
    };
  const pending: unknown[] = [parsed];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string' && value.startsWith('$') && !ALLOWED_REFERENCE.test(value)) {
      return {
        status: 400,
        code: 'invalid_body',
        message: `body: the argument reference "${value.slice(0, 20)}" is not accepted by any action.`,
      };
    }
    if (value !== null && typeof value === 'object') pending.push(...Object.values(value));
  }
  return null;
}
