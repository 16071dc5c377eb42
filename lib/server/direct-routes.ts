import type { IncomingMessage, ServerResponse } from 'node:http';
import { ByteBoundedCache } from '../byte-cache';
import { acceptsGzip, COMPRESS_FROM_BYTES, gzipAsync } from './encoding';
import { directRoute, type DirectHandler } from './registry';

/**
 * Read-only API resources answered by their own route handler straight from the front door
 * (lib/server/front-door.ts), without Next.js's routing in between: the handler is the one Next.js
 * runs (the route module registers it when Next.js first loads it), given the same Web Request and
 * its Response written as Next.js would write it, gzip included.
 *
 * Only for handlers that need nothing of Next.js's request scope (no headers(), cookies() or
 * rendering): respond.ts readOnlyRoute handlers, which stamp their own security headers and
 * request id, skip the proxy already (proxy.ts config.matcher), and log their own errors. A GET of
 * the exact path only; HEAD, the other methods and any other path still go to Next.js.
 * Without Next.js's route path a revalidation answered 304 went from ~1,000 to ~4,600-5,800 a
 * second at c=16 (1,000,000 entries).
 */
export function directHandler(request: IncomingMessage): DirectHandler | undefined {
  if (request.method !== 'GET' || !request.url) return undefined;
  const query = request.url.indexOf('?');
  return directRoute(query === -1 ? request.url : request.url.slice(0, query));
}

/**
 * Compressed bodies by ETag: the tag names the exact bytes (respond.ts cachedRead: data version,
 * date and query), so a body asked again is compressed once, not for every client.
 */
const zipped = new ByteBoundedCache<Buffer>(8 * 1024 * 1024, (body) => body.byteLength);

/**
 * Answers the request with the handler. Returns false, having written nothing, when the request
 * cannot be made into a Web Request (a malformed Host): Next.js answers it then.
 */
export async function answerDirectly(handler: DirectHandler, incoming: IncomingMessage, outgoing: ServerResponse): Promise<boolean> {
  let request: Request;
  try {
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (Array.isArray(value)) for (const item of value) headers.append(name, item);
      else if (value !== undefined) headers.set(name, value);
    }
    request = new Request(`http://${incoming.headers.host ?? 'localhost'}${incoming.url}`, { method: 'GET', headers });
  } catch {
    return false;
  }
  const response = await handler(request, undefined as never);
  let body = await bodyOf(response);
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  if (body && body.byteLength >= COMPRESS_FROM_BYTES && !headers['content-encoding'] && acceptsGzip(incoming)) {
    body = await compressed(body, response.headers.get('etag'));
    headers['content-encoding'] = 'gzip';
  }
  if (outgoing.destroyed) return true;
  outgoing.writeHead(response.status, { ...headers, 'content-length': String(body?.byteLength ?? 0) });
  outgoing.end(body);
  return true;
}

async function bodyOf(response: Response): Promise<Buffer | undefined> {
  if (!response.body) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
}

async function compressed(body: Buffer, etag: string | null): Promise<Buffer> {
  if (!etag) return gzipAsync(body);
  const kept = zipped.take(etag);
  const result = kept ?? (await gzipAsync(body));
  zipped.keep(etag, result);
  return result;
}
