/**
 * The one place that opens the database. Every open sets the durability pragmas and applies
 * pending migrations, so the app and every script see the same, current schema.
 * Nothing here runs at import time: `next build` never touches the database.
 */
import path from 'node:path';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const DEFAULT_DATABASE_PATH = 'data/commitment-tracker.db';

export function databasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH ?? DEFAULT_DATABASE_PATH);
}

/**
 * WAL lets readers run beside the single writer; synchronous=FULL fsyncs the WAL on every commit,
 * so an acknowledged write survives power loss, not only a process crash (NORMAL would not).
 * busy_timeout: a writer waits up to 30 s for another process's write transaction (a script, a
 * second server, an import of thousands of rows) rather than answer "database is locked"; within
 * one process better-sqlite3 is synchronous, so writes never contend there.
 */
export const BUSY_TIMEOUT_MS = 30_000;

/**
 * cache_size: SQLite's own page cache per connection, 16 MiB instead of the default 2 MiB, so the
 * upper levels of the indexes and the pages a view reads stay in the process between requests
 * rather than being read again from the OS. It counts towards the server's memory, and a larger
 * one bought nothing measurable (docs/performance.md). The CSV import raises it for its own run.
 */
export const CACHE_SIZE_KIB = 16_384;

/*
 * temp_store = MEMORY: statement journals (a write whose triggers touch several tables keeps one,
 * to undo just that statement on a constraint failure) and temporary b-trees stay in memory instead
 * of temporary files, which made a published insert cheaper. Not a durability setting: the WAL and
 * its fsync are unchanged.
 */

export function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`cache_size = -${CACHE_SIZE_KIB}`);
  sqlite.pragma('temp_store = MEMORY');
}

/** The migrations folder, resolved from the working directory the app and scripts run in. */
export function migrationsFolder(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'db/migrations');
}

export function openDatabase(file: string = databasePath()): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  applyPragmas(sqlite);
  const db = drizzle(sqlite, { schema });
  const folder = migrationsFolder();
  refuseSquashedChain(sqlite, folder, file);
  migrate(db, { migrationsFolder: folder });
  return db;
}

/**
 * A database migrated by more migrations than the folder holds was made before they were squashed
 * into one baseline: migrating it would fail half-way, so say what to do instead.
 */
function refuseSquashedChain(
  sqlite: Database.Database,
  migrationsFolder: string,
  file: string,
): void {
  const tracked = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!tracked) return;
  const applied = sqlite
    .prepare('SELECT count(*) FROM __drizzle_migrations')
    .pluck()
    .get() as number;
  const journal = JSON.parse(
    fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8'),
  ) as {
    entries: unknown[];
  };
  if (applied > journal.entries.length) {
    sqlite.close();
    throw new Error(
      `${file} was made by an earlier chain of migrations, squashed since into one baseline. ` +
        'Move it aside (or delete it, if it holds only the demo) and run `npm run db:setup` again.',
    );
  }
}

/**
 * A read-only connection of its own to the process's database, for a long read (an export) that
 * keeps one snapshot in a read transaction while requests on the main connection write; the
 * caller closes it. Null for an in-memory database, which no second connection can see.
 */
export function openReader(): Db | null {
  const main = getDb().$client;
  if (main.memory) return null;
  const sqlite = new Database(main.name, { readonly: true, fileMustExist: true });
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return drizzle(sqlite, { schema });
}

const globalForDb = globalThis as typeof globalThis & { __commitmentTrackerDb?: Db };

/** The process-wide connection, opened (and migrated) on first use. */
export function getDb(): Db {
  globalForDb.__commitmentTrackerDb ??= openDatabase();
  return globalForDb.__commitmentTrackerDb;
}
