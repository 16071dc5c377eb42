import { test, type Page } from '@playwright/test';
import { expectNoAxeViolations, queryOne } from './fixtures';
import {
  AccountMenu,
  SignInPage,
  UsersAdminPage,
  alertBox,
  closePeople,
  expect,
  newPerson,
} from './pages/auth';
import { DEMO_ACCOUNTS } from '../seed/demo';

// Every test signs in at least once (scrypt, on purpose slow) and some use three browsers.
test.describe.configure({ timeout: 90_000 });

const INVALID = 'The e-mail address or the password is not right';
const account = (email: string) => DEMO_ACCOUNTS.find((candidate) => candidate.email === email)!;
const ADMIN = account('admin@demo.example');
const ALDORIA_CONTRIBUTOR = account('contributor.aldoria@demo.example');
const nameOf = (email: string) =>
  queryOne<{ name: string }>('SELECT name FROM users WHERE email = ?', email).name;
const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** The session cookie a browser holds, as a Cookie header. */
async function cookieHeader(page: Page): Promise<string> {
  return (await page.context().cookies())
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .join('; ');
}

/** A new user, created through the admin screen by the demo admin; returns their password. */
async function createUserAsAdmin(
  admin: Page,
  user: { email: string; name: string; role: string; actor?: string },
): Promise<string> {
  await new SignInPage(admin).signIn(ADMIN, '/admin/users');
  return new UsersAdminPage(admin).create(user);
}

test.describe('signing in and out', () => {
  const roles: Array<[string, string, boolean]> = [
    ['admin@demo.example', 'Admin (secretariat)', true],
    ['focal.aldoria@demo.example', 'for Republic of Aldoria', false],
    ['contributor.aldoria@demo.example', 'for Republic of Aldoria', false],
    ['focal.bridgewell@demo.example', 'for Bridgewell Migrant Rights Network', false],
    ['contributor.bridgewell@demo.example', 'for Bridgewell Migrant Rights Network', false],
    ['focal.bravonia@demo.example', 'for Kingdom of Bravonia', false],
  ];

  for (const [email, speaksFor, isAdmin] of roles) {
    test(`the demo account ${email} signs in, sees who and for whom, and signs out`, async ({
      browser,
    }) => {
      const page = await newPerson(browser);
      const menu = new AccountMenu(page);
      await page.goto('/commitments');
      await menu.expectSignedOut();
      await menu.signInLink.click();
      await new SignInPage(page).signIn(account(email));
      await menu.expectSignedInAs(nameOf(email), speaksFor);
      await expect(menu.usersLink).toHaveCount(isAdmin ? 1 : 0);

      const cookie = await cookieHeader(page);
      expect(cookie).toMatch(/commitment-tracker\.session_token=/);
      await menu.signOut();
      await expect(page).toHaveURL(/\/$/);
      // The session is gone from the database, not just from this browser.
      const session = await page.request.get('/api/auth/get-session', { headers: { cookie } });
      expect(await session.json()).toBeNull();
      await closePeople(page);
    });
  }

  test('keeps the session cookie HttpOnly and SameSite=Lax (and not Secure over plain http)', async ({
    browser,
  }) => {
    const page = await newPerson(browser);
    await new SignInPage(page).signIn(ALDORIA_CONTRIBUTOR);
    const session = (await page.context().cookies()).find((cookie) =>
      cookie.name.endsWith('session_token'),
    )!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });
    await closePeople(page);
  });

  test('sends a signed-out visitor to sign in and back to the page they wanted', async ({
    browser,
  }) => {
    const page = await newPerson(browser);
    await page.goto('/account');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount$/);
    const signIn = new SignInPage(page);
    await signIn.attempt(ALDORIA_CONTRIBUTOR.email, ALDORIA_CONTRIBUTOR.password);
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
    await closePeople(page);
  });
});

test.describe('sign-in errors', () => {
  test('gives the same error for an unknown e-mail and a wrong password, keeps the e-mail and clears the password', async ({
    browser,
    request,
  }) => {
    const page = await newPerson(browser);
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.attempt('nobody-here@demo.example', 'some-password-123');
    await signIn.expectError(INVALID);
    const unknownText = await signIn.errorSummary.innerText();
    await expect(signIn.errorSummary).toBeFocused();
    await expect(signIn.email).toHaveValue('nobody-here@demo.example');
    await expect(signIn.password).toHaveValue('');

    await signIn.attempt(ADMIN.email, 'not-the-admin-password');
    await signIn.expectError(INVALID);
    expect(await signIn.errorSummary.innerText()).toBe(unknownText);
    await expect(signIn.email).toHaveValue(ADMIN.email);
    await expectNoAxeViolations(page);

    // And the API says exactly the same thing for both.
    const unknown = await request.post('/api/auth/sign-in/email', {
      data: { email: 'nobody-else@demo.example', password: 'x-password-123' },
      headers: { 'x-forwarded-for': '192.0.2.10' },
    });
    const wrong = await request.post('/api/auth/sign-in/email', {
      data: { email: ADMIN.email, password: 'x-password-123' },
      headers: { 'x-forwarded-for': '192.0.2.10' },
    });
    expect([unknown.status(), wrong.status()]).toEqual([401, 401]);
    expect(await wrong.json()).toEqual(await unknown.json());
    await closePeople(page);
  });

  test('names the missing fields next to them and in the summary', async ({ browser }) => {
    const page = await newPerson(browser);
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.submit.click();
    await signIn.expectError('Enter your e-mail address');
    await signIn.expectError('Enter your password');
    await expect(signIn.email).toHaveAttribute('aria-invalid', 'true');
    await expect(signIn.email).toHaveAccessibleDescription('Enter your e-mail address');
    await expect(signIn.password).toHaveAccessibleDescription('Enter your password');
    await signIn.attempt('not-an-address', 'x');
    await signIn.expectError('Enter an e-mail address in the right format');
    await closePeople(page);
  });

  test('refuses an e-mail from an address after 5 bad attempts there, with 429 and a clear message, without touching anyone else', async ({
    browser,
  }) => {
    // A dedicated address, so no other test ever meets this limit.
    const email = `rate-limit-probe-${suffix()}@demo.example`;
    const page = await newPerson(browser);
    const signIn = new SignInPage(page);
    await signIn.goto();
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn.attempt(email, `wrong-password-${attempt}`);
      await signIn.expectError(INVALID);
    }
    await signIn.attempt(email, 'wrong-password-6');
    await signIn.expectError('Too many sign-in attempts. Wait 15 minutes and try again.');

    const response = await page.request.post('/api/auth/sign-in/email', {
      data: { email, password: 'wrong-password-7' },
    });
    expect(response.status()).toBe(429);
    expect(Number(response.headers()['retry-after'])).toBeGreaterThan(800);
    expect(await response.json()).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });

    // The same browser, the same address, another account: not limited.
    await signIn.attempt(ALDORIA_CONTRIBUTOR.email, ALDORIA_CONTRIBUTOR.password);
    await expect(new AccountMenu(page).signOutButton).toBeVisible();
    await closePeople(page);
  });

  test('a stranger’s wrong passwords from their address never lock the owner out of their own', async ({
    browser,
    request,
  }) => {
    const owner = account('focal.bridgewell@demo.example');
    const stranger = { 'x-forwarded-for': `192.0.2.${100 + (process.pid % 100)}` };
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await request.post('/api/auth/sign-in/email', {
        data: { email: owner.email, password: `guess-${attempt}-password` },
        headers: stranger,
      });
      expect(response.status()).toBe(401);
    }
    const refused = await request.post('/api/auth/sign-in/email', {
      data: { email: owner.email, password: owner.password },
      headers: stranger,
    });
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(800);

    // The owner, from their own address, through the form: in at once.
    const page = await newPerson(browser);
    await new SignInPage(page).signIn(owner, '/account');
    await closePeople(page);
  });

  test('a stranger rotating addresses is slowed down, with the wait said in seconds', async ({
    browser,
    request,
  }) => {
    const email = `rotating-probe-${suffix()}@demo.example`;
    const page = await newPerson(browser);
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.email.fill(email);
    await signIn.password.fill('one-more-guess-123');
    // Ten failures are free, from two addresses that each stay within their own limit.
    for (let attempt = 1; attempt <= 10; attempt++) {
      const response = await request.post('/api/auth/sign-in/email', {
        data: { email, password: `guess-${attempt}-password` },
        headers: { 'x-forwarded-for': `198.19.${attempt % 2}.${process.pid % 250}` },
      });
      expect(response.status()).toBe(401);
    }
    const fresh = await request.post('/api/auth/sign-in/email', {
      data: { email, password: 'guess-11-password' },
      headers: { 'x-forwarded-for': '198.19.9.9' },
    });
    expect(fresh.status()).toBe(429);
    expect(await fresh.json()).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    const wait = Number(fresh.headers()['retry-after']);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(5);
    await signIn.submit.click();
    await signIn.expectError('Too many sign-in attempts for this e-mail address. Wait');
    await expect(signIn.errorSummary).toContainText(/Wait \d seconds? and try again/);
    await closePeople(page);
  });

  test('the sign-in answer carries the user, not the session token', async ({ request }) => {
    const response = await request.post('/api/auth/sign-in/email', {
      data: { email: ALDORIA_CONTRIBUTOR.email, password: ALDORIA_CONTRIBUTOR.password },
      headers: { 'x-forwarded-for': '192.0.2.201' },
    });
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).not.toHaveProperty('token');
    expect(body.user).toMatchObject({ email: ALDORIA_CONTRIBUTOR.email });
    const cookie = response.headers()['set-cookie'] ?? '';
    const token = decodeURIComponent(/session_token=([^;]+)/.exec(cookie)![1]!).split('.')[0]!;
    expect(JSON.stringify(body)).not.toContain(token);
  });
});

test.describe('accounts', () => {
  test('an admin disables a user, whose open session ends at once', async ({ browser }) => {
    const admin = await newPerson(browser);
    const person = await newPerson(browser);
    const email = `dana.${suffix()}@example.org`;
    const name = `Dana ${suffix()}`;
    const password = await createUserAsAdmin(admin, {
      email,
      name,
      role: 'Contributor',
      actor: 'Republic of Aldoria',
    });

    await new SignInPage(person).signIn({ email, password }, '/account');
    await new AccountMenu(person).expectSignedInAs(name, 'for Republic of Aldoria');

    const users = new UsersAdminPage(admin);
    await users.goto(email);
    await expect(users.row(email).getByRole('cell').nth(4)).toHaveText('1');
    await users.disable(name);
    await expect(admin.getByRole('status')).toContainText('1 open session was ended.');
    await expect(users.row(email)).toContainText('Disabled');

    // The very next request of that browser is signed out.
    await person.reload();
    await expect(person).toHaveURL(/\/sign-in\?next=%2Faccount$/);
    await new AccountMenu(person).expectSignedOut();
    await new SignInPage(person).attempt(email, password);
    await expect(alertBox(person)).toContainText('This account is disabled.');
    expect(
      queryOne<{ disabled_at: string | null }>(
        'SELECT disabled_at FROM users WHERE email = ?',
        email,
      ).disabled_at,
    ).not.toBeNull();
    await closePeople(admin, person);
  });

  test('changing a password signs out every other session', async ({ browser }) => {
    const admin = await newPerson(browser);
    const here = await newPerson(browser);
    const elsewhere = await newPerson(browser);
    const email = `paul.${suffix()}@example.org`;
    const name = `Paul ${suffix()}`;
    const password = await createUserAsAdmin(admin, {
      email,
      name,
      role: 'Focal point',
      actor: 'Kingdom of Bravonia',
    });
    await new SignInPage(here).signIn({ email, password }, '/account');
    await new SignInPage(elsewhere).signIn({ email, password }, '/account');

    const form = here
      .locator('form')
      .filter({ has: here.getByRole('button', { name: 'Change password' }) });
    await form.getByLabel('Current password').fill(password);
    await form.getByLabel('New password', { exact: true }).fill('a new passphrase for paul');
    await form.getByLabel('New password again').fill('not the same passphrase');
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(alertBox(here)).toContainText('The two new passwords are not the same');
    await expect(form.getByLabel('New password again')).toHaveAccessibleDescription(
      'The two new passwords are not the same',
    );

    await form.getByLabel('Current password').fill(password);
    await form.getByLabel('New password', { exact: true }).fill('a new passphrase for paul');
    await form.getByLabel('New password again').fill('a new passphrase for paul');
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(here).toHaveURL(/\/account\?passwordChanged=1$/);
    await expect(
      here.getByRole('status').filter({ hasText: 'Your password has been changed.' }),
    ).toBeVisible();

    await elsewhere.reload();
    await expect(elsewhere).toHaveURL(/\/sign-in\?next=%2Faccount$/);
    await here.reload();
    await expect(here.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
    const again = new SignInPage(elsewhere);
    await again.attempt(email, password);
    await again.expectError(INVALID);
    await again.attempt(email, 'a new passphrase for paul');
    await expect(elsewhere).toHaveURL(/\/account$/);
    await closePeople(admin, here, elsewhere);
  });
});

test.describe('the users screen is for admins only', () => {
  const target = 'contributor.corvania@demo.example';
  const targetState = () =>
    queryOne<{ id: string; disabled_at: string | null }>(
      'SELECT id, disabled_at FROM users WHERE email = ?',
      target,
    );
  const disableAudits = () =>
    queryOne<{ n: number }>(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'user.disable' AND entity_id = ?`,
      targetState().id,
    ).n;

  test('an anonymous visitor is sent to sign in, a signed-in non-admin gets 403', async ({
    browser,
  }) => {
    const anonymous = await newPerson(browser);
    await anonymous.goto('/admin/users');
    await expect(anonymous).toHaveURL(/\/sign-in\?next=%2Fadmin%2Fusers$/);

    const contributor = await newPerson(browser);
    await new SignInPage(contributor).signIn(ALDORIA_CONTRIBUTOR);
    const response = await contributor.goto('/admin/users');
    expect(response?.status()).toBe(403);
    await expect(contributor.getByRole('heading', { level: 1 })).not.toHaveText('Users');
    await expect(contributor.getByRole('table')).toHaveCount(0);
    // The page that creates users, and its list of every actor, likewise.
    await anonymous.goto('/admin/users/new');
    await expect(anonymous).toHaveURL(/\/sign-in\?next=%2Fadmin%2Fusers%2Fnew$/);
    expect((await contributor.goto('/admin/users/new'))?.status()).toBe(403);
    await expect(contributor.getByRole('combobox', { name: 'Actor' })).toHaveCount(0);
    await closePeople(anonymous, contributor);
  });

  test('a server action is refused from the same host over another scheme or port', async ({
    browser,
    baseURL,
  }) => {
    const admin = await newPerson(browser);
    await new SignInPage(admin).signIn(ADMIN, '/admin/users');
    const field = await admin
      .locator('form input[type="hidden"][name^="$ACTION_ID_"]')
      .first()
      .getAttribute('name');
    const port = Number(new URL(baseURL!).port);
    for (const origin of [`https://127.0.0.1:${port}`, `http://127.0.0.1:${port + 1}`]) {
      const response = await admin.request.post('/admin/users', {
        multipart: { [field!]: '', userId: 'nobody' },
        headers: { origin },
        maxRedirects: 0,
      });
      expect(response.status(), origin).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: 'cross_origin' } });
    }
    await closePeople(admin);
  });

  test('a forged POST to its server action is refused and changes nothing', async ({
    browser,
    baseURL,
  }) => {
    // The action's id, as any admin's browser receives it in the page.
    const admin = await newPerson(browser);
    await new SignInPage(admin).signIn(ADMIN, '/admin/users');
    const field = await admin
      .locator('form input[type="hidden"][name^="$ACTION_ID_"]')
      .first()
      .getAttribute('name');
    expect(field).toBeTruthy();

    const contributor = await newPerson(browser);
    await new SignInPage(contributor).signIn(ALDORIA_CONTRIBUTOR);
    const anonymous = await newPerson(browser);
    for (const forger of [contributor, anonymous]) {
      const response = await forger.request.post('/admin/users', {
        multipart: { [field!]: '', userId: targetState().id },
        headers: { origin: baseURL! },
        maxRedirects: 0,
      });
      expect(response.ok(), `status ${response.status()}`).toBe(false);
    }
    expect(targetState().disabled_at).toBeNull();
    expect(disableAudits()).toBe(0);
    await closePeople(admin, contributor, anonymous);
  });
});

test.describe('security headers', () => {
  const paths: Array<[string, string, number]> = [
    ['a page', '/', 200],
    ['an API response', '/api/v1/commitments', 200],
    ['the summary API', '/api/v1/summary', 200],
    ['a 404 page below it', '/api/v1/summary/x', 404],
    ['the auth API', '/api/auth/get-session', 200],
    ['a 404 page', '/no-such-page', 404],
    ['an API 404', '/api/v1/commitments/NOPE-99', 404],
    ['an unknown auth endpoint', '/api/auth/sign-up/email', 404],
  ];
  for (const [what, path, status] of paths) {
    test(`are on ${what}`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(status);
      const headers = response.headers();
      const csp = headers['content-security-policy'] ?? '';
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-eval');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['x-frame-options']).toBe('DENY');
      // Plain http here: HSTS is only sent over https in production.
      expect(headers['strict-transport-security']).toBeUndefined();
      expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(headers['server-timing']).toBe(`reqid;desc="${headers['x-request-id']}"`);
    });
  }

  test('give each page its own nonce, which its scripts carry', async ({ request }) => {
    const [first, second] = [await request.get('/sign-in'), await request.get('/sign-in')];
    const nonce = /'nonce-([^']+)'/.exec(first.headers()['content-security-policy']!)![1]!;
    expect(second.headers()['content-security-policy']).not.toContain(nonce);
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  });

  test('let the dashboard and its charts run without a single CSP violation', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text()))
        violations.push(message.text());
    });
    await page.goto('/');
    await expect(page.locator('.recharts-wrapper > svg.recharts-surface').first()).toBeVisible();
    await page.goto('/sign-in');
    await new SignInPage(page).attempt('nobody@demo.example', 'some-password-123');
    await expect(alertBox(page)).toContainText(INVALID);
    expect(violations).toEqual([]);
  });
});

test.describe('accessibility of the account screens', () => {
  test('the sign-in page has no axe violations', async ({ browser }) => {
    const page = await newPerson(browser);
    await new SignInPage(page).goto();
    await expectNoAxeViolations(page);
    await closePeople(page);
  });

  test('the account page has no axe violations', async ({ browser }) => {
    const page = await newPerson(browser);
    await new SignInPage(page).signIn(ALDORIA_CONTRIBUTOR, '/account');
    await expectNoAxeViolations(page);
    await closePeople(page);
  });

  test('the users page has no axe violations', async ({ browser }) => {
    const page = await newPerson(browser);
    await new SignInPage(page).signIn(ADMIN, '/admin/users');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Create a user' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Create a user' })).toBeVisible();
    await expectNoAxeViolations(page);
    await closePeople(page);
  });
});
