import { NextResponse, type NextRequest } from 'next/server';
import { newNonce, securityHeaders } from './lib/security-headers';
import { isHttps } from './lib/deployment';

/**
 * Runs before every request (pages, API, server actions, static files, errors and 404s alike) and
 * puts the security headers on its response. The CSP also goes on the request, where Next.js
 * reads the nonce to put on the scripts it renders (pages are rendered per request).
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const headers = securityHeaders({
    nonce,
    development: process.env.NODE_ENV === 'development',
    httpsProduction: process.env.NODE_ENV === 'production' && isHttps(),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', headers['Content-Security-Policy']!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
