import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Read-only view of the throw-away database the server under test uses. */
export function e2eDatabase(): Database.Database {
  return new Database(process.env.E2E_DATABASE_PATH ?? 'e2e/.tmp/3100/e2e.db', {
    readonly: true,
    fileMustExist: true,
  });
}

export function queryOne<T>(sql: string, ...params: unknown[]): T {
  const db = e2eDatabase();
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

export function queryAll<T>(sql: string, ...params: unknown[]): T[] {
  const db = e2eDatabase();
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** WCAG 2.1 A and AA, zero violations. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}

export const DEMO_NOTICE = 'Demo data: all actors and entries are fictitious';

export const ENTRY_TOKEN = /ct_[A-Za-z0-9_-]{43}/;

/**
 * Runs one of the project's command-line tools against the e2e database without blocking this
 * worker's event loop: a blocked loop misses the server closing an idle keep-alive socket, and the
 * next API request is then written into a closed connection (ECONNRESET).
 */
export async function runTool(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<string> {
  const { stdout } = await promisify(execFile)(
    'node_modules/.bin/tsx',
    ['--conditions=react-server', script, ...args],
    {
      env: { ...process.env, DATABASE_PATH: process.env.E2E_DATABASE_PATH, ...env },
      encoding: 'utf8',
    },
  );
  return stdout;
}

/** An API token issued the way an operator would: `npm run token:create` against the e2e database. */
export async function issueToken(email: string, name: string): Promise<string> {
  const output = await runTool('db/token-create.ts', ['--email', email, '--name', name]);
  const token = ENTRY_TOKEN.exec(output)?.[0];
  if (!token) throw new Error(`token:create printed no token:\n${output}`);
  return token;
}
