import { randomFillSync } from 'node:crypto';
import { isHttps } from './deployment';
import { serverTimingHeader } from './request-id';

/**
 * The security headers of every response (proxy.ts). Scripts run only from our origin and with
 * this request's nonce, which Next.js reads from the request's CSP and puts on its own scripts;
 * `'strict-dynamic'` lets those load their chunks. Styles allow 'unsafe-inline' because charts set
 * `style` attributes, which a nonce cannot cover: a style cannot run code, a script would.
 */
export interface SecurityHeaderOptions {
  nonce: string;
  /** `next dev`: React needs eval for its debugging aids and a WebSocket for reloads. */
  development: boolean;
  /** Served over https in production: add HSTS and upgrade stray http requests. */
  httpsProduction: boolean;
}

export function contentSecurityPolicy({
  nonce,
  development,
  httpsProduction,
}: SecurityHeaderOptions): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': [
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(development ? ["'unsafe-eval'"] : []),
    ],
    'style-src': ["'self'", "'unsafe-inline'"],
    // blob: only for the chart downloads, which draw the composed SVG from a blob: URL onto a canvas.
    'img-src': ["'self'", 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...(development ? ['ws:'] : [])],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  const policy = Object.entries(directives).map(
    ([name, sources]) => `${name} ${sources.join(' ')}`,
  );
  if (httpsProduction) policy.push('upgrade-insecure-requests');
  return policy.join('; ');
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    ...(options.httpsProduction
      ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' }
      : {}),
  };
}

/** How this process is deployed, read once: the environment does not change while it runs. */
let deployment: Omit<SecurityHeaderOptions, 'nonce'> | undefined;

function deploymentOptions(): Omit<SecurityHeaderOptions, 'nonce'> {
  deployment ??= {
    development: process.env.NODE_ENV === 'development',
    httpsProduction: process.env.NODE_ENV === 'production' && isHttps(),
  };
  return deployment;
}

/**
 * Every header a response gets for the user (set by proxy.ts alone): the security headers with
 * this response's nonce, and the request id as X-Request-Id and as a Server-Timing metric (the
 * error page reads it from there).
 */
export function responseHeaders(nonce: string, requestId: string): Record<string, string> {
  return {
    ...securityHeaders({ nonce, ...deploymentOptions() }),
    'X-Request-Id': requestId,
    'Server-Timing': serverTimingHeader(requestId),
  };
}

/**
 * A fresh, unguessable nonce for one response: 16 bytes of the CSPRNG, never reused, drawn from a
 * pool filled 256 nonces at a time (one call to the generator per nonce was a large share of the
 * proxy's time per request).
 */
export function newNonce(): string {
  if (poolOffset + NONCE_BYTES > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const nonce = pool.toString('base64', poolOffset, poolOffset + NONCE_BYTES);
  poolOffset += NONCE_BYTES;
  return nonce;
}

const NONCE_BYTES = 16;
const pool = Buffer.alloc(NONCE_BYTES * 256);
let poolOffset = pool.length;
