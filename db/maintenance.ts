/**
 * Backup, restore and health of the SQLite database. Backups use SQLite's online backup API,
 * never a file copy: a live WAL database copied with `cp` can be torn.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrationsFolder as defaultMigrationsFolder } from './client';

export interface BackupResult {
  file: string;
  bytes: number;
  milliseconds: number;
  tables: Record<string, number>;
}

export function rowCounts(db: Database.Database): Record<string, number> {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n,
    ]),
  );
}

function checkIntegrity(file: string): Database.Database {
  const copy = new Database(file, { fileMustExist: true });
  const result = copy.pragma('integrity_check', { simple: true });
  if (result !== 'ok') {
    copy.close();
    throw new Error(`${file} failed the integrity check: ${String(result)}`);
  }
  return copy;
}

/** Copies a live database page by page while writers go on; the copy is checked before it counts. */
export async function backupDatabase(source: string, destination: string): Promise<BackupResult> {
  const started = Date.now();
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  if (fs.existsSync(destination))
    throw new Error(`${destination} exists already: backups never overwrite`);
  const db = new Database(source, { fileMustExist: true, readonly: true });
  db.pragma('busy_timeout = 5000');
  try {
    // All pages in one step: a snapshot under one read transaction. In steps, every write by
    // another connection would restart the copy, and a busy server would never let it finish.
    await db.backup(destination, { progress: ({ totalPages }) => Math.max(totalPages, 100) });
  } finally {
    db.close();
  }
  const copy = checkIntegrity(destination);
  // A standalone copy: fold any WAL back so one file is the whole backup.
  copy.pragma('journal_mode = DELETE');
  const tables = rowCounts(copy);
  copy.close();
  return {
    file: destination,
    bytes: fs.statSync(destination).size,
    milliseconds: Date.now() - started,
    tables,
  };
}

/**
 * Restores a checked backup into `target`. The database being replaced is kept beside it, never
 * deleted. Stop the app first: a running server holds the old file open.
 */
export async function restoreDatabase(
  backup: string,
  target: string,
): Promise<{ kept: string | null; tables: Record<string, number> }> {
  checkIntegrity(backup).close();
  let kept: string | null = null;
  if (fs.existsSync(target)) {
    kept = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    const current = new Database(target);
    current.pragma('wal_checkpoint(TRUNCATE)');
    current.close();
    fs.renameSync(target, kept);
    for (const suffix of ['-wal', '-shm'])
      if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, kept + suffix);
  }
  const source = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    await source.backup(target, { progress: ({ totalPages }) => Math.max(totalPages, 100) });
  } finally {
    source.close();
  }
  const restored = checkIntegrity(target);
  restored.pragma('journal_mode = WAL');
  const tables = rowCounts(restored);
  restored.close();
  return { kept, tables };
}

export interface Health {
  database: 'reachable' | 'unreachable';
  migrations: 'current' | 'pending' | 'unknown';
}

/**
 * The hashes of the migrations the code ships, per folder: they change only with the code, so
 * they are read and hashed once per process, not on every health check an uptime monitor makes.
 */
const shippedMigrations = new Map<string, readonly string[]>();

function shippedMigrationHashes(migrationsFolder: string): readonly string[] {
  let hashes = shippedMigrations.get(migrationsFolder);
  if (!hashes) {
    hashes = readMigrationFiles({ migrationsFolder }).map((migration) => migration.hash);
    shippedMigrations.set(migrationsFolder, hashes);
  }
  return hashes;
}

/** Reachability and schema currency, and nothing else: no paths, versions or errors leak. */
export function checkHealth(
  db: Database.Database,
  migrationsFolder = defaultMigrationsFolder(),
): Health {
  try {
    db.prepare('SELECT 1').get();
  } catch {
    return { database: 'unreachable', migrations: 'unknown' };
  }
  try {
    const expected = shippedMigrationHashes(migrationsFolder);
    const applied = new Set(
      (db.prepare('SELECT hash FROM __drizzle_migrations').all() as { hash: string }[]).map(
        (row) => row.hash,
      ),
    );
    return {
      database: 'reachable',
      migrations: expected.every((hash) => applied.has(hash)) ? 'current' : 'pending',
    };
  } catch {
    return { database: 'reachable', migrations: 'unknown' };
  }
}
