import { expect, test } from '@playwright/test';
import { ActorsPage } from './pages/actors-page';
import { DEMO_NOTICE, expectNoAxeViolations, queryAll, queryOne } from './fixtures';
import { actorDisplayName } from '../lib/actor-name';

test.describe('actors list', () => {
  test('lists every actor, fictitious ones marked', async ({ page }) => {
    const list = new ActorsPage(page);
    await list.goto();
    const total = queryOne<{ n: number }>('SELECT count(*) AS n FROM actors').n;
    await expect(list.rows).toHaveCount(total);
    await expect(page.getByText(DEMO_NOTICE)).toBeVisible();
  });

  test('filters by kind and by region, keeping both in the URL', async ({ page }) => {
    const list = new ActorsPage(page);
    await list.goto();
    const region = queryOne<{ region: string }>(
      `SELECT region FROM actors WHERE kind = 'state' AND region IS NOT NULL GROUP BY region ORDER BY count(*) DESC LIMIT 1`,
    ).region;
    await list.filter({ kind: 'State', region });
    await expect(page).toHaveURL(/kind=state/);
    await expect(page).toHaveURL(
      new RegExp(`region=${encodeURIComponent(region).replace(/%20/g, '(\\+|%20)')}`),
    );
    const expected = queryAll<{ name: string; shortName: string | null }>(
      `SELECT name, short_name AS shortName FROM actors WHERE kind = 'state' AND region = ? ORDER BY name COLLATE NOCASE`,
      region,
    ).map(actorDisplayName);
    expect(expected.length).toBeGreaterThan(0);
    expect(await list.names()).toEqual(expected);
  });

  test('searches by name', async ({ page }) => {
    const list = new ActorsPage(page);
    const actor = queryOne<{ name: string; shortName: string | null }>(
      `SELECT name, short_name AS shortName FROM actors WHERE kind = 'cso' ORDER BY id LIMIT 1`,
    );
    const word = actor.name.split(' ').find((part) => part.length > 4) ?? actor.name;
    await list.goto();
    await list.filter({ search: word });
    expect(await list.names()).toContain(actorDisplayName(actor));
  });

  test('pages through the actors by name, the page in the URL', async ({ page }) => {
    const list = new ActorsPage(page);
    const names = queryAll<{ name: string; shortName: string | null }>(
      `SELECT name, short_name AS shortName FROM actors WHERE archived_at IS NULL
       ORDER BY name COLLATE NOCASE, id`,
    ).map(actorDisplayName);
    await list.goto('?limit=5');
    expect(await list.names()).toEqual(names.slice(0, 5));
    await page
      .getByRole('navigation', { name: 'Pagination' })
      .getByRole('link', { name: 'Next page' })
      .click();
    await expect(page).toHaveURL(/page=2/);
    await expect(list.rows.locator('th a')).toHaveText(names.slice(5, 10));
    await expect(page.getByText(`${names.length} results`)).toBeVisible();
    await page.goBack();
    await expect(list.rows.locator('th a')).toHaveText(names.slice(0, 5));
  });

  test('says so when nothing matches', async ({ page }) => {
    const list = new ActorsPage(page);
    await list.goto('?q=zzzz-nobody');
    await expect(page.getByText('No actor matches these filters.')).toBeVisible();
  });
});

test.describe('actor page', () => {
  test('shows a state with its self-reports and the independent assessments of it', async ({
    page,
  }) => {
    const state = queryOne<{
      id: number;
      name: string;
      shortName: string | null;
      published: number;
    }>(
      `SELECT a.id, a.name, a.short_name AS shortName, count(*) AS published FROM actors a JOIN progress_entries e ON e.subject_id = a.id
       WHERE a.kind = 'state' AND e.state = 'published' GROUP BY a.id
       HAVING sum(e.perspective = 'independent') > 0 ORDER BY published DESC LIMIT 1`,
    );
    await page.goto(`/actors/${state.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(actorDisplayName(state));
    // The latest 20, and a link to every one in the entries API.
    expect(state.published).toBeGreaterThan(20);
    await expect(page.getByText('The latest 20; there are more.')).toBeVisible();
    await expect(page.getByRole('link', { name: /in the entries API/ })).toHaveAttribute(
      'href',
      `/api/v1/entries?subject=${state.id}`,
    );
    const firstPage = queryAll<{ perspective: string; summary: string }>(
      `SELECT perspective, summary FROM progress_entries WHERE subject_id = ? AND state = 'published'
       ORDER BY as_of DESC, published_at DESC, id DESC LIMIT 20`,
      state.id,
    );
    const entries = page.locator('ol.card-list > li');
    await expect(entries).toHaveCount(firstPage.length);
    await expect(
      entries.locator('.perspective').filter({ hasText: /^Self-report by / }),
    ).toHaveCount(firstPage.filter((entry) => entry.perspective === 'self').length);
    await expect(
      entries.locator('.perspective').filter({ hasText: /^Independent assessment of / }),
    ).toHaveCount(firstPage.filter((entry) => entry.perspective === 'independent').length);
    await expect(entries.first()).toContainText(firstPage[0]?.summary ?? '');
  });

  test('shows the assessments a civil society organisation has published', async ({ page }) => {
    const cso = queryOne<{ id: number; name: string }>(
      `SELECT a.id, a.name FROM actors a JOIN progress_entries e ON e.reporter_id = a.id
       WHERE a.kind = 'cso' AND e.state = 'published' AND e.perspective = 'independent' GROUP BY a.id LIMIT 1`,
    );
    await page.goto(`/actors/${cso.id}`);
    await expect(
      page.getByRole('heading', { name: `Independent assessments by ${cso.name}` }),
    ).toBeVisible();
  });

  test('lists its status on every commitment that applies, in one table', async ({ page }) => {
    const state = queryOne<{ id: number; applies: number }>(
      `SELECT a.id, (SELECT count(DISTINCT c.id) FROM commitments c
         JOIN commitment_duty_bearers d ON d.commitment_id = c.id
         WHERE c.archived_at IS NULL AND d.duty_bearer IN ('states', 'all_stakeholders')) AS applies
       FROM actors a WHERE a.kind = 'state' ORDER BY a.id LIMIT 1`,
    );
    await page.goto(`/actors/${state.id}`);
    await expect(
      page.getByRole('table', { name: 'Status per commitment', exact: true }).locator('tbody tr'),
    ).toHaveCount(state.applies);
    await expectNoAxeViolations(page);
  });

  test('answers an unknown or malformed id with a not-found page', async ({ page }) => {
    for (const id of ['999999', 'abc']) {
      const response = await page.goto(`/actors/${id}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('link', { name: 'All actors' })).toBeVisible();
    }
  });
});
