/**
 * The bench's routes table: each scenario's figures, its budget verdict (issue 19, point 2) and
 * the rewrite of the generated region of docs/performance.md. Pure: no I/O.
 */

export type ScenarioGroup = 'page' | 'api' | 'export' | 'write';

/** One concurrency level of one scenario. */
export interface RunFigures {
  concurrency: number;
  requests: number;
  errors: number;
  medianMs: number;
  p95Ms: number;
  requestsPerSecond: number;
  /** Median response body size. */
  bytes: number;
  /** Median time until the response's headers arrived (its first byte). */
  firstByteMs: number;
  /** Server CPU (user + system) per completed request; null when not sampled. */
  cpuMsPerRequest: number | null;
  /** The serving process's worst event-loop delay during the run; null when not reported. */
  eventLoopMaxMs: number | null;
  /**
   * The longest the main thread ran on a core without its event loop turning: the delay above
   * without the time it waited for a core while the bench and other processes ran. Null when not
   * reported (results before it existed, or not Linux).
   */
  eventLoopOnCoreMs?: number | null;
}

export interface BrowserFigures {
  lcpMs: number | null;
  hydratedMs: number | null;
  domNodes: number;
  transferBytes: number;
}

/** The same SQL the app ran for the route, timed in the sqlite3 shell. */
export interface SqlFigures {
  statements: number;
  shellMs: number;
  /** The route's query function called in-process (no HTTP). */
  inProcessMs: number;
}

export interface ScenarioResult {
  name: string;
  group: ScenarioGroup;
  /** The first request's path (what the row measures). */
  path: string;
  runs: RunFigures[];
  browser?: BrowserFigures;
  sql?: SqlFigures;
  /** Why the scenario has no figures (a route not there yet, a refused request). */
  missing?: string;
  /** Figures of their own (an import's seconds, entries/s). */
  notes?: string;
  /** How long the import took from upload to its last row written, for its budget. */
  importSeconds?: number;
}

export const BUDGETS = {
  p95Ms: 300,
  htmlBytes: 300 * 1024,
  lcpMs: 1500,
  hydratedMs: 2000,
  domNodes: 5000,
  eventLoopMs: 50,
  importEventLoopMs: 200,
  importSeconds: 15,
  sqlRatio: 1.5,
  /** Issue 19 point 3: a big export streams at least this fast, its first byte within 1 s. */
  exportMiBPerSecond: 20,
  exportFirstByteMs: 1000,
  /** Other requests' p95 while a big export runs. */
  duringExportP95Ms: 100,
} as const;

/** Exports at least this big are judged by throughput; small ones are judged like API reads. */
const BIG_EXPORT_BYTES = 10 * 1024 * 1024;

function isBigExport(result: ScenarioResult): boolean {
  const single = result.runs.find((run) => run.concurrency === 1);
  return result.group === 'export' && single !== undefined && single.bytes >= BIG_EXPORT_BYTES;
}

/** A one-request run's throughput in MiB/s (a big export is fetched once). */
export function mibPerSecond(run: RunFigures): number {
  return Math.round((run.bytes / 1024 / 1024 / (run.medianMs / 1000)) * 10) / 10;
}

/**
 * How long one request held the event loop: measured with one request at a time (at c=8 queued
 * requests run back to back with no timer between them, so that figure adds up several), and on a
 * core where the server reports it (a delay on a 2-core machine also counts waiting for a core).
 */
function singleRequestEventLoop(result: ScenarioResult): number | null {
  const run = result.runs.find((one) => one.concurrency === 1) ?? result.runs[0];
  return run?.eventLoopOnCoreMs ?? run?.eventLoopMaxMs ?? null;
}

/** The budgets a scenario misses, by name; empty when it meets all that apply to it. */
export function budgetMisses(result: ScenarioResult): string[] {
  if (result.missing) return [];
  const misses: string[] = [];
  const loop = singleRequestEventLoop(result);
  const single = result.runs.find((run) => run.concurrency === 1);
  if (result.name.startsWith('import')) {
    if (loop !== null && loop > BUDGETS.importEventLoopMs) misses.push('event loop');
    if ((result.importSeconds ?? 0) > BUDGETS.importSeconds) misses.push('duration');
    return misses;
  }
  if (result.group === 'export' && single && result.path === '/api/health') {
    if (single.p95Ms > BUDGETS.duringExportP95Ms) misses.push('p95');
    return misses;
  }
  if (single && isBigExport(result)) {
    if (mibPerSecond(single) < BUDGETS.exportMiBPerSecond) misses.push('MB/s');
    if (single.firstByteMs > BUDGETS.exportFirstByteMs) misses.push('first byte');
    if (loop !== null && loop > BUDGETS.eventLoopMs) misses.push('event loop');
    return misses;
  }
  if (result.group === 'write') return misses;
  if (single && single.p95Ms > BUDGETS.p95Ms) misses.push('p95');
  if (result.group === 'page' && single && single.bytes > BUDGETS.htmlBytes) misses.push('HTML');
  if (loop !== null && loop > BUDGETS.eventLoopMs) misses.push('event loop');
  const browser = result.browser;
  if (browser) {
    if (browser.lcpMs !== null && browser.lcpMs > BUDGETS.lcpMs) misses.push('LCP');
    if (browser.hydratedMs === null || browser.hydratedMs > BUDGETS.hydratedMs)
      misses.push('hydrated');
    if (browser.domNodes > BUDGETS.domNodes) misses.push('DOM');
  }
  if (result.sql?.statements === 1 && sqlRatio(result) > BUDGETS.sqlRatio) misses.push('SQL ratio');
  return misses;
}

/** The app's median at c=1 over the same SQL in the sqlite3 shell. */
export function sqlRatio(result: ScenarioResult): number {
  const single = result.runs.find((run) => run.concurrency === 1);
  if (!result.sql || !single || result.sql.shellMs <= 0) return Number.NaN;
  return Math.round((single.medianMs / result.sql.shellMs) * 10) / 10;
}

export function verdict(result: ScenarioResult): string {
  if (result.missing) return 'n/a';
  const misses = budgetMisses(result);
  return misses.length === 0 ? 'pass' : `over: ${misses.join(', ')}`;
}

function kb(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

const dash = '–';
const num = (value: number | null | undefined) =>
  value === null || value === undefined || Number.isNaN(value) ? dash : String(value);

export const TABLE_HEADER = [
  'route',
  'c=1 median / p95 ms',
  'c=8 median / p95 ms',
  'c=8 req/s',
  'bytes',
  'CPU ms/req',
  'loop max ms c=1 / c=8 (on core c=1)',
  'LCP / hydrated ms',
  'DOM',
  'transferred',
  'SQL: stmts, shell ms, ratio',
  'budgets',
];

export function tableRow(result: ScenarioResult): string[] {
  const at = (c: number) => result.runs.find((run) => run.concurrency === c);
  const pair = (run: RunFigures | undefined) =>
    run ? `${run.medianMs} / ${run.p95Ms}${run.errors ? ` (${run.errors} err)` : ''}` : dash;
  const first = at(1) ?? result.runs[0];
  const cpu = result.runs.map((run) => run.cpuMsPerRequest).filter((v) => v !== null);
  const browser = result.browser;
  const sql = result.sql;
  const name = result.notes ? `${result.name} (${result.notes})` : result.name;
  if (result.missing)
    return [name, `n/a: ${result.missing}`, ...TABLE_HEADER.slice(2).map(() => '')];
  return [
    name,
    pair(at(1)),
    pair(at(8)),
    num(at(8)?.requestsPerSecond),
    first ? kb(first.bytes) + (isBigExport(result) ? ` at ${mibPerSecond(first)} MB/s` : '') : dash,
    cpu.length > 0 ? String(Math.min(...cpu)) : dash,
    `${num(at(1)?.eventLoopMaxMs)} / ${num(at(8)?.eventLoopMaxMs)}` +
      (typeof at(1)?.eventLoopOnCoreMs === 'number' ? ` (${at(1)?.eventLoopOnCoreMs})` : ''),
    browser ? `${num(browser.lcpMs)} / ${num(browser.hydratedMs)}` : dash,
    browser ? String(browser.domNodes) : dash,
    browser ? kb(browser.transferBytes) : dash,
    sql ? `${sql.statements}, ${sql.shellMs}, ${num(sqlRatio(result))}` : dash,
    verdict(result),
  ];
}

/** A Markdown table, columns padded so the source reads as a table too. */
export function markdownTable(rows: readonly (readonly string[])[]): string {
  const escaped = rows.map((row) => row.map((cell) => cell.replace(/\|/g, '\\|')));
  const widths = escaped[0]!.map((_, column) =>
    Math.max(3, ...escaped.map((row) => (row[column] ?? '').length)),
  );
  const line = (row: readonly string[]) =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column] as number)).join(' | ')} |`;
  return [
    line(escaped[0]!),
    `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`,
    ...escaped.slice(1).map(line),
  ].join('\n');
}

export function routesTable(results: readonly ScenarioResult[]): string {
  return markdownTable([TABLE_HEADER, ...results.map(tableRow)]);
}

export const MARKERS = {
  start: '<!-- bench:routes:start -->',
  end: '<!-- bench:routes:end -->',
} as const;

/**
 * The document with the region between the markers replaced by `content`; without the markers,
 * a section holding them is appended under `heading`.
 */
export function rewriteGenerated(document: string, content: string, heading: string): string {
  const block = `${MARKERS.start}\n${content.trim()}\n${MARKERS.end}`;
  const start = document.indexOf(MARKERS.start);
  const end = document.indexOf(MARKERS.end);
  if (start >= 0 && end > start)
    return `${document.slice(0, start)}${block}${document.slice(end + MARKERS.end.length)}`;
  return `${document.trimEnd()}\n\n${heading}\n\n${block}\n`;
}
