import { expect, test, type Locator, type Page } from '@playwright/test';
import { OverviewPage } from './pages/overview-page';
import { PresentPage } from './pages/present';
import { expectNoAxeViolations, queryOne } from './fixtures';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** The overview at a screen's size, loaded and settled. */
async function openOverview(page: Page, size: typeof DESKTOP): Promise<OverviewPage> {
  await page.setViewportSize(size);
  const overview = new OverviewPage(page);
  await overview.goto();
  return overview;
}

/** With SCREENS_DIR set, the run also keeps screenshots of the matrix for the issue. */
async function screenshot(page: Page, name: string) {
  const dir = process.env.SCREENS_DIR;
  if (dir) await page.screenshot({ path: `${dir}/after-${name}.png` });
}

const chart = (page: Page, title: string) =>
  page
    .locator('figure.chart-frame')
    .filter({ has: page.locator('.chart-title', { hasText: title }) });

/** Every chart's drawn surface on the page, once recharts has drawn them. */
async function drawnCharts(page: Page): Promise<Locator> {
  const surfaces = page.locator('.chart-plot .recharts-wrapper > svg.recharts-surface');
  await expect(surfaces.first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.chart-plot .chart-tick').first()).toBeAttached();
  return surfaces;
}

/**
 * Axis labels that do not show whole: cut with "…", or reaching out of their chart's SVG; and
 * labels of one axis that overlap each other.
 */
async function cutLabels(page: Page): Promise<string[]> {
  await drawnCharts(page);
  return page.locator('.chart-plot').evaluateAll((plots) =>
    plots.flatMap((plot, index) => {
      const svg = plot.querySelector('svg.recharts-surface');
      if (!svg) return [];
      const box = svg.getBoundingClientRect();
      const found: string[] = [];
      const boxes: DOMRect[] = [];
      for (const tick of plot.querySelectorAll('.chart-tick')) {
        const text = (tick.textContent ?? '').trim();
        if (!text) continue;
        const own = tick.getBoundingClientRect();
        if (text.endsWith('…')) found.push(`chart ${index}: cut: ${text}`);
        if (
          own.left < box.left - 1 ||
          own.right > box.right + 1 ||
          own.top < box.top - 1 ||
          own.bottom > box.bottom + 1
        )
          found.push(`chart ${index}: outside its chart: ${text}`);
        for (const other of boxes)
          if (
            own.left < other.right - 1 &&
            other.left < own.right - 1 &&
            own.top < other.bottom - 1 &&
            other.top < own.bottom - 1
          )
            found.push(`chart ${index}: overlaps another label: ${text}`);
        boxes.push(own);
      }
      return found;
    }),
  );
}

/** The labels under the columns of "Status over time". */
async function timeLabels(frame: Locator): Promise<string[]> {
  await expect(frame.locator('.chart-plot .chart-tick').first()).toBeAttached({ timeout: 30_000 });
  const texts = await frame.locator('.chart-plot .chart-tick').allTextContents();
  return texts.map((text) => text.trim()).filter(Boolean);
}

test.describe('reading the overview: matrix, rankings and chart labels', () => {
  test.describe.configure({ timeout: 120_000 });

  test('the matrix is one tab stop, walked across cells and onto its headers with the arrow keys', async ({
    page,
  }) => {
    await openOverview(page, DESKTOP);
    const table = page.locator('table.matrix-table');
    // Only one element of the grid is in the tab order, whatever the number of links in its headers.
    expect(
      await table.evaluate(
        (element) =>
          [...element.querySelectorAll<HTMLElement>('a, td, th')].filter((e) => e.tabIndex >= 0)
            .length,
      ),
    ).toBe(1);

    // Keyboard only: from the last control before the grid, one Tab lands on its first cell.
    await page.getByRole('link', { name: 'Next commitments' }).focus();
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    await expect(focused).toHaveJSProperty('tagName', 'TD');
    const firstActor = (await table.locator('tbody th').first().innerText()).trim();
    const codes = await table.locator('thead .matrix-code').allInnerTexts();
    await expect(page.locator('.matrix-detail')).toContainText(firstActor);
    await expect(page.locator('.matrix-detail')).toContainText(codes[0]!);

    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const secondActor = (await table.locator('tbody th').nth(1).innerText()).trim();
    await expect(page.locator('.matrix-detail')).toContainText(secondActor);
    await expect(page.locator('.matrix-detail')).toContainText(codes[2]!);

    // Up past the first row: the commitment's header link, with its code and short title.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(focused).toHaveAttribute('href', `/commitments/${codes[2]}`);
    await page.keyboard.press('ArrowUp');
    await expect(focused).toHaveAttribute('href', `/commitments/${codes[2]}`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(focused).toHaveJSProperty('tagName', 'TD');
    await expect(page.locator('.matrix-detail')).toContainText(secondActor);

    // Home: the row's actor; Tab leaves the grid at once, Shift+Tab comes back to where it was.
    await page.keyboard.press('Home');
    await expect(focused).toHaveText(secondActor);
    await page.keyboard.press('Tab');
    expect(await focused.evaluate((element) => element.closest('table') === null)).toBe(true);
    await page.keyboard.press('Shift+Tab');
    await expect(focused).toHaveText(secondActor);
    await expectNoAxeViolations(page);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/actors\/\d+$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(secondActor);
  });

  test("the pinned actor column stays solid over the cells scrolled under it; headers show each commitment's short title", async ({
    page,
  }) => {
    await openOverview(page, DESKTOP);
    const scroll = page.locator('.matrix-scroll');
    await scroll.scrollIntoViewIfNeeded();
    await screenshot(page, 'matrix-desktop');
    await scroll.evaluate((element) => (element.scrollLeft = 400));
    await expect.poll(() => scroll.evaluate((element) => element.scrollLeft)).toBeGreaterThan(300);
    await screenshot(page, 'matrix-desktop-scrolled');

    // At points across every actor's name in sight, the name's cell is what the screen shows, on white.
    const covered = await page.locator('table.matrix-table tbody th').evaluateAll((headers) =>
      headers.flatMap((header) => {
        const box = header.getBoundingClientRect();
        const area = header.closest('.matrix-scroll')!.getBoundingClientRect();
        if (box.top < area.top || box.bottom > Math.min(area.bottom, innerHeight)) return [];
        const problems: string[] = [];
        if (getComputedStyle(header).backgroundColor !== 'rgb(255, 255, 255)')
          problems.push(
            `${header.textContent}: background ${getComputedStyle(header).backgroundColor}`,
          );
        for (const share of [0.05, 0.5, 0.95]) {
          const x = box.left + share * box.width;
          const y = box.top + box.height / 2;
          const shown = document.elementFromPoint(x, y);
          if (!shown || !(header.contains(shown) || shown === header))
            problems.push(`${header.textContent} at ${share}: ${shown?.outerHTML.slice(0, 60)}`);
        }
        return problems;
      }),
    );
    expect(covered).toEqual([]);
    expect(
      await page
        .locator('table.matrix-table tbody th')
        .evaluateAll(
          (headers) => headers.filter((h) => h.getBoundingClientRect().bottom < innerHeight).length,
        ),
    ).toBeGreaterThan(2);

    // Headers: the code and the title's first words, whole inside the header, at a legible size.
    const headers = page.locator('table.matrix-table thead th:not(.matrix-corner)');
    const first = headers.first();
    const code = (await first.locator('.matrix-code').innerText()).trim();
    const title = queryOne<{ title: string }>(
      'SELECT title FROM commitments WHERE code = ?',
      code,
    ).title;
    const short = (await first.locator('.matrix-short-title').innerText()).trim();
    expect(short.length).toBeGreaterThan(10);
    expect(title.startsWith(short.replace(/…$/, ''))).toBe(true);
    const layout = await headers.evaluateAll((cells) =>
      cells.map((cell) => {
        const link = cell.querySelector('a')!.getBoundingClientRect();
        const box = cell.getBoundingClientRect();
        return {
          inside: link.top >= box.top - 1 && link.bottom <= box.bottom + 1,
          size: parseFloat(getComputedStyle(cell.querySelector('.matrix-short-title')!).fontSize),
        };
      }),
    );
    expect(layout.every((cell) => cell.inside && cell.size >= 14)).toBe(true);
  });

  test('on a phone, the overview shows data on its first screen', async ({ page }) => {
    const overview = await openOverview(page, PHONE);
    await screenshot(page, 'overview-phone');
    // The first headline figure starts within the first screen (the filters are folded).
    const figure = overview.figures.locator('.headline-value').first();
    await expect(figure).toBeVisible();
    const top = await figure.evaluate((element) => element.getBoundingClientRect().top + scrollY);
    expect(top, 'the first headline figure starts on the first screen').toBeLessThan(PHONE.height);
  });

  test('on a phone, the matrix is a card per actor and nothing scrolls sideways', async ({
    page,
  }) => {
    await openOverview(page, PHONE);

    const cards = page.locator('.matrix-cards > li');
    await expect(cards).toHaveCount(10);
    await expect(page.locator('table.matrix-table')).toHaveCount(0);
    await expect(
      cards.first().getByRole('heading', { level: 3 }).getByRole('link'),
    ).toHaveAttribute('href', /^\/actors\/\d+$/);
    // Each chip names its commitment and says its status to a screen reader.
    await expect(cards.first().locator('.matrix-card-cells li').first()).toContainText(
      /^[A-Z]+-\d+: (No report|.+)$/,
    );
    await cards.first().scrollIntoViewIfNeeded();
    await screenshot(page, 'matrix-phone');
    // Nothing makes the page scroll sideways.
    expect
      .soft(await page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(PHONE.width);
    expect(await cutLabels(page)).toEqual([]);
    await expectNoAxeViolations(page);
  });

  test('status over time is labelled with whole years or quarters, and no chart label is cut, on the overview, a commitment and an actor', async ({
    page,
  }) => {
    await page.setViewportSize(DESKTOP);
    const commitment = queryOne<{ code: string }>(
      `SELECT c.code FROM commitments c JOIN progress_entries e ON e.commitment_id = c.id
        WHERE e.state = 'published' GROUP BY c.id ORDER BY COUNT(*) DESC LIMIT 1`,
    ).code;
    const actor = queryOne<{ id: number }>(
      `SELECT subject_id AS id FROM progress_entries WHERE state = 'published'
        GROUP BY subject_id ORDER BY COUNT(*) DESC LIMIT 1`,
    ).id;
    for (const path of ['/', `/commitments/${commitment}`, `/actors/${actor}`]) {
      await page.goto(path);
      await drawnCharts(page);
      const overTime = page
        .locator('figure.chart-frame')
        .filter({ has: page.locator('.chart-title', { hasText: /over time|^History/ }) });
      const labels = await timeLabels(overTime.first());
      expect(labels.length, path).toBeGreaterThan(1);
      for (const label of labels) expect(label, path).toMatch(/^\d{4}(-Q[1-4])?$/);
      expect(await cutLabels(page), path).toEqual([]);
      await expectNoAxeViolations(page);
    }
  });

  test('rankings name only actors with at least half their pairs reported, and only actors the chart shows; the slide ranks the same way', async ({
    page,
  }) => {
    await openOverview(page, DESKTOP);
    const frame = chart(page, 'Status by actor');
    const sentence = await frame.locator('.chart-summary').innerText();
    const match = sentence.match(
      /highest score: (.+?), [^(]+\((\d+) of (\d+) pairs reported\); lowest score: (.+?), [^(]+\((\d+) of (\d+) pairs reported\)/,
    );
    expect(match, sentence).not.toBeNull();
    const [, highest, hReported, hPairs, lowest, lReported, lPairs] = match!;
    expect(2 * Number(hReported)).toBeGreaterThanOrEqual(Number(hPairs));
    expect(2 * Number(lReported)).toBeGreaterThanOrEqual(Number(lPairs));

    // Both are bars of the chart as first drawn; the highest heads it.
    await drawnCharts(page);
    // A label wrapped on two lines is two <tspan>s: compare without spaces.
    const words = (text: string) => text.replace(/\s+/g, '');
    const bars = (await frame.locator('.chart-plot .chart-tick').allTextContents()).map(words);
    expect(bars[0]).toBe(words(highest!));
    expect(bars).toContain(words(lowest!));
    await frame.locator('.chart-how summary').click();
    await expect(frame.locator('.chart-how-body')).toContainText(
      'at least half its pairs reported',
    );

    const present = new PresentPage(page);
    await present.goto('?slide=by-actor');
    await expect(present.current).toContainText('at least half their pairs reported');
    const firstBar = await present.current.locator('.chart-tick').first().textContent();
    expect(words(firstBar ?? '')).toBe(words(highest!));
  });
});
