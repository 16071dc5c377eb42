import { createHash } from 'node:crypto';
import { NextResponse } from 'next/server';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { parseQuery, type ParameterError, type ParameterName, type ParseResult } from '@/lib/query-params';
import type { ApiErrorBody, ErrorCode } from '@/lib/api-schemas';
import type { FieldErrors } from '@/lib/entry-input';
import { todayUtc } from '@/lib/dates';
import { dataVersion } from '@/db/queries/data-version';
import { logError } from '@/lib/logger';
import { REQUEST_ID_HEADER, requestIdFrom } from '@/lib/request-id';
import { newNonce, responseHeaders } from '@/lib/security-headers';
import { checkBodySize } from '@/lib/request-guards';
import { ByteBoundedCache } from '@/lib/byte-cache';

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
  extra: { parameters?: ParameterError[]; fields?: FieldErrors; headers?: Record<string, string> } = {},
): NextResponse<ApiError> {
  const { headers, ...details } = extra;
  return NextResponse.json({ error: { code, message, ...details } }, { status: STATUS_OF[code], headers: { 'Cache-Control': 'no-store', ...headers } });
}

export function invalidParameters(errors: ParameterError[]): NextResponse<ApiError> {
  const message = errors.map((error) => `${error.parameter} ${error.message}`).join('; ');
  return apiError('invalid_parameter', message, { parameters: errors });
}

export function invalidBody(fields: FieldErrors): NextResponse<ApiError> {
  const message = `Check ${Object.entries(fields).map(([field, problem]) => `${field}: ${problem}`).join('; ')}`;
  return apiError('invalid_body', message, { fields });
}

export function notFound(message: string): NextResponse<ApiError> {
  return apiError('not_found', message);
}

export function ok<T>(body: T): NextResponse<T> {
  return NextResponse.json(body, { headers: { 'Cache-Control': 'no-store' } });
}

/** A response typed by the schema that documents it: a handler cannot answer what the document does not say. */
export function respond<S extends z.ZodType>(schema: S, body: z.output<S>, init: { status?: number; headers?: Record<string, string> } = {}): NextResponse {
  void schema;
  return NextResponse.json(body, { status: init.status ?? 200, headers: { 'Cache-Control': 'no-store', ...init.headers } });
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];

/** Handlers for the methods a route does not have: 405 in the API's error shape, with Allow. */
export function methodsNotAllowed<A extends Method>(allowed: readonly A[]): Record<Exclude<Method, A>, () => NextResponse<ApiError>> {
  const allow = [...allowed, ...((allowed as readonly Method[]).includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
  const handler = () => apiError('method_not_allowed', `This resource answers ${allowed.join(', ')} only.`, { headers: { Allow: allow } });
  return Object.fromEntries(METHODS.filter((method) => !(allowed as readonly Method[]).includes(method)).map((method) => [method, handler])) as Record<Exclude<Method, A>, () => NextResponse<ApiError>>;
}

type Handler<C> = (request: Request, context: C) => Response | Promise<Response>;

/**
 * A handler of a resource the proxy does not run for (proxy.ts config.matcher) doing the proxy's
 * part itself: the request id (the caller's plain token, else a new one) and every response with
 * the same security headers, X-Request-Id and Server-Timing as the proxy's. A thrown error is
 * logged with the request id (the instrumentation hook would not see one) and answered 500 with
 * those headers; Next.js's own control-flow errors pass through.
 */
export function apiRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
    let response: Response;
    try {
      response = await handler(request, context);
    } catch (error) {
      unstable_rethrow(error);
      logError(error, { requestId, method: request.method, route: `route ${new URL(request.url).pathname}` });
      response = new NextResponse(null, { status: 500, headers: { 'Cache-Control': 'no-store' } });
    }
    for (const [name, value] of Object.entries(responseHeaders(newNonce(), requestId))) response.headers.set(name, value);
    return response;
  };
}

/**
 * Every method of a read-only resource served without the proxy: its GET, 405 for the writes
 * (answered without reading a body) and OPTIONS, all through apiRoute. A write's body is refused
 * by its declared size first, as the proxy refuses it everywhere else (413, or 411 with no length),
 * so every route answers an oversized body alike. (HEAD is Next.js's: the GET's response without its body.)
 */
export function readOnlyRoute<C>(get: Handler<C>) {
  const refused = methodsNotAllowed(['GET']);
  const write = (notAllowed: () => NextResponse<ApiError>) =>
    apiRoute<C>((request) => {
      const size = checkBodySize(request.method, request.headers.get('content-length'), request.headers.get('transfer-encoding'), 'api');
      return size.ok ? notAllowed() : apiError(size.status === 411 ? 'length_required' : 'payload_too_large', size.message);
    });
  return {
    GET: apiRoute(get),
    POST: write(refused.POST),
    PUT: write(refused.PUT),
    PATCH: write(refused.PATCH),
    DELETE: write(refused.DELETE),
    OPTIONS: apiRoute<C>(() => new NextResponse(null, { status: 204, headers: { Allow: 'GET, HEAD, OPTIONS' } })),
  };
}

export function parseRequestQuery<K extends ParameterName>(request: Request, allowed: readonly K[]): ParseResult<K> {
  return parseQuery(new URL(request.url).searchParams, allowed);
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
  const url = new URL(request.url);
  const tag = `W/"${createHash('sha256').update(`${dataVersion()}|${todayUtc()}|${url.pathname}?${url.searchParams.toString()}`).digest('base64url').slice(0, 27)}"`;
  const cacheHeaders = { ETag: tag, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
  if (matches(request.headers.get('if-none-match'), tag)) return new NextResponse(null, { status: 304, headers: cacheHeaders });
  void schema;
  let cached = bodies.take(tag);
  if (!cached) {
    const body = read();
    cached = { json: Buffer.from(JSON.stringify(body)), headers: headersOf(body) };
  }
  bodies.keep(tag, cached);
  return new NextResponse(streamOf(cached.json), { status: 200, headers: { 'Content-Type': 'application/json', ...cached.headers, ...cacheHeaders } });
}

/**
 * The kept bytes as the response's body, shared, not copied: a Uint8Array body is copied twice per
 * response (by us, so the kept one cannot be detached, and again by the Response), ~1 MB of
 * garbage per summary of 2,000 actors. A plain (not byte) stream queues the chunk as it is and
 * never transfers its buffer; nothing downstream writes to it.
 */
function streamOf(bytes: Buffer): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      controller.close();
    },
  });
}

interface KeptBody {
  json: Buffer;
  headers: Record<string, string>;
}

/**
 * Answers of cachedRead kept serialised, by ETag: the tag covers the data version, so an answer is
 * never served after a write (its tag is no longer asked for); a view asked again is sent without
 * serialising hundreds of kilobytes of JSON again. (Compression stays Next's: it drops a route's
 * own Content-Encoding.) Bounded by bytes, since bodies range from a few hundred bytes (one actor)
 * to ~0.5 MB (a summary of 2,000 actors).
 */
export const BODY_CACHE_BYTES = 16 * 1024 * 1024;

export class BodyCache extends ByteBoundedCache<KeptBody> {
  constructor(budget: number) {
    super(budget, (body) => body.json.byteLength);
  }
}

/** One per process, on globalThis: Next.js bundles each route handler with its own copy of this module. */
const globalForBodies = globalThis as typeof globalThis & { __commitmentTrackerBodyCache?: BodyCache };
const bodies = (globalForBodies.__commitmentTrackerBodyCache ??= new BodyCache(BODY_CACHE_BYTES));

/** If-None-Match uses the weak comparison: W/"x" matches "x" and W/"x"; `*` matches anything. */
function matches(header: string | null, tag: string): boolean {
  if (!header) return false;
  const opaque = (value: string) => value.trim().replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim() === '*' || opaque(candidate) === opaque(tag));
}

/** The list's next page, as a path and query of this API, or null on the last page. */
export function nextPage(request: Request, page: number, limit: number, total: number): string | null {
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
