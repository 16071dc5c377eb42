import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations, queryOne } from './fixtures';
import { DEMO, signIn } from './pages/workspace';

// Signing in writes sessions, so this spec runs with the writing ones; other writing specs may
// submit or publish entries meanwhile, so each count is compared with the database again until
// a page and the database agree.

const personAt = async (browser: Browser) => (await browser.newContext()).newPage();

const userId = (email: string) =>
  queryOne<{ id: string }>('SELECT id FROM users WHERE email = ?', email).id;
const actorOf = (email: string) =>
  queryOne<{ id: number; name: string }>(
    'SELECT a.id, a.name FROM users u JOIN actors a ON a.id = u.actor_id WHERE u.email = ?',
    email,
  );

/** What the review queue holds for a focal point: its actor's submitted entries. */
const awaitingReview = (actorId: number) =>
  queryOne<{ n: number }>(
    `SELECT count(*) AS n FROM progress_entries WHERE reporter_id = ? AND state = 'submitted'`,
    actorId,
  ).n;
const mine = (email: string, state: string) =>
  queryOne<{ n: number }>(
    'SELECT count(*) AS n FROM progress_entries WHERE created_by = ? AND state = ?',
    userId(email),
    state,
  ).n;

const section = (page: Page, title: string) =>
  page.getByRole('region', { name: new RegExp(`^${title} \\(\\d+\\)$`) });
const reviewLink = (page: Page) =>
  page.getByRole('region', { name: 'Your account' }).getByRole('link', { name: /^Review queue/ });

/** Cards the home page previews of each list, and a page of the review queue holds. */
const HOME_PREVIEW = 5;
const QUEUE_PAGE = 50;

/** What "Review queue (3)" says to a screen reader: "Review queue, 3 entries wait for review". */
const waitingWords = (count: number) =>
  count === 0
    ? 'nothing waits for review'
    : count === 1
      ? '1 entry waits for review'
      : `${count} entries wait for review`;

test.describe('a place to work', () => {
  test.describe.configure({ timeout: 90_000 });

  test("a focal point's home shows what waits for review, and the header counts it as the queue does", async ({
    page,
  }) => {
    const account = DEMO.bravoniaFocal;
    const actor = actorOf(account.email);
    await signIn(page, account, '/home');
    await expect(page.getByRole('heading', { level: 1, name: 'Your work' })).toBeVisible();
    await expect(async () => {
      await page.reload();
      const waiting = awaitingReview(actor.id);
      expect(waiting).toBeGreaterThan(0);
      await expect(reviewLink(page)).toHaveAccessibleName(
        `Review queue, ${waitingWords(waiting)}`,
        { timeout: 1_000 },
      );
      await expect(reviewLink(page)).toHaveText(`Review queue (${waiting})`, { timeout: 1_000 });
      const toReview = page.getByRole('region', { name: `To review (${waiting})` });
      // A preview: the first few cards, the full queue a link away.
      await expect(toReview.getByRole('listitem'), 'the first queued entries').toHaveCount(
        Math.min(waiting, HOME_PREVIEW),
        { timeout: 1_000 },
      );
      for (const [title, state] of [
        ['Returned to you', 'returned'],
        ['Your drafts', 'draft'],
        ['Submitted, awaiting review', 'submitted'],
      ] as const) {
        await expect(section(page, title)).toHaveAccessibleName(
          `${title} (${mine(account.email, state)})`,
          { timeout: 1_000 },
        );
      }
    }).toPass({ timeout: 30_000 });
    await expectNoAxeViolations(page);

    // The queue's first page lists as many entries as the header and the home counted (up to a
    // page), and the home's first card opens the entry the queue lists first too.
    await expect(async () => {
      await page.goto('/home');
      const counted = Number((await reviewLink(page).textContent())?.replace(/\D/g, ''));
      const first = page
        .getByRole('region', { name: /^To review/ })
        .getByRole('link', { name: /^Review: / })
        .first();
      const href = await first.getAttribute('href');
      await reviewLink(page).click();
      await expect(page).toHaveURL(/\/entries\/review$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();
      await expect(page.getByRole('main').locator('li.card')).toHaveCount(
        Math.min(counted, QUEUE_PAGE),
        { timeout: 1_000 },
      );
      await expect(page.getByRole('main').locator(`a[href="${href}"]`)).toHaveCount(1, {
        timeout: 1_000,
      });
    }).toPass({ timeout: 30_000 });
  });

  test("a member opens its actor's unpublished entry, marked not published; another actor's focal point is told it does not exist", async ({
    browser,
  }) => {
    const account = DEMO.bravoniaFocal;
    const actor = actorOf(account.email);
    const submitted = queryOne<{ id: number; summary: string } | undefined>(
      `SELECT id, summary FROM progress_entries WHERE created_by = ? AND state = 'submitted' ORDER BY id LIMIT 1`,
      userId(account.email),
    );
    // The demo seeds submitted entries of this focal point's own; none left would be a seed regression, not a reason to skip.
    expect(
      submitted,
      'a submitted entry of the Bravonia focal point in the demo data',
    ).toBeDefined();
    const member = await personAt(browser);
    await signIn(member, account, '/home');
    await section(member, 'Submitted, awaiting review')
      .getByRole('link', { name: `Open: ${submitted!.summary}` })
      .click();
    await expect(member).toHaveURL(new RegExp(`/entries/${submitted!.id}$`));
    await expect(member.locator('.not-published')).toContainText(
      `Not published. This entry is submitted and waits for review by the focal point of ${actor.name}.`,
    );
    // The workspace view names who wrote it, which a published page does not.
    await expect(member.locator('dl.entry-detail')).toContainText('Written by');
    await expectNoAxeViolations(member);

    const outsider = await personAt(browser);
    await signIn(outsider, DEMO.bridgewellFocal, '/home');
    const refused = await outsider.goto(`/entries/${submitted!.id}`);
    expect(refused?.status()).toBe(404);
    await Promise.all([member.context().close(), outsider.context().close()]);
  });

  test("a contributor's home has no review queue; what came back to them comes first", async ({
    page,
  }) => {
    const account = DEMO.bridgewellContributor;
    await signIn(page, account, '/home');
    await expect(page.getByRole('heading', { level: 1, name: 'Your work' })).toBeVisible();
    await expect(reviewLink(page)).toHaveCount(0);
    await expect(page.getByRole('region', { name: /^To review/ })).toHaveCount(0);
    await expect(async () => {
      await page.reload();
      const returned = mine(account.email, 'returned');
      const region = page.getByRole('region', { name: `Returned to you (${returned})` });
      const shown = Math.min(returned, HOME_PREVIEW);
      await expect(region.getByRole('listitem')).toHaveCount(shown, { timeout: 1_000 });
      // Each returned entry carries its focal point's note as the author's own text.
      if (returned > 0)
        await expect(region.locator('.user-text[dir="auto"]')).toHaveCount(shown, {
          timeout: 1_000,
        });
    }).toPass({ timeout: 30_000 });
    const headings = await page
      .getByRole('main')
      .getByRole('heading', { level: 2 })
      .allTextContents();
    // What is due in an open round asking their state comes first when there is any; then
    // what came back to them.
    const sections = headings.map((heading) => heading.replace(/ \(\d+\)$/, ''));
    expect(sections.indexOf("What's due")).toBeLessThanOrEqual(0);
    expect(sections.filter((section) => section !== "What's due")).toEqual([
      'Returned to you',
      'Your drafts',
      'Submitted, awaiting review',
    ]);
    await expectNoAxeViolations(page);
  });

  test('an admin has a home too: the screens that run the workspace', async ({ page }) => {
    await signIn(page, DEMO.admin, '/home');
    const admin = page.getByRole('region', { name: 'Run the workspace' });
    for (const [name, href] of [
      ['Users', '/admin/users'],
      ['Actors', '/admin/actors'],
      ['Commitments', '/admin/commitments'],
      ['Source documents', '/admin/sources'],
      ['Audit log', '/admin/audit'],
    ] as const) {
      await expect(admin.getByRole('link', { name, exact: true })).toHaveAttribute('href', href);
    }
    await expect(reviewLink(page)).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('signed-out visitors are sent to sign in and come back to their home', async ({ page }) => {
    await page.goto('/home');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fhome$/);
  });
});
