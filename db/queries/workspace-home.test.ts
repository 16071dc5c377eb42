import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db } from '../client';
import * as t from '../schema';
import { seedDatabase } from '../../seed';
import { createEntry, submitEntry, type WriteResult } from './entry-workflow';
import {
  countAwaitingReview,
  pageOwnWork,
  pageParam,
  pageReviewQueue,
  previewReviewQueue,
} from './workspace-home';

const ALDORIA_CONTRIBUTOR = 'demo-user-contributor-aldoria';

let db: Db;
let aldoria: number;
let code: string;
let keyCounter = 0;
const focal = () => ({ role: 'focal_point' as const, actorId: aldoria });

const created = (result: WriteResult): number => {
  if (!result.ok) throw new Error(`expected success, got ${result.status} ${result.message}`);
  return result.entryId;
};
const input = () => ({
  idempotencyKey: `workspace-home-test-${++keyCounter}`,
  commitment: code,
  subject: aldoria,
  status: 'limited',
  asOf: '2026-01-31',
  summary: `Paged entry ${keyCounter}`,
  narrative: 'A first draft.',
  measures: ['policy'],
  evidence: [],
});

/** The queue as the database orders it, whole: what the pages, read one after another, must be. */
const wholeQueue = () =>
  db.$client
    .prepare(
      `SELECT id FROM progress_entries WHERE reporter_id = ? AND state = 'submitted'
       ORDER BY submitted_at, id`,
    )
    .all(aldoria)
    .map((row) => (row as { id: number }).id);

beforeAll(() => {
  db = openDatabase(':memory:');
  seedDatabase(db, 'demo');
  (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = db;
  aldoria = db
    .select({ id: t.actors.id })
    .from(t.actors)
    .where(eq(t.actors.name, 'Republic of Aldoria'))
    .get()!.id;
  code = db.select({ code: t.commitments.code }).from(t.commitments).limit(1).get()!.code;
  // Enough submitted and draft entries that the lists below span several pages.
  for (let i = 0; i < 12; i++) {
    const id = created(createEntry(ALDORIA_CONTRIBUTOR, input()));
    if (i % 3 !== 0) created(submitEntry(ALDORIA_CONTRIBUTOR, id));
  }
});

describe('the review queue, paged', () => {
  it('reads page after page as the whole queue, the longest waiting first, none twice', () => {
    const whole = wholeQueue();
    expect(whole.length).toBeGreaterThan(8);
    const limit = 4;
    const pages = Math.ceil(whole.length / limit);
    const read: number[] = [];
    for (let page = 1; page <= pages; page++) {
      const result = pageReviewQueue(focal(), page, limit);
      expect(result).toMatchObject({ page, total: whole.length, totalIsLowerBound: false });
      expect(result.entries.length).toBe(page < pages ? limit : whole.length - limit * (pages - 1));
      read.push(...result.entries.map((entry) => entry.id));
    }
    expect(read).toEqual(whole);
    expect(countAwaitingReview(focal())).toEqual({ total: whole.length, totalIsLowerBound: false });
    // Past the last page: nothing, and still the right total for the links back.
    expect(pageReviewQueue(focal(), pages + 1, limit)).toMatchObject({
      entries: [],
      total: whole.length,
    });
  });

  it('names each author and submission time; the home previews the first ones', () => {
    const [first] = pageReviewQueue(focal(), 1, 1).entries;
    expect(first).toMatchObject({
      authorName: expect.any(String),
      submittedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      commitmentCode: expect.any(String),
    });
    const preview = previewReviewQueue(focal(), 3);
    expect(preview.entries.map((entry) => entry.id)).toEqual(wholeQueue().slice(0, 3));
    expect(preview.total).toBe(wholeQueue().length);
  });

  it('is empty for anyone who reviews nothing, without counting', () => {
    for (const user of [
      { role: 'contributor' as const, actorId: aldoria },
      { role: 'admin' as const, actorId: null },
    ]) {
      expect(pageReviewQueue(user, 1)).toMatchObject({ entries: [], total: 0 });
      expect(countAwaitingReview(user)).toBeNull();
    }
  });

  it("finds the actor's submitted entries through an index, not a scan of every entry", () => {
    const plan = db.$client
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM progress_entries
         WHERE reporter_id = ? AND state = 'submitted'
         ORDER BY submitted_at, id LIMIT 50 OFFSET 50`,
      )
      .all(aldoria)
      .map((row) => (row as { detail: string }).detail)
      .join('\n');
    expect(plan).toMatch(
      /SEARCH progress_entries USING (COVERING )?INDEX \S+ \(reporter_id=\? AND state=\?/,
    );
  });
});

describe("a user's own entries, paged", () => {
  it('lists only the states asked for, the most recently changed first, across pages', () => {
    const states = ['draft', 'returned', 'submitted'] as const;
    const whole = db.$client
      .prepare(
        `SELECT id FROM progress_entries
         WHERE created_by = ? AND state IN ('draft', 'returned', 'submitted')
         ORDER BY updated_at DESC, id DESC`,
      )
      .all(ALDORIA_CONTRIBUTOR)
      .map((row) => (row as { id: number }).id);
    expect(whole.length).toBeGreaterThan(10);
    const first = pageOwnWork(ALDORIA_CONTRIBUTOR, states, 1, 5);
    const second = pageOwnWork(ALDORIA_CONTRIBUTOR, states, 2, 5);
    expect(first.total).toBe(whole.length);
    expect([...first.entries, ...second.entries].map((entry) => entry.id)).toEqual(
      whole.slice(0, 10),
    );
    const drafts = pageOwnWork(ALDORIA_CONTRIBUTOR, ['draft'], 1, 50);
    expect(drafts.entries.length).toBeGreaterThan(0);
    expect(drafts.entries.every((entry) => entry.state === 'draft')).toBe(true);
    expect(drafts.total).toBe(drafts.entries.length);
  });
});

describe('the page a URL asks for', () => {
  it('is the number given, or the first page for anything else', () => {
    expect(pageParam('3')).toBe(3);
    expect(pageParam(['2', '5'])).toBe(2);
    for (const value of [undefined, '', '0', '-1', '1.5', 'abc', '1e9']) {
      expect(pageParam(value)).toBe(1);
    }
  });
});
