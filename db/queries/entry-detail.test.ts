import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db } from '../client';
import * as t from '../schema';
import { seedDatabase } from '../../seed';
import { createEntry, publishEntry, submitEntry, type WriteResult } from './entry-workflow';
import { getEntryDetail, getEntryReview } from './entry-detail';
import { reviewQueueOf } from '../../test/support/work-lists';

const ALDORIA_FOCAL = 'demo-user-focal-aldoria';
const ALDORIA_CONTRIBUTOR = 'demo-user-contributor-aldoria';
const BRAVONIA_FOCAL = 'demo-user-focal-bravonia';

let db: Db;
let aldoria: number;
let code: string;
let keyCounter = 0;

const created = (result: WriteResult): number => {
  if (!result.ok) throw new Error(`expected success, got ${result.status} ${result.message}`);
  return result.entryId;
};
const today = new Date().toISOString().slice(0, 10);
const input = (overrides: Record<string, unknown> = {}) => ({
  idempotencyKey: `detail-test-${++keyCounter}`,
  commitment: code,
  subject: aldoria,
  status: 'limited',
  asOf: '2026-01-31',
  summary: 'Guidelines drafted',
  narrative: 'A first draft.',
  measures: ['policy'],
  evidence: [{ url: 'https://example.org/draft', title: 'Draft', relation: 'supports' }],
  ...overrides,
});

beforeAll(() => {
  db = openDatabase(':memory:');
  seedDatabase(db, 'demo');
  (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = db;
  aldoria = db
    .select({ id: t.actors.id })
    .from(t.actors)
    .where(eq(t.actors.name, 'Republic of Aldoria'))
    .get()!.id;
  // A commitment for states with no Aldoria self-report yet, so the pair's statuses are this test's own.
  code = (
    db.$client
      .prepare(
        `SELECT c.code FROM commitments c JOIN commitment_duty_bearers d ON d.commitment_id = c.id AND d.duty_bearer = 'states'
         WHERE NOT EXISTS (SELECT 1 FROM progress_entries e WHERE e.commitment_id = c.id AND e.subject_id = ?) ORDER BY c.position LIMIT 1`,
      )
      .get(aldoria) as { code: string }
  ).code;
});

describe('an entry for review', () => {
  it('has every field, its author, submission time and the source’s words, for its focal point only', () => {
    const id = created(
      createEntry(
        ALDORIA_CONTRIBUTOR,
        input({ adverseEffects: true, adverseEffectsDescription: 'Delays at the border.' }),
      ),
    );
    created(submitEntry(ALDORIA_CONTRIBUTOR, id));
    const review = getEntryReview(ALDORIA_FOCAL, id);
    expect(review).toMatchObject({
      mayPublish: true,
      mayReturn: true,
      supersedes: null,
      changed: [],
    });
    expect(review?.entry).toMatchObject({
      state: 'submitted',
      commitment: { code, paragraphCount: expect.any(Number) },
      narrative: 'A first draft.',
      measures: ['policy'],
      evidence: [{ url: 'https://example.org/draft', title: 'Draft', relation: 'supports' }],
      adverseEffectsDescription: 'Delays at the border.',
      author: { id: ALDORIA_CONTRIBUTOR, name: expect.any(String) },
      submittedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(review?.entry.commitment.text.length).toBeGreaterThan(20);
    expect(reviewQueueOf(ALDORIA_FOCAL).find((entry) => entry.id === id)).toMatchObject({
      authorName: review?.entry.author.name,
      adverseEffects: true,
    });
    // Another actor's focal point, and the author, may neither publish nor return it: nothing to review.
    expect(getEntryReview(BRAVONIA_FOCAL, id)).toBeNull();
    expect(getEntryReview(ALDORIA_CONTRIBUTOR, id)).toBeNull();
    expect(reviewQueueOf(BRAVONIA_FOCAL).some((entry) => entry.id === id)).toBe(false);
    // The public detail is read without a user; who sees it is the page's decision.
    expect(getEntryDetail(id)?.summary).toBe('Guidelines drafted');
    expect(getEntryDetail(99_999_999)).toBeNull();
  });

  it('of a correction names the fields it changes and what publishing does to the pair', () => {
    const original = created(createEntry(ALDORIA_FOCAL, input()));
    created(publishEntry(ALDORIA_FOCAL, original));
    const correction = created(
      createEntry(
        ALDORIA_CONTRIBUTOR,
        input({
          supersedes: original,
          status: 'substantial',
          asOf: today,
          summary: 'Guidelines adopted',
        }),
      ),
    );
    created(submitEntry(ALDORIA_CONTRIBUTOR, correction));
    const review = getEntryReview(ALDORIA_FOCAL, correction);
    expect(review?.supersedes?.id).toBe(original);
    expect(review?.changed).toEqual(['status', 'asOf', 'summary']);
    const self = review?.pair.find((row) => row.perspective === 'self');
    expect(self).toMatchObject({
      now: { entryId: original, status: 'limited' },
      after: { entryId: correction, status: 'substantial' },
      becomesCurrent: true,
    });
    expect(review?.pair.find((row) => row.perspective === 'independent')?.becomesCurrent).toBe(
      false,
    );
  });

  it('with an earlier as-of date than the current status does not become current', () => {
    const backdated = created(
      createEntry(ALDORIA_FOCAL, input({ asOf: '2024-03-31', summary: 'An earlier look' })),
    );
    const self = getEntryReview(ALDORIA_FOCAL, backdated)?.pair.find(
      (row) => row.perspective === 'self',
    );
    expect(self?.becomesCurrent).toBe(false);
    expect(self?.after?.entryId).toBe(self?.now?.entryId);
  });
});
