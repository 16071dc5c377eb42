import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { registerSignInAttempt } from './sign-in-throttle';

describe('the per-account sign-in throttle', () => {
  const limits = { maxAttempts: 3, windowMs: 60_000 };

  it('refuses after the limit until the window has passed', () => {
    const db = openDatabase(':memory:');
    const start = 1_000_000;
    for (let i = 0; i < 3; i++) expect(registerSignInAttempt(db, 'a@example.org', start + i, limits)).toEqual({ allowed: true });
    expect(registerSignInAttempt(db, 'a@example.org', start + 10_000, limits)).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(registerSignInAttempt(db, 'b@example.org', start + 10_000, limits)).toEqual({ allowed: true });
    expect(registerSignInAttempt(db, 'a@example.org', start + 60_000, limits)).toEqual({ allowed: true });
  });
});
