import { test, type Page } from '@playwright/test';
import { closePeople, expect, newPerson } from './pages/auth';
import { expectNoAxeViolations, queryOne, runTool } from './fixtures';
import { englishLeaks, englishSentences } from './pages/english-leaks';

/**
 * A delegate's whole path in their language, as issue 21 asks: sign in, log progress, publish it,
 * and present the dashboard, in French and in Arabic (right to left). Every control is found by
 * what it is, not by its English label, and every page is checked for English and for axe.
 */
const run = Date.now().toString(36);

/**
 * A focal point of Aldoria of this test's own: signing in from a localized page records that
 * language for the user's e-mails, which the demo focal point's mail tests expect in English.
 */
async function newFocalPoint(locale: string) {
  const aldoria = queryOne<{ actor_id: number }>(
    'SELECT actor_id FROM users WHERE email = ?',
    'focal.aldoria@demo.example',
  ).actor_id;
  const account = {
    email: `focal.${locale}.${run}@journey.example`,
    password: `journey-${locale}-${run}-long-enough`,
  };
  await runTool(
    'db/user-create.ts',
    [
      '--email',
      account.email,
      '--name',
      `Journey ${locale}`,
      '--role',
      'focal_point',
      '--actor',
      String(aldoria),
    ],
    { PASSWORD: account.password },
  );
  return account;
}
const today = new Date().toISOString().slice(0, 10);

/** The page is in `locale`: its language and direction, no English sentence, no axe violation. */
async function expectInLocale(page: Page, locale: string) {
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
  expect(await englishLeaks(page, englishSentences(locale)), page.url()).toEqual([]);
  await expectNoAxeViolations(page);
}

for (const [locale, summary] of [
  ['fr', `Lignes directrices sur l’orientation adoptées ${run}`],
  ['ar', `اعتماد المبادئ التوجيهية للإحالة ${run}`],
] as const) {
  test(`${locale}: a focal point signs in, logs progress, publishes it and presents, in ${locale}`, async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const focal = await newFocalPoint(locale);
    const page = await newPerson(browser);

    await page.goto(`/${locale}/sign-in?next=%2F${locale}%2Fentries%2Fnew`);
    await expectInLocale(page, locale);
    await page.locator('input[name="email"]').fill(focal.email);
    await page.locator('input[name="password"]').fill(focal.password);
    await page.locator('main form button[type="submit"]').click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/entries/new$`));
    // Signing in from a page in a language makes it the language of the user's e-mails.
    expect(
      queryOne<{ locale: string | null }>('SELECT locale FROM users WHERE email = ?', focal.email)
        .locale,
    ).toBe(locale);
    await expect(page.locator('html')).toHaveAttribute('data-hydrated', /\d/);
    await expectInLocale(page, locale);

    // The focal point's own self-report on the first commitment, typed in the page's language.
    const form = page.locator('form.entry-form');
    await form.locator('select[name="commitment"]').selectOption({ index: 1 });
    await form.locator('input[name="status"]').first().check();
    await form.locator('input[name="asOf"]').fill(today);
    await form.locator('input[name="summary"]').fill(summary);
    await form.locator('button[type="submit"]').click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/entries/mine\\?saved=\\d+$`));
    const id = Number(new URL(page.url()).searchParams.get('saved'));
    // What was typed is what is stored.
    expect(
      queryOne<{ summary: string }>('SELECT summary FROM progress_entries WHERE id = ?', id),
    ).toEqual({
      summary,
    });
    await expectInLocale(page, locale);

    // Publishing is confirmed on a page of its own, in the same language.
    await page.goto(`/${locale}/entries/${id}/publish`);
    await expectInLocale(page, locale);
    await page.locator(`main form button[type="submit"]`).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/entries/mine\\?published=${id}$`));
    expect(
      queryOne<{ state: string }>('SELECT state FROM progress_entries WHERE id = ?', id).state,
    ).toBe('published');

    // The published entry's public page shows the words as typed.
    await page.goto(`/${locale}/entries/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(summary);
    await expectInLocale(page, locale);

    // Meeting mode: every slide in the language, charts drawn.
    await page.goto(`/${locale}/present`);
    await expect(page.locator('.present-root')).toHaveAttribute('data-rendered', 'all', {
      timeout: 30_000,
    });
    await expect(page.locator('.chart-drawing')).toHaveCount(0, { timeout: 30_000 });
    await expectInLocale(page, locale);
    await closePeople(page);
  });
}
