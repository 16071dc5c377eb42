/**
 * `npm run bench`: builds the app, generates the synthetic workspace (deterministic) at the growth
 * size and then at the full size (or takes an existing database: --db), and measures every route
 * through the production server (issue 19): median and p95 at c=1 and c=8, response bytes, the
 * server's CPU per request and worst event-loop delay; for pages also LCP, hydration, DOM nodes and
 * bytes transferred in Chromium; for SQL-bound routes the same SQL in the sqlite3 shell. Prints the
 * table, writes JSON and, on a full run, the table in docs/performance.md. Nothing is asserted.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../db/client';
import { appendEntries, createWorkspace, loadWorkspace, type Workspace } from './generate';
import { round, startServer, type Server } from './http';
import { runLoad, send } from './load';
import { parseOptions, type BenchOptions } from './options';
import { rewriteGenerated, routesTable, type ScenarioResult } from './report';
import {
  deepChain,
  exportScenarios,
  callRoute,
  afterWriteScenarios,
  pageScenarios,
  readApiScenarios,
  writeScenarios,
  type Context,
  type Scenario,
} from './scenarios';
import { connectProbe, type ServerProbe } from './server-probe';
import { openCapturingConnection, sqlFigures } from './sql-reference';
import { openBrowserPass, type BrowserPass } from './browser';
import { importFiles, uploadImport } from './import-csv';

const DOCS = 'docs/performance.md';
const PASSWORD = 'bench-password-not-secret';

async function settle(base: string): Promise<void> {
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const started = performance.now();
    await send(base, { path: '/api/health' }, 30_000).catch(() => null);
    if (performance.now() - started < 200) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

function scalar(db: Db, sql: string, ...args: unknown[]): number {
  return db.$client
    .prepare(sql)
    .pluck()
    .get(...args) as number;
}

/** Signed-in users of one actor, their API tokens, 1,000 submitted entries and a pool of drafts. */
async function createUsers(base: string, db: Db, workspace: Workspace): Promise<Context['users']> {
  const { createUserFromConsole } = await import('../db/queries/users');
  const { issueApiToken } = await import('../db/queries/api-tokens');
  const actorId = (workspace.stakeholderIds[2] ?? workspace.actorIds[0]) as number;
  const runId = Date.now().toString(36);
  const account = async (role: 'focal_point' | 'contributor') => {
    const email = `bench-${role.replace('_', '-')}-${runId}@bench.example`;
    const created = await createUserFromConsole(
      { email, name: `Bench ${role}`, role, actor: String(actorId) },
      { password: PASSWORD },
      db,
    );
    if (!created.ok) throw new Error(`could not create a ${role}: ${JSON.stringify(created)}`);
    const token = issueApiToken(created.user.id, `bench ${role} ${runId}`, {}, db);
    if (!token.ok) throw new Error(`could not issue a token: ${token.message}`);
    const response = await fetch(`${base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    const cookie = response.headers
      .getSetCookie()
      .map((one) => one.split(';')[0])
      .join('; ');
    if (!response.ok || !cookie) throw new Error(`sign-in as ${role} answered ${response.status}`);
    return { cookie, token: token.token };
  };
  const focal = await account('focal_point');
  const contributor = await account('contributor');
  const write = async (action: 'submit' | 'draft', count: number, label: string) => {
    const ids: number[] = [];
    for (let first = 0; first < count; first += 100) {
      const entries = Array.from({ length: Math.min(100, count - first) }, (_, i) => ({
        idempotencyKey: `bench-${label}-${runId}-${first + i}`,
        commitment: workspace.commitmentCodes[(first + i) % workspace.commitmentCodes.length],
        subject: actorId,
        status: 'limited',
        asOf: '2026-09-30',
        summary: `Benchmark ${label} ${first + i}`,
        action,
      }));
      const response = await fetch(`${base}/api/v1/entries/batch`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${contributor.token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ entries }),
      });
      const body = (await response.json()) as { entries?: { id: number }[] };
      if (!response.ok || !body.entries)
        throw new Error(`writing ${label} answered ${response.status}: ${JSON.stringify(body)}`);
      ids.push(...body.entries.map((entry) => entry.id));
    }
    return ids;
  };
  await write('submit', 1000, 'waiting');
  const drafts = await write('draft', 1600, 'draft');
  const { adminCookie, ...rounds } = await createRounds(base, db, workspace, actorId, runId);
  return {
    rounds,
    adminCookie,
    focalCookie: focal.cookie,
    contributorCookie: contributor.cookie,
    focalToken: focal.token,
    contributorToken: contributor.token,
    actorId,
    drafts,
  };
}

/**
 * Two open reporting rounds over every commitment: one asking every state (the round page's and
 * the round API's whole completion table), one asking the bench's actor (its focal point's home
 * shows what is due). Written through the admin write path, as an admin of the run, who is then
 * signed in for the admin pages' scenarios.
 */
async function createRounds(
  base: string,
  db: Db,
  workspace: Workspace,
  actorId: number,
  runId: string,
) {
  const { createUserFromConsole } = await import('../db/queries/users');
  const { createRound } = await import('../db/queries/admin-rounds');
  const admin = await createUserFromConsole(
    { email: `bench-admin-${runId}@bench.example`, name: 'Bench admin', role: 'admin' },
    { password: PASSWORD },
    db,
  );
  if (!admin.ok) throw new Error(`could not create an admin: ${JSON.stringify(admin)}`);
  const commitments = db.$client
    .prepare('SELECT id FROM commitments WHERE archived_at IS NULL ORDER BY id')
    .pluck()
    .all() as number[];
  const round = (title: string, asks: 'all_states' | 'list', actors: number[]) => {
    const created = createRound(
      admin.user.id,
      {
        title,
        opensOn: '2026-01-01',
        dueOn: '2027-06-30',
        asks,
        region: null,
        actors,
        commitments,
      },
      {},
      db,
    );
    if (!created.ok) throw new Error(`could not create a round: ${JSON.stringify(created)}`);
    return created.id;
  };
  const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email: admin.user.email, password: PASSWORD }),
  });
  const adminCookie = signIn.headers
    .getSetCookie()
    .map((one) => one.split(';')[0])
    .join('; ');
  if (!signIn.ok || !adminCookie) throw new Error(`sign-in as admin answered ${signIn.status}`);
  return {
    allStates: round(`Bench review of every state ${runId}`, 'all_states', []),
    oneActor: round(`Bench round of one actor ${runId}`, 'list', [actorId]),
    commitmentCount: commitments.length,
    stateCount: workspace.stateIds.length,
    adminCookie,
  };
}

type Facts = Pick<Context, 'typicalActors' | 'heaviestActor' | 'publishedEntryIds'> & {
  entries: number;
};

/** What the scenarios need to know of the data: typical and heaviest actors, some entries. */
function factsOf(db: Db, workspace: Workspace): Facts {
  const entries = scalar(db, 'SELECT max(id) FROM progress_entries') || 1;
  const perActor = db.$client
    .prepare(
      `SELECT subject_id AS id FROM progress_entries WHERE state = 'published'
       GROUP BY subject_id ORDER BY count(*), subject_id`,
    )
    .pluck()
    .all() as number[];
  const middle = Math.floor(perActor.length / 2);
  const ids = db.$client
    .prepare(`SELECT id FROM progress_entries WHERE state = 'published' AND id % ? = 0 LIMIT 100`)
    .pluck()
    .all(Math.max(1, Math.floor(entries / 100))) as number[];
  return {
    entries,
    typicalActors: perActor.slice(Math.max(0, middle - 10), middle + 10),
    heaviestActor: perActor.at(-1) ?? (workspace.actorIds[0] as number),
    publishedEntryIds: ids.length > 0 ? ids : [1],
  };
}

/** The scenarios' context; without a server (`base` null), only to list the scenarios' names. */
async function buildContext(
  base: string | null,
  db: Db,
  workspace: Workspace,
  facts: Facts,
  withUsers: boolean,
  wants: (name: string) => boolean = () => false,
): Promise<Context> {
  const { entries, ...known } = facts;
  const deepPage = Math.max(2, Math.min(100_000, Math.floor(entries / 50 / 2)));
  const chain = async (name: string, first: string, count: number) =>
    base && wants(name) ? await deepChain(base, first, deepPage, count) : [];
  const deep = {
    entriesApi: await chain('API entries, deep page', '/api/v1/entries', 80),
    changes: await chain('change log, deep page', '/changes', 40),
  };
  const users = !withUsers
    ? undefined
    : base
      ? await createUsers(base, db, workspace)
      : {
          focalCookie: '',
          contributorCookie: '',
          adminCookie: '',
          focalToken: '',
          contributorToken: '',
          rounds: { allStates: 0, oneActor: 0, commitmentCount: 0, stateCount: 0 },
        };
  return { workspace, ...known, deep, users: users && { actorId: 0, drafts: [], ...users } };
}

function allScenarios(context: Context, full: boolean): Scenario[] {
  const api = readApiScenarios(context);
  if (!full) return api.filter((scenario) => scenario.growth);
  return [
    ...pageScenarios(context),
    ...api,
    ...afterWriteScenarios(context),
    ...exportScenarios(),
    ...writeScenarios(context),
  ];
}

const IMPORT_NAME = 'import of CSV rows through the upload route';

async function runScenario(
  scenario: Scenario,
  base: string,
  probe: ServerProbe | null,
  options: BenchOptions,
  browser: BrowserPass | null,
  file: string,
): Promise<ScenarioResult> {
  const first = scenario.request(0);
  const result: ScenarioResult = {
    name: scenario.name,
    group: scenario.group,
    path: first?.path ?? '',
    runs: [],
  };
  // The first request was only looked at: its pool entry (a draft) stays for the load.
  let offset = 0;
  const request = (n: number) => (n === 0 && offset++ === 0 ? first : scenario.request(n));
  process.stdout.write(`  ${scenario.name} ... `);
  // Two requests outside the figures (code paths compiled, a past date's timeline built), unless
  // each request uses up something (a pool, a write) or is an export too heavy to repeat.
  if (scenario.group !== 'write' && scenario.maxRequests === undefined && !scenario.during)
    for (const n of [1_000_001, 1_000_002]) {
      const warmUp = scenario.request(n);
      if (warmUp) await send(base, warmUp, scenario.timeoutMs ?? 120_000).catch(() => null);
    }
  for (const concurrency of scenario.concurrency ?? [1, 8]) {
    const during = scenario.during
      ? send(base, scenario.during, 600_000).catch(() => null)
      : undefined;
    const run = await runLoad(
      {
        base,
        concurrency,
        durationMs: scenario.durationMs ?? options.duration * 1000,
        minRequests: scenario.minRequests ?? 20,
        maxRequests: scenario.maxRequests ?? Number.POSITIVE_INFINITY,
        timeoutMs: scenario.timeoutMs ?? 120_000,
        request,
        status: scenario.status,
        until: during,
      },
      probe,
    );
    await during;
    result.runs.push(run);
    await settle(base);
  }
  if (browser && scenario.browser) {
    result.browser = await browser
      .measure(`${base}${scenario.browser.path}`, scenario.browser.cookie)
      .catch((error: unknown) => {
        console.log(`(browser pass failed: ${String(error)})`);
        return undefined;
      });
  }
  if (scenario.sql) {
    // A refused request loads the route's module first, so the capture times the query only.
    const warmUp = `${result.path}${result.path.includes('?') ? '&' : '?'}warm-up=1`;
    await callRoute(warmUp).catch(() => null);
    const sql = await sqlFigures(file, () => callRoute(result.path)).catch((error: unknown) => ({
      missing: `the route handler failed in-process: ${String(error)}`,
    }));
    if ('missing' in sql) result.notes = sql.missing;
    else result.sql = sql;
  }
  const c1 = result.runs[0];
  console.log(
    c1
      ? `median ${c1.medianMs} ms, p95 ${c1.p95Ms} ms at c=${c1.concurrency}; ${c1.bytes} B; ` +
          `CPU ${c1.cpuMsPerRequest ?? '?'} ms/req; loop max ${c1.eventLoopMaxMs ?? '?'} ms (on core ${c1.eventLoopOnCoreMs ?? '?'})` +
          (result.browser ? `; LCP ${result.browser.lcpMs} ms` : '') +
          (result.sql ? `; shell ${result.sql.shellMs} ms` : '')
      : 'no requests',
  );
  return result;
}

/**
 * The import through the upload route while /api/health is asked every HEALTH_INTERVAL_MS (the
 * app keeps serving). A steady rate, as traffic comes: health checks sent back to back kept the
 * server's thread and the bench's client busy on both of the machine's two cores, so the import's
 * time measured how many cores were left to it rather than the import (docs/performance.md,
 * "Import and single stretches, session 18").
 */
const HEALTH_INTERVAL_MS = 20;

async function importScenario(
  base: string,
  probe: ServerProbe | null,
  context: Context,
  rows: number,
): Promise<ScenarioResult> {
  const result: ScenarioResult = {
    name: IMPORT_NAME,
    group: 'write',
    path: '/entries/import/upload',
    runs: [],
  };
  if (!context.users) return { ...result, missing: 'no signed-in focal point' };
  const files = importFiles(context.workspace, context.users.actorId, rows);
  process.stdout.write(`  ${IMPORT_NAME} (${rows} rows in ${files.length} files) ... `);
  const upload = uploadImport(base, context.users.focalCookie, files);
  const health = await runLoad(
    {
      base,
      concurrency: 1,
      durationMs: 0,
      minRequests: 0,
      maxRequests: Number.POSITIVE_INFINITY,
      timeoutMs: 120_000,
      request: () => ({ path: '/api/health' }),
      until: upload,
      intervalMs: HEALTH_INTERVAL_MS,
    },
    probe,
  );
  try {
    const { seconds, written } = await upload;
    console.log(`${seconds} s, ${written} written; /api/health p95 ${health.p95Ms} ms meanwhile`);
    return {
      ...result,
      runs: [health],
      importSeconds: seconds,
      notes: `${rows.toLocaleString('en')} rows in ${seconds} s; figures: /api/health every ${HEALTH_INTERVAL_MS} ms meanwhile`,
    };
  } catch (error) {
    console.log(String(error));
    return { ...result, missing: String(error).slice(0, 200) };
  }
}

function build(distDir: string): void {
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

interface SizeResult {
  entries: number;
  generateSeconds: number | null;
  peakRssMb: number;
  scenarios: ScenarioResult[];
}

async function measureSize(
  options: BenchOptions,
  file: string,
  db: Db,
  workspace: Workspace,
  full: boolean,
): Promise<{ scenarios: ScenarioResult[]; peakRssMb: number }> {
  const distDir = options.distDir;
  const loopFile = path.resolve(options.workDir, 'event-loop.json');
  fs.rmSync(loopFile, { force: true });
  const wants = (name: string) => !options.only || options.only.test(name);
  const selected = (scenarios: Scenario[]) => scenarios.filter(({ name }) => wants(name));
  // Users (and their 1,000 waiting entries) only when a selected scenario needs them.
  const importSelected = full && options.importRows > 0 && wants(IMPORT_NAME);
  const facts = factsOf(db, workspace);
  const names = async (users: boolean) =>
    selected(allScenarios(await buildContext(null, db, workspace, facts, users), full)).length;
  const needsUsers = full && (importSelected || (await names(true)) > (await names(false)));
  const server: Server = await startServer({
    port: options.port,
    databasePath: file,
    distDir,
    log: path.join(options.workDir, 'server.log'),
    env: { BENCH_EVENT_LOOP_FILE: loopFile },
  });
  const stopOnSignal = () => {
    server.child.kill('SIGKILL');
    process.exit(130);
  };
  process.once('SIGINT', stopOnSignal).once('SIGTERM', stopOnSignal);
  let browser: BrowserPass | null = null;
  try {
    const probe = await connectProbe(loopFile);
    if (!probe) console.log('  (the server reports no event-loop delay: an older build?)');
    const context = await buildContext(server.base, db, workspace, facts, needsUsers, wants);
    const scenarios = selected(allScenarios(context, full));
    if (options.browser && scenarios.some((scenario) => scenario.browser))
      browser = await openBrowserPass();
    const results: ScenarioResult[] = [];
    for (const scenario of scenarios)
      results.push(await runScenario(scenario, server.base, probe, options, browser, file));
    if (importSelected)
      results.push(await importScenario(server.base, probe, context, options.importRows));
    return { scenarios: results, peakRssMb: server.peakRssMb() };
  } finally {
    await browser?.close();
    process.removeListener('SIGINT', stopOnSignal).removeListener('SIGTERM', stopOnSignal);
    await server.stop();
  }
}

interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  loadAverage: number[];
}

function docsSection(
  date: string,
  machine: Machine,
  size: SizeResult,
  workspace: Workspace,
  options: BenchOptions,
): string {
  const count = (n: number) => n.toLocaleString('en');
  return [
    `Generated by \`npm run bench\` on ${date.slice(0, 16).replace('T', ' ')} UTC: ` +
      `${count(size.entries)} entries, ${count(workspace.actorIds.length)} actors, ` +
      `${count(workspace.commitmentIds.length)} commitments; ${options.duration} s and at least ` +
      `20 requests per concurrency; ${machine.cpus} × ${machine.cpuModel}, ` +
      `${machine.memoryGb} GB, ` +
      `Node ${machine.node}, load average ${machine.loadAverage.join(' / ')} at the end; peak ` +
      `server RSS ${size.peakRssMb} MB. The next full run rewrites this table (do not edit it ` +
      'by hand); how each figure is taken is under "How the bench measures".',
    '',
    routesTable(size.scenarios),
  ].join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  fs.mkdirSync(options.workDir, { recursive: true });
  const distDir = options.distDir;
  if (!options.skipBuild || !fs.existsSync(path.join(distDir, 'BUILD_ID'))) build(distDir);

  const file = path.resolve(options.db ?? path.join(options.workDir, 'bench.db'));
  if (!options.db)
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  process.env.DATABASE_PATH = file;
  const db = options.db
    ? openDatabase(file)
    : createWorkspace(file, {
        actors: options.actors,
        states: options.states,
        commitments: options.commitments,
        seed: options.seed,
      });
  const workspace = loadWorkspace(db);
  // The query modules' connection, with the hook that captures their SQL (sql-reference.ts).
  openCapturingConnection(file);
  const sizes = options.db
    ? [0]
    : [...new Set([options.growthEntries, options.entries].filter((size) => size > 0))].sort(
        (a, b) => a - b,
      );
  const results: SizeResult[] = [];
  let generated = 0;
  for (const [index, size] of sizes.entries()) {
    let generateSeconds: number | null = null;
    if (!options.db) {
      const started = performance.now();
      const label = `entries -> ${size.toLocaleString('en')}`;
      appendEntries(db, workspace, options.seed, generated, size, label);
      generated = size;
      generateSeconds = round((performance.now() - started) / 1000);
    }
    const entries = scalar(db, 'SELECT count(*) FROM progress_entries');
    const full = index === sizes.length - 1;
    const note = full ? '' : ' (growth size: read API only)';
    console.log(`\n${entries.toLocaleString('en')} entries${note}`);
    const measured = await measureSize(options, file, db, workspace, full);
    results.push({ entries, generateSeconds, ...measured });
  }
  const report = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: round(os.totalmem() / 1024 ** 3),
      node: process.version,
      loadAverage: os.loadavg().map((value) => round(value, 2)),
    },
    options: { ...options, only: options.only?.source ?? null },
    sizes: results,
  };
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
  const full = results.at(-1);
  if (full) {
    console.log(`\n${routesTable(full.scenarios)}`);
    if (options.docs) {
      const text = rewriteGenerated(
        fs.readFileSync(DOCS, 'utf8'),
        docsSection(report.date, report.machine, full, workspace, options),
        '## Every route (generated by `npm run bench`)',
      );
      fs.writeFileSync(DOCS, text);
      console.log(`\nThe routes table in ${DOCS} is rewritten.`);
    }
  }
  console.log(`\nResults written to ${options.out}`);
  db.$client.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
