import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
  type Browser,
  type Page,
} from '@playwright/test';
import { expectNoAxeViolations, issueToken, queryOne } from './fixtures';
import { DEMO, queueCard, signIn } from './pages/workspace';

/**
 * The review before publishing: a focal point reads the whole entry (and, for a correction, what it
 * changes) and what publishing does to the pair's status, then confirms on a page that says it is
 * permanent. Also: no page says what a link's URL tells it to.
 */

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const unique = (label: string) => `${label} ${run}`;
const TODAY = new Date().toISOString().slice(0, 10);

const actorId = (name: string) =>
  queryOne<{ id: number }>('SELECT id FROM actors WHERE name = ?', name).id;
const userName = (email: string) =>
  queryOne<{ name: string }>('SELECT name FROM users WHERE email = ?', email).name;
const entryRow = (id: number) =>
  queryOne<{ state: string; superseded_by_id: number | null; return_note: string | null }>(
    'SELECT state, superseded_by_id, return_note FROM progress_entries WHERE id = ?',
    id,
  );

/** Aldoria's current self-report on a live commitment that nothing corrects yet: the entry a correction supersedes. */
const correctable = (aldoria: number) =>
  queryOne<{ id: number; code: string; text: string; status: string; summary: string }>(
    `SELECT e.id, c.code, c.text, e.status, e.summary FROM progress_entries e JOIN commitments c ON c.id = e.commitment_id
       JOIN current_status s ON s.entry_id = e.id AND s.perspective = 'self'
     WHERE e.reporter_id = ? AND e.subject_id = ? AND e.state = 'published' AND e.withdrawn_at IS NULL AND e.superseded_by_id IS NULL
       AND c.archived_at IS NULL AND NOT EXISTS (SELECT 1 FROM progress_entries p WHERE p.supersedes_id = e.id)
     ORDER BY e.id LIMIT 1 OFFSET 3`,
    aldoria,
    aldoria,
  );

const personAt = async (browser: Browser) => (await browser.newContext()).newPage();
/** Our alerts, not Next's route announcer (which also has role="alert"). */
const alertBox = (page: Page) => page.locator('[role="alert"]:not(#__next-route-announcer__)');
/** The term of a field in the entry under review (the first list of fields on the page). */
const term = (page: Page, name: string) =>
  page
    .locator('dl.entry-detail')
    .first()
    .locator('dt')
    .filter({ hasText: new RegExp(`^${name}`) });

test.describe('reviewing before publishing', () => {
  test.describe.configure({ mode: 'serial', timeout: 180_000 });

  let api: APIRequestContext;
  let contributorToken: string;
  const aldoria = () => actorId('Republic of Aldoria');

  /** An entry the Aldoria contributor submits through the API, as their focal point's queue receives it. */
  async function submitted(overrides: Record<string, unknown>): Promise<number> {
    const response = await api.post('/api/v1/entries', {
      headers: { Authorization: `Bearer ${contributorToken}`, 'Content-Type': 'application/json' },
      data: JSON.stringify({
        idempotencyKey: `e2e-review-${run}-${Math.random().toString(36).slice(2, 10)}`,
        subject: aldoria(),
        action: 'submit',
        ...overrides,
      }),
    });
    expect(response.status(), await response.text()).toBe(201);
    return ((await response.json()) as { entry: { id: number } }).entry.id;
  }

  test.beforeAll(async ({ baseURL }) => {
    test.setTimeout(120_000);
    api = await playwrightRequest.newContext({ baseURL });
    contributorToken = await issueToken(DEMO.aldoriaContributor.email, `e2e review ${run}`);
  });

  test.afterAll(async () => {
    await api.dispose();
  });

  test('a focal point reads the whole correction, what it changes and what publishing does, confirms, and publishes', async ({
    browser,
  }) => {
    const original = correctable(aldoria());
    const summary = unique('Referral guidelines adopted nationwide');
    const narrative = `Adopted by decree 12/2026.\nApplied in every region since ${TODAY}.`;
    const adverse = unique('Screening delayed access to asylum for some arrivals');
    const id = await submitted({
      commitment: original.code,
      supersedes: original.id,
      status: original.status === 'complete' ? 'limited' : 'complete',
      asOf: TODAY,
      summary,
      narrative,
      measures: ['legislation', 'budget'],
      evidence: [
        {
          url: 'https://example.org/decree-12',
          title: unique('Decree 12/2026'),
          relation: 'supports',
        },
        {
          url: 'https://example.org/ngo-report',
          title: unique('NGO monitoring report'),
          relation: 'contradicts',
        },
      ],
      adverseEffects: true,
      adverseEffectsDescription: adverse,
    });

    const focal = await personAt(browser);
    await signIn(focal, DEMO.aldoriaFocal, '/entries/review');
    const card = await queueCard(focal, summary);
    await expect(card).toContainText(`Submitted by ${userName(DEMO.aldoriaContributor.email)} on`);
    await expect(card).toContainText(`Corrects entry ${original.id}`);
    await expect(card).toContainText('Adverse effects reported');
    await expectNoAxeViolations(focal);
    await card.getByRole('link', { name: `Review: ${summary}` }).click();

    await expect(focal).toHaveURL(new RegExp(`/entries/${id}/review$`));
    await expect(
      focal.getByRole('heading', { level: 1, name: 'Review before publishing' }),
    ).toBeVisible();
    const entry = focal.locator('dl.entry-detail').first();
    await expect(entry.getByLabel("The source's own words")).toContainText(original.text);
    await expect(entry).toContainText(summary);
    await expect(entry).toContainText('Adopted by decree 12/2026.');
    await expect(entry).toContainText('Legislation');
    await expect(entry).toContainText('Budget');
    await expect(entry).toContainText('Decree 12/2026');
    await expect(entry).toContainText('https://example.org/ngo-report');
    await expect(entry).toContainText('contradicts the claim');
    await expect(entry).toContainText(adverse);
    await expect(entry).toContainText('Not asked: a self-report');
    await expect(entry).toContainText(userName(DEMO.aldoriaContributor.email));
    await expect(entry.locator('dd').filter({ hasText: '(UTC)' }).first()).toBeVisible();
    // The changed fields are marked in words, in the correction and in the entry it corrects.
    for (const field of ['Status', 'Summary', 'Adverse effects on rights'])
      await expect(term(focal, field)).toContainText('Changed');
    await expect(focal.getByText(/^Changed: .*Status.*Summary/)).toBeVisible();
    await expect(
      focal.getByRole('heading', { name: 'The published entry it corrects' }),
    ).toBeVisible();
    await expect(focal.locator('dl.entry-detail').nth(1)).toContainText(original.summary);
    const selfRow = focal.getByRole('row', { name: /^Self-reported/ });
    await expect(selfRow).toContainText('Changes: this entry becomes the current status.');
    await expect(selfRow).toContainText(`entry ${original.id}`);
    await expect(focal.getByRole('row', { name: /^Independent/ })).toContainText('Unchanged.');
    await expectNoAxeViolations(focal);

    // Publish leads to a confirmation that says it is permanent; going back publishes nothing.
    await focal.getByRole('link', { name: 'Publish…' }).click();
    await expect(focal).toHaveURL(new RegExp(`/entries/${id}/publish$`));
    await expect(
      focal.getByRole('heading', { level: 1, name: 'Publish permanently?' }),
    ).toBeVisible();
    await expect(focal.getByText('Publishing is permanent.')).toBeVisible();
    await expect(focal.getByText(`It supersedes entry ${original.id}`)).toBeVisible();
    await expectNoAxeViolations(focal);
    await focal.getByRole('link', { name: 'Back to review' }).click();
    await expect(focal).toHaveURL(new RegExp(`/entries/${id}/review$`));
    expect(entryRow(id).state).toBe('submitted');

    await focal.getByRole('link', { name: 'Publish…' }).click();
    await focal.getByRole('button', { name: 'Publish permanently' }).click();
    await expect(focal).toHaveURL(new RegExp(`/entries/review\\?published=${id}$`));
    await expect(focal.getByText('Published.', { exact: true })).toBeVisible();
    expect(entryRow(id).state).toBe('published');
    expect(entryRow(original.id).superseded_by_id).toBe(id);
    await focal.context().close();

    // What was reviewed is what anyone now reads on the entry's public page.
    const visitor = await personAt(browser);
    await visitor.goto(`/entries/${id}`);
    const page = visitor.locator('dl.entry-detail').first();
    await expect(page).toContainText(summary);
    await expect(
      page.locator('.user-text').filter({ hasText: 'Adopted by decree 12/2026.' }),
    ).toContainText(`Applied in every region since ${TODAY}.`);
    for (const text of [
      'Legislation',
      'Budget',
      'Decree 12/2026',
      'https://example.org/ngo-report',
      'contradicts the claim',
      adverse,
    ])
      await expect(page).toContainText(text);
    await expect(visitor.getByRole('link', { name: `entry ${original.id}` }).first()).toBeVisible();
    await expect(visitor.getByText(userName(DEMO.aldoriaContributor.email))).toHaveCount(0);
    await visitor.context().close();
  });

  test('publishing without the confirmation, or after the entry changed, publishes nothing', async ({
    browser,
  }) => {
    const summary = unique('Unconfirmed publication');
    const id = await submitted({
      commitment: correctable(aldoria()).code,
      status: 'limited',
      asOf: TODAY,
      summary,
    });
    const focal = await personAt(browser);
    await signIn(focal, DEMO.aldoriaFocal, `/entries/${id}/publish`);

    // A publish form without the confirmation (as a one-click button elsewhere would send) lands on the confirmation.
    // Edited after hydration: before it, React puts back what the test took out of the form.
    await expect(focal.locator('html')).toHaveAttribute('data-hydrated', /\d/);
    await focal.locator('input[name="confirmed"]').evaluate((input) => input.remove());
    const posted = focal.waitForResponse((response) => response.request().method() === 'POST');
    await focal.getByRole('button', { name: 'Publish permanently' }).click();
    await posted;
    await expect(focal).toHaveURL(new RegExp(`/entries/${id}/publish$`));
    expect(entryRow(id).state).toBe('submitted');

    // Confirmed for another version of the entry than the current one: refused, said in the catalogue's words.
    await focal.goto(`/entries/${id}/publish`);
    await expect(focal.locator('html')).toHaveAttribute('data-hydrated', /\d/);
    await focal
      .locator('input[name="version"]')
      .evaluate((input) => ((input as HTMLInputElement).value = '2020-01-01T00:00:00.000Z'));
    await focal.getByRole('button', { name: 'Publish permanently' }).click();
    await expect(alertBox(focal)).toContainText(
      'Not published: the entry changed after this page was opened.',
    );
    expect(entryRow(id).state).toBe('submitted');
    await focal.context().close();
  });

  test('a focal point returns an entry with a note from its review page; an empty note is refused by name', async ({
    browser,
  }) => {
    const summary = unique('Entry to return');
    const id = await submitted({
      commitment: correctable(aldoria()).code,
      status: 'limited',
      asOf: TODAY,
      summary,
    });
    const focal = await personAt(browser);
    await signIn(focal, DEMO.aldoriaFocal, `/entries/${id}/review`);
    // Past the browser's own check, the server still refuses an empty note.
    await focal
      .getByLabel('Note to the author')
      .evaluate((field) => field.removeAttribute('required'));
    await focal.getByRole('button', { name: 'Return with this note' }).click();
    await expect(focal).toHaveURL(new RegExp(`/entries/${id}/review\\?error=invalid_note$`));
    await expect(alertBox(focal)).toContainText('Not returned: write a note to the author');
    expect(entryRow(id).state).toBe('submitted');
    await focal.getByLabel('Note to the author').fill('Please name the decree.');
    await focal.getByRole('button', { name: 'Return with this note' }).click();
    await expect(focal.getByText('Returned to its author with your note.')).toBeVisible();
    expect(entryRow(id)).toMatchObject({
      state: 'returned',
      return_note: 'Please name the decree.',
    });
    await focal.context().close();
  });

  test("another actor's focal point cannot open the review or the confirmation of an unpublished entry", async ({
    browser,
  }) => {
    const id = await submitted({
      commitment: correctable(aldoria()).code,
      status: 'limited',
      asOf: TODAY,
      summary: unique('Not for Bravonia'),
    });
    const other = await personAt(browser);
    await signIn(other, DEMO.bravoniaFocal);
    for (const page of ['review', 'publish'])
      expect((await other.goto(`/entries/${id}/${page}`))?.status()).toBe(404);
    await other.context().close();
  });

  test('a long queue is paged: page 1, then "Next page" with the page in the URL, and back', async ({
    browser,
  }) => {
    // Enough waiting entries for a second page of 50, sent as one batch by a token of its own.
    const waiting = () =>
      queryOne<{ n: number }>(
        `SELECT count(*) AS n FROM progress_entries WHERE reporter_id = ? AND state = 'submitted'`,
        aldoria(),
      ).n;
    const missing = Math.max(0, 60 - waiting());
    if (missing > 0) {
      const token = await issueToken(DEMO.aldoriaContributor.email, `e2e review paging ${run}`);
      const commitment = correctable(aldoria()).code;
      const response = await api.post('/api/v1/entries/batch', {
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        data: JSON.stringify({
          entries: Array.from({ length: missing }, (_, i) => ({
            idempotencyKey: `e2e-review-paging-${run}-${i}`,
            commitment,
            subject: aldoria(),
            status: 'limited',
            asOf: TODAY,
            summary: unique(`Queued entry ${i}`),
            action: 'submit',
          })),
        }),
      });
      expect(response.status(), await response.text()).toBe(201);
    }

    const focal = await personAt(browser);
    await signIn(focal, DEMO.aldoriaFocal, '/entries/review');
    const cards = focal.getByRole('main').locator('li.card');
    const nav = focal.getByRole('navigation', { name: 'Pagination' });
    await expect(cards).toHaveCount(50);
    await expect(focal.getByRole('main')).toContainText(/\d+ entries wait for review\./);
    await expect(nav.locator('[aria-current="page"]')).toHaveText(/^Page 1 of \d+$/);
    await expect(nav.getByRole('link', { name: 'Previous page' })).toHaveCount(0);
    const firstOnPage1 = await cards.first().getByRole('link').getAttribute('href');

    await nav.getByRole('link', { name: 'Next page' }).click();
    await expect(focal).toHaveURL(/\/entries\/review\?page=2$/);
    await expect(nav.locator('[aria-current="page"]')).toHaveText(/^Page 2 of \d+$/);
    expect(await cards.count()).toBeGreaterThan(0);
    // No entry is on both pages.
    await expect(focal.getByRole('main').locator(`a[href="${firstOnPage1}"]`)).toHaveCount(0);
    await expectNoAxeViolations(focal);

    await focal.goBack();
    await expect(focal).toHaveURL(/\/entries\/review$/);
    await expect(cards).toHaveCount(50);

    // The same page without JavaScript, opened from its URL by the same signed-in person.
    const storageState = await focal.context().storageState();
    const plain = await (
      await browser.newContext({ javaScriptEnabled: false, storageState })
    ).newPage();
    await plain.goto('/entries/review?page=2');
    await expect(
      plain.getByRole('navigation', { name: 'Pagination' }).locator('[aria-current="page"]'),
    ).toHaveText(/^Page 2 of \d+$/);
    await Promise.all([focal.context().close(), plain.context().close()]);
  });
});

test.describe('notices after a redirect', () => {
  test("text in the URL is never shown as the site's message; a known code shows the catalogue's", async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const planted = 'Your account is suspended';
    const focal = await personAt(browser);
    await signIn(focal, DEMO.aldoriaFocal);
    for (const path of [
      `/entries/mine?error=${encodeURIComponent(planted)}`,
      `/entries/review?error=${encodeURIComponent(planted)}`,
      `/entries/mine?error=constructor`,
    ]) {
      await focal.goto(path);
      await expect(focal.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(focal.locator('main')).not.toContainText(planted);
      await expect(alertBox(focal)).toHaveCount(0);
    }
    await focal.goto('/entries/mine?error=forbidden');
    await expect(alertBox(focal)).toHaveText(
      'Not done: your account may not do this with this entry.',
    );

    const admin = await personAt(browser);
    await signIn(admin, DEMO.admin, '/admin/actors');
    const published = queryOne<{ id: number }>(
      `SELECT id FROM progress_entries WHERE state = 'published' AND withdrawn_at IS NULL ORDER BY id LIMIT 1`,
    ).id;
    for (const path of [
      `/admin/actors?error=${encodeURIComponent(planted)}`,
      `/admin/actors?created=${encodeURIComponent(planted)}`,
      `/admin/sources?saved=${encodeURIComponent(planted)}`,
      `/admin/commitments?error=${encodeURIComponent(planted)}`,
      `/admin/users?error=constructor`,
      `/admin/entries/${published}/withdraw?error=${encodeURIComponent(planted)}`,
    ]) {
      await admin.goto(path);
      await expect(admin.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(admin.locator('main')).not.toContainText(planted);
      await expect(alertBox(admin)).toHaveCount(0);
    }
    await admin.goto('/admin/actors?error=already_archived');
    await expect(alertBox(admin)).toHaveText('Not done: it is already archived.');
    await Promise.all([focal.context().close(), admin.context().close()]);
  });
});
