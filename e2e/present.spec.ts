import { expect, test } from '@playwright/test';
import { OverviewPage } from './pages/overview-page';
import { PresentPage } from './pages/present';
import { expectedFigures } from './rollup-oracle';
import { DEMO_NOTICE, expectNoAxeViolations, queryOne } from './fixtures';

test.describe('present mode', () => {
  // Every test loads a deck of charts on a shared 2-core machine.
  test.describe.configure({ timeout: 120_000 });

  test('opens from a filtered dashboard view and shows the same figures', async ({ page }) => {
    const overview = new OverviewPage(page);
    await overview.goto('?theme=trafficking&kind=state&asOf=2024-06-30');
    const dashboardFigures = await overview.figures.innerText();

    await page.getByRole('link', { name: 'Present these figures' }).click();
    await expect(page).toHaveURL(/\/present\?theme=trafficking&kind=state&asOf=2024-06-30$/);
    const present = new PresentPage(page);
    await present.ready();
    await present.expectSlide('title');
    // The filters and the date in words, on the title slide and in every slide's footer.
    await expect(present.current).toContainText('As of June 30, 2024');
    await expect(present.current).toContainText(
      'Filtered to: theme Trafficking in persons; States',
    );

    await page.keyboard.press('ArrowRight');
    await present.expectSlide('figures');
    expect(await present.current.locator('dl.headline-figures').innerText()).toBe(dashboardFigures);
    // …and those are the roll-up's figures for the filters, recomputed from the database.
    await new OverviewPage(page).expectFigures(
      expectedFigures({ theme: 'trafficking', kind: 'state', asOf: '2024-06-30' }),
    );

    await page.keyboard.press('Home');
    await expect(present.current).toContainText(
      `${expectedFigures({ theme: 'trafficking', kind: 'state', asOf: '2024-06-30' }).commitments} commitments`,
    );
  });

  test('arrows, Page keys, Space, Home and End move between slides, each with its own URL; Back steps back', async ({
    page,
  }) => {
    const present = new PresentPage(page);
    await present.goto('?theme=smuggling');
    const { total } = await present.position();
    expect(total).toBeGreaterThan(8);

    await page.keyboard.press('ArrowRight');
    await present.expectSlide('figures');
    await page.keyboard.press('PageDown');
    await present.expectSlide('by-actor');
    await page.keyboard.press('Space');
    await expect.poll(() => present.position()).toEqual({ number: 4, total });
    await page.keyboard.press('PageUp');
    await present.expectSlide('by-actor');
    await page.keyboard.press('ArrowLeft');
    await present.expectSlide('figures');

    await page.keyboard.press('End');
    await expect.poll(() => present.position()).toEqual({ number: total, total });
    const last = await present.root.getAttribute('data-slide');
    expect(last).toMatch(/^contested(-\d+)?$/);
    await expect(page).toHaveURL(new RegExp(`slide=${last}`));
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => present.position()).toEqual({ number: total, total });

    await page.keyboard.press('Home');
    await present.expectSlide('title');
    await expect.poll(() => present.position()).toEqual({ number: 1, total });

    await page.goBack();
    await present.expectSlide(last ?? '');
    await page.goBack();
    await present.expectSlide('figures');
    await expect(present.heading()).toHaveText('Headline figures');
  });

  test('a slide URL opened directly shows that slide', async ({ page }) => {
    const present = new PresentPage(page);
    await present.goto('?theme=smuggling&slide=by-theme');
    await present.expectSlide('by-theme');
    await expect(present.heading()).toHaveText('Status by theme');
    await expect(present.current.getByRole('table')).toContainText('Smuggling of migrants');

    await present.goto('?slide=matrix-2');
    await present.expectSlide('matrix-2');
    await expect(present.heading()).toHaveText(
      /^Status of each actor on each commitment \(2 of \d+\)$/,
    );
  });

  test('Esc leaves for the dashboard with the same filters and date', async ({ page }) => {
    const present = new PresentPage(page);
    await present.goto('?theme=smuggling&kind=state&asOf=2024-06-30&slide=matrix');
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/\/\?theme=smuggling&kind=state&asOf=2024-06-30$/);
    const overview = new OverviewPage(page);
    await expect(overview.heading).toBeVisible({ timeout: 30_000 });
    await overview.settled();
    await expect(page.locator('form.filters').getByLabel('Theme', { exact: true })).toHaveValue(
      'smuggling',
    );
    await expect(page.locator('form.filters').getByLabel('As of')).toHaveValue('2024-06-30');
    await overview.expectFigures(
      expectedFigures({ theme: 'smuggling', kind: 'state', asOf: '2024-06-30' }),
    );
  });

  test('the high-contrast theme is a toggle kept in the URL; both themes pass axe', async ({
    page,
  }) => {
    test.setTimeout(420_000);
    const present = new PresentPage(page);
    for (const slide of ['by-theme', 'matrix', 'contested']) {
      await present.goto(`?slide=${slide}`);
      await expectNoAxeViolations(page);
    }
    await page.getByRole('button', { name: 'High contrast' }).click();
    await expect(page).toHaveURL(/contrast=high/);
    await expect(present.root).toHaveAttribute('data-contrast', 'high');
    await expect(page.getByRole('button', { name: 'High contrast' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const background = await present.current.evaluate(
      (slide) => getComputedStyle(slide).backgroundColor,
    );
    expect(background).toBe('rgb(0, 0, 0)');

    await page.reload();
    await present.ready();
    await expect(present.root).toHaveAttribute('data-contrast', 'high');
    await expectNoAxeViolations(page);
    for (const slide of ['over-time']) {
      await present.goto(`?slide=${slide}&contrast=high`);
      await expectNoAxeViolations(page);
    }
  });

  test('every slide says the data is fictitious, with its as-of date, filters and source', async ({
    page,
  }) => {
    const present = new PresentPage(page);
    await present.goto('?perCommitment=yes&region=Europe');
    const { total } = await present.position();
    const commitments = queryOne<{ n: number }>(
      'SELECT count(*) AS n FROM commitments WHERE archived_at IS NULL',
    ).n;
    expect(total).toBeGreaterThan(commitments);
    await expect(present.slides).toHaveCount(total);
    await expect(present.slides.locator('.present-demo', { hasText: DEMO_NOTICE })).toHaveCount(
      total,
    );
    await expect(
      present.slides.locator('.present-footer', {
        hasText: /As of .+ · Self-reported · Filtered to: region Europe/,
      }),
    ).toHaveCount(total);
    await expect(
      present.slides.locator('.present-source', {
        hasText: 'Source: published entries in Commitment Tracker',
      }),
    ).toHaveCount(total);
    await page.keyboard.press('End');
    await expect(present.heading()).toHaveText(/^[A-Z]+-\d+: /);
  });

  test('printing gives one landscape page per slide', async ({ page }) => {
    test.setTimeout(300_000);
    const present = new PresentPage(page);
    await present.goto('?theme=trafficking');
    const { total } = await present.position();
    await page.emulateMedia({ media: 'print' });
    await expect(present.slides.first()).toBeVisible();
    const pdf = await page.pdf({ landscape: true, format: 'A4', printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? [];
    expect(pages).toHaveLength(total);
    const letter = await page.pdf({ landscape: true, format: 'Letter', printBackground: true });
    expect(letter.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).toHaveLength(
      total,
    );
  });
});
