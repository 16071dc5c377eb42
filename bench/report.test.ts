import { describe, expect, it } from 'vitest';
import {
  budgetMisses,
  MARKERS,
  markdownTable,
  rewriteGenerated,
  routesTable,
  tableRow,
  verdict,
  type RunFigures,
  type ScenarioResult,
} from './report';

const run = (concurrency: number, figures: Partial<RunFigures> = {}): RunFigures => ({
  concurrency,
  requests: 100,
  errors: 0,
  medianMs: 20,
  p95Ms: 40,
  requestsPerSecond: 50,
  bytes: 10_000,
  firstByteMs: 10,
  cpuMsPerRequest: 8,
  eventLoopMaxMs: 12,
  ...figures,
});

const page = (overrides: Partial<ScenarioResult> = {}): ScenarioResult => ({
  name: 'commitment page',
  group: 'page',
  path: '/commitments/BEN-001',
  runs: [run(1), run(8)],
  browser: { lcpMs: 800, hydratedMs: 1200, domNodes: 1800, transferBytes: 400_000 },
  ...overrides,
});

describe('budget verdicts', () => {
  it('a page within every budget passes', () => {
    expect(budgetMisses(page())).toEqual([]);
    expect(verdict(page())).toBe('pass');
  });

  it('names each budget a page misses: p95 at c=1, HTML size, LCP, hydration, DOM, event loop', () => {
    const slow = page({
      runs: [run(1, { p95Ms: 450, bytes: 2_000_000, eventLoopMaxMs: 70 }), run(8)],
      browser: { lcpMs: 2300, hydratedMs: 3400, domNodes: 24_800, transferBytes: 2_500_000 },
    });
    expect(budgetMisses(slow)).toEqual(['p95', 'HTML', 'event loop', 'LCP', 'hydrated', 'DOM']);
    expect(verdict(slow)).toBe('over: p95, HTML, event loop, LCP, hydrated, DOM');
  });

  it('a page that never hydrates misses the hydration budget', () => {
    const stuck = page({
      browser: { lcpMs: 500, hydratedMs: null, domNodes: 100, transferBytes: 1 },
    });
    expect(budgetMisses(stuck)).toEqual(['hydrated']);
  });

  it('the p95 budget is judged at c=1 only, and the HTML budget only for pages', () => {
    const api = page({
      group: 'api',
      browser: undefined,
      runs: [run(1, { bytes: 900_000 }), run(8, { p95Ms: 900 })],
    });
    expect(budgetMisses(api)).toEqual([]);
  });

  it('a one-statement read more than 1.5 times slower than the sqlite3 shell is over', () => {
    const api = page({ group: 'api', browser: undefined, runs: [run(1, { medianMs: 20 })] });
    expect(budgetMisses({ ...api, sql: { statements: 1, shellMs: 10, inProcessMs: 11 } })).toEqual([
      'SQL ratio',
    ]);
    expect(budgetMisses({ ...api, sql: { statements: 2, shellMs: 10, inProcessMs: 11 } })).toEqual(
      [],
    );
  });

  it('writes and exports have no read budgets; the import is judged by its event loop (200 ms)', () => {
    const write = page({ group: 'write', browser: undefined, runs: [run(1, { p95Ms: 900 })] });
    expect(verdict(write)).toBe('pass');
    const importing = {
      ...write,
      name: 'import of CSV rows',
      runs: [run(1, { eventLoopMaxMs: 150 })],
    };
    expect(verdict(importing)).toBe('pass');
    importing.runs = [run(1, { eventLoopMaxMs: 250 })];
    expect(verdict(importing)).toBe('over: event loop');
  });

  it('a big export is judged by MB/s (MiB), first byte and event loop; a small one like a read', () => {
    const entries = page({
      name: 'export entries.csv',
      group: 'export',
      path: '/api/v1/exports/entries.csv',
      browser: undefined,
      runs: [run(1, { medianMs: 10_000, bytes: 210 * 1024 * 1024, firstByteMs: 300 })],
    });
    expect(verdict(entries)).toBe('pass');
    expect(tableRow(entries)[4]).toBe('210 MB at 21 MB/s');
    entries.runs = [run(1, { medianMs: 15_000, bytes: 232 * 1024 * 1024, firstByteMs: 1200 })];
    expect(budgetMisses(entries)).toEqual(['MB/s', 'first byte']);
    const small = { ...entries, runs: [run(1, { p95Ms: 400, bytes: 30_000 })] };
    expect(budgetMisses(small)).toEqual(['p95']);
  });

  it('other requests during an export keep p95 under 100 ms', () => {
    const health = page({ group: 'export', path: '/api/health', browser: undefined });
    health.runs = [run(1, { p95Ms: 90 })];
    expect(verdict(health)).toBe('pass');
    health.runs = [run(1, { p95Ms: 120 })];
    expect(verdict(health)).toBe('over: p95');
  });

  it('the import misses its budget past 15 s', () => {
    const importing = page({
      name: 'import of CSV rows',
      group: 'write',
      browser: undefined,
      runs: [run(1, { eventLoopMaxMs: 150 })],
      importSeconds: 14.2,
    });
    expect(verdict(importing)).toBe('pass');
    expect(verdict({ ...importing, importSeconds: 22.3 })).toBe('over: duration');
  });

  it('a scenario without figures says why instead of a verdict', () => {
    const missing = page({ runs: [], browser: undefined, missing: 'POST answered 404' });
    expect(verdict(missing)).toBe('n/a');
    expect(tableRow(missing)[1]).toBe('n/a: POST answered 404');
  });
});

describe('the routes table', () => {
  it('the event-loop budget is judged with one request at a time', () => {
    const queued = page({
      runs: [run(1, { eventLoopMaxMs: 30 }), run(8, { eventLoopMaxMs: 400 })],
    });
    expect(budgetMisses(queued)).toEqual([]);
  });

  it('judges the event loop by the time on a core when the server reports it, and shows both', () => {
    const waited = page({ runs: [run(1, { eventLoopMaxMs: 90, eventLoopOnCoreMs: 24 }), run(8)] });
    expect(budgetMisses(waited)).toEqual([]);
    expect(tableRow(waited)[6]).toBe('90 / 12 (24)');
    const held = page({ runs: [run(1, { eventLoopMaxMs: 90, eventLoopOnCoreMs: 70 }), run(8)] });
    expect(budgetMisses(held)).toEqual(['event loop']);
  });

  it('one row per scenario with both concurrencies, sizes in kB and the event loop', () => {
    const row = tableRow(
      page({
        sql: { statements: 1, shellMs: 10, inProcessMs: 12 },
        runs: [run(1), run(8, { medianMs: 90, p95Ms: 130, eventLoopMaxMs: 44, errors: 2 })],
      }),
    );
    expect(row).toEqual([
      'commitment page',
      '20 / 40',
      '90 / 130 (2 err)',
      '50',
      '10 kB',
      '8',
      '12 / 44',
      '800 / 1200',
      '1800',
      '391 kB',
      '1, 10, 2',
      'over: SQL ratio',
    ]);
  });

  it('renders a Markdown table whose columns line up, with pipes in cells escaped', () => {
    const table = markdownTable([
      ['route', 'figure'],
      ['a|b', '1'],
    ]);
    expect(table.split('\n')).toEqual([
      '| route | figure |',
      '| ----- | ------ |',
      '| a\\|b  | 1      |',
    ]);
    expect(routesTable([page()]).split('\n')).toHaveLength(3);
  });
});

describe('the generated region of docs/performance.md', () => {
  const doc = `# Performance\n\nIntro.\n\n${MARKERS.start}\nold table\n${MARKERS.end}\n\n## Later section\n`;

  it('replaces only what lies between the markers', () => {
    const next = rewriteGenerated(doc, 'new table\n', '## Every route');
    expect(next).toBe(
      `# Performance\n\nIntro.\n\n${MARKERS.start}\nnew table\n${MARKERS.end}\n\n## Later section\n`,
    );
    expect(rewriteGenerated(next, 'new table', '## Every route')).toBe(next);
  });

  it('appends a section holding the markers when the document has none', () => {
    expect(rewriteGenerated('# Performance\n', 'table', '## Every route')).toBe(
      `# Performance\n\n## Every route\n\n${MARKERS.start}\ntable\n${MARKERS.end}\n`,
    );
  });
});
