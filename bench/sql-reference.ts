/**
 * Like for like (issue 19, point 7): the SQL a route's query function really runs, captured from
 * the bench process's own connection (better-sqlite3's `verbose` hook gives each statement with its
 * values bound), then run in the sqlite3 shell on the same file with the app's pragmas
 * (db/client.ts applyPragmas: cache_size, temp_store). The first shell pass warms the page cache;
 * the figure is the median of the passes after it, each the statements' CPU time (user + sys, in
 * microseconds, where the shell's wall clock has only milliseconds) or their wall time when longer.
 */
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { applyPragmas, CACHE_SIZE_KIB, type Db } from '../db/client';
import * as schema from '../db/schema';
import { percentile, round } from './http';
import type { SqlFigures } from './report';

let captured: string[] | null = null;

/**
 * Opens the process-wide connection the query modules use (db/client.ts getDb) with the capture
 * hook; call before any query function runs.
 */
export function openCapturingConnection(file: string): Db {
  const sqlite = new Database(file, {
    verbose: (sql: unknown) => {
      if (captured && typeof sql === 'string') captured.push(sql);
    },
  });
  applyPragmas(sqlite);
  const db = drizzle(sqlite, { schema }) as Db;
  (globalThis as typeof globalThis & { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = db;
  return db;
}

/** Runs `query` and returns the statements it sent to SQLite, and the time it took. */
export async function captureSql(
  query: () => unknown,
): Promise<{ statements: string[]; inProcessMs: number }> {
  const statements: string[] = [];
  captured = statements;
  const started = performance.now();
  try {
    await query();
  } finally {
    captured = null;
  }
  return {
    statements: statements.filter(
      (sql) => !/^\s*(PRAGMA|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i.test(sql),
    ),
    inProcessMs: round(performance.now() - started, 2),
  };
}

/** Per pass: the statements' summed time in ms from the shell's `.timer` lines. */
export function passTimes(output: string, statements: number): number[] {
  const lines = [...output.matchAll(/Run Time: real ([\d.]+) user ([\d.]+) sys ([\d.]+)/g)].map(
    (match) => Math.max(Number(match[1]) * 1000, (Number(match[2]) + Number(match[3])) * 1000),
  );
  const passes: number[] = [];
  for (let at = 0; at + statements <= lines.length; at += statements)
    passes.push(lines.slice(at, at + statements).reduce((sum, ms) => sum + ms, 0));
  return passes;
}

export function shellTime(
  file: string,
  statements: readonly string[],
  passes = 5,
): { shellMs: number } | { missing: string } {
  if (statements.length === 0) return { missing: 'no SQL (answered from memory)' };
  const script = [
    `PRAGMA cache_size = -${CACHE_SIZE_KIB};`,
    'PRAGMA temp_store = MEMORY;',
    '.output /dev/null',
    '.timer on',
    ...Array.from({ length: passes + 1 }, () =>
      statements.map((sql) => `${sql.trim().replace(/;$/, '')};`),
    ).flat(),
  ].join('\n');
  const run = spawnSync('sqlite3', ['-readonly', file], {
    input: script,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error) return { missing: 'the sqlite3 shell is not installed (apt-get install sqlite3)' };
  const times = passTimes(run.stdout, statements.length).slice(1);
  if (times.length === 0) return { missing: `the shell failed: ${run.stderr.slice(0, 200)}` };
  return {
    shellMs: round(
      percentile(
        times.sort((a, b) => a - b),
        50,
      ),
      2,
    ),
  };
}

export async function sqlFigures(
  file: string,
  query: () => unknown,
): Promise<SqlFigures | { missing: string }> {
  const { statements, inProcessMs } = await captureSql(query);
  const shell = shellTime(file, statements, inProcessMs > 300 ? 2 : 5);
  if ('missing' in shell) return shell;
  return { statements: statements.length, shellMs: shell.shellMs, inProcessMs };
}
