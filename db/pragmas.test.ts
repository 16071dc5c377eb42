import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { applyPragmas, BUSY_TIMEOUT_MS, CACHE_SIZE_KIB } from './client';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pragmas-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('durable settings on every open', () => {
  it("uses WAL, synchronous=FULL, foreign keys, a busy timeout that outlasts another process's long write, a 16 MiB page cache and in-memory temporary storage", () => {
    const sqlite = new Database(path.join(dir, 'p.db'));
    applyPragmas(sqlite);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
    expect(sqlite.pragma('cache_size', { simple: true })).toBe(-CACHE_SIZE_KIB);
    expect(sqlite.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
    sqlite.close();
  });

  it('waits for a write lock held by another connection instead of failing at once', () => {
    const file = path.join(dir, 'wait.db');
    const holder = new Database(file);
    applyPragmas(holder);
    holder.exec('CREATE TABLE t (x INTEGER)');
    const waiter = new Database(file);
    waiter.pragma('journal_mode = WAL');
    waiter.pragma('busy_timeout = 200');
    holder.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    expect(() => waiter.exec('BEGIN IMMEDIATE')).toThrow(/busy|locked/i);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    holder.exec('COMMIT');
    waiter.exec('BEGIN IMMEDIATE; INSERT INTO t VALUES (1); COMMIT');
    expect(holder.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
    holder.close();
    waiter.close();
  });
});
