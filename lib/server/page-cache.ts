import type { IncomingMessage, ServerResponse } from 'node:http';
import { ByteBoundedCache } from '../byte-cache';
import { newRequestId, REQUEST_ID_HEADER, requestIdFrom } from '../request-id';
import { newNonce, responseHeaders } from '../security-headers';
import { acceptsGzip, COMPRESS_FROM_BYTES, firstHeader, gzipAsync } from './encoding';

/**
 * Public pages rendered once per data version and replayed, for visitors who are not signed in.
 *
 * A page such as the overview costs 13-18 ms of CPU to render (React, the matrix, formatting), so
 * two cores serve ~60 a second however often the same view is asked; a room of delegations
 * reloading it, or a projector, asks for the same few views again and again. Those visitors all
 * see the same HTML, byte for byte, but for the CSP nonce (and the request id, which only the
 * headers carry): it is kept, and each replay gets a fresh nonce in the header and in every
 * place the body carried the old one.
 *
 * What a kept page may depend on is all in its key: the data version (every write to what a page
 * shows bumps it, so a page rendered before a publish is never served after it; a render that
 * overlaps a write is stored under the version read before it, which no later request asks for),
 * today's date (the default "as of today" and the 12-month stale rule move with it), and the
 * path and query. The locale is fixed for now (lib/i18n/request.ts). Anything that could make a
 * page personal bypasses the cache: a Cookie header (a session, or any cookie a page could read),
 * a method other than GET, the router's RSC and prefetch requests. A response is kept only when it
 * is a complete 200 HTML page with a nonce, no Set-Cookie, and no error reported while it rendered.
 */
export interface PageCacheOptions {
  /** Paths whose pages are kept (exact match; the query is part of the key). */
  paths: readonly string[];
  /** The database's data version (db/queries/data-version.ts), read once per request. */
  version: () => string;
  /** Today's date, UTC (the stale rule and "as of today" defaults). */
  today: () => string;
  budgetBytes: number;
}

interface KeptPage {
  /** Captured response headers, less the per-response ones (nonce, request id, framing, date). */
  headers: Record<string, string | string[]>;
  /** The body split where the nonce was: a replay joins the parts with a fresh nonce. */
  parts: Buffer[];
  bytes: number;
}

/** Says how a page was answered: `hit` (a replay) or `miss` (rendered now, and kept if it can be). */
export const CACHE_HEADER = 'x-page-cache';

/** Headers set again for each replay (or by Node itself), never copied from the kept response. */
const PER_RESPONSE = new Set([
  'content-security-policy',
  'x-request-id',
  'server-timing',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  CACHE_HEADER,
]);

/** Requests the App Router makes for itself (flight data, prefetches, server actions): never HTML to keep. */
const ROUTER_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-action', 'next-url'];

export type PassOn = () => unknown;

export class PageCache {
  private readonly pages: ByteBoundedCache<KeptPage>;
  /** Renders in progress by key: a request for the same page waits for the render and replays it. */
  private readonly rendering = new Map<string, Promise<boolean>>();
  /** Renders being captured, by request id; one whose render reported an error is not kept. */
  private readonly capturing = new Map<string, { failed: boolean }>();
  private readonly paths: Set<string>;
  hits = 0;

  constructor(private readonly options: PageCacheOptions) {
    this.pages = new ByteBoundedCache(options.budgetBytes, (page) => page.bytes);
    this.paths = new Set(options.paths);
  }

  /** Whether the request may be answered from the cache: an anonymous GET of a kept path. */
  accepts(request: IncomingMessage): boolean {
    if (request.method !== 'GET' || !request.url) return false;
    const query = request.url.indexOf('?');
    const path = query === -1 ? request.url : request.url.slice(0, query);
    if (!this.paths.has(path)) return false;
    if (request.headers.cookie !== undefined || request.headers.authorization !== undefined) return false;
    if (ROUTER_HEADERS.some((name) => request.headers[name] !== undefined)) return false;
    return query === -1 || !new URLSearchParams(request.url.slice(query + 1)).has('_rsc');
  }

  /** A render for this request id failed: whatever it produced is not kept. */
  reportError(requestId: string | undefined): void {
    const capture = requestId === undefined ? undefined : this.capturing.get(requestId);
    if (capture) capture.failed = true;
  }

  /**
   * Answers an accepted request: a replay of the kept page, or Next.js's render (passOn), captured
   * to be kept. Concurrent requests for a page being rendered wait for that render.
   */
  async serve(request: IncomingMessage, response: ServerResponse, passOn: PassOn): Promise<void> {
    const key = `${this.options.version()}|${this.options.today()}|${request.url}`;
    if (this.replay(key, request, response)) return;
    const pending = this.rendering.get(key);
    if (pending) {
      await pending;
      if (this.replay(key, request, response)) return;
      passOn();
      return;
    }
    const render = this.capture(key, request, response, passOn);
    this.rendering.set(key, render);
    try {
      await render;
    } finally {
      this.rendering.delete(key);
    }
  }

  private replay(key: string, request: IncomingMessage, response: ServerResponse): boolean {
    const page = this.pages.take(key);
    if (!page) return false;
    this.pages.keep(key, page);
    this.hits += 1;
    const nonce = newNonce();
    const requestId = requestIdFrom(firstHeader(request, REQUEST_ID_HEADER));
    const body = joinParts(page.parts, Buffer.from(nonce));
    const headers: Record<string, string | string[]> = { ...page.headers };
    for (const [name, value] of Object.entries(responseHeaders(nonce, requestId))) headers[name.toLowerCase()] = value;
    headers[CACHE_HEADER] = 'hit';
    if (acceptsGzip(request) && body.byteLength >= COMPRESS_FROM_BYTES) {
      void gzipAsync(body).then(
        (zipped) => send(response, headers, zipped, 'gzip'),
        () => send(response, headers, body),
      );
    } else {
      send(response, headers, body);
    }
    return true;
  }

  /**
   * Lets Next.js render the page, as it streams to this visitor, and keeps a copy once it ends
   * whole. The render is asked without Accept-Encoding so the copy is plain HTML in which the
   * nonce can be found (this first answer goes out uncompressed; replays are compressed).
   */
  private capture(key: string, request: IncomingMessage, response: ServerResponse, passOn: PassOn): Promise<boolean> {
    // The id ties an error reported for the render to it; a caller's id already rendering gets a new one.
    let requestId = requestIdFrom(firstHeader(request, REQUEST_ID_HEADER));
    if (this.capturing.has(requestId)) requestId = newRequestId();
    request.headers[REQUEST_ID_HEADER] = requestId;
    delete request.headers['accept-encoding'];
    response.setHeader(CACHE_HEADER, 'miss');
    const chunks: Buffer[] = [];
    let bytes = 0;
    let overflow = false;
    const limit = this.options.budgetBytes / 4;
    const collect = (chunk: unknown, encoding?: unknown) => {
      if (overflow || chunk === undefined || chunk === null || typeof chunk === 'function') return;
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : Buffer.from(chunk as Uint8Array);
      bytes += buffer.byteLength;
      if (bytes > limit) overflow = true;
      else chunks.push(buffer);
    };
    const write = response.write;
    const end = response.end;
    response.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      collect(chunk, rest[0]);
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof response.write;
    response.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      collect(chunk, rest[0]);
      return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
    } as typeof response.end;
    const state = { failed: false };
    this.capturing.set(requestId, state);
    return new Promise<boolean>((resolve) => {
      const done = () => {
        response.write = write;
        response.end = end;
        this.capturing.delete(requestId);
        const page = !state.failed && !overflow && response.writableFinished ? keepable(response, Buffer.concat(chunks), requestId) : null;
        if (page) this.pages.keep(key, page);
        resolve(page !== null);
      };
      response.once('close', done);
      try {
        const result = passOn();
        if (result instanceof Promise) result.catch(() => undefined);
      } catch {
        // Next.js answers its own errors; the response is then not a page to keep.
      }
    });
  }
}

/** The kept form of a finished response, or null when it is not a page every visitor may see. */
function keepable(response: ServerResponse, body: Buffer, requestId: string): KeptPage | null {
  if (response.statusCode !== 200) return null;
  if (!String(response.getHeader('content-type') ?? '').startsWith('text/html')) return null;
  if (response.getHeader('set-cookie') !== undefined || response.getHeader('content-encoding') !== undefined) return null;
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(String(response.getHeader('content-security-policy') ?? ''))?.[1];
  if (!nonce) return null;
  // The id goes only in headers; a page that printed it (an error page) is this request's alone.
  if (body.includes(requestId)) return null;
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(response.getHeaders())) {
    if (value === undefined || PER_RESPONSE.has(name)) continue;
    headers[name] = Array.isArray(value) ? value : String(value);
  }
  const parts = splitParts(body, Buffer.from(nonce));
  return { headers, parts, bytes: body.byteLength };
}

export function splitParts(body: Buffer, separator: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(separator, from); at !== -1; at = body.indexOf(separator, from)) {
    parts.push(body.subarray(from, at));
    from = at + separator.byteLength;
  }
  parts.push(body.subarray(from));
  return parts;
}

export function joinParts(parts: readonly Buffer[], separator: Buffer): Buffer {
  const pieces: Buffer[] = [];
  parts.forEach((part, index) => {
    if (index > 0) pieces.push(separator);
    pieces.push(part);
  });
  return Buffer.concat(pieces);
}

function send(response: ServerResponse, headers: Record<string, string | string[]>, body: Buffer, encoding?: 'gzip'): void {
  if (response.destroyed) return;
  response.writeHead(200, { ...headers, 'content-length': String(body.byteLength), ...(encoding ? { 'content-encoding': encoding } : {}) });
  response.end(body);
}
