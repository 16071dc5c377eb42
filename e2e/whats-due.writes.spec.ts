import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, queryOne } from './fixtures';
import { DEMO, signIn } from './pages/workspace';
import { DEMO_ROUNDS } from '../seed/demo-rounds';

// Signing in and saving a draft write to the database, so this spec runs with the writing ones.

const aldoria = () =>
  queryOne<{ id: number; name: string }>(
    `SELECT a.id, a.name FROM users u JOIN actors a ON a.id = u.actor_id WHERE u.email = ?`,
    DEMO.aldoriaFocal.email,
  );
// The demo's open round by its title: the rounds spec, running beside this one, defines others.
const openRound = () =>
  queryOne<{ id: number; title: string; due_on: string }>(
    `SELECT id, title, due_on FROM reporting_rounds WHERE title = ?`,
    DEMO_ROUNDS.find((round) => round.closedAt === null)!.title,
  );

test.describe("what's due", () => {
  test.describe.configure({ timeout: 90_000 });

  test('a focal point sees what its actor still owes in the open round and starts an entry from it', async ({
    page,
  }) => {
    const actor = aldoria();
    const round = openRound();
    await signIn(page, DEMO.aldoriaFocal, '/home');
    const due = page.getByRole('region', { name: "What's due" });
    await expect(due).toContainText(`Open reporting rounds that ask ${actor.name}`);
    const roundSection = due.getByRole('region', { name: new RegExp(`^${round.title}, due `) });
    await expect(roundSection).toBeVisible();
    await expect(roundSection.getByRole('link', { name: 'See the whole round' })).toHaveAttribute(
      'href',
      `/rounds/${round.id}`,
    );
    // Each commitment still owed says where it stands in words, not by colour alone.
    const cards = roundSection.getByRole('listitem');
    expect(await cards.count()).toBeGreaterThan(0);
    const owed = cards.filter({ hasNotText: 'In progress' }).first();
    await expect(owed).toContainText(/Overdue|Not yet/);
    const code = (await owed.locator('.code').textContent())!.trim();
    // Every card's mark shows its symbol, though the page sends the marks' styles once.
    const symbols = await cards
      .locator('.completion-mark')
      .evaluateAll((marks) => marks.map((mark) => getComputedStyle(mark, '::before').content));
    expect(symbols.length).toBe(await cards.count());
    for (const symbol of symbols) expect(symbol).toMatch(/[✓…○!]/);
    await expectNoAxeViolations(page);

    await owed.getByRole('link', { name: `Log progress on ${code} for ${round.title}` }).click();
    await expect(page).toHaveURL(/\/entries\/new\?/);
    const form = page.locator('form.entry-form');
    await expect(form.getByLabel('Commitment', { exact: true })).toHaveValue(code);
    await expect(form.getByLabel('About')).toHaveValue(String(actor.id));
    // The round is past its due date: the entry is dated on it, so it counts in the round.
    const today = new Date().toISOString().slice(0, 10);
    await expect(form.getByLabel('As of')).toHaveValue(today > round.due_on ? round.due_on : today);

    await form.getByRole('radio', { name: 'Limited progress' }).check();
    await form.getByLabel('Summary (one line)').fill(`Started from what is due on ${code}`);
    await form.getByRole('button', { name: 'Save draft' }).click();
    await expect(page).toHaveURL(/\/entries\/mine\?saved=\d+/);

    await page.goto('/home');
    const card = page
      .getByRole('region', { name: new RegExp(`^${round.title}, due `) })
      .getByRole('listitem')
      .filter({ hasText: code });
    await expect(card).toContainText('In progress');
  });
});
