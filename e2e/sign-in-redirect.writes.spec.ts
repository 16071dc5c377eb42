import { test, type Page } from '@playwright/test';
import { SignInPage, closePeople, expect, newPerson } from './pages/auth';
import { DEMO_ACCOUNTS } from '../seed/demo';

// Each test signs in (scrypt, on purpose slow), some of them many times.
test.describe.configure({ timeout: 120_000 });

const account = (email: string) => DEMO_ACCOUNTS.find((candidate) => candidate.email === email)!;
const CONTRIBUTOR = account('contributor.bridgewell@demo.example');

/**
 * `next` values as they appear in a link (already percent-encoded), and where signing in may
 * lead: `/` for anything that is not a plain path of this site, else the path percent-encoded.
 */
const VARIANTS: Array<[string, string]> = [
  ['/%09/evil.example', '/'],
  ['/%0a/x', '/'],
  ['/%0d%0a', '/'],
  ['/%0d/evil.example', '/'],
  ['/%7f', '/'],
  ['/%00', '/'],
  ['/%5Cevil.example', '/'],
  ['/%5C/evil.example', '/'],
  ['%5C%5Cevil.example', '/'],
  ['//evil.example', '/'],
  ['/%2F/evil.example', '/'],
  ['%2F%2Fevil.example', '/'],
  ['//evil.example/%2F..', '/'],
  ['https://evil.example/', '/'],
  ['https%3A%2F%2Fevil.example', '/'],
  ['javascript:alert(1)', '/'],
  ['/%252F%252Fevil.example', '/'],
  ['/%2509/evil.example', '/'],
  ['/%255C/evil.example', '/'],
  ['/.//evil.example', '/'],
  ['/%E6%88%91', '/%E6%88%91'],
  ['/caf%C3%A9', '/caf%C3%A9'],
  ['/account', '/account'],
  ['/entries/mine%3Fsaved%3D1', '/entries/mine?saved=1'],
];

/** Fails the test if the browser ever asks another host for anything. */
async function stayOnSite(page: Page): Promise<string[]> {
  const elsewhere: string[] = [];
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, async (route) => {
    elsewhere.push(route.request().url());
    await route.abort();
  });
  return elsewhere;
}

test.describe('after signing in, only a page of this site', () => {
  test('a signed-in visitor is sent on with a valid Location, never to another site and never a 5xx', async ({
    browser,
    baseURL,
  }) => {
    const page = await newPerson(browser);
    await new SignInPage(page).signIn(CONTRIBUTOR);
    for (const [next, expected] of VARIANTS) {
      const response = await page.request.get(`/sign-in?next=${next}`, { maxRedirects: 0 });
      expect(response.status(), next).toBe(307);
      const location = response.headers().location!;
      expect(location, next).toBe(expected);
      expect(location, next).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
      expect(new URL(location, baseURL).origin, next).toBe(new URL(baseURL!).origin);
    }
    // No `next` at all: the home page.
    const home = await page.request.get('/sign-in', { maxRedirects: 0 });
    expect(home.headers().location).toBe('/home');

    // And in the browser itself.
    const elsewhere = await stayOnSite(page);
    await page.goto('/sign-in?next=/%09/evil.example');
    await expect(page).toHaveURL(`${baseURL}/`);
    await page.goto('/sign-in?next=/caf%C3%A9');
    await expect(page).toHaveURL(`${baseURL}/caf%C3%A9`);
    expect(elsewhere).toEqual([]);
    await closePeople(page);
  });

  test('signing in through the form goes where `next` says only if it is a page of this site', async ({
    browser,
    baseURL,
  }) => {
    const cases: Array<[string, string]> = [
      ['/%09/evil.example', '/'],
      ['/%0a/evil.example', '/'],
      ['/%5C/evil.example', '/'],
      ['//evil.example', '/'],
      ['/%2F/evil.example', '/'],
      ['https://evil.example/', '/'],
      ['/%252F%252Fevil.example', '/'],
      ['/%2509/evil.example', '/'],
      ['/%E6%88%91', '/%E6%88%91'],
      ['/account', '/account'],
    ];
    for (const [next, expected] of cases) {
      const page = await newPerson(browser);
      const elsewhere = await stayOnSite(page);
      const signIn = new SignInPage(page);
      const response = await page.goto(`/sign-in?next=${next}`);
      expect(response?.status(), next).toBe(200);
      await expect(signIn.heading).toBeVisible();
      await signIn.attempt(CONTRIBUTOR.email, CONTRIBUTOR.password);
      await expect(page, next).toHaveURL(`${baseURL}${expected}`);
      expect(elsewhere, next).toEqual([]);
      await closePeople(page);
    }
  });

  test('without `next`, signing in through the form leads to the home page', async ({
    browser,
    baseURL,
  }) => {
    const page = await newPerson(browser);
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.attempt(CONTRIBUTOR.email, CONTRIBUTOR.password);
    await expect(page).toHaveURL(`${baseURL}/home`);
    await closePeople(page);
  });

  test('a signed-out visitor sent to sign in keeps a valid Location, whatever the page’s path holds', async ({
    request,
  }) => {
    for (const path of [
      '/admin/entries/%E6%88%91/withdraw',
      '/entries/caf%C3%A9/edit',
      '/entries/%0a/correct',
    ]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBeLessThan(500);
      const location = response.headers().location;
      if (location) expect(location, path).toMatch(/^\/sign-in\?next=[\x21-\x7e]+$/);
    }
  });
});
