import 'server-only';
import { headers } from 'next/headers';
import { forbidden } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { getCurrentUser, type CurrentUser } from '@/db/current-user';
import { log } from '@/lib/logger';
import { REQUEST_ID_HEADER } from '@/lib/request-id';
import { appBaseUrl } from '@/lib/deployment';
import { appOrigins, originProblem } from '@/lib/request-guards';
import { afterImports } from '@/db/import/write-turns';
import { getPathname, redirect } from '@/lib/i18n/navigation';

/** The signed-in, enabled user of this request, or null. */
export const currentUser = getCurrentUser;

/**
 * For pages: the user, or a redirect to sign in and come back. `returnTo` is the page's path
 * without its locale; `next` carries it with the locale, as the browser shows it.
 */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) {
    const locale = await getLocale();
    // The query is built with URLSearchParams, which percent-encodes whatever the path holds (a
    // route parameter may hold anything), so the Location is always a valid header.
    redirect({
      href: { pathname: '/sign-in', query: { next: getPathname({ href: returnTo, locale }) } },
      locale,
    });
  }
  return user;
}

/**
 * Server actions are public endpoints: a cross-origin request, or one without an Origin, is
 * refused. proxy.ts refuses it first with a 403 that says why; this is the second line, should a
 * request reach an action some other way: a 403 (never a 500), logged with the reason.
 */
async function assertSameOrigin(): Promise<void> {
  const requestHeaders = await headers();
  const problem = originProblem(requestHeaders.get('origin'), appOrigins(appBaseUrl()));
  if (!problem) return;
  log({
    level: 'warn',
    message: problem,
    requestId: requestHeaders.get(REQUEST_ID_HEADER),
    route: 'server action',
  });
  forbidden();
}

/**
 * What an action's own arguments may be. Bound arguments (`action.bind(null, id)`) and the form
 * travel from the browser like any field, so a forged call can put anything there: each action
 * declares them, and anything else is refused before the action runs.
 */
export const actionArgs = {
  id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  optionalId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).nullable(),
  /** The previous state of useActionState: the action never reads it. */
  state: z.unknown(),
  form: z.instanceof(FormData),
} as const;

/**
 * Every exported server action is `guardedAction(...)` (a lint rule in eslint.config.mjs checks it): its arguments
 * as declared (a form action also receives the submitted form after them), same origin, a
 * signed-in enabled user; the data function it calls then authorizes the write itself.
 * A call whose arguments do not match is refused with a 403 and logged; it never reaches a 500.
 */
export function guardedAction<const Schemas extends readonly z.ZodType[], Result>(
  schemas: Schemas,
  action: (
    user: CurrentUser,
    ...args: { [K in keyof Schemas]: z.output<Schemas[K]> }
  ) => Promise<Result>,
): (...args: { [K in keyof Schemas]: z.input<Schemas[K]> }) => Promise<Result> {
  const declared = z.tuple(schemas as unknown as [z.ZodType, ...z.ZodType[]]);
  const guarded = async (...args: unknown[]): Promise<Result> => {
    await assertSameOrigin();
    const own = args.slice(0, schemas.length);
    const extra = args.slice(schemas.length);
    const parsed = declared.safeParse(own);
    if (!parsed.success || extra.length > 1 || extra.some((arg) => !(arg instanceof FormData))) {
      const requestHeaders = await headers();
      log({
        level: 'warn',
        message: 'Refused a server action call whose arguments do not match its declaration',
        requestId: requestHeaders.get(REQUEST_ID_HEADER),
        route: 'server action',
      });
      forbidden();
    }
    const user = await currentUser();
    if (!user) redirect({ href: '/sign-in', locale: await getLocale() });
    // Its writes wait for a running CSV import's commit without holding the event loop.
    return afterImports(() =>
      action(user, ...(parsed.data as { [K in keyof Schemas]: z.output<Schemas[K]> })),
    );
  };
  return guarded as unknown as (
    ...args: { [K in keyof Schemas]: z.input<Schemas[K]> }
  ) => Promise<Result>;
}
