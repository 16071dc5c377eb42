import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getCurrentUser, type CurrentUser } from '@/db/current-user';

/** The signed-in, enabled user of this request, or null. */
export const currentUser = getCurrentUser;

/** For pages: the user, or a redirect to sign in and come back. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return user;
}

export class RefusedError extends Error {}

/** Server actions are public endpoints: refuse a cross-origin request or one without an Origin. */
async function assertSameOrigin(): Promise<void> {
  const requestHeaders = await headers();
  const origin = requestHeaders.get('origin');
  const host = requestHeaders.get('x-forwarded-host') ?? requestHeaders.get('host');
  if (!origin || !host) throw new RefusedError('Refused: the request has no Origin.');
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new RefusedError('Refused: the Origin is not valid.');
  }
  if (originHost !== host) throw new RefusedError('Refused: cross-origin request.');
}

/**
 * Every exported server action is `guardedAction(...)` (a static test checks it): same origin,
 * a signed-in enabled user; the data function it calls then authorizes the write itself.
 */
export function guardedAction<Args extends unknown[], Result>(action: (user: CurrentUser, ...args: Args) => Promise<Result>): (...args: Args) => Promise<Result> {
  return async (...args: Args) => {
    await assertSameOrigin();
    const user = await currentUser();
    if (!user) redirect('/sign-in');
    return action(user, ...args);
  };
}
