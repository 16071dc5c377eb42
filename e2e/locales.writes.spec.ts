import { test } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../seed/demo';
import { alertBox, closePeople, expect, newPerson, SignInPage } from './pages/auth';
import { expectNoAxeViolations } from './fixtures';
import { englishLeaks, englishSentences } from './pages/english-leaks';

/**
 * The signed-in screens in each language: the entry form showing its errors and the review queue.
 * A writes spec only because signing in records a session; the invalid form itself saves nothing.
 */
const LOCALES = ['ar', 'es', 'fr', 'ru', 'zh'] as const;

const account = (email: string) => DEMO_ACCOUNTS.find((candidate) => candidate.email === email)!;

test.describe('the signed-in screens in the five other languages', () => {
  test.describe.configure({ timeout: 180_000 });

  test('the entry form with its errors, in each language', async ({ browser }) => {
    const page = await newPerson(browser);
    await new SignInPage(page).signIn(account('contributor.aldoria@demo.example'));
    for (const locale of LOCALES) {
      await page.goto(`/${locale}/entries/new`);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
      await expect(page.locator('html')).toHaveAttribute('data-hydrated', /\d/);
      await page.locator('form.entry-form button[type="submit"]').click();
      const summary = alertBox(page).filter({ has: page.getByRole('heading', { level: 2 }) });
      await expect(summary).toBeFocused();
      await expect(summary.getByRole('listitem').first()).toBeVisible();
      expect(await englishLeaks(page, englishSentences(locale)), locale).toEqual([]);
      await expectNoAxeViolations(page);
    }
    await closePeople(page);
  });

  test("the focal point's review queue, in each language", async ({ browser }) => {
    const page = await newPerson(browser);
    await new SignInPage(page).signIn(account('focal.aldoria@demo.example'));
    for (const locale of LOCALES) {
      await page.goto(`/${locale}/entries/review`);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await englishLeaks(page, englishSentences(locale)), locale).toEqual([]);
      await expectNoAxeViolations(page);
    }
    await closePeople(page);
  });
});
