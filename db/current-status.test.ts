import { publishedRollupEntries } from '../test/support/rollup-entries';
import { beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { type Db } from './client';
import * as t from './schema';
import { demoDatabases } from '../test/support/demo-database';
import { currentStatuses } from '../lib/rollup';

/** The kept table, as pair key -> entry id per perspective. */
function kept(db: Db): Record<string, number> {
  const result: Record<string, number> = {};
  for (const row of db.select().from(t.currentStatus).all())
    result[`${row.commitmentId}:${row.subjectId}:${row.perspective}`] = row.entryId;
  return result;
}

/** The same, recomputed from every entry by the roll-up module. */
function recomputed(db: Db): Record<string, number> {
  const entries = publishedRollupEntries(db);
  const result: Record<string, number> = {};
  for (const [key, pair] of currentStatuses(entries)) {
    if (pair.self) result[`${key}:self`] = pair.self.entryId;
    if (pair.independent) result[`${key}:independent`] = pair.independent.entryId;
  }
  return result;
}

/** Kept rows whose copy of their entry (status, dates, reporter, summary …) differs from it. */
function stale(db: Db): unknown[] {
  return db.$client
    .prepare(
      `SELECT c.* FROM current_status c JOIN progress_entries e ON e.id = c.entry_id
       WHERE c.status IS NOT e.status OR c.as_of IS NOT e.as_of OR c.published_at IS NOT e.published_at
         OR c.adverse_effects IS NOT e.adverse_effects OR c.reporter_id IS NOT e.reporter_id
         OR c.summary IS NOT e.summary`,
    )
    .all();
}

describe('the kept current-status table', () => {
  let db: Db;
  const demoDatabase = demoDatabases();
  beforeEach(() => {
    db = demoDatabase();
  });

  it('equals a full recomputation after the demo seed', () => {
    expect(Object.keys(kept(db)).length).toBeGreaterThan(100);
    expect(kept(db)).toEqual(recomputed(db));
    expect(stale(db)).toEqual([]);
  });

  it('follows a publish, a correction and a withdrawal in the same transaction', () => {
    const current = db
      .select()
      .from(t.currentStatus)
      .where(eq(t.currentStatus.perspective, 'self'))
      .limit(1)
      .get();
    if (!current) throw new Error('no current status');
    const entry = db
      .select()
      .from(t.progressEntries)
      .where(eq(t.progressEntries.id, current.entryId))
      .get();
    const admin = db.select().from(t.users).where(eq(t.users.role, 'admin')).get();
    if (!entry || !admin) throw new Error('fixture missing');
    const { id: _id, perspective: _perspective, ...base } = entry;

    // A newer publish becomes current.
    const newer = db
      .insert(t.progressEntries)
      .values({
        ...base,
        idempotencyKey: 'test:newer',
        asOf: '2026-11-20',
        status: 'complete',
        summary: 'A newer summary',
        publishedAt: '2026-11-21T00:00:00.000Z',
        supersedesId: null,
        supersededById: null,
        supersededAt: null,
      })
      .returning()
      .get();
    expect(kept(db)[`${entry.commitmentId}:${entry.subjectId}:self`]).toBe(newer.id);
    expect(stale(db)).toEqual([]);

    // A correction of it supersedes it, inside one transaction as the app will do.
    const correction = db.transaction(
      (tx) => {
        const inserted = tx
          .insert(t.progressEntries)
          .values({
            ...base,
            idempotencyKey: 'test:correction',
            asOf: '2026-11-20',
            status: 'limited',
            summary: 'The corrected summary',
            publishedAt: '2026-11-22T00:00:00.000Z',
            supersedesId: newer.id,
            supersededById: null,
            supersededAt: null,
          })
          .returning()
          .get();
        tx.update(t.progressEntries)
          .set({ supersededById: inserted.id, supersededAt: '2026-11-22T00:00:00.000Z' })
          .where(eq(t.progressEntries.id, newer.id))
          .run();
        return inserted;
      },
      { behavior: 'immediate' },
    );
    expect(kept(db)[`${entry.commitmentId}:${entry.subjectId}:self`]).toBe(correction.id);
    expect(stale(db)).toEqual([]);

    // Withdrawing the correction falls back to the entry that was current before.
    db.update(t.progressEntries)
      .set({
        withdrawnAt: '2026-11-23T00:00:00.000Z',
        withdrawnBy: admin.id,
        withdrawalReason: 'Published for the wrong state',
      })
      .where(eq(t.progressEntries.id, correction.id))
      .run();
    expect(kept(db)[`${entry.commitmentId}:${entry.subjectId}:self`]).toBe(entry.id);
    expect(kept(db)).toEqual(recomputed(db));
    expect(stale(db)).toEqual([]);
  });

  it('keeps the current status when a backdated entry is published behind it, and takes a tie by the later publication', () => {
    const current = db
      .select()
      .from(t.currentStatus)
      .where(eq(t.currentStatus.perspective, 'self'))
      .limit(1)
      .get();
    if (!current) throw new Error('no current status');
    const entry = db
      .select()
      .from(t.progressEntries)
      .where(eq(t.progressEntries.id, current.entryId))
      .get();
    if (!entry) throw new Error('fixture missing');
    const { id: _id, perspective: _perspective, ...base } = entry;
    const key = `${entry.commitmentId}:${entry.subjectId}:self`;
    const insert = (idempotencyKey: string, asOf: string, publishedAt: string) =>
      db
        .insert(t.progressEntries)
        .values({
          ...base,
          idempotencyKey,
          asOf,
          status: 'regressed',
          publishedAt,
          supersedesId: null,
          supersededById: null,
          supersededAt: null,
        })
        .returning()
        .get();

    // Older as-of, published later: not current (the as-of date decides).
    insert('test:backdated', '2001-01-01', '2026-11-25T00:00:00.000Z');
    expect(kept(db)[key]).toBe(entry.id);
    // Same as-of, published earlier: not current; same as-of, published later: current.
    insert('test:tie-earlier', entry.asOf, '2000-01-01T00:00:00.000Z');
    expect(kept(db)[key]).toBe(entry.id);
    const later = insert('test:tie-later', entry.asOf, '2026-11-26T00:00:00.000Z');
    expect(kept(db)[key]).toBe(later.id);
    expect(kept(db)).toEqual(recomputed(db));
  });

  it('ignores drafts, submissions and returned entries', () => {
    const before = kept(db);
    const draftCount =
      db
        .select({ n: sql<number>`count(*)` })
        .from(t.progressEntries)
        .where(sql`${t.progressEntries.state} <> 'published'`)
        .get()?.n ?? 0;
    expect(draftCount).toBeGreaterThan(0);
    const entry = db
      .select()
      .from(t.progressEntries)
      .where(eq(t.progressEntries.state, 'draft'))
      .limit(1)
      .get();
    if (!entry) throw new Error('no draft');
    db.update(t.progressEntries)
      .set({ state: 'submitted', submittedAt: '2026-11-25T00:00:00.000Z' })
      .where(eq(t.progressEntries.id, entry.id))
      .run();
    expect(kept(db)).toEqual(before);
  });
});
