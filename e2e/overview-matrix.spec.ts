import { expect, test, type Page } from '@playwright/test';
import { OverviewPage } from './pages/overview-page';
import { expectNoAxeViolations, queryAll, queryOne } from './fixtures';
import messages from '../lib/i18n/messages/en.json';

const STATUS_NAMES = messages.status;

/** The actors the matrix lists, in its order: by name, those some commitment applies to. */
function actorNames(kind?: string): string[] {
  return queryAll<{ name: string }>(
    `SELECT a.name FROM actors a WHERE a.archived_at IS NULL ${kind ? 'AND a.kind = ?' : ''}
       AND EXISTS (SELECT 1 FROM commitments c JOIN commitment_duty_bearers d ON d.commitment_id = c.id WHERE c.archived_at IS NULL AND
         (d.duty_bearer = 'all_stakeholders' OR (d.duty_bearer = 'states' AND a.kind = 'state') OR (d.duty_bearer = 'international_community' AND a.kind IN ('un_entity', 'igo'))))
     ORDER BY a.name COLLATE NOCASE`,
    ...(kind ? [kind] : []),
  ).map((row) => row.name);
}

const rowHeaders = (page: Page) => page.locator('table.matrix-table tbody th').allInnerTexts();

test.describe('overview matrix, one page of actors at a time', () => {
  test.describe.configure({ timeout: 90_000 });

  test('pages through the actors with labelled links; the URL carries the page and Back returns to it', async ({
    page,
  }) => {
    const names = actorNames();
    expect(names.length).toBeGreaterThan(10);
    const overview = new OverviewPage(page);
    await overview.goto();
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same document'));
    const pages = page.getByRole('navigation', { name: 'Pages of the matrix' });
    await expect(pages.locator('[aria-current="page"]')).toHaveAccessibleName(
      `Page 1 of ${Math.ceil(names.length / 10)}`,
    );
    expect(await rowHeaders(page)).toEqual(names.slice(0, 10));
    await expect(page.locator('#matrix-showing')).toHaveText(
      `Actors 1 to 10 of ${names.length}, by name.`,
    );

    await pages.getByRole('link', { name: 'Next actors' }).click();
    await expect(page).toHaveURL(/\/\?page=2$/);
    await overview.settled();
    expect(await rowHeaders(page)).toEqual(names.slice(10, 20));
    await expect(pages.locator('[aria-current="page"]')).toHaveAccessibleName(/^Page 2 of/);

    await page.goBack();
    await expect(page).toHaveURL(/\/$/);
    await overview.settled();
    expect(await rowHeaders(page)).toEqual(names.slice(0, 10));

    // By keyboard: the page links are ordinary links.
    await pages.getByRole('link', { name: 'Page 2', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/\?page=2$/);
    await overview.settled();
    expect(await rowHeaders(page)).toEqual(names.slice(10, 20));
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
      'same document',
    );
    await expectNoAxeViolations(page);
  });

  test('a filter starts the matrix again at its first page, keeping the page size', async ({
    page,
  }) => {
    const overview = new OverviewPage(page);
    await overview.goto('?page=2&limit=5');
    await overview.select('Actor kind', { label: 'State' });
    await expect(page).toHaveURL(/\?kind=state&limit=5$/);
    expect(await rowHeaders(page)).toEqual(actorNames('state').slice(0, 5));
    await page.getByLabel('Actors per page').selectOption('25');
    await expect(page).toHaveURL(/\?kind=state&limit=25$/);
    await overview.settled();
    expect(await rowHeaders(page)).toEqual(actorNames('state').slice(0, 25));
  });

  test('pages through the commitments (columns) with labelled links that keep the page of actors', async ({
    page,
  }) => {
    const codes = queryAll<{ code: string }>(
      'SELECT code FROM commitments WHERE archived_at IS NULL ORDER BY position',
    ).map((row) => row.code);
    const perPage = 40;
    expect(codes.length).toBeGreaterThan(perPage);
    const columnHeaders = () =>
      page.locator('table.matrix-table thead th:not(.matrix-corner) .matrix-code').allInnerTexts();
    const overview = new OverviewPage(page);
    await overview.goto('?page=2');
    expect(await columnHeaders()).toEqual(codes.slice(0, perPage));
    await expect(page.locator('#matrix-columns-showing')).toHaveText(
      `Commitments 1 to ${perPage} of ${codes.length}, in the report's order.`,
    );
    const pages = page.getByRole('navigation', { name: 'Pages of commitments' });
    await pages.getByRole('link', { name: 'Next commitments' }).click();
    await expect(page).toHaveURL(/\?page=2&columns=2$/);
    await overview.settled();
    expect(await columnHeaders()).toEqual(codes.slice(perPage, 2 * perPage));
    expect(await rowHeaders(page)).toEqual(actorNames().slice(10, 20));
    await expect(pages.locator('[aria-current="page"]')).toHaveAccessibleName(
      `Commitments, page 2 of ${Math.ceil(codes.length / perPage)}`,
    );
    // A new filter starts again at the first commitments.
    await overview.select('Actor kind', { label: 'State' });
    await expect(page).toHaveURL(/\?kind=state$/);
    // Opened on its own, the server renders that page of commitments; a bad value is named.
    await page.goto('/?columns=2');
    await overview.settled();
    expect(await columnHeaders()).toEqual(codes.slice(perPage, 2 * perPage));
    await expectNoAxeViolations(page);
    await page.goto('/?columns=0');
    await expect(page.locator('.alert[role="alert"]')).toContainText(
      'columns: must be a whole number',
    );
  });

  test('a page of the matrix is a plain link: opened on its own, the server renders that page', async ({
    page,
  }) => {
    await page.goto('/?page=2');
    await new OverviewPage(page).settled();
    expect(await rowHeaders(page)).toEqual(actorNames().slice(10, 20));
    await expect(
      page
        .getByRole('navigation', { name: 'Pages of the matrix' })
        .getByRole('link', { name: 'Previous actors' }),
    ).toHaveAttribute('href', '/');
  });

  test('opening a cell reads its entries when asked: the summary and the reporter of the self-report and the assessment', async ({
    page,
  }) => {
    const pair = queryOne<{
      actor: string;
      code: string;
      self: number;
      independent: number;
      selfStatus: keyof typeof STATUS_NAMES;
    }>(
      `SELECT a.name AS actor, c.code, s.entry_id AS self, i.entry_id AS independent, s.status AS selfStatus
       FROM current_status s JOIN current_status i ON i.commitment_id = s.commitment_id AND i.subject_id = s.subject_id AND i.perspective = 'independent'
       JOIN actors a ON a.id = s.subject_id JOIN commitments c ON c.id = s.commitment_id
       WHERE s.perspective = 'self' ORDER BY a.name COLLATE NOCASE, c.position LIMIT 1`,
    );
    const entry = (id: number) =>
      queryOne<{ summary: string; reporter: string }>(
        `SELECT e.summary, r.name AS reporter FROM progress_entries e JOIN actors r ON r.id = e.reporter_id WHERE e.id = ?`,
        id,
      );
    const row = actorNames().indexOf(pair.actor);
    const index = queryOne<{ n: number }>(
      `SELECT count(*) AS n FROM commitments WHERE archived_at IS NULL AND position < (SELECT position FROM commitments WHERE code = ?)`,
      pair.code,
    ).n;
    // Its page of commitments (40 a page) and its column there.
    const column = index % 40;
    const overview = new OverviewPage(page);
    await overview.goto(`?limit=200${index >= 40 ? `&columns=${Math.floor(index / 40) + 1}` : ''}`);
    const table = page.locator('table.matrix-table');
    // The cell under the pair's actor and commitment headers.
    await expect(table.locator('tbody tr').nth(row).locator('th')).toHaveText(pair.actor);
    await expect(
      table
        .locator('thead th')
        .nth(column + 1)
        .locator('.matrix-code'),
    ).toHaveText(pair.code);
    const cell = table.locator('tbody tr').nth(row).locator('td').nth(column);
    await expect(cell).toContainText(STATUS_NAMES[pair.selfStatus]);
    const reads = Promise.all(
      [pair.self, pair.independent].map((id) =>
        page.waitForResponse((response) => response.url().endsWith(`/api/v1/entries/${id}`)),
      ),
    );
    await cell.hover();
    await reads;
    const detail = page.locator('.matrix-detail');
    for (const id of [pair.self, pair.independent]) {
      const { summary, reporter } = entry(id);
      await expect(detail.getByRole('link', { name: summary.trim() })).toHaveAttribute(
        'href',
        `/entries/${id}`,
      );
      await expect(detail).toContainText(`(${reporter})`);
    }
    // The date of each status comes with its entry.
    await expect(detail).toContainText(
      new RegExp(`${STATUS_NAMES[pair.selfStatus]} as of [A-Z][a-z]{2} \\d{1,2}, \\d{4}`),
    );
  });

  test('the matrix API pages actors with the list vocabulary: page, limit, total, next and a Link header', async ({
    request,
  }) => {
    const names = actorNames('state');
    const seen: string[] = [];
    let url: string | null = '/api/v1/matrix?kind=state&limit=5';
    while (url) {
      const response = await request.get(url);
      expect(response.status()).toBe(200);
      const body = (await response.json()) as {
        actors: { name: string }[];
        cells: { self: Record<string, unknown> | null }[];
        total: number;
        limit: number;
        next: string | null;
      };
      expect(body.total).toBe(names.length);
      expect(body.actors.length).toBeLessThanOrEqual(5);
      // Cells name their entry; its text is read from /api/v1/entries/{id}.
      for (const cell of body.cells)
        if (cell.self)
          expect(Object.keys(cell.self).sort()).toEqual(['asOf', 'entryId', 'stale', 'status']);
      expect(response.headers()['link'] ?? null).toBe(
        body.next ? `<${body.next}>; rel="next"` : null,
      );
      seen.push(...body.actors.map((actor) => actor.name));
      url = body.next;
    }
    expect(seen).toEqual(names);
    const bad = await request.get('/api/v1/matrix?limit=500');
    expect(bad.status()).toBe(400);
    expect(
      ((await bad.json()) as { error: { parameters: { parameter: string }[] } }).error.parameters[0]
        ?.parameter,
    ).toBe('limit');
  });
});
