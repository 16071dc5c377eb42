import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../client';
import { createAuth, type Auth } from '../auth';
import { adoptSignInLanguage, setMailLanguageFromConsole } from './mail-language';
import { authorizeAccount, type Principal } from '../authz';
import { CLIENT_ADDRESS_HEADER } from '../../lib/client-address';
import { PAGE_LOCALE_HEADER } from '../../lib/sign-in-outcome';
import { seedDatabase } from '../../seed';
import { seedDemoCredentials } from '../../seed/demo-credentials';
import { DEMO_ACCOUNTS } from '../../seed/demo';

const BASE = 'http://localhost:3000';
let db: Db;
let auth: Auth;
let nextAddress = 1;

beforeAll(async () => {
  db = openDatabase(':memory:');
  seedDatabase(db, 'demo', '2026-11-01T00:00:00.000Z');
  await seedDemoCredentials(db);
  auth = createAuth(db, {
    baseUrl: new URL(BASE),
    secret: 'test-secret-that-is-long-enough-0123456789',
    secureCookies: false,
  });
});

/** Signs in as the sign-in form does, from a page in `pageLocale` (no header: an older client). */
async function signInFrom(email: string, password: string, pageLocale?: string) {
  const headers = new Headers({
    'content-type': 'application/json',
    [CLIENT_ADDRESS_HEADER]: `198.51.100.${nextAddress++}`,
    origin: BASE,
  });
  if (pageLocale !== undefined) headers.set(PAGE_LOCALE_HEADER, pageLocale);
  const response = await auth.handler(
    new Request(`${BASE}/api/auth/sign-in/email`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ email, password }),
    }),
  );
  expect(response.status).toBe(200);
}

const localeOf = (email: string) =>
  db.$client.prepare('SELECT locale FROM users WHERE email = ?').pluck().get(email);
const audits = (email: string) =>
  db.$client
    .prepare(
      `SELECT count(*) FROM audit_log WHERE action = 'mail.language.sign-in' AND entity_id = (SELECT id FROM users WHERE email = ?)`,
    )
    .pluck()
    .get(email);

describe('the language of e-mails, from the page a user signs in on', () => {
  it('is recorded on a first sign-in from /fr/sign-in, audited, and kept on later ones', async () => {
    const { email, password } = DEMO_ACCOUNTS[1]!;
    expect(localeOf(email)).toBeNull();
    await signInFrom(email, password, 'fr');
    expect(localeOf(email)).toBe('fr');
    expect(audits(email)).toBe(1);
    // A language once had is the user's to change on the account page, not the next sign-in's.
    await signInFrom(email, password, 'ru');
    expect(localeOf(email)).toBe('fr');
    expect(audits(email)).toBe(1);
  });

  it('records nothing for an English page, no header or a value that is no language', async () => {
    const { email, password } = DEMO_ACCOUNTS[2]!;
    for (const pageLocale of ['en', undefined, 'de', "fr'; DROP TABLE users; --"])
      await signInFrom(email, password, pageLocale);
    expect(localeOf(email)).toBeNull();
    expect(audits(email)).toBe(0);
  });

  it('is never written for a user who does not exist', () => {
    expect(adoptSignInLanguage(db, 'no-such-user', 'fr')).toBe(false);
    expect(setMailLanguageFromConsole(db, 'no-such-user', 'fr')).toBe(false);
  });

  it('is set from the console (npm run user:create -- --locale), audited under no user', () => {
    const { email } = DEMO_ACCOUNTS[3]!;
    const id = db.$client.prepare('SELECT id FROM users WHERE email = ?').pluck().get(email);
    expect(setMailLanguageFromConsole(db, id as string, 'zh')).toBe(true);
    expect(localeOf(email)).toBe('zh');
    expect(
      db.$client
        .prepare(
          `SELECT user_id AS userId, after FROM audit_log WHERE action = 'mail.language' AND entity_id = ?`,
        )
        .all(id),
    ).toEqual([{ userId: null, after: JSON.stringify({ locale: 'zh' }) }]);
  });
});

describe('the users.locale column', () => {
  it('holds one of the six languages or nothing, whoever writes it', () => {
    const write = (locale: string | null) =>
      db.$client.prepare(`UPDATE users SET locale = ? WHERE id = 'demo-user-admin'`).run(locale);
    expect(() => write('de')).toThrow(/CHECK constraint failed: users_locale/);
    expect(() => write('ar')).not.toThrow();
    expect(() => write(null)).not.toThrow();
  });
});

describe('the account rule', () => {
  const principal: Principal = {
    userId: 'u1',
    role: 'admin',
    actorId: null,
    actorKind: null,
  };

  it('lets a user change their own e-mails’ language and no one else’s, admins included', () => {
    expect(authorizeAccount(principal, 'account.mailLanguage', 'u1').allowed).toBe(true);
    expect(authorizeAccount(principal, 'account.mailLanguage', 'u2').allowed).toBe(false);
    expect(authorizeAccount(null, 'account.mailLanguage', 'u1').allowed).toBe(false);
    expect(authorizeAccount(principal, 'account.delete', 'u1').allowed).toBe(false);
  });
});
