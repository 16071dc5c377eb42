import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { getSessionCookie } from 'better-auth/cookies';
import { COOKIE_PREFIX, getAuth } from './auth';
import { findSignedInUser, type CurrentUser } from './queries/users';

export type { CurrentUser };

/**
 * The signed-in user of this request as a minimal DTO, or null. The session is read from the
 * database on every request, and a disabled user counts as signed out whatever cookie they hold.
 * Cached per request, so the header and the page ask once.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const requestHeaders = await headers();
  // No session cookie at all: signed out, without a trip through better-auth's endpoint.
  if (!getSessionCookie(requestHeaders, { cookiePrefix: COOKIE_PREFIX })) return null;
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  return session ? findSignedInUser(session.user.id) : null;
});
