import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations, queryOne } from './fixtures';
import { englishLeaks, englishSentences } from './pages/english-leaks';

/** The five locales besides English; each page of each is read once. */
const LOCALES = ['ar', 'es', 'fr', 'ru', 'zh'] as const;

/**
 * The API reference's English words for types and limits (api.page.types, api.page.locations),
 * as text found in the page: none that another language's word contains ("boolean" in "booleano").
 */
const API_TYPE_WORDS = [
  'array of',
  'one of',
  'pattern',
  'at most',
  'at least',
  'characters',
  'integer',
  'query',
];

/** Where the Arabic screenshots are kept for a person to look at (outside the run's own folder, which the next run empties). */
const SCREENS = 'test-results/locales-ar';

/** The language and direction of the page, no English sentence of the catalogue, no axe violation. */
async function expectInLocale(page: Page, locale: string) {
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
  expect(await englishLeaks(page, englishSentences(locale))).toEqual([]);
  await expectNoAxeViolations(page);
}

async function openOverview(page: Page, locale: string) {
  await page.goto(`/${locale}`);
  const dashboard = page.locator('.dashboard');
  await expect(dashboard).toHaveAttribute('aria-busy', 'false');
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', /\d/);
  // The charts draw after hydration; their text is part of what is checked.
  await expect(page.locator('.recharts-wrapper > svg.recharts-surface').first()).toBeVisible({
    timeout: 30_000,
  });
}

/** Charts load after the page (lazy-charts.tsx); their axes and labels are text to check too. */
async function chartsDrawn(page: Page) {
  await expect(page.locator('.chart-drawing')).toHaveCount(0, { timeout: 30_000 });
}

test.describe('every page in the five other languages', () => {
  // Four pages with axe scans per locale on a shared 2-core machine.
  test.describe.configure({ timeout: 180_000 });

  const code = () =>
    queryOne<{ code: string }>(
      'SELECT code FROM commitments WHERE archived_at IS NULL ORDER BY position LIMIT 1',
    ).code;

  for (const locale of LOCALES) {
    test(`${locale}: the overview, a commitment, meeting mode and the API reference are in ${locale}`, async ({
      page,
    }) => {
      await openOverview(page, locale);
      await expectInLocale(page, locale);

      await page.goto(`/${locale}/commitments/${code()}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await chartsDrawn(page);
      await expectInLocale(page, locale);

      await page.goto(`/${locale}/present`);
      await expect(page.locator('.present-root')).toHaveAttribute('data-rendered', 'all', {
        timeout: 30_000,
      });
      await chartsDrawn(page);
      await expectInLocale(page, locale);

      await page.goto(`/${locale}/api-docs`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectInLocale(page, locale);
      // The Type and In columns' words, too short to be catalogue sentences: none left in English
      // outside the API's own names (marked lang="en").
      expect(await englishLeaks(page, API_TYPE_WORDS)).toEqual([]);
    });
  }
});

/** The box of an element on screen. */
async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found, 'on screen').not.toBeNull();
  return found!;
}

test.describe('Arabic reads right to left', () => {
  test('the header, the filters and the matrix start at the right', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openOverview(page, 'ar');

    const brand = await box(page.locator('.site-header .brand'));
    const nav = await box(page.locator('.site-header .site-nav'));
    expect(brand.x, 'the brand is right of the navigation').toBeGreaterThan(nav.x + nav.width / 2);

    const fields = page.locator('form.filters .field');
    const first = await box(fields.nth(0));
    const second = await box(fields.nth(1));
    expect(first.x, 'the first filter is right of the second').toBeGreaterThan(second.x);

    const table = page.locator('table.matrix-table');
    const actor = await box(table.locator('tbody th[scope="row"]').first());
    const cell = await box(table.locator('tbody td').first());
    const scroller = await box(page.locator('.matrix-scroll'));
    expect(actor.x, 'the actor column comes before the cells').toBeGreaterThan(cell.x);
    expect(
      Math.abs(actor.x + actor.width - (scroller.x + scroller.width)),
      'the actor column is at the right edge',
    ).toBeLessThan(4);

    // The bars grow from the right, their labels at the right of them.
    const actorChart = page.locator('[id="status-by-actor"]');
    const label = await box(
      actorChart.locator('.recharts-yAxis .recharts-cartesian-axis-tick').first(),
    );
    const barsRight = await actorChart
      .locator('.recharts-bar-rectangle')
      .evaluateAll((bars) => Math.max(...bars.map((bar) => bar.getBoundingClientRect().right)));
    expect(label.x, "the actors' names are right of their bars").toBeGreaterThanOrEqual(
      barsRight - 1,
    );

    // The first screen (header and filters), then each part that is drawn rather than laid out.
    await page.screenshot({ path: `${SCREENS}/overview-1280.png` });
    await page.locator('.matrix').screenshot({ path: `${SCREENS}/matrix-1280.png` });
    for (const chart of ['status-by-actor', 'status-by-objective', 'status-over-time'])
      await page.locator(`[id="${chart}"]`).screenshot({ path: `${SCREENS}/${chart}-1280.png` });
  });

  test('a phone shows the overview, a commitment and the slides right to left', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await openOverview(page, 'ar');
    const brand = await box(page.locator('.site-header .brand'));
    expect(brand.x + brand.width, 'the brand starts at the right').toBeGreaterThan(375 / 2);
    await page.screenshot({ path: `${SCREENS}/overview-375.png` });
    await page
      .locator('[id="status-by-actor"]')
      .screenshot({ path: `${SCREENS}/status-by-actor-375.png` });

    const code = queryOne<{ code: string }>(
      'SELECT code FROM commitments WHERE archived_at IS NULL ORDER BY position LIMIT 1',
    ).code;
    await page.goto(`/ar/commitments/${code}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/commitment-375.png` });

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/ar/present?slide=by-actor');
    await expect(page.locator('.present-root')).toHaveAttribute('data-rendered', 'all', {
      timeout: 30_000,
    });
    await page.screenshot({ path: `${SCREENS}/present-by-actor-1280.png` });
  });
});
