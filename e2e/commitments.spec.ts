import { expect, test, type Page } from '@playwright/test';
import { CommitmentsPage } from './pages/commitments-page';
import { DEMO_NOTICE, expectNoAxeViolations, queryAll, queryOne } from './fixtures';
import { isContested } from '../lib/rollup';
import type { StatusKey } from '../lib/status-scale';
import messages from '../lib/i18n/messages/en.json';

test.describe('commitments list', () => {
  test('lists every commitment of the report, in report order', async ({ page }) => {
    const list = new CommitmentsPage(page);
    await list.goto();
    const expected = queryAll<{ code: string }>(
      'SELECT code FROM commitments ORDER BY position',
    ).map((row) => row.code);
    expect(expected.length).toBeGreaterThanOrEqual(20);
    expect(await list.codes()).toEqual(expected);
    await expect(page.getByText(DEMO_NOTICE)).toBeVisible();
  });

  test('filters by theme and keeps the filter in the URL', async ({ page }) => {
    const list = new CommitmentsPage(page);
    await list.goto();
    await list.filter({ theme: 'Smuggling of migrants' });
    await expect(page).toHaveURL(/theme=smuggling(&|$)/);
    const expected = queryAll<{ code: string }>(
      `SELECT code FROM commitments WHERE theme = 'smuggling' ORDER BY position`,
    ).map((row) => row.code);
    expect(await list.codes()).toEqual(expected);
    await expect(page.getByLabel('Theme')).toHaveValue('smuggling');
  });

  test('filters by GCM objective, SDG target and duty-bearer together', async ({ page }) => {
    const list = new CommitmentsPage(page);
    await list.goto();
    await list.filter({ objective: '10', sdg: '8.7', dutyBearer: 'States' });
    const expected = queryAll<{ code: string }>(
      `SELECT c.code FROM commitments c
       WHERE EXISTS (SELECT 1 FROM commitment_objectives o WHERE o.commitment_id = c.id AND o.objective = 10)
         AND EXISTS (SELECT 1 FROM commitment_sdg_targets s WHERE s.commitment_id = c.id AND s.sdg_target = '8.7')
         AND EXISTS (SELECT 1 FROM commitment_duty_bearers d WHERE d.commitment_id = c.id AND d.duty_bearer = 'states')
       ORDER BY c.position`,
    ).map((row) => row.code);
    expect(expected.length).toBeGreaterThan(0);
    expect(await list.codes()).toEqual(expected);
  });

  test('searches the verbatim text', async ({ page }) => {
    const list = new CommitmentsPage(page);
    await list.goto();
    await list.filter({ search: 'criminalised' });
    const expected = queryAll<{ code: string }>(
      `SELECT code FROM commitments WHERE instr(lower(text), 'criminalised') > 0 OR instr(lower(title), 'criminalised') > 0 ORDER BY position`,
    ).map((row) => row.code);
    expect(expected.length).toBeGreaterThan(0);
    expect(await list.codes()).toEqual(expected);
  });

  test('pages a long list and keeps the filters on the next page', async ({ page }) => {
    const list = new CommitmentsPage(page);
    await list.goto('?theme=smuggling&limit=2');
    const expected = queryAll<{ code: string }>(
      `SELECT code FROM commitments WHERE theme = 'smuggling' ORDER BY position`,
    ).map((row) => row.code);
    expect(expected.length).toBeGreaterThan(2);
    expect(await list.codes()).toEqual(expected.slice(0, 2));
    await expect(page.getByText(`${expected.length} results`)).toBeVisible();
    await page.getByRole('link', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/theme=smuggling/);
    await expect(page).toHaveURL(/page=2/);
    await expect(list.results.locator('.code')).toHaveText(expected.slice(2, 4));
  });

  test('says so when nothing matches', async ({ page }) => {
    const list = new CommitmentsPage(page);
    await list.goto('?q=zzzz-no-such-words');
    await expect(page.getByText('No commitment matches these filters.')).toBeVisible();
    await expect(list.results).toHaveCount(0);
  });

  test('names the parameter of a bad filter in the URL instead of failing', async ({ page }) => {
    const list = new CommitmentsPage(page);
    await list.goto('?theme=space');
    await expect(
      page.getByRole('alert').filter({ hasText: 'Some filters could not be applied' }),
    ).toContainText('theme: must be one of');
    await expect(list.results).toHaveCount(0);
  });
});

test.describe('commitment page', () => {
  test('shows the verbatim text, its citation, tags and who it applies to', async ({ page }) => {
    const commitment = queryOne<{ code: string; title: string; text: string; paragraphs: string }>(
      `SELECT code, title, text, paragraphs FROM commitments ORDER BY position LIMIT 1 OFFSET 8`,
    );
    await page.goto(`/commitments/${commitment.code}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(commitment.title);
    await expect(page.locator('blockquote')).toContainText(commitment.text);
    await expect(page.locator('figcaption')).toContainText(commitment.paragraphs);
    await expect(page.getByText('Applies to', { exact: true })).toBeVisible();
    const objectives = queryAll<{ objective: number }>(
      `SELECT objective FROM commitment_objectives o JOIN commitments c ON c.id = o.commitment_id WHERE c.code = ?`,
      commitment.code,
    );
    for (const { objective } of objectives) {
      await expect(page.getByRole('link', { name: new RegExp(`^${objective}\\. `) })).toBeVisible();
    }
  });

  test('lists its published entries newest first, and none of the unpublished', async ({
    page,
  }) => {
    const busiest = queryOne<{ code: string; published: number }>(
      `SELECT c.code, count(*) AS published FROM progress_entries e JOIN commitments c ON c.id = e.commitment_id
       WHERE e.state = 'published' GROUP BY c.code ORDER BY published DESC LIMIT 1`,
    );
    await page.goto(`/commitments/${busiest.code}`);
    // The page lists the latest 20 and links to the rest in the entries API.
    expect(busiest.published).toBeGreaterThan(20);
    await expect(page.getByText('The latest 20; there are more.')).toBeVisible();
    await expect(page.locator('ol.card-list > li')).toHaveCount(20);
    await expect(page.getByRole('link', { name: /in the entries API/ })).toHaveAttribute(
      'href',
      `/api/v1/entries?commitment=${busiest.code}`,
    );
    const dates = await page
      .locator('ol.card-list > li')
      .evaluateAll((items) => items.map((item) => item.querySelector('strong')?.textContent ?? ''));
    const asOf = dates.map((text) => Date.parse(text.replace('As of ', '')));
    expect(asOf.length).toBeGreaterThan(1);
    expect([...asOf].sort((a, b) => b - a)).toEqual(asOf);
    const drafts = queryAll<{ summary: string }>(
      `SELECT summary FROM progress_entries e JOIN commitments c ON c.id = e.commitment_id WHERE c.code = ? AND e.state <> 'published'`,
      busiest.code,
    );
    for (const draft of drafts)
      await expect(page.getByText(draft.summary, { exact: true })).toHaveCount(0);
  });

  test('answers an unknown code with a not-found page', async ({ page }) => {
    const response = await page.goto('/commitments/NOPE-99');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'All commitments' })).toBeVisible();
  });
});

test.describe("a commitment's actors", () => {
  /** A commitment every actor is asked to act on, its actors by name as the table lists them. */
  const commitment = () => {
    const { id, code } = queryOne<{ id: number; code: string }>(
      `SELECT c.id, c.code FROM commitments c
       JOIN commitment_duty_bearers d ON d.commitment_id = c.id
       WHERE d.duty_bearer = 'all_stakeholders' ORDER BY c.position LIMIT 1`,
    );
    const actors = queryAll<{ id: number; name: string }>(
      `SELECT id, name FROM actors WHERE archived_at IS NULL ORDER BY name COLLATE NOCASE`,
    );
    expect(actors.length).toBeGreaterThan(15);
    return { id, code, actors, names: actors.map((actor) => actor.name) };
  };
  const rows = (page: Page) =>
    page.getByRole('table', { name: 'Status across actors', exact: true }).locator('tbody th a');
  const pages = (page: Page) => page.getByRole('navigation', { name: 'Pages of actors' });
  const search = (page: Page) => page.getByRole('search', { name: 'Find actors' });

  test('pages through the actors with the page in the URL, and back returns', async ({ page }) => {
    const { code, names } = commitment();
    await page.goto(`/commitments/${code}?limit=5`);
    await expect(rows(page)).toHaveText(names.slice(0, 5));
    await expect(page.getByText(`Actors 1 to 5 of ${names.length} matching`)).toBeVisible();
    await pages(page).getByRole('link', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/[?&]page=2(&|#|$)/);
    await expect(rows(page)).toHaveText(names.slice(5, 10));
    await expect(pages(page).getByRole('link', { name: /^Page 2 of/ })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await page.goBack();
    await expect(rows(page)).toHaveText(names.slice(0, 5));
    // A shared link opens the same page.
    const last = Math.ceil(names.length / 5);
    await page.goto(`/commitments/${code}?limit=5&page=${last}`);
    await expect(rows(page)).toHaveText(names.slice((last - 1) * 5));
  });

  test('searches the actors by name and keeps the search in the URL', async ({ page }) => {
    const { code, names } = commitment();
    const word = (names[7] ?? '').split(' ').find((part) => part.length > 4) ?? '';
    const expected = names.filter((name) => name.toLowerCase().includes(word.toLowerCase()));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(names.length);
    await page.goto(`/commitments/${code}`);
    await search(page).getByLabel('Actor name').fill(word);
    await search(page).getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(word)}(&|#|$)`));
    await expect(rows(page)).toHaveText(expected);
    await expect(search(page).getByLabel('Actor name')).toHaveValue(word);
    await page.goBack();
    await expect(rows(page)).toHaveCount(names.length);
  });

  test('filters by the independent status, no report included', async ({ page }) => {
    const { id, code } = commitment();
    const expected = queryAll<{ name: string }>(
      `SELECT name FROM actors a WHERE archived_at IS NULL AND NOT EXISTS (
         SELECT 1 FROM current_status s
         WHERE s.commitment_id = ? AND s.subject_id = a.id AND s.perspective = 'independent')
       ORDER BY name COLLATE NOCASE`,
      id,
    ).map((row) => row.name);
    expect(expected.length).toBeGreaterThan(0);
    await page.goto(`/commitments/${code}`);
    await search(page).getByLabel('Status', { exact: true }).selectOption({ label: 'No report' });
    await search(page).getByLabel('Status from').selectOption({ label: 'Independent assessment' });
    await search(page).getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/status=no_report/);
    await expect(rows(page)).toHaveText(expected);
    await expectNoAxeViolations(page);
  });

  test('sorts by the self-reported status, best first', async ({ page }) => {
    const { code, names } = commitment();
    await page.goto(`/commitments/${code}?sort=self&limit=100`);
    const order = [
      'Complete',
      'Substantial progress',
      'Limited progress',
      'Not started',
      'Regressed',
      'Unable to assess',
      'No report',
    ];
    await expect(rows(page)).toHaveCount(names.length);
    const statuses = await page
      .getByRole('table', { name: 'Status across actors', exact: true })
      .locator('tbody tr td:nth-child(2)')
      .evaluateAll((cells) =>
        cells.map((cell) => cell.querySelector('a, .no-report-text')?.textContent ?? ''),
      );
    const ranks = statuses.map((text) => order.findIndex((status) => text.endsWith(status)));
    expect(ranks).not.toContain(-1);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  test('sends only the page of actors it shows', async ({ request }) => {
    const { code, actors } = commitment();
    const html = await (await request.get(`/commitments/${code}?limit=5`)).text();
    // Actors of later pages that the latest entries do not name are nowhere in the page.
    const named = new Set(
      queryAll<{ id: number }>(
        `SELECT e.subject_id AS id FROM progress_entries e
         JOIN commitments c ON c.id = e.commitment_id
         WHERE c.code = ? AND e.state = 'published'
         ORDER BY e.as_of DESC, e.published_at DESC, e.id DESC LIMIT 20`,
        code,
      ).map((row) => row.id),
    );
    const hidden = actors.slice(5).filter((actor) => !named.has(actor.id));
    expect(hidden.length).toBeGreaterThan(0);
    for (const actor of hidden) expect(html).not.toContain(`/actors/${actor.id}"`);
    for (const actor of actors.slice(0, 5)) expect(html).toContain(`/actors/${actor.id}"`);
  });

  test('names a bad parameter and still shows the table', async ({ page }) => {
    const { code, names } = commitment();
    await page.goto(`/commitments/${code}?status=lost&sort=size`);
    const alert = page.getByRole('alert').filter({ hasText: 'Some filters could not be applied' });
    await expect(alert).toContainText('status: must be one of');
    await expect(alert).toContainText('sort: must be one of');
    await expect(rows(page)).toHaveCount(names.length);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the search and the page links still work', async ({ page }) => {
      const { code, names } = commitment();
      await page.goto(`/commitments/${code}?limit=5`);
      await pages(page).getByRole('link', { name: 'Next page' }).click();
      await expect(rows(page)).toHaveText(names.slice(5, 10));
      await search(page)
        .getByLabel('Actor name')
        .fill(names[12] ?? '');
      await search(page).getByRole('button', { name: 'Apply filters' }).click();
      await expect(rows(page)).toHaveText([names[12] ?? '']);
    });
  });
});

test.describe('a commitment page on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("shows a contested pair's self-report, assessment and mark without scrolling sideways", async ({
    page,
  }) => {
    const pair = queryAll<{ code: string; name: string; self: StatusKey; independent: StatusKey }>(
      `SELECT c.code, a.name, s.status AS self, i.status AS independent
       FROM current_status s
       JOIN current_status i ON i.commitment_id = s.commitment_id
         AND i.subject_id = s.subject_id AND i.perspective = 'independent'
       JOIN commitments c ON c.id = s.commitment_id
       JOIN actors a ON a.id = s.subject_id
       WHERE s.perspective = 'self' AND a.archived_at IS NULL AND c.archived_at IS NULL
       ORDER BY c.position, a.name`,
    ).find((row) => isContested(row.self, row.independent));
    if (!pair) throw new Error('the demo data has no contested pair');
    await page.goto(`/commitments/${pair.code}?q=${encodeURIComponent(pair.name)}`);
    const row = page
      .locator('#actors tbody tr')
      .filter({ has: page.getByRole('link', { name: pair.name, exact: true }) });
    await row.scrollIntoViewIfNeeded();
    const self = row.locator('td').nth(0).locator('.status-badge');
    const independent = row.locator('td').nth(1).locator('.status-badge');
    await expect(self).toContainText(messages.status[pair.self]);
    await expect(independent).toContainText(messages.status[pair.independent]);
    const shown = [self, independent, row.getByText('Contested', { exact: true })];
    for (const part of shown) {
      await expect(part).toBeInViewport({ ratio: 1 });
      const box = await part.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390, String(box?.x)).toBe(true);
    }
    // Nothing of the table is off to the side, to be scrolled to.
    const hidden = await page
      .locator('#actors .table-scroll')
      .evaluate((element) => element.scrollWidth - element.clientWidth);
    expect(hidden).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  });
});
