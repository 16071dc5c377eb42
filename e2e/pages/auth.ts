import {
  expect as baseExpect,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from '@playwright/test';
import { SIGNED_IN_HOME } from '../../lib/return-path';

/** Waits after a click that goes to the server and back: scrypt and a page render on a busy machine. */
export const expect = baseExpect.configure({ timeout: 15_000 });

let lastAddress = 0;
/**
 * Each simulated person gets their own client address (through X-Forwarded-For, as a proxy
 * would send it), so better-auth's per-address limit never links two tests.
 */
export async function newPerson(browser: Browser): Promise<Page> {
  lastAddress++;
  // 198.18.0.0/15 is reserved for tests; the worker's pid keeps two workers apart.
  const address = `198.18.${process.pid % 256}.${lastAddress % 256}`;
  const context: BrowserContext = await browser.newContext({
    extraHTTPHeaders: { 'x-forwarded-for': address },
  });
  return context.newPage();
}

export const closePeople = (...pages: Page[]) =>
  Promise.all(pages.map((page) => page.context().close()));

/** Our alerts, not Next's route announcer (which also has role="alert"). */
export const alertBox = (page: Page) =>
  page.locator('[role="alert"]:not(#__next-route-announcer__)');

export class SignInPage {
  readonly heading: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly errorSummary: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Sign in' });
    this.email = page.getByLabel('E-mail address');
    this.password = page.getByLabel('Password', { exact: true });
    this.submit = page.getByRole('button', { name: 'Sign in' });
    this.errorSummary = alertBox(page);
  }

  async goto(next?: string) {
    await this.page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in');
    await expect(this.heading).toBeVisible();
  }

  /** Fills and submits; when the form will ask the server, waits for its answer. */
  async attempt(email: string, password: string) {
    await this.email.fill(email);
    await this.password.fill(password);
    if (!email.includes('@') || password === '') return this.submit.click();
    const answer = this.page.waitForResponse((response) =>
      response.url().endsWith('/api/auth/sign-in/email'),
    );
    await this.submit.click();
    const response = await answer;
    // A refusal clears the password once the page has taken the answer in.
    if (!response.ok()) await expect(this.password).toHaveValue('');
  }

  /** Signs in and waits for the page the sign-in returns to: `next`, or without one the home page. */
  async signIn(account: { email: string; password: string }, next?: string) {
    await this.goto(next);
    await this.attempt(account.email, account.password);
    await expect(this.page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expect(this.page).toHaveURL(
      new RegExp(`${(next ?? SIGNED_IN_HOME).replace(/[?]/g, '\\?')}$`),
    );
  }

  /** The error summary, once it shows `message`. */
  async expectError(message: string) {
    await expect(this.errorSummary).toContainText(message);
  }
}

/** The account menu in the header of every page. */
export class AccountMenu {
  readonly region: Locator;
  readonly signInLink: Locator;
  readonly signOutButton: Locator;
  readonly usersLink: Locator;

  constructor(private readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Your account' });
    this.signInLink = page.getByRole('banner').getByRole('link', { name: 'Sign in' });
    this.signOutButton = page.getByRole('banner').getByRole('button', { name: 'Sign out' });
    this.usersLink = page.getByRole('banner').getByRole('link', { name: 'Users' });
  }

  async expectSignedInAs(name: string, actorOrRole: string) {
    await expect(this.region).toContainText(`Signed in as ${name}`);
    await expect(this.region).toContainText(actorOrRole);
  }

  async expectSignedOut() {
    await expect(this.signInLink).toBeVisible();
    await expect(this.signOutButton).toHaveCount(0);
  }

  async signOut() {
    await this.signOutButton.click();
    await this.expectSignedOut();
  }
}

/** /admin/users: the list, the create form and the disable buttons. */
export class UsersAdminPage {
  readonly heading: Locator;
  readonly table: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Users' });
    this.table = page.getByRole('table');
  }

  /** The list, searched for `search` when given (a page shows fifty users). */
  async goto(search?: string) {
    await this.page.goto(`/admin/users${search ? `?q=${encodeURIComponent(search)}` : ''}`);
    await expect(this.heading).toBeVisible();
  }

  row(email: string): Locator {
    return this.table.getByRole('row').filter({ hasText: email });
  }

  /** Creates a user and returns the password the page shows once. */
  async create(user: {
    email: string;
    name: string;
    role: string;
    actor?: string;
  }): Promise<string> {
    // From the list, as an admin goes: the form is on a page of its own.
    await this.goto();
    await this.page.getByRole('link', { name: 'Create a user' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Create a user' })).toBeVisible();
    const form = this.page
      .locator('form')
      .filter({ has: this.page.getByRole('button', { name: 'Create user' }) });
    await form.getByLabel('E-mail address').fill(user.email);
    await form.getByLabel('Name').fill(user.name);
    await form.getByLabel('Role').selectOption({ label: user.role });
    if (user.actor) await form.getByLabel('Actor').selectOption({ label: user.actor });
    await form.getByRole('button', { name: 'Create user' }).click();
    const created = this.page
      .getByRole('status')
      .filter({ hasText: `${user.name} can now sign in as ${user.email}` });
    await expect(created).toBeVisible();
    const password = (await created.locator('code').textContent())!.trim();
    await this.page.getByRole('link', { name: 'All users' }).click();
    await expect(this.heading).toBeVisible();
    // On the list's page that shows the new user, whatever the number of users before it.
    await this.goto(user.email);
    return password;
  }

  async disable(name: string) {
    await this.page.getByRole('button', { name: `Disable ${name}` }).click();
    await expect(
      this.page.getByRole('status').filter({ hasText: `${name} is disabled.` }),
    ).toBeVisible();
  }
}
