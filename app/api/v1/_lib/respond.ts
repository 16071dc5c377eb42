import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import {
  PARAMETERS,
  parseQuery,
  type ParameterError,
  type ParameterName,
  type ParseResult,
} from '@/lib/query-params';
import type { ApiErrorBody, ErrorCode } from '@/lib/api-schemas';
import type { FieldErrors } from '@/lib/entry-input';
import { todayUtc } from '@/lib/dates';
import { dataVersion } from '@/db/queries/data-version';

/** One JSON error shape for the whole API: a code, a sentence, and the parameters or fields at fault. */
export type ApiError = ApiErrorBody;

const STATUS_OF: Record<ErrorCode, number> = {
  invalid_parameter: 400,
  invalid_body: 400,
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  length_required: 411,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
};

export function apiError(
  code: ErrorCode,
  message: string,
  extra: {
    parameters?: ParameterError[];
    fields?: FieldErrors;
    headers?: Record<string, string>;
  } = {},
): NextResponse<ApiError> {
  const { headers, ...details } = extra;
  return NextResponse.json(
    { error: { code, message, ...details } },
    { status: STATUS_OF[code], headers: { 'Cache-Control': 'no-store', ...headers } },
  );
}

export function invalidParameters(errors: ParameterError[]): NextResponse<ApiError> {
  const message = errors.map((error) => `${error.parameter} ${error.message}`).join('; ');
  return apiError('invalid_parameter', message, { parameters: errors });
}

export function invalidBody(fields: FieldErrors): NextResponse<ApiError> {
  const message = `Check ${Object.entries(fields)
    .map(([field, problem]) => `${field}: ${problem}`)
    .join('; ')}`;
  return apiError('invalid_body', message, { fields });
}

export function notFound(message: string): NextResponse<ApiError> {
  return apiError('not_found', message);
}

export function ok<T>(body: T): NextResponse<T> {
  return NextResponse.json(body, { headers: { 'Cache-Control': 'no-store' } });
}

/** A response typed by the schema that documents it: a handler cannot answer what the document does not say. */
export function respond<S extends z.ZodType>(
  schema: S,
  body: z.output<S>,
  init: { status?: number; headers?: Record<string, string> } = {},
): NextResponse {
  void schema;
  return NextResponse.json(body, {
    status: init.status ?? 200,
    headers: { 'Cache-Control': 'no-store', ...init.headers },
  });
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];

/** Handlers for the methods a route does not have: 405 in the API's error shape, with Allow. */
export function methodsNotAllowed<A extends Method>(
  allowed: readonly A[],
): Record<Exclude<Method, A>, () => NextResponse<ApiError>> {
  const allow = [
    ...allowed,
    ...((allowed as readonly Method[]).includes('GET') ? ['HEAD'] : []),
    'OPTIONS',
  ].join(', ');
  const handler = () =>
    apiError('method_not_allowed', `This resource answers ${allowed.join(', ')} only.`, {
      headers: { Allow: allow },
    });
  return Object.fromEntries(
    METHODS.filter((method) => !(allowed as readonly Method[]).includes(method)).map((method) => [
      method,
      handler,
    ]),
  ) as Record<Exclude<Method, A>, () => NextResponse<ApiError>>;
}

export function parseRequestQuery<K extends ParameterName>(
  request: Request,
  allowed: readonly K[],
): ParseResult<K> {
  return parseQuery(new URL(request.url).searchParams, allowed);
}

/** An `{id}` path part: the id, or a 400 naming `id` (ids parse like any actor id). */
export async function parseIdParameter(
  params: Promise<{ id: string }>,
): Promise<{ ok: true; id: number } | { ok: false; response: NextResponse<ApiError> }> {
  const id = PARAMETERS.subject.safeParse((await params).id);
  if (id.success) return { ok: true, id: id.data };
  return {
    ok: false,
    response: invalidParameters([
      { parameter: 'id', message: id.error.issues[0]?.message ?? 'is not valid' },
    ]),
  };
}

/**
 * A read the client may cache and revalidate: the weak ETag covers the data version, the date
 * (defaults such as "as of today" move with it) and the exact query, so it is known before any
 * work is done, and a matching If-None-Match gets a 304 without running the query.
 */
export function cachedRead<S extends z.ZodType>(
  request: Request,
  schema: S,
  read: () => z.output<S>,
  headersOf: (body: z.output<S>) => Record<string, string> = () => ({}),
): NextResponse {
  void schema;
  return cachedBody(request, () => {
    const body = read();
    return {
      bytes: Buffer.from(JSON.stringify(body)),
      headers: { 'Content-Type': 'application/json', ...headersOf(body) },
    };
  });
}

/** A cached read whose body is not JSON (the Atom feeds): the same tag, 304 and kept bodies. */
export function cachedBody(request: Request, produce: () => KeptBody): NextResponse {
  const url = new URL(request.url);
  const tag = `W/"${createHash('sha256').update(`${dataVersion()}|${todayUtc()}|${url.pathname}?${url.searchParams.toString()}`).digest('base64url').slice(0, 27)}"`;
  const cacheHeaders = { ETag: tag, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
  if (matches(request.headers.get('if-none-match'), tag))
    return new NextResponse(null, { status: 304, headers: cacheHeaders });
  let cached = bodies.get(tag);
  if (!cached) {
    cached = produce();
    bodies.set(tag, cached);
  }
  return new NextResponse(cached.bytes, {
    status: 200,
    headers: { ...cached.headers, ...cacheHeaders },
  });
}

export interface KeptBody {
  bytes: Buffer<ArrayBuffer>;
  headers: Record<string, string>;
}

/**
 * Answers of cachedRead kept serialised, by ETag: the tag covers the data version, so an answer is
 * never served after a write (its tag is no longer asked for), and a view asked again is sent
 * without serialising it again. Compression stays Next.js's. Bounded by bytes, since bodies range
 * from a few hundred bytes (one actor) to hundreds of kilobytes (a summary of every actor); one
 * body above a quarter of the budget is sent but not kept, so it cannot push out everything else.
 */
export function bodyCache(maxSize: number): LRUCache<string, KeptBody> {
  return new LRUCache<string, KeptBody>({
    maxSize,
    maxEntrySize: maxSize / 4,
    sizeCalculation: (body) => body.bytes.byteLength,
  });
}

/** One per process, on globalThis: Next.js bundles each route handler with its own copy of this module. */
const globalForBodies = globalThis as typeof globalThis & {
  __commitmentTrackerBodyCache?: LRUCache<string, KeptBody>;
};
const bodies = (globalForBodies.__commitmentTrackerBodyCache ??= bodyCache(16 * 1024 * 1024));

/** If-None-Match uses the weak comparison: W/"x" matches "x" and W/"x"; `*` matches anything. */
function matches(header: string | null, tag: string): boolean {
  if (!header) return false;
  const opaque = (value: string) => value.trim().replace(/^W\//, '');
  return header
    .split(',')
    .some((candidate) => candidate.trim() === '*' || opaque(candidate) === opaque(tag));
}

/** The list's next page, as a path and query of this API, or null on the last page. */
export function nextPage(
  request: Request,
  page: number,
  limit: number,
  total: number,
): string | null {
  if (page * limit >= total) return null;
  const url = new URL(request.url);
  url.searchParams.set('page', String(page + 1));
  url.searchParams.set('limit', String(limit));
  return `${url.pathname}?${url.searchParams.toString()}`;
}

/** A Link header for the next page (RFC 8288), beside the `next` field of the body. */
export function linkHeader(next: string | null): Record<string, string> {
  return next ? { Link: `<${next}>; rel="next"` } : {};
}
