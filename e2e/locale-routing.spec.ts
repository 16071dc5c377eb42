import { expect, test, type Page } from '@playwright/test';
import fr from '../lib/i18n/messages/fr.json';
import ar from '../lib/i18n/messages/ar.json';
import errorsAr from '../lib/i18n/messages/errors.ar.json';
import errorsEn from '../lib/i18n/messages/errors.en.json';
import errorsEs from '../lib/i18n/messages/errors.es.json';
import errorsFr from '../lib/i18n/messages/errors.fr.json';
import errorsRu from '../lib/i18n/messages/errors.ru.json';
import errorsZh from '../lib/i18n/messages/errors.zh.json';
import { expectNoAxeViolations } from './fixtures';

/**
 * The locale in the URL (lib/i18n/routing.ts, proxy.ts): English unprefixed, the other five
 * under their code; `/` negotiated from the cookie the language switch sets, then
 * Accept-Language; the JSON API left alone. Read-only: nothing here writes to the database.
 */

const switcher = (page: Page) =>
  page.getByRole('navigation', { name: /^(Language|Langue|Idioma|Язык|语言|اللغة)$/ });

/** The security headers proxy.ts sets on every response, next-intl's redirects included. */
function expectSecurityHeaders(headers: Record<string, string>) {
  expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
}

test.describe('the locale in the URL', () => {
  test('/ follows Accept-Language: a French browser is sent to /fr, with the security headers', async ({
    request,
  }) => {
    const response = await request.get('/?theme=trafficking', {
      headers: { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' },
      maxRedirects: 0,
    });
    expect([302, 303, 307, 308]).toContain(response.status());
    const target = new URL(response.headers()['location']!, response.url());
    expect(`${target.pathname}${target.search}`).toBe('/fr?theme=trafficking');
    expectSecurityHeaders(response.headers());

    const english = await request.get('/', {
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
      maxRedirects: 0,
    });
    expect(english.status()).toBe(200);
  });

  test('a French page is in French, an Arabic one right to left, an English one unprefixed', async ({
    page,
  }) => {
    await page.goto('/commitments');
    await expect(page).toHaveURL(/\/commitments$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');

    await page.goto('/fr/commitments');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.commitments.title);

    await page.goto('/ar/commitments');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar.commitments.title);

    // A page opened in a locale is remembered: an unprefixed address now leads to it.
    await page.goto('/commitments');
    await expect(page).toHaveURL(/\/ar\/commitments$/);
  });

  test('/en/… redirects to the unprefixed English path, query kept', async ({ request }) => {
    const response = await request.get('/en/commitments?theme=smuggling', { maxRedirects: 0 });
    expect([302, 303, 307, 308]).toContain(response.status());
    const target = new URL(response.headers()['location']!, response.url());
    expect(`${target.pathname}${target.search}`).toBe('/commitments?theme=smuggling');
    expectSecurityHeaders(response.headers());
  });

  test('every page names its alternates in each language, with its own path, and an x-default', async ({
    request,
  }) => {
    const response = await request.get('/fr/commitments');
    expect(response.status()).toBe(200);
    const link = response.headers()['link'] ?? '';
    const alternates = Object.fromEntries(
      [...link.matchAll(/<([^>]+)>; rel="alternate"; hreflang="([^"]+)"/g)].map((match) => [
        match[2],
        new URL(match[1]!).pathname,
      ]),
    );
    expect(alternates).toEqual({
      ar: '/ar/commitments',
      en: '/commitments',
      es: '/es/commitments',
      fr: '/fr/commitments',
      ru: '/ru/commitments',
      zh: '/zh/commitments',
      'x-default': '/commitments',
    });
  });

  test('an address no page answers is a 404 in the locale it was asked in', async ({ page }) => {
    const response = await page.goto('/fr/nothing-lives-here');
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.common.notFoundTitle);
    // A 404 in a locale's page route (a commitment that does not exist) too.
    const commitment = await page.goto('/ar/commitments/NOPE-999');
    expect(commitment?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  });

  test("a page hands its client components its own locale's messages and no other's", async ({
    request,
  }) => {
    // The error boundary's messages go to the browser with every page (lib/i18n/client-namespaces.ts).
    const html = await (await request.get('/fr/commitments')).text();
    expect(html).toContain(errorsFr.quoteId);
    for (const other of [errorsAr, errorsEn, errorsEs, errorsRu, errorsZh])
      expect(html).not.toContain(other.quoteId);
  });

  test('the JSON API has no locale: no redirect, no cookie, no alternates, whatever the browser asks', async ({
    request,
  }) => {
    const response = await request.get('/api/v1/commitments', {
      headers: { 'accept-language': 'fr', cookie: 'NEXT_LOCALE=ar' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/json');
    expect(response.headers()['set-cookie']).toBeUndefined();
    expect(response.headers()['link'] ?? '').not.toContain('hreflang');
    expectSecurityHeaders(response.headers());
    expect((await request.get('/fr/api/v1/commitments', { maxRedirects: 0 })).status()).toBe(404);
  });
});

test.describe('the language switch', () => {
  test.use({ locale: 'fr-FR' });

  test('names each language in itself, marks the current one, and passes axe', async ({ page }) => {
    await page.goto('/fr/commitments');
    const nav = switcher(page);
    await expect(nav).toHaveAccessibleName(fr.app.languageNav);
    for (const [locale, name] of [
      ['ar', 'العربية'],
      ['zh', '中文'],
      ['en', 'English'],
      ['fr', 'Français'],
      ['ru', 'Русский'],
      ['es', 'Español'],
    ]) {
      const link = nav.getByRole('link', { name, exact: true });
      await expect(link).toHaveAttribute('lang', locale!);
      await expect(link).toHaveAttribute('hreflang', locale!);
    }
    await expect(nav.getByRole('link', { name: 'Français' })).toHaveAttribute(
      'aria-current',
      'true',
    );
    await expect(nav.locator('[aria-current]')).toHaveCount(1);
    await expectNoAxeViolations(page);
  });

  test('the chosen language wins over Accept-Language on /, English included', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/fr$/);
    await switcher(page).getByRole('link', { name: 'Español' }).click();
    await expect(page).toHaveURL(/\/es$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await page.goto('/');
    await expect(page).toHaveURL(/\/es$/);

    await switcher(page).getByRole('link', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.goto('/');
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test("keeps the overview's filters, changed on the page, in the new language", async ({
    page,
  }) => {
    await page.goto('/fr');
    const form = page.locator('form.filters');
    await form.locator('select[name="theme"]').selectOption('smuggling');
    await form.locator('select[name="kind"]').selectOption('state');
    await expect(page).toHaveURL(/\/fr\?theme=smuggling&kind=state$/);
    await switcher(page).getByRole('link', { name: 'Русский' }).click();
    await expect(page).toHaveURL(/\/ru\?theme=smuggling&kind=state$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.locator('form.filters select[name="theme"]')).toHaveValue('smuggling');
    await expect(page.locator('form.filters select[name="kind"]')).toHaveValue('state');
  });

  test('is reached and followed with the keyboard alone', async ({ page }) => {
    await page.goto('/fr/actors');
    const arabic = switcher(page).getByRole('link', { name: 'العربية' });
    await arabic.focus();
    await expect(arabic).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/ar\/actors$/);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  });

  test('fits a phone (375 px) without clipping a language', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto('/ar/commitments');
    const links = switcher(page).getByRole('link');
    await expect(links).toHaveCount(6);
    for (const link of await links.all()) {
      const box = (await link.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(375);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, locale: 'en-GB' });

  test('the switch still leads to the same page and query in the chosen language, and / remembers it', async ({
    page,
  }) => {
    await page.goto('/commitments?theme=trafficking');
    await switcher(page).getByRole('link', { name: 'Français' }).click();
    await expect(page).toHaveURL(/\/fr\/commitments\?theme=trafficking$/);
    // (The list itself streams in behind its loading state, which needs JavaScript; the header does not.)
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('navigation', { name: fr.app.primaryNav })).toBeVisible();
    await page.goto('/');
    await expect(page).toHaveURL(/\/fr$/);
  });
});
