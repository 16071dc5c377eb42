import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, queryOne } from './fixtures';
import { DEMO, signIn } from './pages/workspace';

// Signing in and following write to the database, so this spec runs with the writing ones.

const commitment = () =>
  queryOne<{ code: string; title: string }>(
    `SELECT code, title FROM commitments WHERE archived_at IS NULL AND code = 'SMG-02'`,
  );
const openRound = () =>
  queryOne<{ id: number }>(
    `SELECT id FROM reporting_rounds WHERE closed_at IS NULL AND archived_at IS NULL LIMIT 1`,
  );

test.describe('following', () => {
  test.describe.configure({ timeout: 90_000 });

  test('following a commitment lists it on the account page, where it can be unfollowed', async ({
    page,
  }) => {
    const { code, title } = commitment();
    const name = `${code} ${title}`;
    await signIn(page, DEMO.aldoriaContributor, '/home');
    await page.goto(`/commitments/${code}`);
    await expect(page.getByText(`Follow ${name} to get its newly published entries`)).toBeVisible();
    await page.getByRole('button', { name: `Follow ${name}` }).click();
    await expect(page.getByText(`You follow ${name}:`)).toBeVisible();
    await expect(page.getByRole('button', { name: `Stop following ${name}` })).toBeVisible();

    await page.goto('/account');
    const follows = page.getByRole('region', { name: 'What you follow' });
    await expect(follows.getByRole('link', { name })).toHaveAttribute(
      'href',
      `/commitments/${code}`,
    );
    await expectNoAxeViolations(page);
    await follows.getByRole('button', { name: `Stop following ${name}` }).click();
    await expect(page).toHaveURL(/\/account#follows$/);
    // The demo's own follows stay; only this one has ended.
    await expect(follows.getByRole('link', { name })).toHaveCount(0);
  });

  test('an actor can be followed from its page; the signed-out see no button', async ({ page }) => {
    await page.goto('/actors/1');
    await expect(page.getByRole('button', { name: /^Follow / })).toHaveCount(0);
    await signIn(page, DEMO.aldoriaContributor, '/actors/1');
    const follow = page.getByRole('button', { name: /^Follow / });
    await follow.click();
    await expect(page.getByRole('button', { name: /^Stop following / })).toBeVisible();
    await page.getByRole('button', { name: /^Stop following / }).click();
    await expect(page.getByRole('button', { name: /^Follow / })).toBeVisible();
  });

  test('the round, commitment, actor and change-log pages link their Atom feeds', async ({
    page,
    request,
  }) => {
    const round = openRound();
    const { code } = commitment();
    for (const [path, feed, label] of [
      [`/rounds/${round.id}`, `round=${round.id}`, "Atom feed of this round's published entries"],
      [`/commitments/${code}`, `commitment=${code}`, 'Atom feed of published entries'],
      ['/actors/1', 'subject=1', 'Atom feed of published entries'],
      ['/changes', '', 'Atom feed of published entries'],
    ] as const) {
      await page.goto(path);
      const href = `/api/v1/feeds/entries.atom${feed ? `?${feed}` : ''}`;
      await expect(
        page.locator(`head link[rel="alternate"][type="application/atom+xml"]`),
        path,
      ).toHaveAttribute('href', new RegExp(`${href.replace(/[?.]/g, '\\$&')}$`));
      await expect(page.getByRole('link', { name: label }), path).toHaveAttribute('href', href);
      if (path.startsWith('/rounds')) {
        await expectNoAxeViolations(page);
        const response = await request.get(href);
        expect(response.status()).toBe(200);
        expect(response.headers()['content-type']).toContain('application/atom+xml');
      }
    }
  });
});
