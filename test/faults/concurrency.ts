/**
 * `npm run test:concurrency [-- --seconds 20 --readers 8 --writers 4 --importRows 300 --port 3252 --reuse-build]`
 *
 * Many simultaneous readers (pages and API) and writers (API publishes as several focal points),
 * while a CSV import (db/import/csv-import.ts, in its own process, one long write transaction) and
 * online backups (npm run db:backup) run against the same database. Passes when no response is a
 * 5xx or mentions a busy or locked database, every acknowledged write and every imported row is
 * in the database exactly once, the invariants of the crash test hold, and each backup passes
 * its integrity check.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { toCsv } from '../../lib/csv';
import {
  assertPortFree,
  ensureBuild,
  freshDatabase,
  options,
  removeDir,
  ROOT,
  sleep,
  startServer,
  stopServer,
} from './harness';
import { checkInvariants } from './invariants';
import { emptyStats, randomSource, Writer, writerIdentities } from './writers';

const BUSY = /SQLITE_|database is locked|database is busy|busy_timeout/i;

function runScript(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string; milliseconds: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('exit', (code) =>
      resolve({ code, stdout, stderr, milliseconds: Date.now() - started }),
    );
  });
}

async function main(): Promise<number> {
  const opts = options({
    seconds: 20,
    readers: 8,
    writers: 4,
    importRows: 300,
    backups: 2,
    port: 3252,
    seed: Date.now() % 1_000_000,
    'reuse-build': false,
    keep: false,
  });
  await assertPortFree(opts.port);
  ensureBuild(opts['reuse-build']);
  const database = freshDatabase('concurrency');
  const { identities, plan } = writerIdentities(database.file);
  const writers = Array.from(
    { length: opts.writers },
    (_, index) =>
      new Writer(
        `conc${opts.seed}-w${index + 1}`,
        identities[index % identities.length]!,
        plan,
        randomSource(opts.seed + index + 1),
        database.file,
      ),
  );

  // The import: a focal point's file of self-reports, published on import.
  const seedDb = new Database(database.file, { readonly: true });
  const importer = seedDb
    .prepare(
      `SELECT u.id, u.actor_id AS actorId FROM users u JOIN actors a ON a.id = u.actor_id WHERE u.role = 'focal_point' AND a.kind = 'state' ORDER BY a.id DESC LIMIT 1`,
    )
    .get() as { id: string; actorId: number };
  const actorIds = (seedDb.prepare('SELECT id FROM actors').all() as { id: number }[]).map(
    (row) => row.id,
  );
  const commitmentCodes = (
    seedDb.prepare('SELECT code FROM commitments').all() as { code: string }[]
  ).map((row) => row.code);
  seedDb.close();
  const importKeys = Array.from(
    { length: opts.importRows },
    (_, index) => `conc${opts.seed}-import-${index + 1}`,
  );
  const csvFile = path.join(database.dir, 'import.csv');
  fs.writeFileSync(
    csvFile,
    toCsv(
      ['idempotency_key', 'commitment_code', 'subject_id', 'status', 'as_of', 'summary'],
      importKeys.map((key, index) => [
        key,
        plan.commitments[index % plan.commitments.length]!,
        importer.actorId,
        'substantial',
        `2025-${String((index % 12) + 1).padStart(2, '0')}-15`,
        `Imported row ${index + 1}`,
      ]),
    ),
  );

  const server = await startServer(database.file, opts.port);
  const base = server.baseUrl;
  const stats = emptyStats();
  const reads = { requests: 0, failures: [] as string[] };
  const pages = [
    '/',
    '/commitments',
    '/actors',
    '/changes',
    `/commitments/${commitmentCodes[0]}`,
    `/actors/${actorIds[0]}`,
    '/api/v1/entries?limit=50',
    '/api/v1/summary',
    '/api/v1/matrix',
    '/api/v1/commitments',
    '/api/v1/actors',
    '/api/health',
  ];
  let stopped = false;
  let failed = false;
  const started = Date.now();
  try {
    const readers = Array.from({ length: opts.readers }, async (_, index) => {
      for (let step = index; !stopped; step += 1) {
        const url = `${base}${pages[step % pages.length]}`;
        reads.requests += 1;
        try {
          const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
          const text = await response.text();
          if (response.status >= 500 || BUSY.test(text))
            reads.failures.push(`GET ${url}: ${response.status} ${text.slice(0, 200)}`);
        } catch (error) {
          reads.failures.push(`GET ${url}: no response (${String(error)})`);
        }
      }
    });
    const writing = writers.map((writer) =>
      writer.runUntil(
        () => base,
        () => stopped,
        stats,
      ),
    );
    await sleep(1_000);
    const env = { DATABASE_PATH: database.file };
    const importRun = runScript(
      ['--conditions=react-server', 'test/faults/import-worker.ts', importer.id, csvFile],
      env,
    );
    const backupRuns = Array.from({ length: opts.backups }, async (_, index) => {
      await sleep(index * 1_500);
      return runScript(
        ['db/backup.ts', 'backup', '--out', path.join(database.dir, `backup-${index + 1}.db`)],
        env,
      );
    });
    const [imported, ...backups] = await Promise.all([importRun, ...backupRuns]);
    const remaining = opts.seconds * 1000 - (Date.now() - started);
    if (remaining > 0) await sleep(remaining);
    stopped = true;
    await Promise.all([...readers, ...writing]);
    await Promise.all(writers.map((writer) => writer.finish(base, stats)));

    const problems: string[] = [...reads.failures.slice(0, 20), ...stats.refused.slice(0, 20)];
    if (stats.serverErrors > 0)
      problems.push(`${stats.serverErrors} writes answered with a server error`);
    const importResult =
      imported!.code === 0
        ? (JSON.parse(imported!.stdout.trim().split('\n').pop()!) as {
            ok: boolean;
            counts: { written: number; new: number };
          })
        : null;
    if (!importResult?.ok)
      problems.push(
        `the import failed: ${imported!.stdout.slice(0, 300)} ${imported!.stderr.slice(0, 500)}`,
      );
    for (const [index, backup] of backups.entries())
      if (backup.code !== 0)
        problems.push(`backup ${index + 1} failed: ${backup.stderr.slice(0, 300)}`);
    await stopServer(server);

    const acknowledged = writers.flatMap((writer) => writer.acknowledged);
    problems.push(...checkInvariants(database.file, acknowledged));
    const db = new Database(database.file, { readonly: true });
    const count = db.prepare(
      'SELECT count(*) AS n FROM progress_entries WHERE idempotency_key = ?',
    );
    const missingImports = importKeys.filter((key) => (count.get(key) as { n: number }).n !== 1);
    db.close();
    if (missingImports.length > 0)
      problems.push(
        `${missingImports.length} imported rows are not present exactly once, e.g. ${missingImports.slice(0, 3).join(', ')}`,
      );
    const backupEntries = backups
      .filter((backup) => backup.code === 0)
      .map((_, index) => {
        const copy = new Database(path.join(database.dir, `backup-${index + 1}.db`), {
          readonly: true,
        });
        const result = {
          integrity: copy.pragma('integrity_check', { simple: true }),
          entries: (
            copy.prepare('SELECT count(*) AS n FROM progress_entries').get() as { n: number }
          ).n,
        };
        copy.close();
        return result;
      });
    for (const backup of backupEntries)
      if (backup.integrity !== 'ok')
        problems.push(`a backup failed its integrity check: ${String(backup.integrity)}`);

    const seconds = Math.round((Date.now() - started) / 1000);
    for (const problem of problems) console.error(`  ${problem}`);
    if (problems.length > 0)
      for (const line of server.stderr.slice(-30)) console.error(`  server: ${line.slice(0, 400)}`);
    failed = problems.length > 0;
    console.log(
      `Concurrency: ${seconds} s, ${opts.readers} readers made ${reads.requests} page and API reads; ${opts.writers} writers made ${stats.requests} publishes (${stats.acknowledged} acknowledged, ${stats.retried} retried, ${stats.serverErrors} server errors); ` +
        `an import of ${opts.importRows} rows (${importResult?.counts.written ?? 0} written, ${imported!.milliseconds} ms) and ${backups.length} online backups (${backupEntries.map((backup) => `${backup.entries} entries`).join(', ')}) ran meanwhile; ` +
        `${failed ? 'FAILED' : 'no busy or locked database reached a user, no write was lost'}.`,
    );
  } finally {
    stopped = true;
    await stopServer(server);
    if (!opts.keep) removeDir(database.dir);
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
