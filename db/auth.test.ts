import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db } from './client';
import * as t from './schema';
import { createAuth, RATE_LIMITS, type Auth } from './auth';
import { SIGN_IN_THROTTLE } from './sign-in-throttle';
import { CLIENT_ADDRESS_HEADER } from '../lib/client-address';
import { disableUser } from './queries/users';
import { seedDatabase } from '../seed';
import { seedDemoCredentials } from '../seed/demo-credentials';
import { DEMO_ACCOUNTS, DEMO_ADMIN_ID } from '../seed/demo';

const BASE = 'http://localhost:3000';
const SECRET = 'test-secret-that-is-long-enough-0123456789';
const admin = DEMO_ACCOUNTS[0]!;
const focalPoint = DEMO_ACCOUNTS[1]!;

let db: Db;
let auth: Auth;
let nextAddress = 1;
/** A fresh client address per test, so the per-address limits never link two tests (proxy.ts puts it in CLIENT_ADDRESS_HEADER). */
const newAddress = () => `198.51.100.${nextAddress++}`;

function post(path: string, body: unknown, init: { ip?: string; cookie?: string } = {}) {
  const headers = new Headers({
    'content-type': 'application/json',
    [CLIENT_ADDRESS_HEADER]: init.ip ?? newAddress(),
    origin: BASE,
  });
  if (init.cookie) headers.set('cookie', init.cookie);
  return auth.handler(
    new Request(`${BASE}/api/auth${path}`, { method: 'POST', headers, body: JSON.stringify(body) }),
  );
}

const signIn = (email: string, password: string, ip?: string) =>
  post('/sign-in/email', { email, password }, { ip });

/** The `name=value` pairs a browser would send back. */
function cookieOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0]!)
    .filter((pair) => !pair.endsWith('='))
    .join('; ');
}

async function sessionOf(cookie: string) {
  return auth.api.getSession({ headers: new Headers({ cookie }) });
}

beforeAll(async () => {
  db = openDatabase(':memory:');
  seedDatabase(db, 'demo', '2026-11-01T00:00:00.000Z');
  await seedDemoCredentials(db);
  auth = createAuth(db, { baseUrl: new URL(BASE), secret: SECRET, secureCookies: false });
});

describe('signing in with better-auth on our database', () => {
  it('signs in a demo account, stores the session in the database and sets an HttpOnly, SameSite=Lax cookie', async () => {
    const response = await signIn(focalPoint.email, focalPoint.password);
    expect(response.status).toBe(200);
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^commitment-tracker\.session_token=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);

    const session = await sessionOf(cookieOf(response));
    expect(session?.user).toMatchObject({
      email: focalPoint.email,
      role: 'focal_point',
      isDemo: true,
      disabledAt: null,
    });
    const row = db
      .select()
      .from(t.sessions)
      .where(eq(t.sessions.userId, session!.user.id))
      .all()
      .at(-1)!;
    // better-auth's Dates land in our ISO 8601 text columns, and come back as Dates.
    expect(row.expiresAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(session?.session.expiresAt).toBeInstanceOf(Date);
  });

  it('gives the same answer for an unknown e-mail and for a wrong password', async () => {
    const unknown = await signIn('nobody@demo.example', 'a-wrong-password-123');
    const wrong = await signIn(admin.email, 'a-wrong-password-123');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(unknown.status);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('accepts the e-mail address in any case', async () => {
    expect((await signIn(admin.email.toUpperCase(), admin.password)).status).toBe(200);
  });

  it(`refuses an address after ${SIGN_IN_THROTTLE.perAddress.maxFailures} failures for an e-mail, while the owner signs in at once from elsewhere`, async () => {
    const account = DEMO_ACCOUNTS[3]!;
    const stranger = newAddress();
    for (let attempt = 1; attempt <= SIGN_IN_THROTTLE.perAddress.maxFailures; attempt++) {
      expect((await signIn(account.email, `wrong-password-${attempt}`, stranger)).status).toBe(401);
    }
    const refused = await signIn(account.email, account.password, stranger);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(60);
    // The owner, from their own address, with the right password: in at once.
    expect((await signIn(account.email, account.password, newAddress())).status).toBe(200);
    // Other people are not affected, from the stranger's address either.
    expect((await signIn(admin.email, admin.password, stranger)).status).toBe(200);
  });

  it('slows a stranger who rotates addresses, but never the owner at an address they signed in from', async () => {
    // An account no other test here signs in with: its e-mail stays slowed for a few seconds.
    const account = DEMO_ACCOUNTS[2]!;
    const home = newAddress();
    expect((await signIn(account.email, account.password, home)).status).toBe(200);
    for (let attempt = 1; attempt <= SIGN_IN_THROTTLE.perEmail.freeFailures; attempt++) {
      expect((await signIn(account.email, `wrong-password-${attempt}`)).status).toBe(401);
    }
    const slowed = await signIn(account.email, 'wrong-password-again');
    expect(slowed.status).toBe(429);
    expect(await slowed.json()).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(slowed.headers.get('retry-after'))).toBeLessThanOrEqual(
      SIGN_IN_THROTTLE.perEmail.firstDelayMs / 1000,
    );
    expect((await signIn(account.email, account.password, home)).status).toBe(200);
  });

  it('reads the client address from the header proxy.ts sets, never from X-Forwarded-For', async () => {
    const ip = newAddress();
    const attempt = (n: number) =>
      auth.handler(
        new Request(`${BASE}/api/auth/sign-in/email`, {
          method: 'POST',
          // A new X-Forwarded-For each time, as a client rotating made-up addresses would send.
          headers: {
            'content-type': 'application/json',
            origin: BASE,
            [CLIENT_ADDRESS_HEADER]: ip,
            'x-forwarded-for': `192.0.2.${n % 250}`,
          },
          body: JSON.stringify({ email: `not-an-address-${n}`, password: 'wrong-password-123' }),
        }),
      );
    for (let n = 1; n <= RATE_LIMITS.signIn.max; n++) expect((await attempt(n)).status).toBe(400);
    expect((await attempt(0)).status).toBe(429);
  });

  it('answers a sign-in with the user but not the session token, which only the HttpOnly cookie carries', async () => {
    const response = await signIn(admin.email, admin.password);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).not.toHaveProperty('token');
    expect(body.user).toMatchObject({ email: admin.email });
    const token = decodeURIComponent(cookieOf(response).split('=')[1]!).split('.')[0]!;
    expect(token.length).toBeGreaterThan(10);
    expect(JSON.stringify(body)).not.toContain(token);
    expect(await sessionOf(cookieOf(response))).not.toBeNull();
  });

  it('lets a successful sign-in start its address’s count again', async () => {
    const account = DEMO_ACCOUNTS[4]!;
    const ip = newAddress();
    for (let round = 0; round < 2; round++) {
      for (let attempt = 1; attempt < SIGN_IN_THROTTLE.perAddress.maxFailures; attempt++) {
        expect((await signIn(account.email, 'wrong-password-123', ip)).status).toBe(401);
      }
      expect((await signIn(account.email, account.password, ip)).status).toBe(200);
    }
  });

  it(`limits one client address to ${RATE_LIMITS.signIn.max} sign-ins a minute, counted in the database`, async () => {
    const ip = newAddress();
    // Malformed addresses are refused before any password hashing, which keeps this test fast.
    for (let attempt = 1; attempt <= RATE_LIMITS.signIn.max; attempt++) {
      expect((await signIn(`not-an-address-${attempt}`, 'wrong-password-123', ip)).status).toBe(
        400,
      );
    }
    const refused = await signIn('not-an-address', 'wrong-password-123', ip);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('x-retry-after'))).toBeGreaterThan(0);
    const counter = db
      .select()
      .from(t.rateLimits)
      .where(eq(t.rateLimits.key, `${ip}|/sign-in/email`))
      .get();
    expect(counter?.count).toBe(RATE_LIMITS.signIn.max);
    expect((await signIn(admin.email, admin.password)).status).toBe(200);
  });

  it('never opens a session for a disabled user, and disabling ends the sessions they hold', async () => {
    const account = DEMO_ACCOUNTS[5]!;
    const signedIn = await signIn(account.email, account.password);
    const cookie = cookieOf(signedIn);
    const userId = (await sessionOf(cookie))!.user.id;

    expect(disableUser(DEMO_ADMIN_ID, userId, db)).toMatchObject({ ok: true, sessionsEnded: 1 });
    expect(await sessionOf(cookie)).toBeNull();
    const refused = await signIn(account.email, account.password);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'ACCOUNT_DISABLED' });
  });

  it('changes a password, ending every other session, and audits it', async () => {
    const account = DEMO_ACCOUNTS[4]!;
    const first = cookieOf(await signIn(account.email, account.password));
    const second = cookieOf(await signIn(account.email, account.password));
    const changed = await post(
      '/change-password',
      {
        currentPassword: account.password,
        newPassword: 'a-brand-new-passphrase',
        revokeOtherSessions: true,
      },
      { cookie: first },
    );
    expect(changed.status).toBe(200);
    expect(await sessionOf(second)).toBeNull();
    expect(await sessionOf(cookieOf(changed))).not.toBeNull();
    expect((await signIn(account.email, account.password)).status).toBe(401);
    expect((await signIn(account.email, 'a-brand-new-passphrase')).status).toBe(200);
    const userId = (await sessionOf(cookieOf(changed)))!.user.id;
    const audit = db.select().from(t.auditLog).where(eq(t.auditLog.entityId, userId)).all();
    expect(audit.map((row) => row.action)).toContain('user.password.change');
  });

  it('refuses to change a password without the current one', async () => {
    const cookie = cookieOf(await signIn(admin.email, admin.password));
    const response = await post(
      '/change-password',
      { currentPassword: 'not-the-password', newPassword: 'another-passphrase-1' },
      { cookie },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'INVALID_PASSWORD' });
  });

  it('has no public sign-up, and no request can set a role, an actor or the disabled flag', async () => {
    const signUp = await post('/sign-up/email', {
      email: 'intruder@example.org',
      password: 'intruder-password',
      name: 'Intruder',
      role: 'admin',
    });
    expect(signUp.status).toBeGreaterThanOrEqual(400);
    expect(
      db.select().from(t.users).where(eq(t.users.email, 'intruder@example.org')).get(),
    ).toBeUndefined();

    const cookie = cookieOf(await signIn(focalPoint.email, focalPoint.password));
    const update = await post(
      '/update-user',
      { role: 'admin', actorId: 1, disabledAt: null },
      { cookie },
    );
    expect(update.status).toBe(400);
    expect(
      db
        .select({ role: t.users.role })
        .from(t.users)
        .where(eq(t.users.email, focalPoint.email))
        .get()?.role,
    ).toBe('focal_point');
  });

  it('marks cookies Secure when the app is served over https', async () => {
    const secure = createAuth(db, {
      baseUrl: new URL('https://tracker.example.org'),
      secret: SECRET,
      secureCookies: true,
    });
    const response = await secure.handler(
      new Request('https://tracker.example.org/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CLIENT_ADDRESS_HEADER]: newAddress() },
        body: JSON.stringify({ email: admin.email, password: admin.password }),
      }),
    );
    expect(response.status).toBe(200);
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^__Secure-commitment-tracker\.session_token=/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/HttpOnly/i);
  });
});
