import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPragmas, openDatabase } from './client';
import { backupDatabase, checkHealth, restoreDatabase, rowCounts } from './maintenance';
import { seedDatabase } from '../seed';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-backup-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every row of every table, in a stable order (some tables have no rowid): content, not only counts. */
function contents(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(
      Object.keys(rowCounts(db)).map((table) => [
        table,
        db
          .prepare(`SELECT * FROM "${table}"`)
          .all()
          .map((row) => JSON.stringify(row))
          .sort(),
      ]),
    );
  } finally {
    db.close();
  }
}

describe('backup and restore', () => {
  it('takes a consistent online backup while entries are written, and restores it exactly', async () => {
    const live = path.join(dir, 'live.db');
    const seeded = openDatabase(live);
    seedDatabase(seeded, 'demo');
    seeded.$client.close();

    // A second connection keeps writing audit rows while the backup runs.
    const writer = new Database(live);
    applyPragmas(writer);
    const insert = writer.prepare(
      `INSERT INTO audit_log (action, entity_type, entity_id) VALUES ('load.test', 'test', ?)`,
    );
    let written = 0;
    const load = setInterval(() => {
      for (let i = 0; i < 50; i += 1) insert.run(String((written += 1)));
    }, 1);

    const backup = await backupDatabase(live, path.join(dir, 'backups', 'copy.db'));
    clearInterval(load);
    writer.close();
    expect(written).toBeGreaterThan(0);
    expect(backup.tables.progress_entries).toBeGreaterThan(1000);

    // The copy is a consistent snapshot: each table a prefix of the live one, the audit log whole.
    const copied = contents(backup.file);
    const current = contents(live);
    for (const [table, rows] of Object.entries(copied)) {
      expect(current[table]?.slice(0, rows.length), table).toEqual(rows);
    }
    expect(copied.audit_log?.length).toBeLessThanOrEqual(current.audit_log?.length ?? 0);

    // Restoring keeps the replaced database beside it and gives back exactly the backup.
    const restored = await restoreDatabase(backup.file, live);
    expect(restored.kept).not.toBeNull();
    expect(fs.existsSync(restored.kept as string)).toBe(true);
    expect(contents(live)).toEqual(copied);
    const reopened = openDatabase(live);
    expect(reopened.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(checkHealth(reopened.$client)).toEqual({ database: 'reachable', migrations: 'current' });
    reopened.$client.close();
  });

  it('never overwrites an existing backup', async () => {
    const live = path.join(dir, 'live.db');
    openDatabase(live).$client.close();
    const out = path.join(dir, 'copy.db');
    await backupDatabase(live, out);
    await expect(backupDatabase(live, out)).rejects.toThrow(/exists already/);
  });

  it('refuses to restore a file that is not a sound database', async () => {
    const broken = path.join(dir, 'broken.db');
    fs.writeFileSync(broken, 'not a database');
    await expect(restoreDatabase(broken, path.join(dir, 'target.db'))).rejects.toThrow();
    expect(fs.existsSync(path.join(dir, 'target.db'))).toBe(false);
  });
});

describe('health', () => {
  it('reports pending migrations without naming them', () => {
    const db = new Database(':memory:');
    db.exec(
      `CREATE TABLE __drizzle_migrations (id INTEGER PRIMARY KEY, hash TEXT, created_at INTEGER)`,
    );
    expect(checkHealth(db)).toEqual({ database: 'reachable', migrations: 'pending' });
  });

  it('reports a database without a schema as unknown, not as an error', () => {
    expect(checkHealth(new Database(':memory:'))).toEqual({
      database: 'reachable',
      migrations: 'unknown',
    });
  });
});
