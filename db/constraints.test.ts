import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { openDatabase, type Db } from './client';
import * as t from './schema';
import { seedDatabase } from '../seed';

function publishedEntry(db: Db) {
  const entry = db
    .select()
    .from(t.progressEntries)
    .where(eq(t.progressEntries.state, 'published'))
    // The same entry whichever index the planner takes.
    .orderBy(t.progressEntries.id)
    .limit(1)
    .get();
  if (!entry) throw new Error('the demo seed has no published entry');
  return entry;
}

describe('the database guards its own invariants', () => {
  let db: Db;
  beforeAll(() => {
    db = openDatabase(':memory:');
    seedDatabase(db, 'demo', '2026-11-01T00:00:00.000Z');
  });

  it('rejects any update or delete of the audit log', () => {
    expect(() => db.update(t.auditLog).set({ action: 'tampered' }).run()).toThrow(/append-only/);
    expect(() => db.delete(t.auditLog).run()).toThrow(/append-only/);
  });

  it('never deletes a progress entry, a commitment, an actor or a user', () => {
    expect(() => db.delete(t.progressEntries).run()).toThrow(/never deleted/);
    expect(() => db.delete(t.commitments).run()).toThrow(/never deleted/);
    expect(() => db.delete(t.actors).run()).toThrow(/never deleted/);
    expect(() => db.delete(t.users).run()).toThrow(/never deleted/);
  });

  it('rejects a change to the content of a published entry', () => {
    const entry = publishedEntry(db);
    for (const change of [
      // A status other than its own: an update that changes nothing is no change to refuse.
      { status: entry.status === 'complete' ? ('limited' as const) : ('complete' as const) },
      { summary: 'rewritten' },
      { asOf: entry.asOf === '2020-01-01' ? '2020-01-02' : '2020-01-01' },
      { state: 'draft' as const },
      { reporterId: entry.subjectId === entry.reporterId ? entry.reporterId + 1 : entry.subjectId },
    ]) {
      expect(
        () =>
          db.update(t.progressEntries).set(change).where(eq(t.progressEntries.id, entry.id)).run(),
        JSON.stringify(change),
      ).toThrow(/immutable/);
    }
  });

  it('lets an admin withdraw a published entry once, and never un-withdraw it', () => {
    const entry = db
      .select()
      .from(t.progressEntries)
      .where(
        sql`${t.progressEntries.state} = 'published' AND ${t.progressEntries.withdrawnAt} IS NULL`,
      )
      .limit(1)
      .get();
    const admin = db.select().from(t.users).where(eq(t.users.role, 'admin')).get();
    if (!entry || !admin) throw new Error('fixture missing');
    db.update(t.progressEntries)
      .set({
        withdrawnAt: '2026-11-02T00:00:00.000Z',
        withdrawnBy: admin.id,
        withdrawalReason: 'Submitted in error',
      })
      .where(eq(t.progressEntries.id, entry.id))
      .run();
    expect(() =>
      db
        .update(t.progressEntries)
        .set({ withdrawalReason: 'changed my mind' })
        .where(eq(t.progressEntries.id, entry.id))
        .run(),
    ).toThrow(/immutable/);
  });

  it('rejects values outside every enumeration', () => {
    const entry = publishedEntry(db);
    const base = { ...entry, id: undefined, perspective: undefined, idempotencyKey: 'test:enum' };
    const { id: _id, perspective: _perspective, ...insertable } = base;
    expect(() =>
      db
        .insert(t.progressEntries)
        .values({ ...insertable, status: 'done' as never })
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .insert(t.progressEntries)
        .values({ ...insertable, state: 'archived' as never })
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .insert(t.progressEntries)
        .values({ ...insertable, asOf: '2021-02-30' })
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .update(t.commitments)
        .set({ theme: 'space' as never })
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .update(t.actors)
        .set({ kind: 'alien' as never })
        .run(),
    ).toThrow(/CHECK/);
  });

  it('rejects a duplicate commitment code and a duplicate idempotency key', () => {
    const commitment = db.select().from(t.commitments).limit(1).get();
    const entry = publishedEntry(db);
    if (!commitment) throw new Error('fixture missing');
    const { id: _id, ...copy } = commitment;
    expect(() => db.insert(t.commitments).values(copy).run()).toThrow(/UNIQUE/);
    const { id: _entryId, perspective: _p, ...entryCopy } = entry;
    expect(() => db.insert(t.progressEntries).values(entryCopy).run()).toThrow(/UNIQUE/);
  });

  it('rejects references to rows that do not exist', () => {
    const entry = publishedEntry(db);
    const { id: _id, perspective: _p, ...copy } = entry;
    expect(() =>
      db
        .insert(t.progressEntries)
        .values({ ...copy, idempotencyKey: 'test:fk', commitmentId: 999_999 })
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('derives the perspective from subject and reporter', () => {
    const rows = db
      .select({
        subject: t.progressEntries.subjectId,
        reporter: t.progressEntries.reporterId,
        perspective: t.progressEntries.perspective,
      })
      .from(t.progressEntries)
      .all();
    for (const row of rows)
      expect(row.perspective).toBe(row.subject === row.reporter ? 'self' : 'independent');
  });

  it('wrote an audit row for every seeded entry', () => {
    const missing = db.$client
      .prepare(
        `SELECT count(*) AS n FROM progress_entries e WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_type = 'progress_entry' AND a.entity_id = CAST(e.id AS TEXT))`,
      )
      .get() as { n: number };
    expect(missing.n).toBe(0);
  });

  it('passes the integrity and foreign key checks', () => {
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.$client.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('seeding', () => {
  it('seeds a real workspace with the member states and UN entities and no entries', () => {
    const db = openDatabase(':memory:');
    const result = seedDatabase(db, 'real');
    expect(result.seeded).toBe(true);
    const count = (query: string) => (db.$client.prepare(query).get() as { n: number }).n;
    expect(count(`SELECT count(*) AS n FROM actors WHERE kind = 'state'`)).toBe(193);
    expect(
      count(`SELECT count(*) AS n FROM actors WHERE kind = 'un_entity'`),
    ).toBeGreaterThanOrEqual(7);
    expect(count(`SELECT count(*) AS n FROM actors WHERE is_demo = 1`)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM progress_entries`)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM commitments`)).toBeGreaterThanOrEqual(20);
  });

  it('leaves an already seeded database untouched', () => {
    const db = openDatabase(':memory:');
    seedDatabase(db, 'demo');
    const before = (
      db.$client.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }
    ).n;
    const again = seedDatabase(db, 'real');
    expect(again).toMatchObject({ seeded: false, mode: 'demo' });
    expect(
      (db.$client.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
    ).toBe(before);
  });

  it('puts only fictitious actors in the demo workspace', () => {
    const db = openDatabase(':memory:');
    seedDatabase(db, 'demo');
    const real = db.$client
      .prepare('SELECT count(*) AS n FROM actors WHERE is_demo = 0 OR iso3 IS NOT NULL')
      .get() as { n: number };
    expect(real.n).toBe(0);
  });
});
