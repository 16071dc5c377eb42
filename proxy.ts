import createMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';
import { newNonce, responseHeaders } from './lib/security-headers';
import { REQUEST_ID_HEADER, requestIdFrom } from './lib/request-id';
import {
  actionBodyProblem,
  appOrigins,
  bodyTarget,
  checkBodySize,
  isPageRouteHandler,
  isWrite,
  originProblem,
} from './lib/request-guards';
import { CLIENT_ADDRESS_HEADER, clientAddress, trustedProxyHops } from './lib/client-address';
import { appBaseUrl } from './lib/deployment';
import { isLocalizedPath } from './lib/i18n/localized-path';
import { routing } from './lib/i18n/routing';

// next-intl's locale routing: picks a page's locale and rewrites English's unprefixed paths.
const localeRouting = createMiddleware(routing);

/**
 * Runs before every request (pages, API, server actions, static files, errors and 404s alike):
 * gives it a request id (X-Request-Id, on the request for the logs and audit rows, and on the
 * response for the user), redirects a path that ends in a slash, refuses a body too large to read
 * (413, before anything parses it) and a cross-origin write to a page (server actions: scheme,
 * host and port against the app's configured origin), hands the route the client address it
 * resolved (lib/client-address.ts), and puts the security headers on the response: the one place
 * they are set. The CSP also goes on the request, where Next.js reads the nonce for its scripts.
 * Pages (not the API, Next's files or static files) then pass next-intl's locale routing
 * (lib/i18n/routing.ts), whose redirects and rewrites get the same headers.
 */
export async function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
  const nonce = newNonce();
  const headers = responseHeaders(nonce, requestId);
  const slashless = withoutTrailingSlash(request);
  if (slashless) return withHeaders(NextResponse.redirect(slashless, 308), headers);
  const refusal = await refuse(request);
  if (refusal) {
    const response = NextResponse.json(
      { error: { code: refusal.code, message: refusal.message, requestId } },
      { status: refusal.status },
    );
    return withHeaders(response, headers);
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', headers['Content-Security-Policy']!);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  // Resolved here once (lib/client-address.ts), replacing any value a client sent under that name.
  const address = clientAddress(request.headers.get('x-forwarded-for'), trustedProxyHops());
  if (address) requestHeaders.set(CLIENT_ADDRESS_HEADER, address);
  else requestHeaders.delete(CLIENT_ADDRESS_HEADER);
  if (!isLocalizedPath(request.nextUrl.pathname))
    return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), headers);
  // next-intl forwards the headers of the request it is given, so it gets the ones added above.
  const forwarded = new NextRequest(request.url, {
    method: request.method,
    headers: requestHeaders,
  });
  return withHeaders(localeRouting(forwarded), headers);
}

/**
 * `/commitments/?page=2` as `/commitments?page=2`, or null for any other URL. Next.js's own
 * redirect (skipped in next.config.js) answers before the proxy runs, so without the security
 * headers. Only plain paths: no empty segment, so the Location is never protocol-relative.
 * (Next.js takes only an absolute Location here, and sends one on the request's host as relative.)
 */
function withoutTrailingSlash(request: NextRequest): URL | null {
  const url = new URL(request.url);
  if (!/^\/(?:[^/\\]+\/)+$/.test(url.pathname)) return null;
  url.pathname = url.pathname.slice(0, -1);
  return url;
}

async function refuse(
  request: NextRequest,
): Promise<{ status: number; code: string; message: string } | null> {
  if (!isWrite(request.method)) return null;
  const target = bodyTarget(request.nextUrl.pathname);
  const size = checkBodySize(
    request.method,
    request.headers.get('content-length'),
    request.headers.get('transfer-encoding'),
    target,
  );
  if (!size.ok) return { status: size.status, code: size.code, message: size.message };
  if (target === 'page') {
    const problem = originProblem(request.headers.get('origin'), appOrigins(appBaseUrl()));
    if (problem) return { status: 403, code: 'cross_origin', message: problem };
    // Writes to pages are server actions (but for the import's upload); their body must decode
    // (bounded above by the size check).
    if (request.method === 'POST' && !isPageRouteHandler(request.nextUrl.pathname))
      return actionBodyProblem(
        request.headers.get('content-type'),
        await request.clone().arrayBuffer(),
        request.headers.has('next-action'),
      );
  }
  return null;
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
