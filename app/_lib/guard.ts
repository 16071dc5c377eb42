import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { getCurrentUser, type CurrentUser } from '@/db/current-user';
import { log } from '@/lib/logger';
import { REQUEST_ID_HEADER } from '@/lib/request-id';
import { originProblem } from '@/lib/request-guards';

/** The signed-in, enabled user of this request, or null. */
export const currentUser = getCurrentUser;

/** For pages: the user, or a redirect to sign in and come back. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return user;
}

/**
 * Server actions are public endpoints: a cross-origin request, or one without an Origin, is
 * refused. proxy.ts refuses it first with a 403 that says why; this is the second line, should a
 * request reach an action some other way: a 403 (never a 500), logged with the reason.
 */
async function assertSameOrigin(): Promise<void> {
  const requestHeaders = await headers();
  const problem = originProblem(requestHeaders.get('origin'), requestHeaders.get('x-forwarded-host') ?? requestHeaders.get('host'));
  if (!problem) return;
  log({ level: 'warn', message: problem, requestId: requestHeaders.get(REQUEST_ID_HEADER), route: 'server action' });
  forbidden();
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
