import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import * as t from '../schema';
import { demoDatabases } from '../../test/support/demo-database';
import { currentStatuses, farApart, isContested, pairKey, PAIR_FLAGS } from '../../lib/rollup';
import { publishedRollupEntries } from '../../test/support/rollup-entries';
import { computeSummary, type DashboardFilters } from './summary';
import { listPairs } from './pairs';

const labels = { theme: (theme: string) => `theme ${theme}` };

/** The figure of the overview that a flag's list counts. */
function figureOf(view: DashboardFilters, flag: (typeof PAIR_FLAGS)[number]): number {
  const figures = computeSummary(view, labels).figures;
  return {
    contested: figures.contested,
    stale: figures.stale,
    regressed: figures.regressed,
    adverse_effects: figures.adverseEffects,
  }[flag];
}

/** Every page of a list, one after the other. */
function allPages(query: Parameters<typeof listPairs>[0]) {
  const first = listPairs({ ...query, page: 1, limit: 7 });
  const rows = [...first.pairs];
  for (let page = 2; (page - 1) * 7 < first.total; page += 1)
    rows.push(...listPairs({ ...query, page, limit: 7 }).pairs);
  return { first, rows };
}

describe('the pair list', () => {
  let app: Db;
  beforeAll(() => {
    app = demoDatabases()();
    // The read functions use the process-wide connection.
    (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = app;
  });

  const views: DashboardFilters[] = [
    {},
    { perspective: 'independent' },
    { theme: 'trafficking', kind: 'state' },
    { region: 'Europe', asOf: '2024-03-31' },
    { asOf: '2022-06-30', perspective: 'independent' },
  ];

  it('totals the same pairs as the overview figure of its flag, for every flag and view', () => {
    for (const view of views)
      for (const flag of PAIR_FLAGS) {
        const list = listPairs({ ...view, flag });
        const where = `${JSON.stringify(view)} ${flag}`;
        if (flag === 'adverse_effects') {
          // The figure counts current entries: a pair may carry two.
          expect(list.adverseEntries, where).toBe(figureOf(view, flag));
          expect(list.total, where).toBeLessThanOrEqual(list.adverseEntries);
        } else expect(list.total, where).toBe(figureOf(view, flag));
      }
    expect(listPairs({ flag: 'contested' }).total).toBeGreaterThan(0);
  });

  it('lists each pair once across its pages, by commitment then actor, with both current entries', () => {
    const view: DashboardFilters = { asOf: '2025-06-30' };
    const { first, rows } = allPages({ ...view, flag: 'contested' });
    expect(rows).toHaveLength(first.total);
    const keys = rows.map((row) => `${row.commitment.code}:${row.actor.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    const positions = new Map(
      app
        .select()
        .from(t.commitments)
        .all()
        .map((commitment) => [commitment.code, commitment]),
    );
    const statuses = currentStatuses(publishedRollupEntries(app), view.asOf);
    let previous = -1;
    for (const row of rows) {
      const commitment = positions.get(row.commitment.code);
      if (!commitment) throw new Error(`unknown commitment ${row.commitment.code}`);
      expect(commitment.position).toBeGreaterThanOrEqual(previous);
      previous = commitment.position;
      const expected = statuses.get(pairKey(commitment.id, row.actor.id));
      expect(row.self?.entryId).toBe(expected?.self?.entryId);
      expect(row.independent?.entryId).toBe(expected?.independent?.entryId);
      expect(row.self?.asOf).toBe(expected?.self?.asOf);
      expect(row.contested).toBe(true);
      expect(isContested(row.self?.status, row.independent?.status)).toBe(true);
      expect(row.farApart).toBe(farApart(row.self?.asOf ?? '', row.independent?.asOf ?? ''));
    }
    expect(rows.some((row) => row.farApart)).toBe(true);
  });

  it('lists regressed and stale pairs in the view perspective only', () => {
    const regressed = allPages({ flag: 'regressed', perspective: 'independent' }).rows;
    expect(regressed.length).toBeGreaterThan(0);
    expect(regressed.every((row) => row.independent?.status === 'regressed')).toBe(true);
    const stale = allPages({ flag: 'stale', theme: 'smuggling' }).rows;
    expect(stale.length).toBeGreaterThan(0);
    expect(stale.every((row) => row.self?.stale)).toBe(true);
  });

  it('takes in a write published after the index was built, and still agrees with the figures', () => {
    const before = listPairs({ flag: 'regressed' });
    const member = app.select().from(t.users).where(eq(t.users.role, 'focal_point')).get();
    const actorId = member?.actorId;
    if (!member || !actorId) throw new Error('fixture missing');
    const reported = new Set(
      app
        .select()
        .from(t.currentStatus)
        .where(eq(t.currentStatus.subjectId, actorId))
        .all()
        .map((row) => row.commitmentId),
    );
    const commitment = app
      .select()
      .from(t.commitments)
      .all()
      .find(
        (row) =>
          !reported.has(row.id) &&
          listPairs({ subject: actorId, commitment: row.code }).total === 0 &&
          computeSummary({ subject: actorId, commitment: row.code }, labels).figures.pairs === 1,
      );
    if (!commitment) throw new Error('no unreported pair');
    const now = new Date().toISOString();
    app
      .insert(t.progressEntries)
      .values({
        idempotencyKey: 'pairs-test:publish',
        commitmentId: commitment.id,
        subjectId: actorId,
        reporterId: actorId,
        status: 'regressed',
        asOf: now.slice(0, 10),
        summary: 'Published after the index was built',
        adverseEffects: true,
        adverseEffectsDescription: 'Returns without screening.',
        state: 'published',
        createdBy: member.id,
        approvedBy: member.id,
        publishedAt: now,
      })
      .run();
    const after = listPairs({ flag: 'regressed' });
    expect(after.total).toBe(before.total + 1);
    expect(after.total).toBe(figureOf({}, 'regressed'));
    expect(listPairs({ flag: 'adverse_effects' }).adverseEntries).toBe(
      figureOf({}, 'adverse_effects'),
    );
  });
});
