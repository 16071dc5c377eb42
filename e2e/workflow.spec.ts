import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations, queryOne } from './fixtures';
import { DEMO, EntryFormPage, queueCard, signIn } from './pages/workspace';

// These tests write to the shared e2e database; each uses its own unique summaries.
const unique = (label: string) =>
  `${label} ${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

const stateCommitment = () =>
  queryOne<{ code: string }>(
    `SELECT c.code FROM commitments c JOIN commitment_duty_bearers d ON d.commitment_id = c.id WHERE d.duty_bearer = 'states' ORDER BY c.position LIMIT 1 OFFSET 2`,
  ).code;
const actorId = (name: string) =>
  queryOne<{ id: number }>('SELECT id FROM actors WHERE name = ?', name).id;
const entryBySummary = (summary: string) =>
  queryOne<
    { id: number; state: string; perspective: string; return_note: string | null } | undefined
  >('SELECT id, state, perspective, return_note FROM progress_entries WHERE summary = ?', summary);

/** A page in its own browser context, as a second person at another computer (axe needs contexts). */
const personAt = async (browser: Browser) => (await browser.newContext()).newPage();
const closeAll = (...pages: Page[]) => Promise.all(pages.map((page) => page.context().close()));
// Newest as-of dates come first on public pages: use today's, so a new entry is on the first page.
const TODAY = new Date().toISOString().slice(0, 10);

/** Our alerts, not Next's route announcer (which also has role="alert"). */
const alertBox = (page: Page) => page.locator('[role="alert"]:not(#__next-route-announcer__)');

async function card(page: Page, summary: string) {
  return page.locator('li.card').filter({ hasText: summary });
}

/** The confirmation step every publication passes: it says publishing is permanent. */
async function publishPermanently(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: 'Publish permanently?' })).toBeVisible();
  await page.getByRole('button', { name: 'Publish permanently' }).click();
  await expect(page).toHaveURL(/[?&]published=\d+$/);
  await expect(page.getByText('Published.', { exact: true })).toBeVisible();
}

test.describe('logging progress', () => {
  test.describe.configure({ timeout: 90_000 });

  test('a contributor drafts, the focal point returns it, the contributor corrects and resubmits, the focal point publishes', async ({
    browser,
  }) => {
    test.setTimeout(180_000); // three people, nine page loads, one axe scan
    const code = stateCommitment();
    const summary = unique('Screening guidelines adopted');
    const contributor = await personAt(browser);
    await signIn(contributor, DEMO.aldoriaContributor);
    const form = new EntryFormPage(contributor);
    await form.open(`?commitment=${code}`);
    await expectNoAxeViolations(contributor);
    await form.fill({
      status: 'Substantial progress',
      asOf: TODAY,
      summary,
      narrative: 'Adopted by the interior ministry.',
      evidence: { url: 'https://example.org/guidelines', title: 'Guidelines' },
    });
    await form.save();
    await expect(contributor).toHaveURL(/\/entries\/mine\?saved=/);
    await (
      await card(contributor, summary)
    )
      .getByRole('button', { name: 'Submit for publication' })
      .click();
    await expect(contributor.getByText('Submitted to your focal point.')).toBeVisible();
    expect(entryBySummary(summary)?.state).toBe('submitted');

    const focal = await personAt(browser);
    await signIn(focal, DEMO.aldoriaFocal, '/entries/review');
    await (
      await queueCard(focal, summary)
    )
      .getByRole('link', { name: `Review: ${summary}` })
      .click();
    await focal.getByLabel('Note to the author').fill('Please add the decree number.');
    await focal.getByRole('button', { name: 'Return with this note' }).click();
    await expect(focal.getByText('Returned to its author with your note.')).toBeVisible();
    expect(entryBySummary(summary)).toMatchObject({
      state: 'returned',
      return_note: 'Please add the decree number.',
    });

    await contributor.goto('/entries/mine');
    const returned = await card(contributor, summary);
    await expect(returned).toContainText('Please add the decree number.');
    await returned.getByRole('link', { name: 'Edit' }).click();
    await expect(
      contributor.getByText('Returned by your focal point with this note'),
    ).toBeVisible();
    const corrected = `${summary} (decree 7/2026)`;
    await new EntryFormPage(contributor).fill({ summary: corrected });
    await new EntryFormPage(contributor).save('Save changes');
    await (
      await card(contributor, corrected)
    )
      .getByRole('button', { name: 'Submit for publication' })
      .click();
    await expect(contributor.getByText('Submitted to your focal point.')).toBeVisible();
    expect(entryBySummary(corrected)?.state).toBe('submitted');

    await focal.goto('/entries/review');
    await (
      await queueCard(focal, corrected)
    )
      .getByRole('link', { name: `Review: ${corrected}` })
      .click();
    await focal.getByRole('link', { name: 'Publish…' }).click();
    await publishPermanently(focal);
    expect(entryBySummary(corrected)?.state).toBe('published');

    const reader = await personAt(browser);
    await reader.goto(`/commitments/${code}`);
    await expect(reader.getByText(corrected)).toBeVisible();
    await reader.goto(`/actors/${actorId('Republic of Aldoria')}`);
    await expect(reader.getByText(corrected)).toBeVisible();
    await closeAll(contributor, focal, reader);
  });

  test('a civil-society member publishes an independent assessment of a state, shown beside its self-report', async ({
    page,
  }) => {
    const code = stateCommitment();
    const summary = unique('Monitoring finds limited implementation');
    await signIn(page, DEMO.bridgewellFocal);
    const form = new EntryFormPage(page);
    await form.open(`?commitment=${code}`);
    await form.fill({
      subject: 'Republic of Aldoria (independent assessment)',
      status: 'Limited progress',
      asOf: TODAY,
      summary,
      confidence: 'Medium',
    });
    await form.save();
    await (await card(page, summary)).getByRole('link', { name: 'Publish…' }).click();
    await publishPermanently(page);
    expect(entryBySummary(summary)).toMatchObject({
      state: 'published',
      perspective: 'independent',
    });
    await page.goto(`/actors/${actorId('Republic of Aldoria')}`);
    const row = page
      .locator('table.pair-table tbody tr')
      .filter({ has: page.getByRole('link', { name: new RegExp(`^${code} `) }) });
    await expect(row.locator('td').nth(1)).toContainText('Limited progress');
    await expect(row.locator('td').nth(1)).toContainText('Bridgewell');
  });

  test('a state delegate cannot log progress for another state, through the form or a forged request', async ({
    page,
  }) => {
    await signIn(page, DEMO.aldoriaFocal);
    const form = new EntryFormPage(page);
    await form.open(`?subject=${actorId('Kingdom of Bravonia')}`);
    const options = await page.getByLabel('About').locator('option').allTextContents();
    expect(options).toEqual(['Republic of Aldoria (self-report)']);

    // Forge the request: put another state, and a reporter, into the form the server receives.
    const summary = unique('Forged report');
    const forge = (withReporter: boolean) =>
      page.evaluate(
        ([bravonia, reporter]) => {
          const select = document.querySelector<HTMLSelectElement>('#subject');
          if (!select) throw new Error('no subject field');
          if (![...select.options].some((option) => option.value === String(bravonia)))
            select.add(new Option('Bravonia', String(bravonia)));
          select.value = String(bravonia);
          document.querySelector('input[name="reporter"]')?.remove();
          if (reporter) {
            const field = document.createElement('input');
            field.type = 'hidden';
            field.name = 'reporter';
            field.value = String(bravonia);
            select.form?.append(field);
          }
        },
        [actorId('Kingdom of Bravonia'), withReporter] as const,
      );
    await form.fill({
      commitment: stateCommitment(),
      status: 'Complete',
      asOf: '2026-01-01',
      summary,
    });
    await forge(true);
    await form.save();
    await expect(alertBox(page)).toContainText('reporter');
    expect(entryBySummary(summary)).toBeUndefined();

    await forge(false);
    await form.save();
    await expect(alertBox(page)).toContainText(/may not/);
    expect(entryBySummary(summary)).toBeUndefined();
  });

  test('bad input gets messages next to each field, keeps what was typed and writes nothing', async ({
    page,
  }) => {
    await signIn(page, DEMO.aldoriaContributor);
    const form = new EntryFormPage(page);
    await form.open();
    // This form's own content: other writing specs add entries at the same time.
    const written = () =>
      queryOne<{ n: number }>(
        `SELECT count(*) AS n FROM progress_entries WHERE narrative LIKE 'Kept narrative%'`,
      ).n;
    const before = written();
    await form.fill({
      asOf: '2031-01-01',
      summary: '',
      narrative: 'Kept narrative <script>window.__pwned = true</script>',
      evidence: { url: 'not a link', title: 'A title' },
    });
    await form.save();
    const summary = alertBox(page);
    await expect(summary).toContainText('Status');
    await expect(summary).toContainText('As of');
    await expect(summary).toContainText('Summary');
    await expect(page.locator('#asOf-error')).toContainText('cannot be in the future');
    await expect(page.getByLabel('Narrative')).toHaveValue(
      'Kept narrative <script>window.__pwned = true</script>',
    );
    await expect(page.getByLabel('Link 1: web address')).toHaveValue('not a link');
    expect(written()).toBe(before);
    await expectNoAxeViolations(page);
  });

  test('script tags in a narrative are shown as text, never run', async ({ page }) => {
    const summary = unique('Narrative with markup');
    await signIn(page, DEMO.aldoriaFocal);
    const form = new EntryFormPage(page);
    await form.open(`?commitment=${stateCommitment()}`);
    await form.fill({
      status: 'Limited progress',
      asOf: TODAY,
      summary,
      narrative:
        '<script>window.__pwned = true</script><img src=x onerror="window.__pwned = true">',
    });
    await form.save();
    await (await card(page, summary)).getByRole('link', { name: 'Publish…' }).click();
    await publishPermanently(page);
    expect(entryBySummary(summary)?.state).toBe('published');
    await page.goto(`/commitments/${stateCommitment()}`);
    await expect(page.getByText(summary)).toBeVisible();
    await expect(
      page.getByText('<script>window.__pwned = true</script>', { exact: false }),
    ).toBeVisible();
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned),
    ).toBeUndefined();
  });
});

test.describe('administration of entries', () => {
  test.describe.configure({ mode: 'serial', timeout: 90_000 });
  test('an admin withdraws a published entry with a reason shown publicly; others may not', async ({
    browser,
  }) => {
    const entry = queryOne<{ id: number; summary: string }>(
      `SELECT id, summary FROM progress_entries WHERE state = 'published' AND withdrawn_at IS NULL AND superseded_by_id IS NULL ORDER BY id DESC LIMIT 1 OFFSET 40`,
    );
    const focal = await personAt(browser);
    await signIn(focal, DEMO.aldoriaFocal);
    const refused = await focal.goto(`/admin/entries/${entry.id}/withdraw`);
    expect(refused?.status()).toBe(403);

    const admin = await personAt(browser);
    await signIn(admin, DEMO.admin, `/admin/entries/${entry.id}/withdraw`);
    await expectNoAxeViolations(admin);
    await admin.getByRole('button', { name: 'Withdraw' }).click();
    await expect(alertBox(admin)).toContainText('Reason: write why the entry is withdrawn');
    const reason = unique('Reported for the wrong commitment');
    await admin.getByLabel('Reason, shown publicly').fill(reason);
    await admin.getByRole('button', { name: 'Withdraw' }).click();
    await expect(admin).toHaveURL(/\/changes/);
    await expect(admin.getByText(`Withdrawn: ${reason}`)).toBeVisible();
    await closeAll(focal, admin);
  });

  test('the audit log is for admins, filterable, and records every step', async ({ browser }) => {
    const admin = await personAt(browser);
    await signIn(admin, DEMO.admin, '/admin/audit?action=entry.withdraw');
    await expect(admin.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    const withdrawals = queryOne<{ n: number }>(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'entry.withdraw'`,
    ).n;
    await expect(admin.getByText(`${withdrawals} write`)).toBeVisible();
    await expectNoAxeViolations(admin);
    const contributor = await personAt(browser);
    await signIn(contributor, DEMO.aldoriaContributor);
    expect((await contributor.goto('/admin/audit'))?.status()).toBe(403);
    await closeAll(admin, contributor);
  });

  test('signed-out visitors are sent to sign in from every workspace page', async ({ page }) => {
    for (const path of ['/entries/new', '/entries/mine', '/entries/review', '/admin/audit']) {
      await page.goto(path);
      await expect(page).toHaveURL(
        new RegExp(`/sign-in\\?next=${encodeURIComponent(path).replace(/\//g, '%2F')}`),
      );
    }
  });
});
