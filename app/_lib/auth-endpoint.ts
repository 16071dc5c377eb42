import 'server-only';
import { cookies, headers } from 'next/headers';
import { parseSetCookieHeader, toCookieOptions } from 'better-auth/cookies';
import { getAuth } from '@/db/auth';
import { CLIENT_ADDRESS_HEADER } from '@/lib/client-address';
import { appBaseUrl } from '@/lib/deployment';

export type AuthEndpoint = '/sign-out' | '/change-password';

export interface AuthEndpointResult {
  status: number;
  /** better-auth's error code (`INVALID_PASSWORD`, `PASSWORD_TOO_SHORT`, ...), if any. */
  code: string | null;
}

// What better-auth needs to know about the browser: its session, its address as proxy.ts resolved it (rate limits), its agent (session list).
const FORWARDED_HEADERS = ['cookie', 'user-agent', CLIENT_ADDRESS_HEADER];

/**
 * Calls a better-auth endpoint from a server action through better-auth's HTTP handler, not
 * through `auth.api`, so the rate limits and origin checks that guard the public API guard the
 * forms too; then hands the cookies it sets to the browser. Next.js has already refused a server
 * action from another origin, so the request carries the app's own origin.
 */
export async function callAuthEndpoint(
  path: AuthEndpoint,
  body: Record<string, unknown>,
): Promise<AuthEndpointResult> {
  const incoming = await headers();
  const base = appBaseUrl();
  const forwarded = new Headers({ 'content-type': 'application/json', origin: base.origin });
  for (const name of FORWARDED_HEADERS) {
    const value = incoming.get(name);
    if (value) forwarded.set(name, value);
  }
  const response = await getAuth().handler(
    new Request(new URL(`/api/auth${path}`, base), {
      method: 'POST',
      headers: forwarded,
      body: JSON.stringify(body),
    }),
  );

  const setCookie = response.headers.get('set-cookie');
  if (setCookie) {
    const store = await cookies();
    for (const [name, attributes] of parseSetCookieHeader(setCookie))
      store.set(name, attributes.value, toCookieOptions(attributes));
  }
  const payload = (await response.json().catch(() => null)) as { code?: unknown } | null;
  return { status: response.status, code: typeof payload?.code === 'string' ? payload.code : null };
}
