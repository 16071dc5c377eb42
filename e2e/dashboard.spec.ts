import { expect, test } from '@playwright/test';
import { OverviewPage } from './pages/overview-page';
import { expectedFigures } from './rollup-oracle';
import { isContested } from '../lib/rollup';
import type { StatusKey } from '../lib/status-scale';
import { DEMO_NOTICE, expectNoAxeViolations, queryAll, queryOne } from './fixtures';

test.describe('overview dashboard', () => {
  // Each test drives several refetches and an axe scan of a large page on a shared 2-core machine.
  test.describe.configure({ timeout: 90_000 });

  test('shows the figures the roll-up module computes from the entries', async ({ page }) => {
    const overview = new OverviewPage(page);
    await overview.goto();
    await overview.expectFigures(expectedFigures());
    await expect(page.getByText(DEMO_NOTICE)).toBeVisible();
  });

  test('each filter changes the URL and the figures without reloading the page', async ({
    page,
  }) => {
    const overview = new OverviewPage(page);
    await overview.goto();
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same document'));
    const region = queryOne<{ region: string }>(
      `SELECT region FROM actors WHERE region IS NOT NULL GROUP BY region ORDER BY count(*) DESC LIMIT 1`,
    ).region;

    await overview.select('Theme', { label: 'Trafficking in persons' });
    await expect(page).toHaveURL(/\?theme=trafficking$/);
    await overview.expectFigures(expectedFigures({ theme: 'trafficking' }));

    await overview.select('GCM objective', { value: '10' });
    await expect(page).toHaveURL(/theme=trafficking&objective=10$/);
    await overview.expectFigures(expectedFigures({ theme: 'trafficking', objective: 10 }));

    await overview.select('Actor kind', { label: 'State' });
    await overview.select('Region', { label: region });
    await expect(page).toHaveURL(/kind=state&region=/);
    await overview.expectFigures(
      expectedFigures({ theme: 'trafficking', objective: 10, kind: 'state', region }),
    );

    await overview.select('Perspective', { label: 'Independent assessments' });
    await expect(page).toHaveURL(/perspective=independent/);
    await overview.expectFigures(
      expectedFigures({
        theme: 'trafficking',
        objective: 10,
        kind: 'state',
        region,
        perspective: 'independent',
      }),
    );

    await overview.fillAsOf('2022-06-30');
    await expect(page).toHaveURL(/asOf=2022-06-30/);
    await overview.expectFigures(
      expectedFigures({
        theme: 'trafficking',
        objective: 10,
        kind: 'state',
        region,
        perspective: 'independent',
        asOf: '2022-06-30',
      }),
    );
    await expect(page.locator('.view-description')).toContainText(
      'As of June 30, 2022, Independent assessments',
    );

    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
      'same document',
    );
  });

  test('a copied URL reproduces the same view', async ({ page, browser }) => {
    const overview = new OverviewPage(page);
    await overview.goto();
    await overview.select('Theme', { label: 'Smuggling of migrants' });
    await overview.select('Perspective', { label: 'Independent assessments' });
    const url = page.url();
    const figures = await page.locator('dl.headline-figures').innerText();

    const other = await browser.newPage();
    await other.goto(url);
    const copy = new OverviewPage(other);
    await copy.settled();
    expect(await other.locator('dl.headline-figures').innerText()).toBe(figures);
    await expect(other.locator('form.filters').getByLabel('Theme', { exact: true })).toHaveValue(
      'smuggling',
    );
    await expect(
      other.locator('form.filters').getByLabel('Perspective', { exact: true }),
    ).toHaveValue('independent');
    await copy.expectFigures(expectedFigures({ theme: 'smuggling', perspective: 'independent' }));
    await other.close();
  });

  test('the SDG target filter narrows the commitments', async ({ page }) => {
    const overview = new OverviewPage(page);
    await overview.goto();
    await overview.select('SDG target', { value: '16.2' });
    await expect(page).toHaveURL(/\?sdg=16.2$/);
    const expected = expectedFigures({ sdg: '16.2' });
    expect(expected.commitments).toBeGreaterThan(0);
    await overview.expectFigures(expected);
  });

  test('a view as of a date before any entry shows no reports, never zeros', async ({ page }) => {
    const overview = new OverviewPage(page);
    await overview.goto('?asOf=2010-01-01');
    const expected = expectedFigures({ asOf: '2010-01-01' });
    expect(expected.reported).toBe(0);
    await overview.expectFigures(expected);
    await expect(overview.figure('Implementation score')).toContainText('No score');
  });

  test('every chart has a table view with the same data', async ({ page }) => {
    const overview = new OverviewPage(page);
    await overview.goto();
    const actors = queryOne<{ n: number }>('SELECT count(*) AS n FROM actors').n;
    const themes = queryAll<{ theme: string }>('SELECT DISTINCT theme FROM commitments').length;
    const rowsByChart: [string, number][] = [
      ['Status by actor', actors],
      ['Status by theme', themes],
      [
        'Status by GCM objective',
        queryOne<{ n: number }>('SELECT count(DISTINCT objective) AS n FROM commitment_objectives')
          .n,
      ],
    ];
    for (const [title, rows] of rowsByChart) {
      const chart = overview.chart(title);
      // Charts load after hydration (lazy chunks): seconds on a loaded 2-core machine.
      await expect(chart.locator('.recharts-wrapper > svg.recharts-surface')).toBeVisible({
        timeout: 20_000,
      });
      await chart.getByRole('button', { name: 'Table' }).click();
      await expect(chart.getByRole('table')).toBeVisible();
      await expect(chart.getByRole('table').locator('tbody tr')).toHaveCount(rows);
      await expect(chart.locator('.recharts-wrapper')).toHaveCount(0);
    }
    const overTime = overview.chart('Status over time');
    await overTime.getByRole('button', { name: 'Table' }).click();
    await expect(overTime.getByRole('table')).toContainText('2019-Q1');
    await expectNoAxeViolations(page);
  });

  test('explains how each figure is computed', async ({ page }) => {
    const overview = new OverviewPage(page);
    await overview.goto();
    const chart = overview.chart('Status by actor');
    await chart.getByText('How is this computed?').click();
    await expect(chart.getByText(/latest published entry by as-of date/)).toBeVisible();
    await expect(chart.getByText(/never counted as 0/)).toBeVisible();
  });

  test('the matrix shows each cell by keyboard and switches perspective', async ({ page }) => {
    const overview = new OverviewPage(page);
    // A page of 50 actors holds every demo actor.
    await overview.goto('?limit=50');
    const grid = page.locator('table.matrix-table');
    // One tab stop in the grid; arrow keys move it.
    await expect(grid.locator('td[tabindex]')).toHaveCount(1);
    await grid.locator('td[tabindex="0"]').focus();
    await page.keyboard.press('ArrowRight');
    const focused = grid.locator('td:focus');
    expect(
      await focused.evaluate((cell: HTMLTableCellElement) => [
        (cell.parentElement as HTMLTableRowElement).sectionRowIndex,
        cell.cellIndex - 1,
      ]),
    ).toEqual([0, 1]);
    await expect(grid.locator('td[tabindex]')).toHaveCount(1);
    await expect(page.locator('.matrix-detail')).toContainText(
      /Actor and commitment|does not apply/,
    );
    // Every cell says its status in words (the colour and symbol only repeat it).
    const statusWords =
      /^(Not started|Limited progress|Substantial progress|Complete|Regressed|Unable to assess)( \(stale\))?(, contested)?$|^No report(, contested)?$|^Does not apply$/;
    for (const text of await grid.locator('td').allTextContents())
      expect(text).toMatch(statusWords);
    // A cell that applies and has a status describes the entry behind it.
    const reported = grid.locator('td:not(.na):not(.nr)').first();
    await reported.hover();
    await expect(page.locator('.matrix-detail')).toContainText('Actor and commitment');
    await expect(page.locator('.matrix-detail').getByRole('link').first()).toHaveAttribute(
      'href',
      /^\/entries\/\d+$/,
    );
    // Every demo actor is on the page, so every contested pair is on one of its pages of commitments.
    const expected = expectedFigures();
    expect(expected.contested).toBeGreaterThan(0);
    const contested = async () => {
      await expect(grid.locator('td.c')).toHaveCount(
        await grid.locator('td', { hasText: ', contested' }).count(),
      );
      return grid.locator('td.c').count();
    };
    let shown = await contested();
    await overview.goto('?limit=50&columns=2');
    shown += await contested();
    expect(shown).toBe(expected.contested);
    await page.getByRole('button', { name: 'Independent assessments' }).click();
    await overview.settled();
    await expect(page).toHaveURL(/perspective=independent/);
    await expect(page.getByRole('button', { name: 'Independent assessments' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  test('passes axe with filters applied', async ({ page }) => {
    const overview = new OverviewPage(page);
    await overview.goto('?kind=state&perspective=independent&asOf=2024-12-31');
    await expectNoAxeViolations(page);
  });
});

test.describe('commitment and actor charts', () => {
  test('an actor page puts each self-report beside the independent assessment, contested and stale marked', async ({
    page,
  }) => {
    const actor = queryOne<{ id: number }>(
      `SELECT s.subject_id AS id FROM current_status s JOIN current_status i
         ON i.commitment_id = s.commitment_id AND i.subject_id = s.subject_id AND i.perspective = 'independent'
       WHERE s.perspective = 'self' GROUP BY s.subject_id ORDER BY count(*) DESC LIMIT 1`,
    ).id;
    await page.goto(`/actors/${actor}`);
    const table = page.locator('table.pair-table');
    const applicable = queryOne<{ n: number }>(
      `SELECT count(*) AS n FROM commitments c JOIN actors a ON a.id = ?
       WHERE EXISTS (SELECT 1 FROM commitment_duty_bearers d WHERE d.commitment_id = c.id AND
         (d.duty_bearer = 'all_stakeholders' OR (d.duty_bearer = 'states' AND a.kind = 'state') OR (d.duty_bearer = 'international_community' AND a.kind IN ('un_entity', 'igo'))))`,
      actor,
    ).n;
    await expect(table.locator('tbody tr')).toHaveCount(applicable);
    const rows = queryAll<{ code: string; self: string | null; independent: string | null }>(
      `SELECT c.code,
         (SELECT status FROM current_status WHERE commitment_id = c.id AND subject_id = ? AND perspective = 'self') AS self,
         (SELECT status FROM current_status WHERE commitment_id = c.id AND subject_id = ? AND perspective = 'independent') AS independent
       FROM commitments c ORDER BY c.position`,
      actor,
      actor,
    );
    const label = (status: string | null) => (status ? status.replace(/_/g, ' ') : 'no report');
    for (const row of rows
      .filter((candidate) => candidate.self && candidate.independent)
      .slice(0, 5)) {
      const line = table
        .locator('tbody tr')
        .filter({ has: page.getByRole('link', { name: new RegExp(`^${row.code} `) }) });
      await expect(line.locator('td').nth(0)).toContainText(new RegExp(label(row.self), 'i'));
      await expect(line.locator('td').nth(1)).toContainText(
        new RegExp(label(row.independent), 'i'),
      );
    }
    const contested = rows.filter((row) =>
      isContested(row.self as StatusKey | null, row.independent as StatusKey | null),
    ).length;
    expect(contested).toBeGreaterThan(0);
    await expect(table.locator('tr.contested-row')).toHaveCount(contested);
    await expectNoAxeViolations(page);
  });

  test('a commitment page shows its status across actors with a table behind each chart', async ({
    page,
  }) => {
    const code = queryOne<{ code: string }>(
      `SELECT c.code FROM current_status s JOIN commitments c ON c.id = s.commitment_id GROUP BY c.code ORDER BY count(*) DESC LIMIT 1`,
    ).code;
    await page.goto(`/commitments/${code}`);
    await expect(
      page.getByRole('heading', { name: 'Status across actors', exact: true }),
    ).toBeVisible();
    const chart = page
      .locator('figure.chart-frame')
      .filter({ has: page.getByRole('heading', { name: 'Status across actors, by perspective' }) });
    await chart.getByRole('button', { name: 'Table' }).click();
    const selfRow = chart.getByRole('table').locator('tbody tr').first();
    const reported = queryOne<{ n: number }>(
      `SELECT count(*) AS n FROM current_status s JOIN commitments c ON c.id = s.commitment_id WHERE c.code = ? AND s.perspective = 'self'`,
      code,
    ).n;
    await expect(selfRow).toContainText(String(reported));
    await expectNoAxeViolations(page);
  });
});
