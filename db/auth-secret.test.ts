import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase } from './client';
import * as t from './schema';
import { authSecret } from './auth-secret';
import { authConfigurationProblem } from '../lib/deployment';

const deployment = { NODE_ENV: 'production', BETTER_AUTH_URL: 'https://tracker.example.org' };

describe('the auth secret', () => {
  it('comes from BETTER_AUTH_SECRET when set', () => {
    const secret = 'a'.repeat(44);
    expect(
      authSecret(openDatabase(':memory:'), { ...deployment, BETTER_AUTH_SECRET: secret }),
    ).toBe(secret);
  });

  it('refuses a production deployment without one, and a short one anywhere', () => {
    expect(authConfigurationProblem(deployment)).toMatch(/BETTER_AUTH_SECRET is not set/);
    expect(() => authSecret(openDatabase(':memory:'), deployment)).toThrow(
      /BETTER_AUTH_SECRET is not set/,
    );
    expect(authConfigurationProblem({ BETTER_AUTH_SECRET: 'short' })).toMatch(/at least 32/);
    expect(
      authConfigurationProblem({
        NODE_ENV: 'production',
        BETTER_AUTH_URL: 'http://127.0.0.1:3100',
      }),
    ).toBeNull();
  });

  it('is derived once per database otherwise, kept in settings and audited without its value', () => {
    const db = openDatabase(':memory:');
    const first = authSecret(db, {});
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authSecret(db, { NODE_ENV: 'production' })).toBe(first);
    expect(authSecret(openDatabase(':memory:'), {})).not.toBe(first);
    const audit = db.select().from(t.auditLog).where(eq(t.auditLog.action, 'setting.create')).all();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(first);
  });
});
