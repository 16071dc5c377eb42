import { expect, test } from '@playwright/test';
import { DEMO_NOTICE, expectNoAxeViolations, queryOne } from './fixtures';

// Paths are resolved inside each test: the database exists only once the server has started.
const firstCommitment = () =>
  `/commitments/${queryOne<{ code: string }>('SELECT code FROM commitments ORDER BY position LIMIT 1').code}`;
const busiestState = () =>
  `/actors/${queryOne<{ id: number }>(`SELECT subject_id AS id FROM progress_entries WHERE state = 'published' GROUP BY subject_id ORDER BY count(*) DESC LIMIT 1`).id}`;
const firstCso = () =>
  `/actors/${queryOne<{ id: number }>(`SELECT id FROM actors WHERE kind = 'cso' ORDER BY id LIMIT 1`).id}`;

const pages: [string, () => string][] = [
  ['overview', () => '/'],
  ['commitments list', () => '/commitments'],
  ['filtered commitments list', () => '/commitments?theme=trafficking&q=victims'],
  ['commitments list with a bad filter', () => '/commitments?theme=space'],
  ['commitment page', firstCommitment],
  ['actors list', () => '/actors'],
  ['filtered actors list', () => '/actors?kind=state'],
  ['state page', busiestState],
  ['civil society page', firstCso],
  ['change log', () => '/changes'],
  ['unknown commitment', () => '/commitments/NOPE-99'],
  ['unknown page', () => '/no-such-page'],
];

test.describe('every page', () => {
  // An axe scan of the overview (charts and a matrix of every actor and commitment) takes tens of seconds here.
  test.describe.configure({ timeout: 90_000 });
  for (const [name, path] of pages) {
    test(`the ${name} carries the demo notice and has no axe violations`, async ({ page }) => {
      await page.goto(path());
      await expect(page.getByText(DEMO_NOTICE)).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
});

test('the main navigation marks the current page and is usable by keyboard', async ({ page }) => {
  await page.goto('/commitments');
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Commitments' }),
  ).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
});

test('the change log shows publications, corrections and withdrawals with their reasons', async ({
  page,
}) => {
  await page.goto('/changes');
  const total = queryOne<{ n: number }>(
    `SELECT count(*) AS n FROM audit_log WHERE entity_type = 'progress_entry' AND action IN ('entry.publish', 'entry.supersede', 'entry.withdraw')`,
  ).n;
  await expect(page.getByText(`${total.toLocaleString('en')} results`)).toBeVisible();
  const withdrawn = queryOne<{ reason: string; id: number }>(
    `SELECT id, withdrawal_reason AS reason FROM progress_entries WHERE withdrawn_at IS NOT NULL ORDER BY withdrawn_at DESC LIMIT 1`,
  );
  const newer = queryOne<{ n: number }>(
    `SELECT count(*) AS n FROM audit_log WHERE entity_type = 'progress_entry' AND action IN ('entry.publish', 'entry.supersede', 'entry.withdraw')
     AND at > (SELECT at FROM audit_log WHERE action = 'entry.withdraw' AND entity_id = ?)`,
    String(withdrawn.id),
  ).n;
  await page.goto(`/changes?page=${Math.floor(newer / 50) + 1}`);
  await expect(page.getByText(`Withdrawn: ${withdrawn.reason}`)).toBeVisible();
});
