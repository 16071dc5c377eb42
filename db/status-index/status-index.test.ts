import { describe, expect, it } from 'vitest';
import { desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import * as t from '../schema';
import {
  currentStatuses,
  isContested,
  quarterEnds,
  staleBefore,
  statusOverTime,
} from '../../lib/rollup';
import { STATUS_KEYS } from '../../lib/status-scale';
import { publishedRollupEntries } from '../../test/support/rollup-entries';
import { demoDatabases } from '../../test/support/demo-database';
import { randomWriter } from '../../test/support/random-writes';
import {
  appliesToKind,
  type ActorKind,
  type DutyBearer,
  type Perspective,
} from '../../lib/taxonomy';
import { todayUtc } from '../../lib/dates';
import { countedIndex, statusTallies, type TallyView, type Tallies } from './status-index';

/**
 * The in-memory index of counted entries answers a view now or as of any date exactly as the roll-up
 * module (lib/rollup.ts) does from every published entry, and keeps doing so through any write
 * that happens after it was built: it must never serve a figure older than the data.
 */

const demo = demoDatabases();

type ViewFilter = { kind?: ActorKind; region?: string; subject?: 'first'; commitment?: 'first' };

/** A view's scope as db/queries/view-scope.ts loads it: active commitments and actors, the pairs that apply. */
function viewOf(
  db: Db,
  filter: ViewFilter,
  asOf: string | undefined,
  perspective: Perspective,
): TallyView {
  let actors = db.select().from(t.actors).where(isNull(t.actors.archivedAt)).all();
  if (filter.kind) actors = actors.filter((actor) => actor.kind === filter.kind);
  if (filter.region) actors = actors.filter((actor) => actor.region === filter.region);
  if (filter.subject) actors = actors.slice(0, 1);
  let commitments = db.select().from(t.commitments).where(isNull(t.commitments.archivedAt)).all();
  if (filter.commitment) commitments = commitments.slice(0, 1);
  const bearers = new Map<number, DutyBearer[]>();
  for (const row of db.select().from(t.commitmentDutyBearers).all())
    bearers.set(row.commitmentId, [...(bearers.get(row.commitmentId) ?? []), row.dutyBearer]);
  const kinds = [...new Set(actors.map((actor) => actor.kind))];
  return {
    asOf,
    staleBefore: staleBefore(asOf ?? todayUtc()),
    perspective,
    commitmentKinds: new Map(
      commitments.map((commitment) => [
        commitment.id,
        kinds.filter((kind) => appliesToKind(bearers.get(commitment.id) ?? [], kind)),
      ]),
    ),
    actors: actors.map((actor) => ({ id: actor.id, kind: actor.kind })),
    history: { from: HISTORY_FROM, periods: quarterEnds(HISTORY_FROM, asOf ?? todayUtc()).length },
  };
}

const HISTORY_FROM = '2019-01-01';

/** The same tallies from lib/rollup.ts's current statuses of every published entry. */
function expectedTallies(db: Db, view: TallyView): Tallies {
  const kindOf = new Map(view.actors.map((actor) => [actor.id, actor.kind]));
  const tally = (rows: Map<string, number>, key: string) => rows.set(key, (rows.get(key) ?? 0) + 1);
  const byCommitment = new Map<string, number>();
  const byActor = new Map<string, number>();
  const entries = publishedRollupEntries(db);
  // Status over time as net changes per quarter, from the roll-up module's counts at each quarter end.
  const pairs = view.actors.flatMap((actor) =>
    [...view.commitmentKinds]
      .filter(([, kinds]) => kinds.includes(actor.kind))
      .map(([commitmentId]) => ({ commitmentId, actorId: actor.id })),
  );
  const points = statusOverTime(
    pairs,
    entries,
    view.perspective,
    quarterEnds(HISTORY_FROM, view.asOf ?? todayUtc()),
  );
  const quarterly = Int32Array.from(
    points.flatMap((point, i) =>
      STATUS_KEYS.map(
        (status) => point.counts[status] - (i === 0 ? 0 : (points[i - 1]?.counts[status] ?? 0)),
      ),
    ),
  );
  const result: Tallies = {
    perCommitment: [],
    perActor: [],
    stale: 0,
    contested: 0,
    adverseEffects: 0,
    quarterly,
  };
  for (const [key, pair] of currentStatuses(entries, view.asOf)) {
    const [commitmentId, subjectId] = key.split(':').map(Number) as [number, number];
    const kind = kindOf.get(subjectId);
    if (!kind || !(view.commitmentKinds.get(commitmentId) ?? []).includes(kind)) continue;
    result.adverseEffects +=
      (pair.self?.adverseEffects ? 1 : 0) + (pair.independent?.adverseEffects ? 1 : 0);
    if (isContested(pair.self?.status, pair.independent?.status)) result.contested += 1;
    const status = pair[view.perspective];
    if (!status) continue;
    tally(byCommitment, `${commitmentId}|${status.status}`);
    tally(byActor, `${subjectId}|${status.status}`);
    if (status.asOf < view.staleBefore) result.stale += 1;
  }
  const rows = (map: Map<string, number>) =>
    [...map].map(([key, n]) => [Number(key.split('|')[0]), key.split('|')[1], n]);
  result.perCommitment = rows(byCommitment) as Tallies['perCommitment'];
  result.perActor = rows(byActor) as Tallies['perActor'];
  return result;
}

const sorted = (tallies: Tallies) => ({
  ...tallies,
  perCommitment: tallies.perCommitment.map((row) => row.join('|')).sort(),
  perActor: tallies.perActor.map((row) => row.join('|')).sort(),
});

const FILTERS: ViewFilter[] = [
  {},
  { kind: 'state' },
  { region: 'Europe' },
  { kind: 'cso', region: 'Africa' },
  { subject: 'first' },
  { commitment: 'first' },
];
const DATES = [
  '2018-12-31',
  '2020-06-30',
  '2022-02-28',
  '2023-11-15',
  '2025-01-01',
  '2026-11-30',
  undefined,
];

function expectEqualEverywhere(db: Db, when: string) {
  for (const filter of FILTERS) {
    for (const asOf of DATES) {
      for (const perspective of ['self', 'independent'] as const) {
        const view = viewOf(db, filter, asOf, perspective);
        const expected = sorted(expectedTallies(db, view));
        expect(
          sorted(statusTallies(db, view)),
          `${when}: ${JSON.stringify(filter)} ${asOf} ${perspective}`,
        ).toEqual(expected);
        // Without status over time, a past date of a wide view comes from the timeline (timeline.ts).
        if (asOf === undefined || filter.subject || filter.commitment) continue;
        const { history: _history, ...dateOnly } = view;
        expect(
          sorted(statusTallies(db, dateOnly)),
          `${when}, date only: ${JSON.stringify(filter)} ${asOf} ${perspective}`,
        ).toEqual({ ...expected, quarterly: new Int32Array(0) });
      }
    }
  }
}

describe('roll-ups now and at past dates from the in-memory index of counted entries', () => {
  it('equals the roll-up module on the demo workspace, per view, date and perspective', () => {
    const db = demo();
    const view = viewOf(db, {}, '2025-01-01', 'self');
    const tallies = statusTallies(db, view);
    expect(tallies.perCommitment.length).toBeGreaterThan(20);
    expect(tallies.contested).toBeGreaterThan(0);
    expect(tallies.stale).toBeGreaterThan(0);
    expectEqualEverywhere(db, 'after the seed');
  });

  // The oracle recomputes every view from all entries after every few writes: slow on a loaded machine.
  it(
    'catches up with every kind of write made after it was built, never serving older figures',
    { timeout: 120_000 },
    () => {
      const db = demo();
      statusTallies(db, viewOf(db, {}, '2026-11-30', 'self'));
      const built = countedIndex(db);
      const write = randomWriter(db, 11);
      const admin = db.select().from(t.users).where(eq(t.users.role, 'admin')).get();
      for (let step = 0; step < 120; step += 1) {
        write(step);
        if (step % 20 === 19) expectEqualEverywhere(db, `after step ${step}`);
      }
      // A draft the index saw as a draft, published later; then withdrawn.
      const template = db
        .select()
        .from(t.progressEntries)
        .where(eq(t.progressEntries.state, 'published'))
        .get();
      if (!template || !admin) throw new Error('demo has no published entry or admin');
      const { id: _id, ...values } = template;
      const draft = db
        .insert(t.progressEntries)
        .values({
          ...values,
          idempotencyKey: 'past-index-draft',
          state: 'draft',
          publishedAt: null,
          status: 'regressed',
          asOf: '2024-05-01',
          supersedesId: null,
          supersededById: null,
          supersededAt: null,
          withdrawnAt: null,
          withdrawnBy: null,
          withdrawalReason: null,
        })
        .returning()
        .get();
      expectEqualEverywhere(db, 'with a draft');
      db.update(t.progressEntries)
        .set({ state: 'published', publishedAt: '2026-12-01T00:00:00.000Z' })
        .where(eq(t.progressEntries.id, draft.id))
        .run();
      expectEqualEverywhere(db, 'after the draft was published');
      db.update(t.progressEntries)
        .set({
          withdrawnAt: '2026-12-02T00:00:00.000Z',
          withdrawnBy: admin.id,
          withdrawalReason: 'Test withdrawal',
        })
        .where(eq(t.progressEntries.id, draft.id))
        .run();
      expectEqualEverywhere(db, 'after it was withdrawn');
      // Caught up in place: the pairs written to were read again, the index was not rebuilt.
      expect(countedIndex(db)).toBe(built);
      expect(built.overlay.size).toBeGreaterThan(50);
    },
  );

  it(
    'gives the same figures after merging what it read again into itself, and after a rebuild',
    { timeout: 120_000 },
    () => {
      const db = demo();
      const built = countedIndex(db);
      const write = randomWriter(db, 23);
      for (let step = 0; step < 60; step += 1) {
        write(step);
        if (step % 15 === 14) {
          const merged = countedIndex(db, { rebuildMin: 10_000, rebuildShare: 1, compactAt: 0 });
          expect(merged).not.toBe(built);
          expect(merged.overlay.size).toBe(0);
          expectEqualEverywhere(db, `merged after step ${step}`);
        }
      }
      const before = countedIndex(db);
      const lastId = () =>
        db
          .select({ id: t.progressEntries.id })
          .from(t.progressEntries)
          .orderBy(desc(t.progressEntries.id))
          .limit(1)
          .get()?.id;
      const last = lastId();
      for (let step = 60; lastId() === last; step += 1) write(step);
      const rebuilt = countedIndex(db, { rebuildMin: 0, rebuildShare: 0, compactAt: 10_000 });
      expect(rebuilt).not.toBe(before);
      expect(rebuilt.overlay.size).toBe(0);
      expectEqualEverywhere(db, 'rebuilt');
    },
  );
});
