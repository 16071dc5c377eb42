import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPragmas, type Db } from './client';
import { groupCommit, MAX_WRITES_PER_COMMIT, WriteBatch, writeBatchOf } from './group-commit';
import { demoDatabases } from '../test/support/demo-database';
import { createAndAdvanceEntry, type WriteResult } from './queries/entry-workflow';

/** Group commit: fewer fsyncs, the same results, and an answer only once the commit is on disk. */
let dir: string;
let file: string;
let sqlite: Database.Database;
let batch: WriteBatch;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'write-batch-'));
  file = path.join(dir, 'batch.db');
  sqlite = new Database(file);
  applyPragmas(sqlite);
  sqlite.exec(`
    CREATE TABLE parents (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
    CREATE TABLE children (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parents(id) DEFERRABLE INITIALLY DEFERRED);
  `);
  batch = new WriteBatch(sqlite);
});

afterEach(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const insertParent = (name: string) => () =>
  Number(sqlite.prepare('INSERT INTO parents (name) VALUES (?)').run(name).lastInsertRowid);
const names = (db: Database.Database = sqlite) =>
  db.prepare('SELECT name FROM parents ORDER BY id').pluck().all() as string[];

/** Settles to 'pending' if the promise has not settled after every queued microtask has run. */
async function stateOf(promise: Promise<unknown>): Promise<'pending' | 'settled'> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let turn = 0; turn < 10; turn += 1) await Promise.resolve();
  return settled ? 'settled' : 'pending';
}

describe('a write batch', () => {
  it('commits writes submitted together in one transaction, each with its own result', async () => {
    const submitted = Array.from({ length: 10 }, (_, index) =>
      batch.submit(insertParent(`p${index}`)),
    );
    const ids = await Promise.all(submitted);
    expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(batch.stats).toEqual({ commits: 1, writes: 10 });
    expect(names()).toEqual(Array.from({ length: 10 }, (_, index) => `p${index}`));
  });

  it('answers no write before its commit, and every answered write is visible to another connection', async () => {
    const first = batch.submit(insertParent('a'));
    expect(await stateOf(first)).toBe('pending');
    expect(names()).toEqual([]);
    const reader = new Database(file, { readonly: true });
    try {
      // Read in the very callback that acknowledges: the commit must already be done.
      const seen = await first.then(() => ({
        inTransaction: sqlite.inTransaction,
        names: names(reader),
      }));
      expect(seen).toEqual({ inTransaction: false, names: ['a'] });
    } finally {
      reader.close();
    }
  });

  it('rolls back only the write that throws; the others commit', async () => {
    const failing = () => {
      insertParent('doomed')();
      throw new Error('refused after writing');
    };
    const results = await Promise.allSettled([
      batch.submit(insertParent('before')),
      batch.submit(failing),
      batch.submit(insertParent('after')),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(
      new Error('refused after writing'),
    );
    expect(names()).toEqual(['before', 'after']);
    expect(batch.stats.commits).toBe(1);
  });

  it('rejects every write of a batch whose COMMIT fails, and keeps none of them', async () => {
    // A deferred foreign key is checked at COMMIT: the whole transaction fails there.
    const orphan = () =>
      sqlite.prepare('INSERT INTO children (parent_id) VALUES (999)').run().changes;
    const results = await Promise.allSettled([
      batch.submit(insertParent('a')),
      batch.submit(orphan),
      batch.submit(insertParent('b')),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(names()).toEqual([]);
    expect(sqlite.inTransaction).toBe(false);
    // The batcher recovers: the next writes commit.
    await expect(batch.submit(insertParent('c'))).resolves.toBe(1);
  });

  it('fails the whole batch when a write ends the transaction itself, and keeps none of it', async () => {
    const endsTransaction = () => sqlite.exec('ROLLBACK');
    const results = await Promise.allSettled([
      batch.submit(insertParent('a')),
      batch.submit(endsTransaction),
      batch.submit(insertParent('b')),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(names()).toEqual([]);
  });

  it('refuses a write that returns a promise (its work would run outside the transaction)', async () => {
    await expect(batch.submit(async () => insertParent('late')())).rejects.toThrow(/promise/);
  });

  it('while held, queues writes without touching the database, and commits them once released', async () => {
    // Another connection holds the write lock, as the import's worker does: a commit now would wait
    // for it in SQLite's busy timeout, blocking the event loop.
    const other = new Database(file);
    other.pragma('busy_timeout = 0');
    other.exec('BEGIN IMMEDIATE');
    const release = batch.hold();
    const queued = [batch.submit(insertParent('x')), batch.submit(insertParent('y'))];
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await stateOf(Promise.all(queued))).toBe('pending');
    expect(batch.stats).toEqual({ commits: 0, writes: 0 });
    other.exec('ROLLBACK');
    other.close();
    release();
    release();
    expect(await Promise.all(queued)).toEqual([1, 2]);
    expect(batch.stats).toEqual({ commits: 1, writes: 2 });
    expect(names()).toEqual(['x', 'y']);
  });

  it('puts writes submitted during a commit into the next one, and bounds each commit', async () => {
    let inner: Promise<number> | undefined;
    const outer = batch.submit(() => {
      inner = batch.submit(insertParent('inner'));
      return insertParent('outer')();
    });
    await outer;
    await inner;
    expect(batch.stats.commits).toBe(2);
    const many = await Promise.all(
      Array.from({ length: MAX_WRITES_PER_COMMIT + 1 }, (_, index) =>
        batch.submit(insertParent(`m${index}`)),
      ),
    );
    expect(many).toHaveLength(MAX_WRITES_PER_COMMIT + 1);
    expect(batch.stats.commits).toBe(4);
  });
});

describe('publishing through the group commit', () => {
  const demo = demoDatabases();
  const FOCAL = 'demo-user-focal-aldoria';
  const CONTRIBUTOR = 'demo-user-contributor-aldoria';
  let db: Db;

  beforeEach(() => {
    db = demo();
    (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = db;
  });

  const aldoria = () =>
    db.$client
      .prepare(`SELECT id FROM actors WHERE name = 'Republic of Aldoria'`)
      .pluck()
      .get() as number;
  const stateCommitments = () =>
    db.$client
      .prepare(
        `SELECT c.code FROM commitments c JOIN commitment_duty_bearers d ON d.commitment_id = c.id WHERE d.duty_bearer = 'states' ORDER BY c.position`,
      )
      .pluck()
      .all() as string[];
  /** What a write leaves behind, without its timestamps. */
  const written = (target: Db) => ({
    entries: target.$client
      .prepare(
        `SELECT id, idempotency_key, commitment_id, subject_id, status, state, created_by FROM progress_entries ORDER BY id`,
      )
      .all(),
    audit: target.$client
      .prepare(`SELECT action, entity_id, request_id FROM audit_log ORDER BY id`)
      .all(),
    current: target.$client
      .prepare(
        `SELECT commitment_id, subject_id, perspective, entry_id, status FROM current_status ORDER BY commitment_id, subject_id, perspective`,
      )
      .all(),
  });

  /** A mix of publications, a refusal (a contributor may not publish) and a retry of the same key. */
  function requests(): { userId: string; body: Record<string, unknown>; requestId: string }[] {
    const codes = stateCommitments();
    const subject = aldoria();
    const body = (n: number) => ({
      idempotencyKey: `group-commit-${n}`,
      commitment: codes[n % codes.length],
      subject,
      status: 'substantial',
      asOf: '2026-10-31',
      summary: `Publication ${n}`,
    });
    return [
      ...Array.from({ length: 6 }, (_, n) => ({
        userId: FOCAL,
        body: body(n),
        requestId: `api:${n}`,
      })),
      { userId: CONTRIBUTOR, body: body(6), requestId: 'api:refused' },
      { userId: FOCAL, body: body(2), requestId: 'api:retry' },
      { userId: FOCAL, body: body(7), requestId: 'api:7' },
    ];
  }

  it('gives every request the result it gets alone, in fewer commits, and writes the same rows', async () => {
    const alone = demo();
    (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = alone;
    const expected = requests().map(({ userId, body, requestId }) =>
      createAndAdvanceEntry(userId, body, 'publish', { requestId }),
    );

    (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = db;
    const before = { ...writeBatchOf(db.$client).stats };
    const results = await Promise.all(
      requests().map(({ userId, body, requestId }) =>
        groupCommit(() => createAndAdvanceEntry(userId, body, 'publish', { requestId })),
      ),
    );
    const stats = writeBatchOf(db.$client).stats;

    expect(results).toEqual(expected);
    expect(results.filter((result) => !result.ok)).toHaveLength(1);
    expect(stats.writes - before.writes).toBe(results.length);
    expect(stats.commits - before.commits).toBeLessThan(results.length);
    expect(written(db)).toEqual(written(alone));
  });

  it('a write that fails unexpectedly rolls back only its own entry and audit rows', async () => {
    const [first, second, third] = requests();
    const publish = (request: typeof first) => () =>
      createAndAdvanceEntry(request!.userId, request!.body, 'publish', {
        requestId: request!.requestId,
      });
    const crashing = (): WriteResult => {
      const result = publish(second)();
      if (!result.ok) throw new Error(result.message);
      throw new Error('crashed after writing');
    };
    const results = await Promise.allSettled([
      groupCommit(publish(first)),
      groupCommit(crashing),
      groupCommit(publish(third)),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const keys = db.$client
      .prepare(
        `SELECT idempotency_key FROM progress_entries WHERE idempotency_key LIKE 'group-commit-%' ORDER BY id`,
      )
      .pluck()
      .all();
    expect(keys).toEqual([first!.body.idempotencyKey, third!.body.idempotencyKey]);
    const audited = db.$client
      .prepare(`SELECT request_id, action FROM audit_log WHERE request_id LIKE 'api:%' ORDER BY id`)
      .all();
    expect(audited).toEqual([
      { request_id: first!.requestId, action: 'entry.create' },
      { request_id: first!.requestId, action: 'entry.publish' },
      { request_id: third!.requestId, action: 'entry.create' },
      { request_id: third!.requestId, action: 'entry.publish' },
    ]);
  });
});
