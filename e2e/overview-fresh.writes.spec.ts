import { expect, test, type APIRequestContext, type Page, type Response } from '@playwright/test';
import { issueToken, queryOne } from './fixtures';
import { OverviewPage } from './pages/overview-page';
import { DEMO } from './pages/workspace';
import { expectedFigures } from './rollup-oracle';

/**
 * The overview is rendered for every visitor: after a publish through the API, a signed-out
 * visitor's reload shows the new figures, and the page's scripts run under its CSP nonce. Other
 * write specs run beside this one and may change the figures at any moment, so a comparison
 * reloads until the page and the oracle, read right after the page settled, agree.
 */

const VIEW = { kind: 'state' } as const;
const PATH = '/?kind=state';
const SUMMARY = '/api/v1/summary?kind=state';

/** Every script the HTML carries, but data blocks (JSON), has this response's nonce. */
async function expectScriptsUnderNonce(response: Response) {
  const nonce = /'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')?.[1];
  expect(nonce).toBeTruthy();
  const scripts = ((await response.text()).match(/<script\b[^>]*>/g) ?? []).filter(
    (tag) => !/\btype="application\/(ld\+)?json"/.test(tag),
  );
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
}

/** Reloads the view until it shows what the database holds right after it settled. */
async function expectCurrentFigures(page: Page) {
  const overview = new OverviewPage(page);
  await expect(async () => {
    const response = await page.reload();
    expect(response?.status()).toBe(200);
    await expectScriptsUnderNonce(response!);
    await overview.settled();
    await overview.expectFigures(expectedFigures(VIEW));
  }).toPass({ timeout: 120_000 });
}

/** The summary's ETag, once a revalidation with it answers 304 (no write came in between). */
async function revalidatedTag(request: APIRequestContext): Promise<string> {
  let tag = '';
  await expect(async () => {
    tag = (await request.get(SUMMARY)).headers()['etag'] ?? '';
    expect(tag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    const again = await request.get(SUMMARY, { headers: { 'If-None-Match': tag } });
    expect(again.status()).toBe(304);
    expect(await again.body()).toHaveLength(0);
  }).toPass({ timeout: 30_000 });
  return tag;
}

test.describe('the overview rendered for every visitor', () => {
  test.describe.configure({ timeout: 300_000 });

  test('a signed-out visitor reloading after a publish sees the new figures, scripts running under the nonce', async ({
    page,
    request,
  }) => {
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to (execute|load)/i.test(message.text()))
        blocked.push(message.text());
    });
    await page.goto(PATH);
    await expectCurrentFigures(page);
    const tagBefore = await revalidatedTag(request);

    // Aldoria's focal point publishes, through the API, the opposite of its current self-assessment of a commitment.
    const token = await issueToken(
      DEMO.aldoriaFocal.email,
      `e2e overview fresh ${Date.now().toString(36)}`,
    );
    const aldoria = queryOne<{ id: number }>(
      'SELECT id FROM actors WHERE name = ?',
      'Republic of Aldoria',
    ).id;
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
    const published = await request.post('/api/v1/entries', {
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      data: {
        idempotencyKey: `e2e-overview-fresh-${Date.now().toString(36)}`,
        commitment: code,
        subject: aldoria,
        status: current?.status === 'complete' ? 'not_started' : 'complete',
        asOf: new Date().toISOString().slice(0, 10),
        summary: 'Published while a visitor had the overview open',
        action: 'publish',
      },
    });
    expect(published.status()).toBe(201);
    // The publish moves the figures, so a page rendered before it could not pass for the one after.
    expect(expectedFigures(VIEW)).not.toEqual(before);
    await expectCurrentFigures(page);

    // The API's revalidation: the tag taken before the write no longer matches.
    const after = await request.get(SUMMARY, { headers: { 'If-None-Match': tagBefore } });
    expect(after.status()).toBe(200);
    expect(after.headers()['etag']).not.toBe(tagBefore);
    expect(blocked).toEqual([]);
  });
});
