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
    // The figures themselves (the dashboard's cards also link to lists, which slides leave out).
    const figureText = '.headline-figure :is(dt, .headline-value, .headline-detail)';
    const dashboardFigures = await overview.figures.locator(figureText).allInnerTexts();
    expect(dashboardFigures.length).toBeGreaterThan(8);

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
    expect(await present.current.locator(figureText).allInnerTexts()).toEqual(dashboardFigures);
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

  test('no text is clipped on any slide at 1920x1080, 1280x720 and 1024x768', async ({ page }) => {
    test.setTimeout(420_000);
    const present = new PresentPage(page);
    for (const [width, height, query] of [
      [1920, 1080, ''],
      [1280, 720, '?perCommitment=yes'],
      [1024, 768, '?kind=state'],
    ] as const) {
      await page.setViewportSize({ width, height });
      await present.goto(query);
      const { total } = await present.position();
      await expect(present.slides).toHaveCount(total);
      // The stage fits the window, so a slide that keeps its text in its box keeps it on screen.
      const stage = await present.current.boundingBox();
      expect(stage, `${width}x${height}`).not.toBeNull();
      expect((stage?.x ?? -1) >= 0 && (stage?.y ?? -1) >= 0).toBe(true);
      expect((stage?.x ?? 0) + (stage?.width ?? 0)).toBeLessThanOrEqual(width + 1);
      expect((stage?.y ?? 0) + (stage?.height ?? 0)).toBeLessThanOrEqual(height + 1);
      // Slides are measured again once their charts draw: what counts is where that settles.
      await expect
        .poll(() => present.clippedText(), { message: `${width}x${height}${query}` })
        .toEqual([]);
    }
  });

  test('a long list goes on over as many slides as it takes, every row on one of them', async ({
    page,
  }) => {
    const present = new PresentPage(page);
    await present.goto('?slide=contested');
    const intro = await present.current.locator('.present-note').innerText();
    const total = Number(/^(\d+) pairs/.exec(intro)?.[1]);
    expect(total).toBeGreaterThan(8);
    const slides = page.locator('.present-slide-contested');
    const parts = await slides.count();
    expect(parts).toBeGreaterThan(1);
    const rows: string[] = [];
    for (let part = 1; part <= parts; part += 1) {
      const slide = slides.nth(part - 1);
      // Every slide is in the page; only the current one is visible.
      await expect(slide.locator('h1')).toHaveText(`Contested commitments (${part} of ${parts})`);
      rows.push(...(await slide.locator('tbody tr').allTextContents()));
    }
    expect(rows).toHaveLength(total);
    expect(new Set(rows).size).toBe(total);
    // The objectives: every one of the view's objectives on some slide, none twice.
    const objectives = await page.locator('.present-slide-byObjective tbody th').allTextContents();
    const expected = queryOne<{ n: number }>(
      `SELECT count(DISTINCT o.objective) AS n FROM commitment_objectives o
       JOIN commitments c ON c.id = o.commitment_id WHERE c.archived_at IS NULL`,
    ).n;
    expect(new Set(objectives).size).toBe(objectives.length);
    expect(objectives).toHaveLength(expected);
  });

  test('in full screen the controls step aside until the pointer moves or one takes focus', async ({
    page,
  }) => {
    const present = new PresentPage(page);
    await present.goto();
    await page.keyboard.press('f');
    await expect(present.root).toHaveAttribute('data-fullscreen', 'yes');
    await expect(present.controls).toHaveCSS('opacity', '0');
    // The slide takes the whole screen.
    const frame = await page.locator('.present-frame').boundingBox();
    expect(frame?.height).toBe(page.viewportSize()?.height);

    await page.mouse.move(100, 100);
    await page.mouse.move(200, 150);
    await expect(present.controls).toHaveCSS('opacity', '1');
    await expect(present.controls).toHaveCSS('opacity', '0', { timeout: 10_000 });

    // Tab reaches the controls, which show while one has focus; the keys still drive the slides.
    await page.keyboard.press('Tab');
    await expect(present.controls.getByRole('button', { name: 'Next' })).toBeFocused();
    await expect(present.controls).toHaveCSS('opacity', '1');
    await page.keyboard.press('Enter');
    await present.expectSlide('figures');
    await page.keyboard.press('ArrowRight');
    await present.expectSlide('by-actor');
    await expectNoAxeViolations(page);
  });

  test('printing fills one 16:9 page per slide, without the controls, in a small PDF', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const present = new PresentPage(page);
    await present.goto();
    const { total } = await present.position();
    await page.emulateMedia({ media: 'print' });
    await expect(present.controls).toBeHidden();
    // Each slide is laid out at the page's size, one under the other, nothing beside it.
    const boxes = await page.locator('.present-slot').evaluateAll((slots) =>
      slots.map((slot) => {
        const box = slot.getBoundingClientRect();
        return `${Math.round(box.left)},${Math.round(box.width)}x${Math.round(box.height)}`;
      }),
    );
    expect(boxes).toEqual(Array.from({ length: total }, () => '0,1600x900'));
    const pdf = await page.pdf({ landscape: true, printBackground: true, preferCSSPageSize: true });
    const text = pdf.toString('latin1');
    expect(text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).toHaveLength(total);
    // Every page 1600 x 900 CSS px (1200 x 675 pt), the stage's shape.
    const sizes = [...text.matchAll(/\/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]/g)];
    expect(sizes.length).toBeGreaterThan(0);
    for (const [, width, height] of sizes) {
      expect(Number(width)).toBeCloseTo(1200, 0);
      expect(Number(height)).toBeCloseTo(675, 0);
    }
    expect(pdf.length).toBeLessThan(5_000_000);
  });
});

test('every page names a favicon the server serves', async ({ page, request }) => {
  await page.goto('/present');
  const href = await page.locator('link[rel="icon"]').first().getAttribute('href');
  expect(href).toMatch(/^\/icon\.svg/);
  const icon = await request.get(href ?? '');
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
});
