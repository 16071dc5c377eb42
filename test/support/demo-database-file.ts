import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { getDb, openDatabase } from '../../db/client';
import { seedDatabase } from '../../seed';

/**
 * For tests of a route as the server runs it: the demo workspace (seeded at a fixed time) in a
 * database file of its own, which the app's process-wide connection (getDb) opens through
 * DATABASE_PATH, so a route reads it as in production, a second read-only connection included.
 * Registers the suite's beforeAll and afterAll; the file is removed afterwards.
 */
export function useDemoDatabaseFile(name: string): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  beforeAll(() => {
    process.env.DATABASE_PATH = path.join(dir, `${name}.db`);
    const db = openDatabase(process.env.DATABASE_PATH);
    seedDatabase(db, 'demo', '2026-11-01T00:00:00.000Z');
    db.$client.close();
  });
  afterAll(() => {
    getDb().$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
}
