import { expect, test, type Page } from '@playwright/test';
import { OverviewPage } from './pages/overview-page';
import { expectedFigures } from './rollup-oracle';
import { expectNoAxeViolations } from './fixtures';

const PHONE = { width: 390, height: 844 };
/** An A4 page's printable width at 96 px an inch, with the print style's 15 mm margins. */
const PRINTED_WIDTH = 680;

const filters = (page: Page) => page.locator('form.filters');
const asOfField = (page: Page) => filters(page).getByLabel('As of');

test.describe('overview filters never lose input', () => {
  // Several refetches and axe scans of a large page on a shared 2-core machine.
  test.describe.configure({ timeout: 120_000 });

  test('a date typed digit by digit applies once, complete, when the field is left', async ({
    page,
  }) => {
    const overview = new OverviewPage(page);
    await overview.goto();
    const start = page.url();
    await asOfField(page).focus();
    // Month, day, then the year's digits one by one: 0002, 0020, 0202 are not the date meant.
    await page.keyboard.type('063020', { delay: 50 });
    await page.keyboard.type('21', { delay: 50 });
    await expect(asOfField(page)).toHaveValue('2021-06-30');
    expect(page.url()).toBe(start);

    // Leaving the field applies the date.
    await page.getByRole('heading', { level: 1 }).click();
    await expect(page).toHaveURL(/\?asOf=2021-06-30$/);
    await overview.settled();
    await expect(page.locator('.view-description')).toContainText('As of June 30, 2021');
    await overview.expectFigures(expectedFigures({ asOf: '2021-06-30' }));
    await expect(asOfField(page)).toHaveValue('2021-06-30');
  });

  test('Enter applies a typed date; an impossible one is named and changes nothing', async ({
    page,
  }) => {
    const overview = new OverviewPage(page);
    await overview.goto();
    await asOfField(page).focus();
    await page.keyboard.type('12312022', { delay: 50 });
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/\?asOf=2022-12-31$/);
    await overview.settled();
    await overview.expectFigures(expectedFigures({ asOf: '2022-12-31' }));

    await overview.goto();
    await asOfField(page).focus();
    await page.keyboard.type('01012', { delay: 50 });
    await page.getByRole('heading', { level: 1 }).click();
    await expect(filters(page).getByText(/^As of: enter a whole date/)).toBeVisible();
    await expect(asOfField(page)).toHaveAttribute('aria-invalid', 'true');
    // Apply refuses it too (the browser names the field's range).
    await asOfField(page).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/$/);
    await expectNoAxeViolations(page);
  });

  test('two choices made in quick succession both stick, every time', async ({ page }) => {
    const overview = new OverviewPage(page);
    await overview.goto();
    const rounds = [
      { theme: 'smuggling', kind: 'state' },
      { theme: 'trafficking', kind: 'cso' },
      { theme: 'root_causes_demand', kind: 'state' },
    ] as const;
    for (const round of rounds) {
      // No wait in between: the second choice is made before the view has caught up.
      await filters(page).getByLabel('Theme', { exact: true }).selectOption(round.theme);
      await filters(page).getByLabel('Actor kind', { exact: true }).selectOption(round.kind);
      await expect(page).toHaveURL(new RegExp(`\\?theme=${round.theme}&kind=${round.kind}$`));
      await overview.settled();
      await expect(filters(page).getByLabel('Theme', { exact: true })).toHaveValue(round.theme);
      await expect(filters(page).getByLabel('Actor kind', { exact: true })).toHaveValue(round.kind);
      await overview.expectFigures(expectedFigures(round));
    }
  });

  test('SDG targets are offered with their titles', async ({ page }) => {
    const overview = new OverviewPage(page);
    await overview.goto();
    await expect(filters(page).locator('#dashboard-sdg option[value="16.5"]')).toHaveText(
      '16.5 Substantially reduce corruption and bribery in all their forms',
    );
    await page.goto('/commitments');
    await expect(page.locator('#filter-sdg option[value="8.7"]')).toHaveText(
      /^8\.7 Eradicate forced labour/,
    );
  });

  test('the filters fold under a summary on a phone and stay open on a desktop', async ({
    page,
  }) => {
    await page.setViewportSize(PHONE);
    const overview = new OverviewPage(page);
    await overview.goto('?theme=smuggling&kind=state');
    const summary = page.locator('details.filters-fold > summary');
    await expect(summary).toHaveText('Filters (2 active)');
    await expect(filters(page).getByLabel('Theme', { exact: true })).toBeHidden();
    // Folded to one line: the headline figures start on the first screen.
    expect((await summary.boundingBox())?.height).toBeLessThan(48);
    const top = await overview.figures.evaluate(
      (element) => element.getBoundingClientRect().top + scrollY,
    );
    expect(top).toBeLessThan(PHONE.height);
    await expectNoAxeViolations(page);
    await summary.click();
    await expect(filters(page).getByLabel('Theme', { exact: true })).toHaveValue('smuggling');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/');
    await expect(summary).toBeHidden();
    await expect(filters(page).getByLabel('Theme', { exact: true })).toBeVisible();
    await expect(page.locator('details.filters-fold')).toHaveAttribute('open', '');
  });
});

test.describe('overview by commitment', () => {
  test.describe.configure({ timeout: 90_000 });

  test("answers which recommendations are being implemented, under the view's filters", async ({
    page,
  }) => {
    const overview = new OverviewPage(page);
    await overview.goto('?theme=trafficking');
    const section = page.locator('section.commitment-status');
    await expect(section.getByRole('heading', { name: 'Status by commitment' })).toBeVisible();
    const rows = section.locator('tbody tr');
    const count = await rows.count();
    expect(count).toBeGreaterThan(1);
    // Every commitment of the view is a row: their pairs add up to the view's figures.
    const expected = expectedFigures({ theme: 'trafficking' });
    const cells = await rows.locator('td:nth-child(3)').allTextContents();
    const whole = (digits: string | undefined) => Number(digits?.replace(/,/g, ''));
    const parsed = cells.map((text) => {
      const [, reported, pairs] = /^([\d,]+) of ([\d,]+)/.exec(text.trim()) ?? [];
      return { reported: whole(reported), pairs: whole(pairs) };
    });
    expect(parsed.reduce((sum, row) => sum + row.reported, 0)).toBe(expected.reported);
    expect(parsed.reduce((sum, row) => sum + row.pairs, 0)).toBe(expected.pairs);
    expect(count).toBe(expected.commitments);
    // Each row names its commitment with a link, and its statuses in words, not colour alone.
    await expect(rows.first().locator('th a')).toHaveAttribute('href', /^\/commitments\/TIP-\d+$/);
    await expect(rows.first().locator('.status-counts')).toContainText('No report');
    // Highest score first.
    const scores = (await rows.locator('td:nth-child(4)').allTextContents()).map((text) =>
      /\d+%/.test(text) ? Number(text.replace(/\D/g, '')) : -1,
    );
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    await expect(
      section.getByRole('link', { name: 'Every commitment and its status' }),
    ).toHaveAttribute('href', '/commitments?theme=trafficking');

    // A filter changes the rows without a reload.
    await overview.select('Actor kind', { value: 'state' });
    const states = expectedFigures({ theme: 'trafficking', kind: 'state' });
    const afterCells = await rows.locator('td:nth-child(3)').allTextContents();
    const reported = afterCells.reduce(
      (sum, text) => sum + whole(/^([\d,]+) of/.exec(text.trim())?.[1]),
      0,
    );
    expect(reported).toBe(states.reported);
    await expectNoAxeViolations(page);
  });
});

test.describe('one symbol for no report', () => {
  test('the matrix, its key, the chart legends and the by-commitment bars all use –', async ({
    page,
  }) => {
    const overview = new OverviewPage(page);
    await overview.goto();
    const noReport = page.locator('.matrix-table td.nr').first();
    await expect(noReport).toBeVisible();
    expect(await noReport.evaluate((cell) => getComputedStyle(cell, '::before').content)).toContain(
      '–',
    );
    await expect(page.getByText(/– is no report/)).toBeVisible();
    await expect(page.locator('.status-legend li', { hasText: 'No report' }).first()).toContainText(
      '–',
    );
    await expect(page.locator('.commitment-status .status-mini-bar .no-report').first()).toHaveText(
      '–',
    );
    // The counts under each bar: the same symbol before the words, and each segment its colour.
    const counts = page.locator('.commitment-status .status-counts li.nr').first();
    await expect(counts).toContainText('No report');
    expect(await counts.evaluate((item) => getComputedStyle(item, '::before').content)).toContain(
      '–',
    );
    const segment = page.locator('.commitment-status .status-mini-bar > .s3').first();
    expect(await segment.evaluate((span) => getComputedStyle(span).backgroundColor)).toBe(
      'rgb(0, 158, 115)',
    );
  });
});

test.describe('the overview on paper', () => {
  test.describe.configure({ timeout: 90_000 });

  test('charts fit the page width, no control is printed and no chart is split', async ({
    page,
  }) => {
    // The browser does not redraw charts before printing: hold resize notices back, as it does.
    await page.addInitScript(() => {
      const Native = window.ResizeObserver;
      const held = window as unknown as { holdResize?: boolean };
      window.ResizeObserver = class extends Native {
        constructor(callback: ResizeObserverCallback) {
          super((entries, observer) => {
            if (!held.holdResize) callback(entries, observer);
          });
        }
      };
    });
    await page.setViewportSize({ width: 1400, height: 900 });
    const overview = new OverviewPage(page);
    await overview.goto();
    const surfaces = page.locator('.chart-plot svg.recharts-surface');
    // Status by actor, theme and objective, and over time: drawn after the page hydrates.
    await expect.poll(() => surfaces.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
    const drawn = await surfaces.evaluateAll((svgs) =>
      svgs.map((svg) => Number(svg.getAttribute('width'))),
    );
    expect(Math.min(...drawn)).toBeGreaterThan(PRINTED_WIDTH);

    await page.evaluate(() => ((window as unknown as { holdResize: boolean }).holdResize = true));
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: PRINTED_WIDTH, height: 960 });
    const boxes = await surfaces.evaluateAll((svgs) =>
      svgs.map((svg) => ({
        drawn: Number(svg.getAttribute('width')),
        right: svg.getBoundingClientRect().right,
        page: document.documentElement.clientWidth,
      })),
    );
    for (const box of boxes) {
      expect(box.drawn).toBeGreaterThan(PRINTED_WIDTH);
      expect(box.right).toBeLessThanOrEqual(box.page);
    }
    await expect(page.locator('button:visible, select:visible, input:visible')).toHaveCount(0);
    await expect(page.locator('.download-links:visible, summary:visible')).toHaveCount(0);
    const breaks = await page
      .locator('figure.chart-frame')
      .evaluateAll((frames) => frames.map((frame) => getComputedStyle(frame).breakInside));
    expect(breaks.length).toBeGreaterThan(0);
    expect(new Set(breaks)).toEqual(new Set(['avoid']));
    expect((await page.pdf({ format: 'A4' })).byteLength).toBeGreaterThan(0);
  });
});
