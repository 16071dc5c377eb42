import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { and, eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { verifyPassword } from 'better-auth/crypto';
import { applyPragmas, openDatabase, type Db } from '../client';
import * as t from '../schema';
import { seedDatabase } from '../../seed';
import { DEMO_ADMIN_ID } from '../../seed/demo';
import {
  AccessDeniedError,
  createUser,
  createUserFromConsole,
  disableUser,
  enableUser,
  findSignedInUser,
  getUsers,
  listUserIds,
} from './users';

const FOCAL_POINT_ID = 'demo-user-focal-aldoria';
const CONTRIBUTOR_ID = 'demo-user-contributor-aldoria';

let db: Db;
// A number, not drizzle's $count builder: two builders compare equal whatever the counts.
const count = (table: typeof t.users | typeof t.accounts | typeof t.auditLog | typeof t.sessions) =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(table)
    .get()!.n;
const aldoriaId = () =>
  db
    .select({ id: t.actors.id })
    .from(t.actors)
    .where(eq(t.actors.name, 'Republic of Aldoria'))
    .get()!.id;

function openSession(userId: string, token: string) {
  db.insert(t.sessions)
    .values({
      id: `session-${token}`,
      token,
      userId,
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    })
    .run();
}

/** Makes the audit insert for `action` fail, to prove the change shares its transaction. */
function breakAuditFor(action: string) {
  db.$client.exec(
    `CREATE TRIGGER test_break_audit BEFORE INSERT ON audit_log WHEN NEW.action = '${action}' BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END;`,
  );
}

// Seeded once; each test gets its own copy of that database.
let seeded: Buffer;
beforeAll(() => {
  const template = openDatabase(':memory:');
  seedDatabase(template, 'demo', '2026-11-01T00:00:00.000Z');
  seeded = template.$client.serialize();
  template.$client.close();
});
beforeEach(() => {
  const sqlite = new Database(seeded);
  applyPragmas(sqlite);
  db = drizzle(sqlite, { schema: t }) as Db;
});

describe('only an enabled admin manages users (deny by default)', () => {
  it('lists users for an admin: every id, and whole users for the ids asked', () => {
    const ids = listUserIds(DEMO_ADMIN_ID, {}, db).map((user) => user.id);
    expect(ids.length).toBe(41);
    expect(ids).toContain(FOCAL_POINT_ID);
    expect(getUsers(DEMO_ADMIN_ID, [FOCAL_POINT_ID], db)).toEqual([
      expect.objectContaining({
        id: FOCAL_POINT_ID,
        role: 'focal_point',
        actorName: 'Republic of Aldoria',
        disabledAt: null,
      }),
    ]);
    expect(getUsers(DEMO_ADMIN_ID, [], db)).toEqual([]);
    expect(getUsers(DEMO_ADMIN_ID, ['no-such-user'], db)).toEqual([]);
  });

  it('orders the list enabled first, then by name whatever the case, and a page keeps it', async () => {
    const created: Record<string, string> = {};
    for (const name of ['zeta Person', 'Alpha Person', 'beta Person']) {
      const email = `${name.split(' ')[0]!.toLowerCase()}@example.org`;
      const input = { email, name, role: 'contributor', actor: String(aldoriaId()) };
      const result = await createUser(DEMO_ADMIN_ID, input, {}, db);
      if (!result.ok) throw new Error(JSON.stringify(result));
      created[name] = result.user.id;
    }
    const alpha = created['Alpha Person']!;
    expect(disableUser(DEMO_ADMIN_ID, alpha, db)).toMatchObject({ ok: true });

    const ids = listUserIds(DEMO_ADMIN_ID, {}, db).map((user) => user.id);
    const users = getUsers(DEMO_ADMIN_ID, ids, db);
    expect(users.map((user) => user.id)).toEqual(ids);
    const enabled = users.filter((user) => user.disabledAt === null);
    expect(users.slice(0, enabled.length)).toEqual(enabled);
    const names = enabled.map((user) => user.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    expect(names.indexOf('beta person')).toBeLessThan(names.indexOf('zeta person'));
    expect(users.at(-1)!.id).toBe(alpha);

    // A page asked out of order comes back in the list's order.
    const page = ids.slice(10, 20);
    expect(getUsers(DEMO_ADMIN_ID, [...page].reverse(), db).map((user) => user.id)).toEqual(page);
  });

  it('finds users by name, e-mail or actor, whatever the case', () => {
    const ids = (q: string) => listUserIds(DEMO_ADMIN_ID, { q }, db).map((user) => user.id);
    const [focal] = getUsers(DEMO_ADMIN_ID, [FOCAL_POINT_ID], db);
    expect(ids(focal!.email.toUpperCase())).toEqual([FOCAL_POINT_ID]);
    expect(ids(focal!.name.toLowerCase())).toContain(FOCAL_POINT_ID);
    const ofAldoria = ids('republic of ALDORIA');
    expect(ofAldoria).toEqual(expect.arrayContaining([FOCAL_POINT_ID, CONTRIBUTOR_ID]));
    expect(ofAldoria.length).toBeLessThan(41);
    expect(ids('no such person anywhere')).toEqual([]);
  });

  it.each([
    ['nobody', null],
    ['an empty id', ''],
    ['an unknown user', 'no-such-user'],
    ['a focal point', FOCAL_POINT_ID],
    ['a contributor', CONTRIBUTOR_ID],
  ])('refuses %s', async (_who, callerId) => {
    const before = { users: count(t.users), audit: count(t.auditLog) };
    expect(() => listUserIds(callerId, {}, db)).toThrow(AccessDeniedError);
    expect(() => getUsers(callerId, [CONTRIBUTOR_ID], db)).toThrow(AccessDeniedError);
    await expect(
      createUser(callerId, { email: 'x@example.org', name: 'X', role: 'admin' }, {}, db),
    ).rejects.toThrow(AccessDeniedError);
    expect(() => disableUser(callerId, CONTRIBUTOR_ID, db)).toThrow(AccessDeniedError);
    expect(() => enableUser(callerId, CONTRIBUTOR_ID, db)).toThrow(AccessDeniedError);
    expect({ users: count(t.users), audit: count(t.auditLog) }).toEqual(before);
    expect(findSignedInUser(CONTRIBUTOR_ID, db)).not.toBeNull();
  });

  it('refuses a disabled admin', async () => {
    await createUser(
      DEMO_ADMIN_ID,
      { email: 'second.admin@example.org', name: 'Second Admin', role: 'admin' },
      {},
      db,
    );
    const second = db
      .select()
      .from(t.users)
      .where(eq(t.users.email, 'second.admin@example.org'))
      .get()!;
    expect(disableUser(second.id, DEMO_ADMIN_ID, db)).toMatchObject({ ok: true });
    expect(() => listUserIds(DEMO_ADMIN_ID, {}, db)).toThrow(AccessDeniedError);
    expect(() => getUsers(DEMO_ADMIN_ID, [CONTRIBUTOR_ID], db)).toThrow(AccessDeniedError);
  });
});

describe('creating a user', () => {
  it('writes the user, a scrypt credential and the audit row, and returns the password once', async () => {
    const result = await createUser(
      DEMO_ADMIN_ID,
      {
        email: ' Ana.Diaz@Example.org ',
        name: 'Ana Díaz',
        role: 'contributor',
        actor: String(aldoriaId()),
      },
      {},
      db,
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.generated).toBe(true);
    expect(result.password).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(result.user).toMatchObject({
      email: 'ana.diaz@example.org',
      role: 'contributor',
      actorName: 'Republic of Aldoria',
      isDemo: false,
      hasPassword: true,
    });

    const credential = db
      .select()
      .from(t.accounts)
      .where(eq(t.accounts.userId, result.user.id))
      .get()!;
    expect(credential.providerId).toBe('credential');
    expect(credential.password).not.toContain(result.password);
    expect(await verifyPassword({ hash: credential.password!, password: result.password })).toBe(
      true,
    );

    const audit = db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.action, 'user.create'), eq(t.auditLog.entityId, result.user.id)))
      .get()!;
    expect(audit.userId).toBe(DEMO_ADMIN_ID);
    expect(JSON.parse(audit.after!)).toMatchObject({
      email: 'ana.diaz@example.org',
      role: 'contributor',
    });
    expect(audit.after).not.toContain(result.password);
  });

  it('writes nothing when its audit row cannot be written: one transaction', async () => {
    breakAuditFor('user.create');
    const before = { users: count(t.users), accounts: count(t.accounts) };
    await expect(
      createUser(DEMO_ADMIN_ID, { email: 'ana@example.org', name: 'Ana', role: 'admin' }, {}, db),
    ).rejects.toThrow(/audit unavailable/);
    expect({ users: count(t.users), accounts: count(t.accounts) }).toEqual(before);
  });

  it.each([
    [{ email: 'a@example.org', name: 'A', role: 'superuser' }, { role: 'roleInvalid' }],
    [{ email: 'a@example.org', name: 'A', role: 'owner', actor: '1' }, { role: 'roleInvalid' }],
    [
      { email: 'not-an-email', name: '', role: 'admin' },
      { email: 'emailInvalid', name: 'nameRequired' },
    ],
    [{ email: 'a@example.org', name: 'A', role: 'focal_point' }, { actor: 'actorRequired' }],
    [
      { email: 'a@example.org', name: 'A', role: 'admin', actor: '1' },
      { actor: 'actorNotAllowed' },
    ],
    [
      { email: 'a@example.org', name: 'A', role: 'contributor', actor: '999999' },
      { actor: 'actorUnknown' },
    ],
    [
      { email: 'a@example.org', name: 'A', role: 'contributor', actor: 'ZZZ' },
      { actor: 'actorUnknown' },
    ],
    [{ email: 'ADMIN@demo.example', name: 'A', role: 'admin' }, { email: 'emailTaken' }],
  ])('refuses %j, naming the field, and writes nothing', async (input, fieldErrors) => {
    const before = { users: count(t.users), audit: count(t.auditLog) };
    expect(await createUser(DEMO_ADMIN_ID, input, {}, db)).toEqual({ ok: false, fieldErrors });
    expect({ users: count(t.users), audit: count(t.auditLog) }).toEqual(before);
  });

  it('ignores fields nobody may set through it', async () => {
    const result = await createUser(
      DEMO_ADMIN_ID,
      {
        email: 'b@example.org',
        name: 'B',
        role: 'admin',
        isDemo: true,
        disabledAt: '2020-01-01T00:00:00.000Z',
        id: 'chosen-id',
        emailVerified: true,
      },
      {},
      db,
    );
    expect(result.ok && result.user).toMatchObject({ isDemo: false, disabledAt: null });
    expect(result.ok && result.user.id).not.toBe('chosen-id');
  });

  it('takes a chosen password only if it is long enough', async () => {
    expect(
      await createUser(
        DEMO_ADMIN_ID,
        { email: 'c@example.org', name: 'C', role: 'admin' },
        { password: 'short' },
        db,
      ),
    ).toMatchObject({
      ok: false,
      passwordProblem: 'passwordTooShort',
    });
    const result = await createUser(
      DEMO_ADMIN_ID,
      { email: 'c@example.org', name: 'C', role: 'admin' },
      { password: 'a-long-enough-passphrase' },
      db,
    );
    expect(result).toMatchObject({
      ok: true,
      generated: false,
      password: 'a-long-enough-passphrase',
    });
  });

  it('lets the console create the first admin, audited as no user', async () => {
    const result = await createUserFromConsole(
      { email: 'first@example.org', name: 'First Admin', role: 'admin' },
      {},
      db,
    );
    if (!result.ok) throw new Error('not created');
    const audit = db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.action, 'user.create'), eq(t.auditLog.entityId, result.user.id)))
      .get()!;
    expect(audit.userId).toBeNull();
    expect(JSON.parse(audit.after!)).toMatchObject({ via: 'console' });
  });
});

describe('disabling a user', () => {
  it('sets disabled_at, deletes every session of that user and audits before and after', () => {
    openSession(FOCAL_POINT_ID, 'a');
    openSession(FOCAL_POINT_ID, 'b');
    openSession(CONTRIBUTOR_ID, 'c');
    const result = disableUser(DEMO_ADMIN_ID, FOCAL_POINT_ID, db);
    expect(result).toMatchObject({
      ok: true,
      sessionsEnded: 2,
      user: { id: FOCAL_POINT_ID, activeSessions: 0 },
    });
    expect(db.select().from(t.sessions).where(eq(t.sessions.userId, FOCAL_POINT_ID)).all()).toEqual(
      [],
    );
    expect(
      db.select().from(t.sessions).where(eq(t.sessions.userId, CONTRIBUTOR_ID)).all(),
    ).toHaveLength(1);
    expect(findSignedInUser(FOCAL_POINT_ID, db)).toBeNull();

    const audit = db.select().from(t.auditLog).where(eq(t.auditLog.action, 'user.disable')).get()!;
    expect(audit).toMatchObject({
      userId: DEMO_ADMIN_ID,
      entityType: 'user',
      entityId: FOCAL_POINT_ID,
    });
    expect(JSON.parse(audit.before!).disabledAt).toBeNull();
    expect(JSON.parse(audit.after!)).toMatchObject({ sessionsEnded: 2 });
    expect(JSON.parse(audit.after!).disabledAt).toMatch(/^\d{4}-/);
  });

  it('changes nothing when its audit row cannot be written: one transaction', () => {
    openSession(FOCAL_POINT_ID, 'a');
    breakAuditFor('user.disable');
    expect(() => disableUser(DEMO_ADMIN_ID, FOCAL_POINT_ID, db)).toThrow(/audit unavailable/);
    expect(findSignedInUser(FOCAL_POINT_ID, db)).not.toBeNull();
    expect(
      db.select().from(t.sessions).where(eq(t.sessions.userId, FOCAL_POINT_ID)).all(),
    ).toHaveLength(1);
  });

  it('never deletes the user', () => {
    disableUser(DEMO_ADMIN_ID, FOCAL_POINT_ID, db);
    expect(db.select().from(t.users).where(eq(t.users.id, FOCAL_POINT_ID)).get()).toBeDefined();
  });

  it.each([
    ['oneself', DEMO_ADMIN_ID, 'self'],
    ['an unknown user', 'no-such-user', 'notFound'],
    ['no user at all', '', 'invalid'],
    ['a user id that is not text', { id: FOCAL_POINT_ID }, 'invalid'],
  ])('refuses %s', (_what, userId, reason) => {
    expect(disableUser(DEMO_ADMIN_ID, userId, db)).toEqual({ ok: false, reason });
  });

  it('says so when the user is already disabled', () => {
    disableUser(DEMO_ADMIN_ID, FOCAL_POINT_ID, db);
    expect(disableUser(DEMO_ADMIN_ID, FOCAL_POINT_ID, db)).toEqual({
      ok: false,
      reason: 'alreadyDisabled',
    });
  });
});

describe('re-enabling a user', () => {
  it('clears disabled_at, so the user is signed in again at their next sign-in, and audits before and after', () => {
    disableUser(DEMO_ADMIN_ID, FOCAL_POINT_ID, db);
    expect(findSignedInUser(FOCAL_POINT_ID, db)).toBeNull();
    const result = enableUser(DEMO_ADMIN_ID, FOCAL_POINT_ID, db);
    expect(result).toMatchObject({ ok: true, user: { id: FOCAL_POINT_ID, disabledAt: null } });
    expect(findSignedInUser(FOCAL_POINT_ID, db)).toMatchObject({
      id: FOCAL_POINT_ID,
      role: 'focal_point',
    });
    const audit = db.select().from(t.auditLog).where(eq(t.auditLog.action, 'user.enable')).get()!;
    expect(audit).toMatchObject({
      userId: DEMO_ADMIN_ID,
      entityType: 'user',
      entityId: FOCAL_POINT_ID,
    });
    expect(JSON.parse(audit.before!).disabledAt).toMatch(/^\d{4}-/);
    expect(JSON.parse(audit.after!).disabledAt).toBeNull();
  });

  it('changes nothing when its audit row cannot be written: one transaction', () => {
    disableUser(DEMO_ADMIN_ID, FOCAL_POINT_ID, db);
    breakAuditFor('user.enable');
    expect(() => enableUser(DEMO_ADMIN_ID, FOCAL_POINT_ID, db)).toThrow(/audit unavailable/);
    expect(findSignedInUser(FOCAL_POINT_ID, db)).toBeNull();
  });

  it('refuses a disabled admin, who is nobody', async () => {
    await createUser(
      DEMO_ADMIN_ID,
      { email: 'second.admin@example.org', name: 'Second Admin', role: 'admin' },
      {},
      db,
    );
    const second = db
      .select()
      .from(t.users)
      .where(eq(t.users.email, 'second.admin@example.org'))
      .get()!;
    disableUser(DEMO_ADMIN_ID, second.id, db);
    expect(() => enableUser(second.id, second.id, db)).toThrow(AccessDeniedError);
    expect(findSignedInUser(second.id, db)).toBeNull();
  });

  it.each([
    ['a user who is not disabled', FOCAL_POINT_ID, 'notDisabled'],
    ['an unknown user', 'no-such-user', 'notFound'],
    ['no user at all', '', 'invalid'],
  ])('refuses %s', (_what, userId, reason) => {
    const audits = count(t.auditLog);
    expect(enableUser(DEMO_ADMIN_ID, userId, db)).toEqual({ ok: false, reason });
    expect(count(t.auditLog)).toBe(audits);
  });
});
