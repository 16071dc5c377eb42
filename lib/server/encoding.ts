import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

/** gzip on libuv's thread pool, off the event loop. */
export const gzipAsync = promisify(gzip);

/** Bodies below this are sent as they are: compressing them saves less than it costs. */
export const COMPRESS_FROM_BYTES = 1024;

export function firstHeader(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Whether the client takes gzip (Accept-Encoding names it, and not with q=0). */
export function acceptsGzip(request: IncomingMessage): boolean {
  const accepted = firstHeader(request, 'accept-encoding');
  return accepted !== undefined && /\bgzip\b(?!;\s*q=0(?:\.0*)?\b)/i.test(accepted);
}
