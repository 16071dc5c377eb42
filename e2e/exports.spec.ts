import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { queryAll, queryOne } from './fixtures';
import { actorDisplayName } from '../lib/actor-name';

async function download(
  page: Page,
  linkName: string,
): Promise<{ download: Download; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: linkName, exact: true }).click(),
  ]);
  const path = await file.path();
  return { download: file, text: await readFile(path, 'utf8') };
}

function parseCsv(text: string): Record<string, string>[] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const result = Papa.parse<Record<string, string>>(text.slice(1), {
    header: true,
    skipEmptyLines: true,
  });
  expect(result.errors).toEqual([]);
  return result.data;
}

test.describe('downloads of the data behind every table', () => {
  // First loads of a cold production server on a shared machine can take longer than the default.
  test.describe.configure({ timeout: 120_000 });

  test('the actors CSV parses to the same rows as the filtered table, with stable columns and CRLF', async ({
    page,
  }) => {
    await page.goto('/actors?kind=state');
    const names = await page.getByRole('table').locator('tbody th a').allTextContents();
    const { download: file, text } = await download(page, 'Actors as CSV');
    expect(file.suggestedFilename()).toMatch(
      /^commitment-tracker-demo-actors-as-of-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    expect(text).toContain('\r\n');
    expect(text.slice(1, text.indexOf('\r\n'))).toBe(
      'id,name,short_name,kind,iso3,region,sub_region,intermediate_region,is_demo',
    );
    const rows = parseCsv(text);
    expect(
      rows.map((row) => actorDisplayName({ name: row.name!, shortName: row.short_name || null })),
    ).toEqual(names);
    expect(new Set(rows.map((row) => row.kind))).toEqual(new Set(['state']));
  });

  test('the commitments JSON carries the filter, the as-of date and the same rows as the page', async ({
    page,
  }) => {
    const theme = queryOne<{ theme: string }>(
      'SELECT theme FROM commitments GROUP BY theme ORDER BY count(*) DESC LIMIT 1',
    ).theme;
    await page.goto(`/commitments?theme=${theme}`);
    const codes = await page.locator('.card-list .code').allTextContents();
    const { download: file, text } = await download(page, 'Commitments as JSON');
    expect(file.suggestedFilename()).toMatch(
      /^commitment-tracker-demo-commitments-as-of-.*\.json$/,
    );
    const body = JSON.parse(text) as {
      meta: {
        dataset: string;
        filters: Record<string, string>;
        demo: boolean;
        as_of: string;
        count: number;
      };
      rows: { code: string; theme: string }[];
    };
    expect(body.meta).toMatchObject({
      dataset: 'commitments',
      filters: { theme },
      demo: true,
      count: codes.length,
    });
    expect(body.meta.as_of).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.rows.map((row) => row.code)).toEqual(codes);
  });

  test("a commitment's entries CSV holds every published entry in id order, the page's among them", async ({
    page,
  }) => {
    const code = queryOne<{ code: string }>(
      `SELECT c.code FROM commitments c JOIN progress_entries e ON e.commitment_id = c.id WHERE e.state = 'published' GROUP BY c.id ORDER BY count(*) DESC LIMIT 1`,
    ).code;
    await page.goto(`/commitments/${code}`);
    const summaries = await page.locator('.entry-summary').allTextContents();
    const { text } = await download(page, 'Entries as CSV');
    const rows = parseCsv(text);
    const total = queryOne<{ n: number }>(
      `SELECT count(*) AS n FROM progress_entries e JOIN commitments c ON c.id = e.commitment_id WHERE c.code = ? AND e.state = 'published'`,
      code,
    ).n;
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((row) => row.commitment_code))).toEqual(new Set([code]));
    const ids = rows.map((row) => Number(row.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const exported = new Set(rows.map((row) => row.summary));
    const missing = summaries.map((summary) => summary.trim()).filter((s) => !exported.has(s));
    expect(missing).toEqual([]);
  });

  test("the dashboard's matrix and summary downloads follow its filters and as-of date", async ({
    page,
    request,
  }) => {
    await page.goto('/?kind=state&asOf=2024-06-30');
    await expect(page.locator('.dashboard')).toHaveAttribute('aria-busy', 'false');
    const { download: matrixFile, text } = await download(page, 'Matrix as CSV');
    expect(matrixFile.suggestedFilename()).toContain('matrix-as-of-2024-06-30');
    const api = (await (await request.get('/api/v1/matrix?kind=state&asOf=2024-06-30')).json()) as {
      cells: { actorId: number; code: string; self: { status: string } | null }[];
    };
    const rows = parseCsv(text);
    expect(rows.map((row) => [Number(row.actor_id), row.commitment_code, row.self_status])).toEqual(
      api.cells.map((cell) => [cell.actorId, cell.code, cell.self?.status ?? '']),
    );
    const { text: summaryText } = await download(page, 'Summary as JSON');
    const summary = JSON.parse(summaryText) as {
      meta: { as_of: string; filters: Record<string, string> };
      rows: { group: string; pairs: number }[];
    };
    expect(summary.meta).toMatchObject({
      as_of: '2024-06-30',
      filters: { kind: 'state', asOf: '2024-06-30' },
    });
    const states = queryAll<{ id: number }>(
      `SELECT id FROM actors WHERE kind = 'state' AND archived_at IS NULL`,
    );
    expect(summary.rows.filter((row) => row.group === 'actor').length).toBe(states.length);
  });

  test('the whole entries export, streamed in chunks, holds every published entry once, in id order, as CSV and JSON', async ({
    request,
  }) => {
    // The export reads 500 entries at a time (db/queries/entries-export.ts EXPORT_CHUNK): the demo's span several chunks.
    const expected = queryAll<{ id: number }>(
      "SELECT id FROM progress_entries WHERE state = 'published' ORDER BY id",
    ).map((row) => row.id);
    expect(expected.length).toBeGreaterThan(1_000);
    const json = (await (await request.get('/api/v1/exports/entries.json')).json()) as {
      meta: { count: number; columns: string[] };
      rows: { id: number }[];
    };
    expect(json.meta.count).toBe(expected.length);
    expect(json.rows.map((row) => row.id)).toEqual(expected);
    const csv = await request.get('/api/v1/exports/entries.csv');
    expect(csv.headers()['content-type']).toContain('text/csv');
    const rows = parseCsv(await csv.text());
    expect(rows.map((row) => Number(row.id))).toEqual(expected);
    expect(Object.keys(rows[0] ?? {})).toEqual(json.meta.columns);
  });

  test('a bad parameter is refused by name and an unknown export is a 404', async ({ request }) => {
    const bad = await request.get('/api/v1/exports/entries.csv?status=done');
    expect(bad.status()).toBe(400);
    expect(
      ((await bad.json()) as { error: { parameters: { parameter: string }[] } }).error.parameters[0]
        ?.parameter,
    ).toBe('status');
    expect((await request.get('/api/v1/exports/passwords.csv')).status()).toBe(404);
  });
});
