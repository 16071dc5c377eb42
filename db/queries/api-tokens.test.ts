import { beforeEach, describe, expect, it, vi, afterEach } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import * as t from '../schema';
import { demoDatabases } from '../../test/support/demo-database';
import { DEMO_ADMIN_ID } from '../../seed/demo';
import {
  API_TOKEN_PATTERN,
  authenticateApiToken,
  hashApiToken,
  issueApiToken,
  listApiTokens,
  revokeApiToken,
} from './api-tokens';

const FOCAL_POINT_ID = 'demo-user-focal-aldoria';
const CONTRIBUTOR_ID = 'demo-user-contributor-aldoria';

let db: Db;
const freshDemoDatabase = demoDatabases();
beforeEach(() => {
  db = freshDemoDatabase();
});
afterEach(() => {
  vi.useRealTimers();
});

const tokenCount = () => db.select().from(t.apiTokens).all().length;
const audits = (action: string) =>
  db.select().from(t.auditLog).where(eq(t.auditLog.action, action)).all();

function issue(userId: string, name = 'Reporting script') {
  const result = issueApiToken(userId, name, {}, db);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('issuing a token', () => {
  it('returns the token once and stores only its hash and a prefix, with an audit row', () => {
    const { id, token, prefix } = issue(FOCAL_POINT_ID);
    expect(token).toMatch(API_TOKEN_PATTERN);
    expect(token.startsWith(prefix)).toBe(true);
    const row = db.select().from(t.apiTokens).where(eq(t.apiTokens.id, id)).get()!;
    expect(row.tokenHash).toBe(hashApiToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const [audit] = audits('api_token.issue');
    expect(audit).toMatchObject({
      userId: FOCAL_POINT_ID,
      entityType: 'api_token',
      entityId: String(id),
    });
    expect(audit!.after).not.toContain(row.tokenHash);
  });

  it('gives every token a different secret', () => {
    const tokens = new Set(Array.from({ length: 20 }, () => issue(FOCAL_POINT_ID).token));
    expect(tokens.size).toBe(20);
  });

  it.each([
    ['an empty name', '   ', 'is required'],
    ['a name that is too long', 'x'.repeat(101), 'must be at most 100 characters'],
    ['a name that is not text', 42, 'must be text'],
    ['a name with control characters', 'bad\u0000name', 'must not contain control characters'],
  ])('refuses %s, naming the field, and writes nothing', (_case, name, message) => {
    const before = tokenCount();
    const result = issueApiToken(FOCAL_POINT_ID, name, {}, db);
    expect(result).toMatchObject({ ok: false, status: 400, fieldErrors: { name: message } });
    expect(tokenCount()).toBe(before);
  });

  it('refuses nobody, an unknown user and a disabled user', () => {
    db.update(t.users)
      .set({ disabledAt: '2026-11-01T00:00:00.000Z' })
      .where(eq(t.users.id, CONTRIBUTOR_ID))
      .run();
    for (const userId of [null, '', 'no-such-user', CONTRIBUTOR_ID]) {
      expect(issueApiToken(userId, 'x', {}, db)).toMatchObject({ ok: false, status: 403 });
    }
    expect(tokenCount()).toBe(0);
  });

  it('writes neither the token nor its audit row when the audit fails', () => {
    db.$client.exec(
      `CREATE TRIGGER test_break_audit BEFORE INSERT ON audit_log WHEN NEW.action = 'api_token.issue' BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END;`,
    );
    expect(() => issueApiToken(FOCAL_POINT_ID, 'x', {}, db)).toThrow('audit unavailable');
    expect(tokenCount()).toBe(0);
  });
});

describe('authenticating with a token', () => {
  it('returns the user of a valid token', () => {
    const { token } = issue(FOCAL_POINT_ID);
    expect(authenticateApiToken(token, db)).toBe(FOCAL_POINT_ID);
  });

  it.each([
    ['no token', undefined],
    ['an empty token', ''],
    ['a malformed token', 'Bearer abc'],
    ['a well-formed unknown token', `ct_${'A'.repeat(43)}`],
  ])('returns null for %s', (_case, token) => {
    issue(FOCAL_POINT_ID);
    expect(authenticateApiToken(token, db)).toBeNull();
  });

  it('returns null once the token is revoked, or its user disabled', () => {
    const revoked = issue(FOCAL_POINT_ID);
    expect(revokeApiToken(FOCAL_POINT_ID, revoked.id, {}, db)).toMatchObject({
      ok: true,
      alreadyRevoked: false,
    });
    expect(authenticateApiToken(revoked.token, db)).toBeNull();

    const ofDisabled = issue(CONTRIBUTOR_ID);
    db.update(t.users)
      .set({ disabledAt: '2026-11-01T00:00:00.000Z' })
      .where(eq(t.users.id, CONTRIBUTOR_ID))
      .run();
    expect(authenticateApiToken(ofDisabled.token, db)).toBeNull();
  });

  it('records when a token was last used, at most once a minute', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-02T10:00:00.000Z'));
    const { id, token } = issue(FOCAL_POINT_ID);
    const lastUsed = () =>
      db
        .select({ at: t.apiTokens.lastUsedAt })
        .from(t.apiTokens)
        .where(eq(t.apiTokens.id, id))
        .get()!.at;
    expect(lastUsed()).toBeNull();
    authenticateApiToken(token, db);
    expect(lastUsed()).toBe('2026-11-02T10:00:00.000Z');
    vi.setSystemTime(new Date('2026-11-02T10:00:59.000Z'));
    authenticateApiToken(token, db);
    expect(lastUsed()).toBe('2026-11-02T10:00:00.000Z');
    vi.setSystemTime(new Date('2026-11-02T10:01:00.000Z'));
    authenticateApiToken(token, db);
    expect(lastUsed()).toBe('2026-11-02T10:01:00.000Z');
  });
});

describe('revoking a token', () => {
  it('lets the owner revoke, once and for good, with an audit row; a second revoke changes nothing', () => {
    const { id } = issue(FOCAL_POINT_ID);
    expect(revokeApiToken(FOCAL_POINT_ID, id, {}, db)).toEqual({
      ok: true,
      id,
      alreadyRevoked: false,
    });
    const revokedAt = listApiTokens(FOCAL_POINT_ID, db)[0]!.revokedAt;
    expect(revokedAt).not.toBeNull();
    expect(revokeApiToken(FOCAL_POINT_ID, id, {}, db)).toEqual({
      ok: true,
      id,
      alreadyRevoked: true,
    });
    expect(listApiTokens(FOCAL_POINT_ID, db)[0]!.revokedAt).toBe(revokedAt);
    expect(audits('api_token.revoke')).toHaveLength(1);
  });

  it("does not acknowledge another user's token, but lets an admin revoke anyone's", () => {
    const { id, token } = issue(FOCAL_POINT_ID);
    expect(revokeApiToken(CONTRIBUTOR_ID, id, {}, db)).toMatchObject({ ok: false, status: 404 });
    expect(revokeApiToken(null, id, {}, db)).toMatchObject({ ok: false, status: 403 });
    expect(revokeApiToken(FOCAL_POINT_ID, 'abc', {}, db)).toMatchObject({ ok: false, status: 404 });
    expect(authenticateApiToken(token, db)).toBe(FOCAL_POINT_ID);
    expect(revokeApiToken(DEMO_ADMIN_ID, id, {}, db)).toMatchObject({
      ok: true,
      alreadyRevoked: false,
    });
    expect(authenticateApiToken(token, db)).toBeNull();
    expect(audits('api_token.revoke')[0]).toMatchObject({
      userId: DEMO_ADMIN_ID,
      entityId: String(id),
    });
  });

  it('the database itself refuses to delete a token or to un-revoke one', () => {
    const { id } = issue(FOCAL_POINT_ID);
    revokeApiToken(FOCAL_POINT_ID, id, {}, db);
    expect(() => db.delete(t.apiTokens).where(eq(t.apiTokens.id, id)).run()).toThrow(
      /never deleted/,
    );
    expect(() =>
      db.update(t.apiTokens).set({ revokedAt: null }).where(eq(t.apiTokens.id, id)).run(),
    ).toThrow(/only be used or revoked/);
  });
});

describe('listing tokens', () => {
  it("lists only the user's own tokens, newest first, revoked ones included, never the hash", () => {
    const first = issue(FOCAL_POINT_ID, 'first');
    const second = issue(FOCAL_POINT_ID, 'second');
    issue(CONTRIBUTOR_ID, 'theirs');
    revokeApiToken(FOCAL_POINT_ID, first.id, {}, db);
    const tokens = listApiTokens(FOCAL_POINT_ID, db);
    expect(tokens.map((token) => token.name)).toEqual(['second', 'first']);
    expect(tokens[0]).toEqual({
      id: second.id,
      name: 'second',
      prefix: second.prefix,
      createdAt: expect.any(String),
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(tokens[1]!.revokedAt).not.toBeNull();
    expect(listApiTokens(null, db)).toEqual([]);
  });
});
