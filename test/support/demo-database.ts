import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { applyPragmas, openDatabase, type Db } from '../../db/client';
import * as schema from '../../db/schema';
import { seedDatabase } from '../../seed';

/**
 * For tests: the demo workspace seeded once (at a fixed time, so figures are stable) and a fresh
 * in-memory copy of it on every call, so each test starts from the same database in milliseconds.
 */
export function demoDatabases(seededAt = '2026-11-01T00:00:00.000Z'): () => Db {
  let seeded: Buffer | null = null;
  return () => {
    if (!seeded) {
      const template = openDatabase(':memory:');
      seedDatabase(template, 'demo', seededAt);
      seeded = template.$client.serialize();
      template.$client.close();
    }
    const sqlite = new Database(seeded);
    applyPragmas(sqlite);
    return drizzle(sqlite, { schema }) as Db;
  };
}
