/**
 * `npm run bench`: builds the app, generates the synthetic workspace (deterministic) at the growth
 * size and then at the full size, and at each size measures the roll-up in-process, as plain SQL
 * in the sqlite3 shell, and through the production server under autocannon; at the full size
 * also publishing through the API, the CSV import, memory and the overview's first-load
 * JavaScript. Prints a table and writes JSON. Figures are printed, never asserted.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appendEntries, createWorkspace, loadWorkspace, REGIONS, type Workspace } from './generate';
import {
  drive,
  firstLoadJs,
  figuresOf,
  round,
  startServer,
  type LatencyFigures,
  type Server,
} from './http';
import { parseOptions, type BenchOptions } from './options';
import { ACTOR_KINDS, THEMES } from '../lib/taxonomy';
import type { Db } from '../db/client';

type Filters = Record<string, string | number>;

/** Distinct dashboard views (deterministic order), never the unfiltered one. */
function distinctViews(): Filters[] {
  const views: Filters[] = [];
  const themes = [undefined, ...THEMES];
  const kinds = [undefined, ...ACTOR_KINDS];
  const regions = [undefined, ...REGIONS];
  for (const perspective of ['self', 'independent'])
    for (const objective of [undefined, 1, 5, 9, 13, 17, 21])
      for (const region of regions)
        for (const kind of kinds)
          for (const theme of themes) {
            const view: Filters = {};
            if (theme) view.theme = theme;
            if (kind) view.kind = kind;
            if (region) view.region = region;
            if (objective) view.objective = objective;
            if (perspective !== 'self') view.perspective = perspective;
            if (Object.keys(view).length > 0) views.push(view);
          }
  // Interleave so consecutive requests differ in every dimension.
  return views
    .map((view, index) => ({ view, key: (index * 7919) % views.length }))
    .sort((a, b) => a.key - b.key)
    .map(({ view }) => view);
}

function pastDates(): string[] {
  const dates: string[] = [];
  for (let day = Date.UTC(2020, 0, 1); day < Date.UTC(2026, 9, 1); day += 86_400_000)
    dates.push(new Date(day).toISOString().slice(0, 10));
  return dates
    .map((date, index) => ({ date, key: (index * 7919) % dates.length }))
    .sort((a, b) => a.key - b.key)
    .map(({ date }) => date);
}

function search(filters: Filters): string {
  const params = new URLSearchParams(
    Object.entries(filters).map(([key, value]) => [key, String(value)]),
  );
  const text = params.toString();
  return text ? `?${text}` : '';
}

const FILTERED: Filters = { theme: 'trafficking', kind: 'state' };
const PAST: Filters = { asOf: '2023-06-30' };

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : (sorted[Math.floor((sorted.length - 1) / 2)] as number);
}

interface SummaryModule {
  computeSummary?: (
    filters: Record<string, unknown>,
    labels: { theme: (theme: string) => string },
  ) => unknown;
  getSummary: (
    filters: Record<string, unknown>,
    labels: { theme: (theme: string) => string },
  ) => unknown;
}

/** The roll-up query functions called directly, no HTTP, no cache. */
function inProcess(
  summary: SummaryModule,
  views: readonly Filters[],
  runs: number,
): { medianMs: number; p95Ms: number; unfilteredMs: number } {
  const compute = summary.computeSummary ?? summary.getSummary;
  const labels = { theme: (theme: string) => theme };
  compute({}, labels); // warm-up: statements prepared, code compiled
  const unfiltered: number[] = [];
  for (let run = 0; run < Math.max(3, Math.ceil(runs / 4)); run += 1) {
    const started = performance.now();
    compute({}, labels);
    unfiltered.push(performance.now() - started);
  }
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    compute(views[(run * 13) % views.length] as Filters, labels);
    times.push(performance.now() - started);
  }
  const figures = figuresOf(times, 1, 0);
  return {
    medianMs: figures.medianMs,
    p95Ms: figures.p95Ms,
    unfilteredMs: round(median(unfiltered)),
  };
}

/** The unfiltered view's aggregation as plain SQL in the sqlite3 shell: figures, by actor, by theme, by objective. */
export const PLAIN_SQL = `
SELECT count(*), sum(CASE WHEN cs.status = 'regressed' THEN 1 ELSE 0 END), sum(cs.as_of < date('now', '-12 months')),
  avg(CASE cs.status WHEN 'not_started' THEN 0 WHEN 'limited' THEN 1 WHEN 'substantial' THEN 2 WHEN 'complete' THEN 3 WHEN 'regressed' THEN 0 END)
  FROM current_status cs WHERE cs.perspective = 'self';
SELECT count(*) FROM current_status s JOIN current_status i ON i.commitment_id = s.commitment_id AND i.subject_id = s.subject_id AND i.perspective = 'independent'
  WHERE s.perspective = 'self' AND (s.status = 'regressed' OR i.status = 'regressed');
SELECT subject_id, status, count(*) FROM current_status WHERE perspective = 'self' GROUP BY subject_id, status;
SELECT c.theme, cs.status, count(*) FROM current_status cs JOIN commitments c ON c.id = cs.commitment_id WHERE cs.perspective = 'self' GROUP BY c.theme, cs.status;
SELECT o.objective, cs.status, count(*) FROM current_status cs JOIN commitment_objectives o ON o.commitment_id = cs.commitment_id WHERE cs.perspective = 'self' GROUP BY o.objective, cs.status;
`;

function sqliteShell(file: string, runs: number): { medianMs: number } | { missing: string } {
  const probe = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' });
  if (probe.error) {
    if (
      typeof process.getuid === 'function' &&
      process.getuid() === 0 &&
      fs.existsSync('/usr/bin/apt-get')
    ) {
      console.log("sqlite3 is missing: installing Debian's sqlite3 package (apt-get)...");
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'sqlite3'], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } else {
      return {
        missing: 'the sqlite3 command-line shell is not installed (apt-get install sqlite3)',
      };
    }
  }
  const times: number[] = [];
  for (let run = 0; run < runs + 1; run += 1) {
    const output = spawnSync('sqlite3', ['-readonly', file], {
      input: `.timer on\n${PLAIN_SQL}`,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const total = [...output.stdout.matchAll(/Run Time: real ([\d.]+)/g)].reduce(
      (sum, match) => sum + Number(match[1]) * 1000,
      0,
    );
    if (run > 0) times.push(total); // the first run warms the page cache
  }
  return { medianMs: round(median(times)) };
}

interface SizeResult {
  entries: number;
  pairs: number;
  generateSeconds: number;
  inProcess: { medianMs: number; p95Ms: number; unfilteredMs: number };
  sqlite3: { medianMs: number } | { missing: string };
  http: Record<string, LatencyFigures>;
  peakRssMb: number;
}

async function settle(base: string): Promise<void> {
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const started = performance.now();
    try {
      await (
        await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(30_000) })
      ).arrayBuffer();
    } catch {
      // busy
    }
    if (performance.now() - started < 200) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function readScenarios(
  server: Server,
  options: BenchOptions,
  views: readonly Filters[],
  dates: readonly string[],
): Promise<Record<string, LatencyFigures>> {
  const d = options.duration;
  const base = server.base;
  const warm = async (url: string, times = 3) => {
    for (let i = 0; i < times; i += 1) {
      try {
        await (await fetch(`${base}${url}`, { signal: AbortSignal.timeout(60_000) })).arrayBuffer();
      } catch {
        console.log(`  (warm-up of ${url} took over 60 s)`);
        return;
      }
    }
  };
  // Warm the server's code paths on views the measured scenarios never ask for.
  await warm('/api/v1/summary?commitment=BEN-001', 3);
  await warm('/?theme=smuggling&region=Oceania&kind=academia', 2);
  const results: Record<string, LatencyFigures> = {};
  const run = async (name: string, load: Parameters<typeof drive>[0]) => {
    process.stdout.write(`  ${name} ... `);
    results[name] = await drive(load);
    // Let requests still queued in the server finish before the next scenario starts.
    await settle(base);
    const r = results[name] as LatencyFigures;
    console.log(
      `median ${r.medianMs} ms, p95 ${r.p95Ms} ms, ${r.requestsPerSecond} req/s${r.errors ? `, ${r.errors} errors` : ''}`,
    );
  };
  let offset = 0;
  const distinct = (n: number) =>
    `/api/v1/summary${search(views[(offset + n) % views.length] as Filters)}`;
  // One connection: the framework's own overhead over the roll-up, with no queueing behind other requests.
  await run('summary API, distinct filters (uncached), c=1', {
    base,
    connections: 1,
    duration: d,
    path: distinct,
  });
  offset += 1000;
  await run('summary API, distinct filters (uncached), c=4', {
    base,
    connections: 4,
    duration: d,
    path: distinct,
  });
  offset += 2000;
  const distinctDates = (n: number) =>
    `/api/v1/summary${search({ asOf: dates[n % dates.length] as string })}`;
  await run('summary API, distinct past dates (uncached), c=4', {
    base,
    connections: 4,
    duration: d,
    path: distinctDates,
  });
  const overviewDistinct = (n: number) =>
    `/${search(views[(views.length - 1 - n + views.length) % views.length] as Filters)}`;
  await run('overview HTML, distinct filters (uncached), c=4', {
    base,
    connections: 4,
    duration: d,
    path: overviewDistinct,
  });
  for (const [label, filters] of [
    ['no filters', {}],
    ['filtered', FILTERED],
    ['as of a past date', PAST],
  ] as const) {
    await warm(`/api/v1/summary${search(filters)}`);
    await run(`summary API, ${label} (repeat), c=16`, {
      base,
      connections: 16,
      duration: d,
      path: () => `/api/v1/summary${search(filters)}`,
    });
  }
  // The stack's floor: a revalidation answered 304 (the proxy, Next.js's route path and the data-version
  // lookup; no roll-up, no body).
  const etag = (await fetch(`${base}/api/v1/summary${search(FILTERED)}`)).headers.get('etag') ?? '';
  await run('framework floor: summary revalidated, 304 (no roll-up, no body), c=16', {
    base,
    connections: 16,
    duration: d,
    path: () => `/api/v1/summary${search(FILTERED)}`,
    headers: { 'if-none-match': etag },
    status: 304,
  });
  for (const [label, filters] of [
    ['no filters', {}],
    ['filtered', FILTERED],
    ['as of a past date', PAST],
  ] as const) {
    await warm(`/${search(filters)}`);
    await run(`overview HTML, ${label} (repeat), c=16`, {
      base,
      connections: 16,
      duration: d,
      path: () => `/${search(filters)}`,
    });
  }
  return results;
}

/** Entries per request in the batched publishing scenario (POST /api/v1/entries/batch). */
const PUBLISH_BATCH = 50;

/**
 * Publishing through the API at c=4 with one token: one entry per request (POST /api/v1/entries),
 * or `batch` entries per request (POST /api/v1/entries/batch, one transaction each). Figures are
 * per request; entries/s is requests/s x entries per request.
 */
async function publishScenario(
  server: Server,
  db: Db,
  workspace: Workspace,
  options: BenchOptions,
  batch = 1,
): Promise<
  (LatencyFigures & { entriesPerRequest: number; entriesPerSecond: number }) | { missing: string }
> {
  const url = batch === 1 ? '/api/v1/entries' : '/api/v1/entries/batch';
  const probe = await fetch(`${server.base}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  if (probe.status === 405 || probe.status === 404)
    return { missing: `POST ${url} answered ${probe.status}: the write API is not there yet` };
  const tokens =
    (await import('../db/queries/api-tokens')) as typeof import('../db/queries/api-tokens');
  const actorId = workspace.stakeholderIds[0] as number;
  const issued = tokens.issueApiToken(workspace.userOfActor.get(actorId), `bench ${batch}`, {}, db);
  if (!issued.ok) return { missing: `could not issue an API token: ${issued.message}` };
  const runId = `${Date.now().toString(36)}-${batch}`;
  const codes = workspace.commitmentCodes;
  const entry = (n: number) => ({
    idempotencyKey: `bench-publish-${runId}-${n}`,
    commitment: codes[n % codes.length],
    subject: actorId,
    status: 'substantial',
    asOf: '2026-10-31',
    summary: `Benchmark publication ${n}`,
    action: 'publish',
  });
  const figures = await drive({
    base: server.base,
    connections: 4,
    duration: options.duration,
    method: 'POST',
    headers: { authorization: `Bearer ${issued.token}`, 'content-type': 'application/json' },
    path: () => url,
    body: (n) =>
      JSON.stringify(
        batch === 1
          ? entry(n)
          : { entries: Array.from({ length: batch }, (_, index) => entry(n * batch + index)) },
      ),
  });
  return {
    ...figures,
    entriesPerRequest: batch,
    entriesPerSecond: round(figures.requestsPerSecond * batch, 1),
  };
}

async function importScenario(
  options: BenchOptions,
  db: Db,
  workspace: Workspace,
): Promise<{ seconds: number; rows: number } | { missing: string }> {
  try {
    const bench = (await import('./import-csv')) as typeof import('./import-csv');
    return await bench.measureImport(db, workspace, options);
  } catch (error) {
    return {
      missing: `the import failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

function table(rows: (string | number)[][]): string {
  const widths = rows[0]!.map((_, column) =>
    Math.max(...rows.map((row) => String(row[column] ?? '').length)),
  );
  return rows
    .map(
      (row) =>
        `| ${row.map((cell, column) => String(cell).padEnd(widths[column] as number)).join(' | ')} |`,
    )
    .join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  fs.mkdirSync(options.workDir, { recursive: true });
  const distDir = path.join(options.workDir, 'next');
  const log = path.join(options.workDir, 'server.log');
  if (!options.skipBuild || !fs.existsSync(path.join(distDir, 'BUILD_ID'))) {
    console.log(`Building the production app into ${distDir} ...`);
    // Next adds a non-default build folder to tsconfig.json: put the file back as it was.
    const tsconfig = fs.readFileSync('tsconfig.json');
    try {
      execFileSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
      });
    } finally {
      fs.writeFileSync('tsconfig.json', tsconfig);
    }
  }
  const file = path.resolve(options.workDir, 'bench.db');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  process.env.DATABASE_PATH = file;

  const views = distinctViews();
  const dates = pastDates();
  const sizes = [
    ...new Set([options.growthEntries, options.entries].filter((size) => size > 0)),
  ].sort((a, b) => a - b);
  console.log(
    `Workspace: ${options.actors} actors (${options.states} states), ${options.commitments} commitments; entries: ${sizes.join(' then ')}; ${options.duration} s per scenario`,
  );
  const db = createWorkspace(file, {
    actors: options.actors,
    states: options.states,
    commitments: options.commitments,
    seed: options.seed,
  });
  const workspace = loadWorkspace(db);
  const summary = (await import('../db/queries/summary')) as unknown as SummaryModule;

  const results: SizeResult[] = [];
  let generated = 0;
  let extra: Record<string, unknown> = {};
  for (const size of sizes) {
    const started = performance.now();
    appendEntries(
      db,
      workspace,
      options.seed,
      generated,
      size,
      `entries ${generated.toLocaleString('en')} -> ${size.toLocaleString('en')}`,
    );
    generated = size;
    const generateSeconds = round((performance.now() - started) / 1000);
    const pairs = (
      db.$client.prepare('SELECT count(*) AS n FROM current_status').get() as { n: number }
    ).n;
    console.log(
      `\n${size.toLocaleString('en')} entries (${pairs.toLocaleString('en')} current statuses), generated in ${generateSeconds} s`,
    );
    const inproc = inProcess(summary, views, 60);
    console.log(
      `  in-process roll-up: unfiltered ${inproc.unfilteredMs} ms; distinct filters median ${inproc.medianMs} ms, p95 ${inproc.p95Ms} ms`,
    );
    const shell = sqliteShell(file, 5);
    console.log(
      `  sqlite3 shell, same aggregation: ${'medianMs' in shell ? `${shell.medianMs} ms` : shell.missing}`,
    );
    const server = await startServer({ port: options.port, databasePath: file, distDir, log });
    const stopOnSignal = () => {
      server.child.kill('SIGKILL');
      process.exit(130);
    };
    process.once('SIGINT', stopOnSignal).once('SIGTERM', stopOnSignal);
    try {
      const http = await readScenarios(server, options, views, dates);
      if (size === options.entries) {
        const js = await firstLoadJs(server.base, '/').catch((error: unknown) => ({
          missing: `could not load the overview: ${String(error)}`,
        }));
        console.log(
          `  overview: ${'missing' in js ? js.missing : `HTML ${Math.round(js.htmlBytes / 1024)} kB, first-load JS ${Math.round(js.jsGzipBytes / 1024)} kB gzipped in ${js.scripts} scripts`}`,
        );
        await settle(server.base);
        const publish = await publishScenario(server, db, workspace, options).catch(
          (error: unknown) => ({ missing: `publishing failed: ${String(error)}` }),
        );
        console.log(
          `  publish through the API, one entry a request: ${'missing' in publish ? publish.missing : `${publish.entriesPerSecond} entries/s (median ${publish.medianMs} ms, p95 ${publish.p95Ms} ms, ${publish.errors} errors)`}`,
        );
        await settle(server.base);
        const publishBatched = await publishScenario(
          server,
          db,
          workspace,
          options,
          PUBLISH_BATCH,
        ).catch((error: unknown) => ({ missing: `publishing failed: ${String(error)}` }));
        console.log(
          `  publish through the API, ${PUBLISH_BATCH} entries a request: ${'missing' in publishBatched ? publishBatched.missing : `${publishBatched.entriesPerSecond} entries/s (${publishBatched.requestsPerSecond} requests/s, median ${publishBatched.medianMs} ms, p95 ${publishBatched.p95Ms} ms, ${publishBatched.errors} errors)`}`,
        );
        extra = { overview: js, publish, publishBatched };
      }
      results.push({
        entries: size,
        pairs,
        generateSeconds,
        inProcess: inproc,
        sqlite3: shell,
        http,
        peakRssMb: server.peakRssMb(),
      });
    } finally {
      process.removeListener('SIGINT', stopOnSignal).removeListener('SIGTERM', stopOnSignal);
      await server.stop();
    }
  }
  const importResult =
    options.importRows > 0
      ? await importScenario(options, db, workspace)
      : { missing: 'skipped (--import-rows 0)' };
  console.log(
    `  import of ${options.importRows.toLocaleString('en')} CSV rows: ${'missing' in importResult ? importResult.missing : `${importResult.seconds} s`}`,
  );

  const report = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: round(os.totalmem() / 1024 ** 3),
      node: process.version,
      loadAverage: os.loadavg().map((value) => round(value, 2)),
    },
    options,
    sizes: results,
    ...extra,
    import: importResult,
  };
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);

  const [small, large] = [results[0], results.at(-1)];
  const rows: (string | number)[][] = [
    [
      'scenario',
      ...results.flatMap((r) => [
        `median ms @${r.entries}`,
        `p95 ms @${r.entries}`,
        `req/s @${r.entries}`,
      ]),
      ...(results.length > 1 ? ['median ratio'] : []),
    ],
  ];
  for (const name of Object.keys(large?.http ?? {})) {
    rows.push([
      name,
      ...results.flatMap((r) => [
        r.http[name]?.medianMs ?? '',
        r.http[name]?.p95Ms ?? '',
        r.http[name]?.requestsPerSecond ?? '',
      ]),
      ...(results.length > 1 && small && large
        ? [round((large.http[name]?.medianMs ?? 0) / (small.http[name]?.medianMs ?? 1), 2)]
        : []),
    ]);
  }
  rows.push([
    'in-process roll-up, distinct filters',
    ...results.flatMap((r) => [r.inProcess.medianMs, r.inProcess.p95Ms, '']),
    ...(results.length > 1 && small && large
      ? [round(large.inProcess.medianMs / small.inProcess.medianMs, 2)]
      : []),
  ]);
  rows.push([
    'in-process roll-up, unfiltered',
    ...results.flatMap((r) => [r.inProcess.unfilteredMs, '', '']),
    ...(results.length > 1 && small && large
      ? [round(large.inProcess.unfilteredMs / small.inProcess.unfilteredMs, 2)]
      : []),
  ]);
  rows.push([
    'sqlite3 shell, unfiltered aggregation',
    ...results.flatMap((r) => ['medianMs' in r.sqlite3 ? r.sqlite3.medianMs : 'n/a', '', '']),
    ...(results.length > 1 ? [''] : []),
  ]);
  rows.push([
    'peak server RSS (MB)',
    ...results.flatMap((r) => [r.peakRssMb, '', '']),
    ...(results.length > 1 ? [''] : []),
  ]);
  console.log(`\n${table(rows)}`);
  if (large) {
    const api = large.http['summary API, distinct filters (uncached), c=1'];
    const queued = large.http['summary API, distinct filters (uncached), c=4'];
    const ratios = {
      'uncached API median at c=1 / in-process median': api
        ? round(api.medianMs / large.inProcess.medianMs, 2)
        : 'n/a',
      'uncached API median at c=4 / in-process median (includes queueing behind 3 other requests)':
        queued ? round(queued.medianMs / large.inProcess.medianMs, 2) : 'n/a',
      'in-process unfiltered / sqlite3 shell':
        'medianMs' in large.sqlite3
          ? round(large.inProcess.unfilteredMs / large.sqlite3.medianMs, 2)
          : 'n/a',
    };
    console.log(
      `\nAt ${large.entries.toLocaleString('en')} entries: ${Object.entries(ratios)
        .map(([k, v]) => `${k} = ${v}`)
        .join('; ')}`,
    );
    Object.assign(report, { ratios });
    fs.writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
  }
  console.log(`\nResults written to ${options.out}`);
  db.$client.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
