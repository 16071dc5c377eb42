import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { signInAttempts } from './schema';
import {
  SIGN_IN_THROTTLE,
  emailDelayMs,
  pruneSignInAttempts,
  recordSignInSuccess,
  registerSignInAttempt,
  type ThrottleRules,
} from './sign-in-throttle';

const rules: ThrottleRules = {
  perAddress: { maxFailures: 3, windowMs: 60_000 },
  perEmail: { freeFailures: 5, firstDelayMs: 2_000, maxDelayMs: 10_000 },
  knownAddressMs: 3_600_000,
};
const START = 1_000_000;
const OWNER = 'delegate@example.org';

function fresh() {
  const db = openDatabase(':memory:');
  return {
    db,
    attempt: (address: string, at: number, email = OWNER) =>
      registerSignInAttempt(db, email, address, at, rules),
  };
}

describe('the sign-in throttle', () => {
  it('refuses an address after its failures for an e-mail until the window has passed', () => {
    const { attempt } = fresh();
    for (let i = 0; i < 3; i++) expect(attempt('192.0.2.1', START + i)).toEqual({ allowed: true });
    expect(attempt('192.0.2.1', START + 10_000)).toEqual({ allowed: false, retryAfterSeconds: 50 });
    // A refused attempt is not counted: the window still ends when it did.
    expect(attempt('192.0.2.1', START + 59_000)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(attempt('192.0.2.1', START + 60_000)).toEqual({ allowed: true });
  });

  it('lets the owner in from another address at once while a stranger’s address is refused', () => {
    const { db, attempt } = fresh();
    for (let i = 0; i < 3; i++) attempt('203.0.113.66', START + i);
    expect(attempt('203.0.113.66', START + 5)).toMatchObject({ allowed: false });
    expect(attempt('198.51.100.7', START + 6)).toEqual({ allowed: true });
    recordSignInSuccess(db, OWNER, '198.51.100.7', START + 7);
    // Another e-mail from the stranger's address is not affected either.
    expect(attempt('203.0.113.66', START + 8, 'someone.else@example.org')).toEqual({
      allowed: true,
    });
  });

  it('slows a stranger rotating addresses with a delay that doubles, never locking the owner’s own address', () => {
    const { db, attempt } = fresh();
    recordSignInSuccess(db, OWNER, '198.51.100.7', START - 1_000); // the owner's usual address
    let now = START;
    // Five failures are free, spread over addresses that each stay under their own limit.
    for (let i = 0; i < 5; i++) expect(attempt(`203.0.113.${i}`, now++)).toEqual({ allowed: true });
    // From a fresh address, the sixth must wait 2 s after the latest failure, then 4 s, 8 s, capped at 10 s.
    expect(attempt('203.0.113.50', now)).toEqual({ allowed: false, retryAfterSeconds: 2 });
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const refused = attempt(`203.0.113.${60 + i}`, now);
      if (refused.allowed) throw new Error('expected a wait');
      waits.push(refused.retryAfterSeconds);
      now += refused.retryAfterSeconds * 1000;
      expect(attempt(`203.0.113.${60 + i}`, now)).toEqual({ allowed: true });
    }
    expect(waits).toEqual([2, 4, 8, 10, 10]);
    // Meanwhile the owner's own address is never made to wait.
    expect(attempt('198.51.100.7', now)).toEqual({ allowed: true });
    recordSignInSuccess(db, OWNER, '198.51.100.7', now);
    expect(attempt('198.51.100.7', now + 1)).toEqual({ allowed: true });
  });

  it('counts an attempt when it starts, so a success must clear it, and only its own address', () => {
    const { db, attempt } = fresh();
    for (let i = 0; i < 2; i++) attempt('192.0.2.1', START + i);
    attempt('192.0.2.2', START + 2);
    attempt('192.0.2.1', START + 3); // the right password this time
    recordSignInSuccess(db, OWNER, '192.0.2.1', START + 4);
    const rows = db
      .select()
      .from(signInAttempts)
      .all()
      .map((row) => [row.address, row.failures]);
    expect(rows.sort()).toEqual([
      ['192.0.2.1', 0],
      ['192.0.2.2', 1],
    ]);
    for (let i = 0; i < 3; i++)
      expect(attempt('192.0.2.1', START + 10 + i)).toEqual({ allowed: true });
  });

  it('forgets passed windows but remembers where an owner signed in lately', () => {
    const { db, attempt } = fresh();
    attempt('192.0.2.1', START);
    recordSignInSuccess(db, OWNER, '198.51.100.7', START);
    pruneSignInAttempts(db, START + 60_001, rules);
    expect(db.select({ address: signInAttempts.address }).from(signInAttempts).all()).toEqual([
      { address: '198.51.100.7' },
    ]);
    pruneSignInAttempts(db, START + 3_600_001, rules);
    expect(db.select().from(signInAttempts).all()).toEqual([]);
  });

  it('by default: 5 failures per address in 15 minutes; past 10 an e-mail waits 5 s, doubling to a minute', () => {
    expect(SIGN_IN_THROTTLE.perAddress).toEqual({ maxFailures: 5, windowMs: 15 * 60_000 });
    expect([9, 10, 11, 12, 13, 14, 40].map((failures) => emailDelayMs(failures) / 1000)).toEqual([
      0, 5, 10, 20, 40, 60, 60,
    ]);
  });
});
