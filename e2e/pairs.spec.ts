import { expect, test, type Page } from '@playwright/test';
import { OverviewPage } from './pages/overview-page';
import { expectedFigures } from './rollup-oracle';
import { expectNoAxeViolations } from './fixtures';

const number = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

/** The count the pair list says it holds (for adverse effects: the current entries). */
async function listCount(page: Page): Promise<number> {
  const text = await page.locator('.result-count').textContent();
  return number(/^\D*([\d,]+)/.exec(text ?? '')?.[1] ?? '');
}

test.describe('pairs behind the headline figures', () => {
  test.describe.configure({ timeout: 90_000 });

  test('each card links to the list it counts, keeping the filters, and the counts agree', async ({
    page,
  }) => {
    const overview = new OverviewPage(page);
    await overview.goto('?kind=state');
    const expected = expectedFigures({ kind: 'state' });
    const cards = [
      ['Contested', 'List the contested pairs', 'contested', expected.contested],
      ['Stale', 'List the pairs with a stale status', 'stale', expected.stale],
      ['Regressed', 'List the regressed pairs', 'regressed', expected.regressed],
      [
        'Adverse effects',
        'List the pairs with adverse effects',
        'adverse_effects',
        expected.adverseEffects,
      ],
    ] as const;
    for (const [term, link, flag, count] of cards) {
      const card = overview.figure(term);
      expect(number(await card.locator('.headline-value').textContent()), term).toBe(count);
      await expect(card.getByRole('link', { name: link })).toHaveAttribute(
        'href',
        `/pairs?flag=${flag}&kind=state`,
      );
    }
    expect(expected.contested).toBeGreaterThan(0);
    for (const [term, link, , count] of cards) {
      await overview.goto('?kind=state');
      await overview.figure(term).getByRole('link', { name: link }).click();
      await expect(page).toHaveURL(/\/pairs\?flag=/);
      expect(await listCount(page), term).toBe(count);
    }
  });

  test('the contested list shows both entries dated and linked, paged, and passes axe', async ({
    page,
  }) => {
    await page.goto('/pairs?flag=contested');
    await expect(page.getByRole('heading', { level: 1, name: 'Contested pairs' })).toBeVisible();
    const rows = page.locator('table.pair-table tbody tr');
    const shown = await rows.count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(50);
    const first = rows.first();
    await expect(first.locator('a[href^="/entries/"]')).toHaveCount(2);
    await expect(first.getByText(/^as of /)).toHaveCount(2);
    await expect(first.getByText('Contested', { exact: true })).toBeVisible();
    if ((await listCount(page)) > 50)
      await expect(page.getByRole('link', { name: 'Next page' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('a pair whose two dates are more than 12 months apart says so', async ({
    page,
    request,
  }) => {
    const response = await request.get('/api/v1/pairs?limit=200');
    expect(response.status()).toBe(200);
    const body = (await response.json()) as {
      pairs: { farApart: boolean; actor: { id: number }; commitment: { code: string } }[];
    };
    const apart = body.pairs.find((pair) => pair.farApart);
    if (!apart) throw new Error('the demo has no pair with dates far apart on its first page');
    await page.goto(`/pairs?commitment=${apart.commitment.code}&subject=${apart.actor.id}`);
    await expect(page.locator('table.pair-table tbody tr')).toHaveCount(1);
    await expect(page.getByText('Dates more than 12 months apart')).toBeVisible();
  });

  test('an unknown flag is named in a message, and the API answers 400', async ({
    page,
    request,
  }) => {
    await page.goto('/pairs?flag=disputed');
    await expect(page.getByText(/flag: must be one of: contested, stale, regressed/)).toBeVisible();
    const response = await request.get('/api/v1/pairs?flag=disputed');
    expect(response.status()).toBe(400);
    expect(await response.text()).toContain('flag');
  });
});

test.describe('lists that carry status', () => {
  test.describe.configure({ timeout: 90_000 });

  test('each commitment shows its distribution in words and a bar, with coverage', async ({
    page,
  }) => {
    await page.goto('/commitments');
    const cards = page.locator('.card-list > li.card');
    const count = await cards.count();
    expect(count).toBeGreaterThan(0);
    await expect(cards.locator('.status-distribution')).toHaveCount(count);
    const first = cards.first();
    await expect(first.getByText(/^Coverage: \d+ of \d+ actors self-reported/)).toBeVisible();
    await expect(first.locator('.status-mini-bar')).toBeVisible();
    await expect(first.locator('.status-counts')).toContainText('No report');
    await expectNoAxeViolations(page);
  });

  test('each actor shows its score, coverage and last report date', async ({ page }) => {
    await page.goto('/actors');
    const table = page.locator('table.data');
    await expect(table.getByRole('columnheader', { name: 'Score' })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Coverage' })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Last report' })).toBeVisible();
    const cells = table.locator('tbody tr').first().locator('td');
    await expect(cells.nth(5)).toHaveText(/^\d+ of \d+ \(\d+%\)$/);
    await expect(cells.nth(6)).toHaveText(/^as of |^none yet$/);
    await expectNoAxeViolations(page);
  });
});
