/**
 * The per-account half of the sign-in rate limit (better-auth's own limit, in db/auth.ts, is per
 * client address). Every attempt for an e-mail address counts until one succeeds; after
 * `maxAttempts` within `windowMs` the address is refused until the window has passed. Counted
 * whether or not an account exists, so the limit reveals nothing about who has an account.
 */
import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from './client';
import { signInAttempts } from './schema';

export interface ThrottleLimits {
  maxAttempts: number;
  windowMs: number;
}

export const SIGN_IN_THROTTLE: ThrottleLimits = { maxAttempts: 5, windowMs: 15 * 60_000 };

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function normalizeEmail(email: unknown): string | null {
  if (typeof email !== 'string') return null;
  const normalized = email.trim().toLowerCase();
  return normalized === '' ? null : normalized.slice(0, 320);
}

/** Counts one attempt and says whether it may proceed: one statement, so concurrent attempts cannot slip through. */
export function registerSignInAttempt(db: Db, email: string, now: number = Date.now(), limits: ThrottleLimits = SIGN_IN_THROTTLE): ThrottleDecision {
  const expired = now - limits.windowMs;
  const row = db
    .insert(signInAttempts)
    .values({ email, attempts: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: signInAttempts.email,
      set: {
        attempts: sql`CASE WHEN ${signInAttempts.windowStartedAt} <= ${expired} THEN 1 ELSE ${signInAttempts.attempts} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${signInAttempts.windowStartedAt} <= ${expired} THEN ${now} ELSE ${signInAttempts.windowStartedAt} END`,
      },
    })
    .returning()
    .get();
  if (row.attempts <= limits.maxAttempts) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((row.windowStartedAt + limits.windowMs - now) / 1000)) };
}

/** A successful sign-in starts the count again. */
export function clearSignInAttempts(db: Db, email: string): void {
  db.delete(signInAttempts).where(eq(signInAttempts.email, email)).run();
}

/** Forgets windows that have passed, so addresses tried once do not pile up. */
export function pruneSignInAttempts(db: Db, now: number = Date.now(), limits: ThrottleLimits = SIGN_IN_THROTTLE): void {
  db.delete(signInAttempts).where(lt(signInAttempts.windowStartedAt, now - limits.windowMs)).run();
}
