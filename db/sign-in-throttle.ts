/**
 * Our half of the sign-in rate limit (better-auth's own limiter, in db/auth.ts, counts requests
 * per client address). It keeps password guessing slow without giving anyone a way to lock an
 * account's owner out:
 *
 * - Per e-mail and client address, strictly: after `maxFailures` failures within `windowMs`, that
 *   address is refused for that e-mail until the window has passed. A success clears the count.
 * - Per e-mail across all addresses, a growing delay: past `freeFailures` recent failures, each
 *   attempt must wait `firstDelayMs`, doubling with every further failure up to `maxDelayMs`,
 *   after the e-mail's latest failure. An address the e-mail signed in from within
 *   `knownAddressMs` is spared this delay, so a stranger's guesses from elsewhere never stop the
 *   owner at their own address.
 *
 * An attempt is counted as a failure when it starts, so concurrent guesses cannot slip past the
 * limit, and cleared when it succeeds. Counted whether or not an account exists, so the limits
 * reveal nothing about who has an account.
 */
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from './client';
import { signInAttempts } from './schema';

export interface ThrottleRules {
  perAddress: { maxFailures: number; windowMs: number };
  perEmail: { freeFailures: number; firstDelayMs: number; maxDelayMs: number };
  knownAddressMs: number;
}

export const SIGN_IN_THROTTLE: ThrottleRules = {
  perAddress: { maxFailures: 5, windowMs: 15 * 60_000 },
  perEmail: { freeFailures: 10, firstDelayMs: 5_000, maxDelayMs: 60_000 },
  knownAddressMs: 30 * 24 * 3_600_000,
};

/** The key of a request whose client address could not be told. */
export const UNKNOWN_ADDRESS = 'unknown';

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function normalizeEmail(email: unknown): string | null {
  if (typeof email !== 'string') return null;
  const normalized = email.trim().toLowerCase();
  return normalized === '' ? null : normalized.slice(0, 320);
}

/** How long after its latest failure an e-mail with `failures` recent failures makes the next attempt wait. */
export function emailDelayMs(failures: number, rules: ThrottleRules = SIGN_IN_THROTTLE): number {
  const { freeFailures, firstDelayMs, maxDelayMs } = rules.perEmail;
  if (failures < freeFailures) return 0;
  return Math.min(maxDelayMs, firstDelayMs * 2 ** Math.min(failures - freeFailures, 30));
}

const refuse = (untilMs: number, now: number): ThrottleDecision => ({
  allowed: false,
  retryAfterSeconds: Math.max(1, Math.ceil((untilMs - now) / 1000)),
});

/**
 * Decides whether a sign-in for `email` from `address` may go ahead and, if so, counts it as a
 * failure until recordSignInSuccess says otherwise. One immediate transaction, so concurrent
 * attempts (from any server process) are decided one after another.
 */
export function registerSignInAttempt(
  db: Db,
  email: string,
  address: string,
  now: number = Date.now(),
  rules: ThrottleRules = SIGN_IN_THROTTLE,
): ThrottleDecision {
  const windowStart = now - rules.perAddress.windowMs;
  return db.transaction(
    (tx) => {
      const pair = tx
        .select()
        .from(signInAttempts)
        .where(and(eq(signInAttempts.email, email), eq(signInAttempts.address, address)))
        .get();
      const current = pair !== undefined && pair.windowStartedAt > windowStart;
      const failures = current ? pair.failures : 0;
      if (failures >= rules.perAddress.maxFailures)
        return refuse(pair!.windowStartedAt + rules.perAddress.windowMs, now);

      const known =
        pair?.lastSucceededAt != null && pair.lastSucceededAt > now - rules.knownAddressMs;
      if (!known) {
        const recent = tx
          .select({
            failures: sql<number>`coalesce(sum(${signInAttempts.failures}), 0)`,
            lastFailedAt: sql<number | null>`max(${signInAttempts.lastFailedAt})`,
          })
          .from(signInAttempts)
          .where(
            and(
              eq(signInAttempts.email, email),
              sql`${signInAttempts.windowStartedAt} > ${windowStart}`,
            ),
          )
          .get()!;
        const delay = emailDelayMs(recent.failures, rules);
        if (delay > 0 && recent.lastFailedAt !== null && recent.lastFailedAt + delay > now)
          return refuse(recent.lastFailedAt + delay, now);
      }

      const counted = {
        failures: failures + 1,
        windowStartedAt: current ? pair.windowStartedAt : now,
        lastFailedAt: now,
      };
      tx.insert(signInAttempts)
        .values({ email, address, ...counted })
        .onConflictDoUpdate({
          target: [signInAttempts.email, signInAttempts.address],
          set: counted,
        })
        .run();
      return { allowed: true } as const;
    },
    { behavior: 'immediate' },
  );
}

/** A successful sign-in clears the count of its address and makes the address one its owner uses. */
export function recordSignInSuccess(
  db: Db,
  email: string,
  address: string,
  now: number = Date.now(),
): void {
  const cleared = { failures: 0, windowStartedAt: now, lastFailedAt: null, lastSucceededAt: now };
  db.insert(signInAttempts)
    .values({ email, address, ...cleared })
    .onConflictDoUpdate({ target: [signInAttempts.email, signInAttempts.address], set: cleared })
    .run();
}

/** Forgets counts whose window has passed, except the addresses an owner signed in from lately. */
export function pruneSignInAttempts(
  db: Db,
  now: number = Date.now(),
  rules: ThrottleRules = SIGN_IN_THROTTLE,
): void {
  db.delete(signInAttempts)
    .where(
      and(
        lt(signInAttempts.windowStartedAt, now - rules.perAddress.windowMs),
        or(
          isNull(signInAttempts.lastSucceededAt),
          lt(signInAttempts.lastSucceededAt, now - rules.knownAddressMs),
        ),
      ),
    )
    .run();
}
