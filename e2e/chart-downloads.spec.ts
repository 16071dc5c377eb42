import Papa from 'papaparse';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { DEMO_NOTICE, expectNoAxeViolations, queryOne } from './fixtures';
import { ChartFrame, type ShownRow } from './pages/chart-frame';
import { pngSize } from '../lib/chart-export';
import { CELL_KEYS } from '../lib/summary-types';
import { STATUS_SCALE } from '../lib/status-scale';
import messages from '../lib/i18n/messages/en.json';

// A shared 2-core machine under load: give the page time to fetch and draw.
const expect = baseExpect.configure({ timeout: 30_000 });

async function gotoOverview(page: Page, query = '') {
  await page.goto(`/${query}`);
  await expect(page.locator('.dashboard')).toHaveAttribute('data-view', query);
  await expect(page.locator('.dashboard')).toHaveAttribute('aria-busy', 'false');
}

const VALUE_COLUMNS = [...CELL_KEYS, 'pairs', 'reported', 'coverage', 'score'];
const today = () => new Date().toISOString().slice(0, 10);
const longDate = (day: string) =>
  new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

/** The page's percent: whole percents, never "0%" for a small share nor "100%" for a near-complete one. */
function percentText(value: number): string {
  if (value > 0 && value < 0.005) return 'under 1%';
  if (value < 1 && value >= 0.995) return 'over 99%';
  return `${Math.round(value * 100)}%`;
}

/** A CSV share (four decimals) matches the page's whole percent of the unrounded share. */
function expectShare(shown: string, csv: string) {
  if (csv === '') return expect(shown.startsWith('—')).toBe(true);
  const value = Number(csv);
  expect([
    percentText(value - 0.00005),
    percentText(value),
    percentText(value + 0.00005),
  ]).toContain(shown);
}

/** Every data row of the CSV equals the row the table view shows, in the same order. */
function expectSameRows(header: string[], rows: string[][], shown: ShownRow[]) {
  expect(rows.length).toBe(shown.length);
  const overTime = header[0] === 'period';
  rows.forEach((row, index) => {
    const line = shown[index]!;
    const offset = overTime ? 1 : 0;
    if (overTime) {
      expect(line.header).toBe(row[0]);
      expect(line.cells[0]?.datetime).toBe(row[1]);
    } else {
      expect(line.header).toBe(row[1]);
    }
    // The seven status counts, then pairs and reported.
    for (let column = 0; column < CELL_KEYS.length + 2; column += 1) {
      expect(Number(line.cells[offset + column]?.text.replace(/,/g, ''))).toBe(
        Number(row[2 + column]),
      );
    }
    expectShare(line.cells[offset + CELL_KEYS.length + 2]!.text, row[header.indexOf('coverage')]!);
    expectShare(line.cells[offset + CELL_KEYS.length + 3]!.text, row[header.indexOf('score')]!);
  });
}

interface Expected {
  asOf: string;
  filters: Record<string, string | number>;
  /** The file name's stem from the frame's id. */
  stem: (id: string) => string;
}

async function svgFacts(page: Page, svg: string) {
  return page.evaluate((text) => {
    const document = new DOMParser().parseFromString(text, 'image/svg+xml');
    const error = document.getElementsByTagName('parsererror')[0];
    const root = document.documentElement;
    return {
      error: error ? error.textContent : null,
      root: root.localName,
      text: root.textContent ?? '',
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      patterns: Array.from(root.querySelectorAll('pattern[data-cell-key]'), (pattern) =>
        pattern.getAttribute('data-cell-key'),
      ),
    };
  }, svg);
}

/** Decodes the PNG in the browser and counts dark (text, axes) and strongly coloured (status fill) pixels. */
async function pngInk(page: Page, png: Buffer) {
  return page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let dark = 0;
    let coloured = 0;
    for (let index = 0; index < data.length; index += 4) {
      const [red, green, blue] = [data[index]!, data[index + 1]!, data[index + 2]!];
      if (red + green + blue < 200) dark += 1;
      if (Math.max(red, green, blue) - Math.min(red, green, blue) > 60) coloured += 1;
    }
    return { dark, coloured, pixels: data.length / 4 };
  }, png.toString('base64'));
}

async function expectDownloads(page: Page, chart: ChartFrame, expected: Expected) {
  const title = await chart.titleText();
  const id = (await chart.root.getAttribute('id'))!;
  const file = (extension: string) => `${expected.stem(id)}-${expected.asOf}.${extension}`;

  // Data: CSV with a BOM and stable columns, the same rows as the table view; JSON the same rows with a meta block.
  const csv = await chart.download('CSV');
  expect(csv.name).toBe(file('csv'));
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const parsed = Papa.parse<string[]>(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''), {
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  expect(header!.slice(2)).toEqual(VALUE_COLUMNS);
  expect(rows.length).toBeGreaterThan(0);

  const json = await chart.download('JSON');
  expect(json.name).toBe(file('json'));
  const document = JSON.parse(json.bytes.toString('utf8'));
  expect(document.meta).toMatchObject({
    title,
    chart: id,
    as_of: expected.asOf,
    demo: true,
    notice: DEMO_NOTICE,
    columns: header,
  });
  expect(document.meta.filters).toEqual(expected.filters);
  expect(document.meta.source).toContain('Commitment Tracker');
  expect(new URL(document.meta.url).pathname).toBe(new URL(page.url()).pathname);
  expect(
    document.rows.map((row: Record<string, unknown>) =>
      header!.map((column) => (row[column] === null ? '' : String(row[column]))),
    ),
  ).toEqual(rows);

  expectSameRows(header!, rows, await chart.showTable());

  // Images, asked for from the table view: the frame draws the chart again to make them.
  const svg = await chart.download('SVG');
  expect(svg.name).toBe(file('svg'));
  const facts = await svgFacts(page, svg.bytes.toString('utf8'));
  expect(facts.error).toBeNull();
  expect(facts.root).toBe('svg');
  expect(facts.text).toContain(title);
  expect(facts.text).toContain(`As of ${longDate(expected.asOf)}`);
  expect(facts.text).toContain('Source: Commitment Tracker');
  expect(facts.text).toContain(DEMO_NOTICE);
  // The key names every status beside its symbol, and the fills keep their textures: meaning without colour.
  for (const key of CELL_KEYS) {
    const label = key === 'no_report' ? messages.pairs.noReport : messages.status[key];
    expect(facts.text).toContain(
      `${key === 'no_report' ? '–' : STATUS_SCALE[key].symbol} ${label}`,
    );
  }
  expect(facts.patterns.sort()).toEqual([...CELL_KEYS].sort());
  // A file carries no page CSS: every custom property was resolved.
  expect(svg.bytes.toString('utf8')).not.toContain('var(--');

  const png = await chart.download('PNG');
  expect(png.name).toBe(file('png'));
  expect(pngSize(new Uint8Array(png.bytes))).toEqual({
    width: facts.width * 2,
    height: facts.height * 2,
  });
  expect(facts.width).toBeGreaterThanOrEqual(560);
  expect(facts.height).toBeGreaterThan(200);
  const ink = await pngInk(page, png.bytes);
  expect(ink.dark / ink.pixels).toBeGreaterThan(0.002);
  expect(ink.coloured / ink.pixels).toBeGreaterThan(0.005);
}

/** Content-Security-Policy refusals reported in the console, which would break a download silently. */
function cspRefusals(page: Page): string[] {
  const refusals: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refusals.push(message.text());
  });
  return refusals;
}

test.describe('chart downloads', () => {
  // Four charts, four files each, tables read and images decoded on a shared 2-core machine.
  test.describe.configure({ timeout: 300_000 });

  test('every overview chart downloads as PNG, SVG, CSV and JSON for the filtered view', async ({
    page,
  }) => {
    const refusals = cspRefusals(page);
    await gotoOverview(page, '?theme=trafficking&asOf=2024-12-31');
    const charts = await ChartFrame.all(page);
    expect(await Promise.all(charts.map((chart) => chart.titleText()))).toEqual([
      messages.dashboard.byActor,
      messages.dashboard.byTheme,
      messages.dashboard.byObjective,
      messages.dashboard.overTime,
    ]);
    for (const chart of charts) {
      await expectDownloads(page, chart, {
        asOf: '2024-12-31',
        filters: { theme: 'trafficking', asOf: '2024-12-31', perspective: 'self' },
        stem: (id) => id,
      });
    }
    expect(refusals).toEqual([]);
  });

  test('a commitment page’s charts download with the commitment in their names and filters', async ({
    page,
  }) => {
    const refusals = cspRefusals(page);
    const code = queryOne<{ code: string }>(
      `SELECT c.code FROM current_status s JOIN commitments c ON c.id = s.commitment_id GROUP BY c.code ORDER BY count(*) DESC LIMIT 1`,
    ).code;
    await page.goto(`/commitments/${code}`);
    const charts = await ChartFrame.all(page);
    expect(charts).toHaveLength(2);
    for (const chart of charts) {
      const history = (await chart.root.getAttribute('id')) === 'commitment-history';
      await expectDownloads(page, chart, {
        asOf: today(),
        filters: { commitment: code, asOf: today(), ...(history ? { perspective: 'self' } : {}) },
        stem: (id) => id.replace(/^commitment-/, `commitment-${code}-`),
      });
    }
    expect(refusals).toEqual([]);
  });

  test('an actor page’s charts download with the actor in their names and filters', async ({
    page,
  }) => {
    const refusals = cspRefusals(page);
    const actor = queryOne<{ id: number }>(
      `SELECT subject_id AS id FROM current_status GROUP BY subject_id ORDER BY count(*) DESC LIMIT 1`,
    ).id;
    await page.goto(`/actors/${actor}`);
    const charts = await ChartFrame.all(page);
    expect(charts).toHaveLength(2);
    for (const chart of charts) {
      const history = (await chart.root.getAttribute('id')) === 'actor-history';
      await expectDownloads(page, chart, {
        asOf: today(),
        filters: { subject: actor, asOf: today(), ...(history ? { perspective: 'self' } : {}) },
        stem: (id) => id.replace(/^actor-/, `actor-${actor}-`),
      });
    }
    expect(refusals).toEqual([]);
  });

  test('the Download disclosure works by keyboard, names its chart, and passes axe when open', async ({
    page,
  }) => {
    await gotoOverview(page);
    const [byActor, ...others] = await ChartFrame.all(page);
    const toggle = page.getByRole('button', {
      name: `Download: ${messages.dashboard.byActor}`,
      exact: true,
    });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(byActor!.formatButton('PNG')).toBeHidden();

    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Tab');
    await expect(
      page.getByRole('button', { name: `Image (PNG): ${messages.dashboard.byActor}`, exact: true }),
    ).toBeFocused();
    await expect(page.locator(':focus')).not.toHaveCSS('outline-style', 'none');
    await page.keyboard.press('Escape');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toBeFocused();

    // A download by keyboard announces the file it made.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(
      page.getByRole('button', { name: `Data (CSV): ${messages.dashboard.byActor}`, exact: true }),
    ).toBeFocused();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.keyboard.press('Enter'),
    ]);
    await expect(byActor!.root.getByRole('status')).toHaveText(
      `Downloaded ${download.suggestedFilename()}.`,
    );

    for (const chart of others) await chart.openDownloads();
    await expectNoAxeViolations(page);
  });
});
