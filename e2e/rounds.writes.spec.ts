import { test, type Page } from '@playwright/test';
import { expectNoAxeViolations, queryAll, queryOne } from './fixtures';
import { SignInPage, newPerson } from './pages/auth';
import { AdminFormPage, AdminListPage, expect } from './pages/admin';
import { DEMO } from './pages/workspace';

/**
 * Reporting rounds (docs/design.md#reporting-rounds): the secretariat defines a round on the admin
 * screens, through the same rules and audit as every admin write, and anyone reads who has
 * reported on the round's public page.
 */
const title = `Regional review ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
// Rounds of this spec's title only: the other tests of the file define rounds at the same time.
const rounds = () =>
  queryOne<{ n: number }>('SELECT count(*) AS n FROM reporting_rounds WHERE title = ?', title).n;

async function signedIn(
  browser: Parameters<typeof newPerson>[0],
  account: { email: string; password: string },
  next: string,
): Promise<Page> {
  const page = await newPerson(browser);
  const signIn = new SignInPage(page);
  await signIn.goto(next);
  await signIn.attempt(account.email, account.password);
  await expect(page).toHaveURL(new RegExp(`${next}$`));
  return page;
}

test.describe('reporting rounds', () => {
  test.describe.configure({ timeout: 480_000 });

  test('an admin defines a round; its public page shows who has reported', async ({ browser }) => {
    const admin = await signedIn(browser, DEMO.admin, '/admin/rounds');
    const list = new AdminListPage(admin, '/admin/rounds', 'Reporting rounds');
    await expect(list.heading).toBeVisible();
    await expectNoAxeViolations(admin);

    await admin.getByRole('link', { name: 'Define a reporting round' }).click();
    await expect(
      admin.getByRole('heading', { level: 1, name: 'Define a reporting round' }),
    ).toBeVisible();
    await expectNoAxeViolations(admin);

    // Bad input: each message names its field, what was typed stays, nothing is written.
    const before = rounds();
    const form = new AdminFormPage(admin);
    await form.fill({ Title: title, 'Opens on': '2026-09-01', 'Due on': '2026-08-01' });
    await form.save('Define round');
    await expect(form.errorSummary).toContainText('Due on: must not be before the opening date');
    await expect(form.errorSummary).toContainText(
      'Commitments covered: must name at least one commitment',
    );
    await expect(form.field('Title')).toHaveValue(title);
    expect(rounds()).toBe(before);

    await form.fill({
      'Opens on': '2026-01-01',
      'Due on': '2026-12-31',
      Asks: 'The states of one region',
      Region: 'Europe',
    });
    await form.tick('Commitments covered', ['TIP-01', 'SMG-01']);
    await form.save('Define round');
    await expect(
      admin.getByRole('status').filter({ hasText: `${title} was defined.` }),
    ).toBeVisible();
    const created = queryOne<{ id: number }>(
      'SELECT id FROM reporting_rounds WHERE title = ?',
      title,
    ).id;
    expect(
      queryOne<{ n: number }>(
        `SELECT count(*) AS n FROM audit_log WHERE action = 'round.create' AND entity_id = ?`,
        String(created),
      ).n,
    ).toBe(1);

    // Anyone, signed in or not, reads the round from the public list.
    const visitor = await newPerson(browser);
    await visitor.goto('/changes');
    await visitor.getByRole('contentinfo').getByRole('link', { name: 'Reporting rounds' }).click();
    await expect(
      visitor.getByRole('heading', { level: 1, name: 'Reporting rounds' }),
    ).toBeVisible();
    await expectNoAxeViolations(visitor);
    await visitor.getByRole('link', { name: title, exact: true }).click();
    await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const table = visitor.getByRole('table', { name: 'Who has reported' });
    await expect(table.getByRole('columnheader', { name: 'TIP-01' })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'SMG-01' })).toBeVisible();
    // It asks Europe's states only, each with a status in words as well as a symbol.
    const aldoria = table.getByRole('row').filter({ hasText: 'Republic of Aldoria' });
    await expect(aldoria.getByRole('cell')).toHaveCount(2);
    await expect(aldoria.getByRole('cell').first()).toHaveText(/Reported|In progress|Not yet/);
    // The symbol is the mark's generated content, drawn from its class.
    const symbol = await aldoria
      .getByRole('cell')
      .first()
      .locator('.completion-mark')
      .evaluate((mark) => getComputedStyle(mark, '::before').content);
    expect(symbol).toMatch(/[✓…○!]/);
    // Each column's header leads to its commitment.
    await expect(table.getByRole('link', { name: 'TIP-01', exact: true })).toHaveAttribute(
      'href',
      '/commitments/TIP-01',
    );
    await expect(table.getByRole('row').filter({ hasText: 'Dalmarra' })).toHaveCount(0);
    await expectNoAxeViolations(visitor);

    // The chart by region, and the table behind it.
    await visitor.getByRole('link', { name: 'By region' }).click();
    await expect(visitor.getByRole('heading', { name: 'Completion by region' })).toBeVisible();
    await visitor.getByText('Show the figures as a table').click();
    const figures = visitor.getByRole('table', { name: 'Completion by region' });
    await expect(figures.getByRole('rowheader', { name: 'Europe' })).toBeVisible();
    await expectNoAxeViolations(visitor);

    // The demo's open round, past its due date: reported, in progress and overdue side by side.
    const open = queryOne<{ id: number }>(
      `SELECT id FROM reporting_rounds WHERE closed_at IS NULL AND title LIKE 'Review for%'`,
    ).id;
    await visitor.goto(`/rounds/${open}`);
    const demoTable = visitor.getByRole('table', { name: 'Who has reported' });
    for (const status of ['Reported', 'In progress', 'Overdue'])
      await expect(demoTable.getByText(status, { exact: true }).first()).toBeAttached();
    await expectNoAxeViolations(visitor);

    const api = await visitor.request.get(`/api/v1/rounds/${created}`);
    expect(api.status()).toBe(200);
    const body = (await api.json()) as { round: { title: string }; completion: { cells: [] } };
    expect(body.round.title).toBe(title);
    expect(body.completion.cells.length).toBeGreaterThan(0);
  });

  test('a round of many commitments shows its table a page of commitments at a time', async ({
    browser,
  }) => {
    const admin = await signedIn(browser, DEMO.admin, '/admin/rounds/new');
    const codes = queryAll<{ code: string }>(
      'SELECT code FROM commitments WHERE archived_at IS NULL ORDER BY position',
    ).map((row) => row.code);
    expect(codes.length).toBeGreaterThan(15);
    const wide = `${title} of every commitment`;
    const form = new AdminFormPage(admin);
    await form.fill({ Title: wide, 'Opens on': '2026-01-01', 'Due on': '2026-12-31' });
    await form.tick('Commitments covered', codes);
    await form.save('Define round');
    await expect(
      admin.getByRole('status').filter({ hasText: `${wide} was defined.` }),
    ).toBeVisible();
    const id = queryOne<{ id: number }>('SELECT id FROM reporting_rounds WHERE title = ?', wide).id;

    const visitor = await newPerson(browser);
    await visitor.goto(`/rounds/${id}`);
    const table = visitor.getByRole('table', { name: 'Who has reported' });
    const headers = table.getByRole('columnheader');
    // The actor column and the first 15 commitments, whatever the round's size.
    await expect(headers).toHaveCount(16);
    await expect(headers.nth(1)).toHaveText(codes[0]!);
    await expect(visitor.locator('#completion-table-showing')).toContainText(
      `commitments 1 to 15 of ${codes.length}`,
    );
    await expectNoAxeViolations(visitor);
    await visitor
      .getByRole('navigation', { name: 'Pages of commitments' })
      .getByRole('link', { name: 'Next commitments' })
      .click();
    await expect(headers.nth(1)).toHaveText(codes[15]!);
    await expect(visitor).toHaveURL(/columns=2/);
    // The chart by commitment shows the same page of commitments, and keeps it.
    await visitor.getByRole('link', { name: 'By commitment' }).click();
    await expect(visitor).toHaveURL(/by=commitment.*columns=2/);
    await visitor.getByText('Show the figures as a table').click();
    const figures = visitor.getByRole('table', { name: 'Completion by commitment' });
    // Only the page's commitments that apply to states have a row.
    const pageCodes = codes.slice(15, 30);
    const rows = await figures.getByRole('rowheader').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(pageCodes.length);
    for (const row of rows) expect(pageCodes).toContain(row.split(' ')[0]);
    await expectNoAxeViolations(visitor);

    // A state's focal point sees at most 20 of the round's commitments on their home page, and
    // how many more there are, with the way to the whole round.
    const focal = await signedIn(browser, DEMO.aldoriaFocal, '/home');
    const due = focal.getByRole('region', { name: new RegExp(`^${wide}, due `) });
    const totals = /(\d+) of (\d+) reported in this round/.exec(
      await due.locator('.meta').first().innerText(),
    );
    const owed = Number(totals?.[2]) - Number(totals?.[1]);
    expect(owed).toBeGreaterThan(0);
    await expect(due.getByRole('listitem')).toHaveCount(Math.min(owed, 20));
    const more = due.getByText(/^And \d+ more commitments? still to report\./);
    if (owed > 20) {
      await expect(more).toContainText(`And ${owed - 20} more`);
      await expect(due.getByRole('link', { name: 'See the whole round' })).toHaveCount(2);
    } else await expect(more).toHaveCount(0);
    await expectNoAxeViolations(focal);
  });

  test('a focal point cannot reach the round screens', async ({ browser }) => {
    const focal = await signedIn(browser, DEMO.aldoriaFocal, '/home');
    for (const path of ['/admin/rounds', '/admin/rounds/new'])
      expect((await focal.goto(path))?.status(), path).toBe(403);
  });
});
