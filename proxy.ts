import { NextResponse, type NextRequest } from 'next/server';
import { newNonce, securityHeaders } from './lib/security-headers';
import { isHttps } from './lib/deployment';
import { REQUEST_ID_HEADER, requestIdFrom, serverTimingHeader } from './lib/request-id';
import { actionBodyProblem, bodyTarget, checkBodySize, isWrite, originProblem } from './lib/request-guards';

/**
 * Runs before every request (pages, API, server actions, static files, errors and 404s alike):
 * gives it a request id (X-Request-Id, on the request for the logs and audit rows, and on the
 * response for the user), refuses a body too large to read (413, before anything parses it) and
 * a cross-origin write to a page (server actions), and puts the security headers on the
 * response. The CSP also goes on the request, where Next.js reads the nonce for its scripts.
 */
export async function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
  const nonce = newNonce();
  const headers = securityHeaders({ nonce, ...deployment() });
  const refusal = await refuse(request);
  if (refusal) {
    const response = NextResponse.json({ error: { code: refusal.code, message: refusal.message, requestId } }, { status: refusal.status });
    return withHeaders(response, headers, requestId);
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', headers['Content-Security-Policy']!);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), headers, requestId);
}

/** How the process is deployed, read once: the environment does not change while it runs. */
let settings: { development: boolean; httpsProduction: boolean } | undefined;

function deployment(): { development: boolean; httpsProduction: boolean } {
  settings ??= { development: process.env.NODE_ENV === 'development', httpsProduction: process.env.NODE_ENV === 'production' && isHttps() };
  return settings;
}

async function refuse(request: NextRequest): Promise<{ status: number; code: string; message: string } | null> {
  if (!isWrite(request.method)) return null;
  const target = bodyTarget(request.nextUrl.pathname);
  const size = checkBodySize(request.method, request.headers.get('content-length'), request.headers.get('transfer-encoding'), target);
  if (!size.ok) return { status: size.status, code: size.code, message: size.message };
  if (target === 'page') {
    const problem = originProblem(request.headers.get('origin'), request.headers.get('x-forwarded-host') ?? request.headers.get('host'));
    if (problem) return { status: 403, code: 'cross_origin', message: problem };
    // Only writes to pages are server actions; their body must decode (bounded above by the size check).
    if (request.method === 'POST') return actionBodyProblem(request.headers.get('content-type'), await request.clone().arrayBuffer(), request.headers.has('next-action'));
  }
  return null;
}

function withHeaders(response: NextResponse, headers: Record<string, string>, requestId: string): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  response.headers.set('X-Request-Id', requestId);
  response.headers.set('Server-Timing', serverTimingHeader(requestId));
  return response;
}
