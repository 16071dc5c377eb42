import { expect, test, type Page, type Response } from '@playwright/test';
import { issueToken, queryOne } from './fixtures';
import { OverviewPage } from './pages/overview-page';
import { DEMO, signIn } from './pages/workspace';
import { expectedFigures } from './rollup-oracle';

/**
 * The overview is kept between writes for visitors who are not signed in (lib/server/page-cache.ts):
 * a reload replays it, with a nonce of its own that the browser accepts, and a publish is on the
 * very next page anyone loads.
 */

const VIEW = { kind: 'state' } as const;
const PATH = '/?kind=state';

const nonceOf = (response: Response | null) => /'nonce-([^']+)'/.exec(response?.headers()['content-security-policy'] ?? '')?.[1];

/** Loads the view and checks it shows what the database holds, scripts running (the dashboard settles only once they do). */
async function visit(page: Page, load: () => Promise<Response | null>): Promise<Response> {
  const response = await load();
  expect(response?.status()).toBe(200);
  const overview = new OverviewPage(page);
  await expect(overview.heading).toBeVisible();
  await overview.settled();
  await overview.expectFigures(expectedFigures(VIEW));
  return response as Response;
}

test.describe('the overview kept for visitors who are not signed in', () => {
  test.describe.configure({ timeout: 180_000 });

  test('a reload is a replay with a fresh nonce; after a publish the next visitor sees the new figures', async ({ browser, baseURL }) => {
    const visitor = await browser.newContext();
    const page = await visitor.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) blocked.push(message.text());
    });

    const first = await visit(page, () => page.goto(PATH));
    const replayed = await visit(page, () => page.reload());
    expect(replayed.headers()['x-page-cache']).toBe('hit');
    expect(nonceOf(replayed)).toBeDefined();
    expect(nonceOf(replayed)).not.toBe(nonceOf(first));
    expect(replayed.headers()['x-request-id']).not.toBe(first.headers()['x-request-id']);

    // Aldoria's focal point publishes, through the API, the opposite of its current self-assessment of a commitment.
    const token = issueToken(DEMO.aldoriaFocal.email, `e2e page cache ${Date.now().toString(36)}`);
    const aldoria = queryOne<{ id: number }>('SELECT id FROM actors WHERE name = ?', 'Republic of Aldoria').id;
    const code = queryOne<{ code: string }>(
      `SELECT c.code FROM commitments c JOIN commitment_duty_bearers d ON d.commitment_id = c.id WHERE d.duty_bearer = 'states' AND c.archived_at IS NULL ORDER BY c.position LIMIT 1`,
    ).code;
    const current = queryOne<{ status: string } | undefined>(
      `SELECT e.status FROM progress_entries e JOIN commitments c ON c.id = e.commitment_id
        WHERE c.code = ? AND e.subject_id = ? AND e.state = 'published' AND e.perspective = 'self'
        ORDER BY e.as_of DESC, e.id DESC LIMIT 1`,
      code,
      aldoria,
    );
    const before = expectedFigures(VIEW);
    const published = await visitor.request.post(`${baseURL}/api/v1/entries`, {
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      data: {
        idempotencyKey: `e2e-page-cache-${Date.now().toString(36)}`,
        commitment: code,
        subject: aldoria,
        status: current?.status === 'complete' ? 'not_started' : 'complete',
        asOf: new Date().toISOString().slice(0, 10),
        summary: 'Published while the overview was kept',
        action: 'publish',
      },
    });
    expect(published.status()).toBe(201);
    expect(expectedFigures(VIEW)).not.toEqual(before);

    const after = await visit(page, () => page.reload());
    expect(after.headers()['x-page-cache']).toBe('miss');
    const replayedAfter = await visit(page, () => page.reload());
    expect(replayedAfter.headers()['x-page-cache']).toBe('hit');
    expect(blocked).toEqual([]);
    await visitor.close();
  });

  test('a signed-in visitor always gets a page rendered for them', async ({ page }) => {
    await signIn(page, DEMO.aldoriaFocal);
    const response = await page.goto(PATH);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['x-page-cache']).toBeUndefined();
    await expect(page.getByRole('heading', { level: 1, name: 'Implementation status' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Sign in', exact: true })).toHaveCount(0);
  });
});
