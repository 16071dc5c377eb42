import { expect, test } from '@playwright/test';
import { CommitmentsPage } from './pages/commitments-page';
import { DEMO_NOTICE, queryAll, queryOne } from './fixtures';

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
    await expect(page.getByText(`${busiest.published} results`)).toBeVisible();
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
