import { publishedRollupEntries } from '../../test/support/rollup-entries';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb, openDatabase, type Db } from '../client';
import * as t from '../schema';
import { seedDatabase } from '../../seed';
import { appliesToKind, type DutyBearer } from '../../lib/taxonomy';
import {
  currentStatuses,
  groupRows,
  quarterEnds,
  staleBefore,
  statusOverTime,
  summarize,
} from '../../lib/rollup';
import {
  computeSummary,
  getStatusHistory,
  getSummary,
  HISTORY_START,
  type DashboardFilters,
} from './summary';

const labels = { theme: (theme: string) => `theme ${theme}` };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summary-test-'));
const file = path.join(dir, 'summary.db');

const allEntries = publishedRollupEntries;

describe('dashboard summary from the database', () => {
  let app: Db;
  beforeAll(() => {
    const seeding = openDatabase(file);
    seedDatabase(seeding, 'demo', '2026-11-01T00:00:00.000Z');
    seeding.$client.close();
    process.env.DATABASE_PATH = file;
    app = getDb();
  });
  afterAll(() => {
    app.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('aggregates status over time in SQL exactly as the roll-up module does, per view', () => {
    const views: DashboardFilters[] = [
      {},
      { perspective: 'independent' },
      { theme: 'trafficking', kind: 'state' },
      { region: 'Europe' },
      { kind: 'cso', objective: 10 },
      { asOf: '2022-06-30' },
      { region: 'Europe', asOf: '2024-03-31' },
      { commitment: app.select().from(t.commitments).get()!.code },
    ];
    for (const view of views) {
      const summary = computeSummary(view, labels);
      const applicable = summary.figures.pairs;
      const expected = statusOverTime(
        scopePairs(app, view),
        allEntries(app).filter((entry) => entry.asOf <= summary.asOf),
        summary.perspective,
        quarterEnds(HISTORY_START, summary.asOf),
      );
      expect(summary.overTime, JSON.stringify(view)).toEqual(expected);
      expect(summary.overTime.at(-1)?.pairs).toBe(applicable);
      // The history alone (a commitment's page) is the summary's, without its groups.
      expect(getStatusHistory(view), JSON.stringify(view)).toEqual({
        asOf: summary.asOf,
        perspective: summary.perspective,
        overTime: expected,
      });
    }
  });

  it('aggregates figures and groups in SQL exactly as the roll-up module does, per view', () => {
    const views: DashboardFilters[] = [
      {},
      { perspective: 'independent' },
      { theme: 'trafficking', kind: 'state' },
      { objective: 10 },
      { region: 'Europe' },
      { kind: 'cso', perspective: 'independent' },
      { region: 'Africa', theme: 'trafficking' },
      { asOf: '2022-06-30' },
      { region: 'Europe', asOf: '2024-03-31', perspective: 'independent' },
    ];
    const actors = new Map(
      app
        .select()
        .from(t.actors)
        .all()
        .map((actor) => [actor.id, actor]),
    );
    const commitments = new Map(
      app
        .select()
        .from(t.commitments)
        .all()
        .map((commitment) => [commitment.id, commitment]),
    );
    const objectives = app.select().from(t.commitmentObjectives).all();
    for (const view of views) {
      const summary = computeSummary(view, labels);
      const pairs = scopePairs(app, view);
      const statuses = currentStatuses(allEntries(app), summary.asOf);
      const where = JSON.stringify(view);
      expect(summary.figures, where).toEqual(
        summarize(pairs, statuses, {
          perspective: summary.perspective,
          staleBefore: staleBefore(summary.asOf),
        }),
      );
      const byActor = groupRows(pairs, statuses, summary.perspective, (pair) => [
        { key: String(pair.actorId), label: actors.get(pair.actorId)?.name ?? '' },
      ]);
      expect(new Set(summary.byActor), where).toEqual(new Set(byActor));
      const byTheme = groupRows(pairs, statuses, summary.perspective, (pair) => {
        const theme = commitments.get(pair.commitmentId)?.theme ?? 'smuggling';
        return [{ key: theme, label: labels.theme(theme) }];
      });
      expect(new Set(summary.byTheme), where).toEqual(new Set(byTheme));
      const byObjective = groupRows(pairs, statuses, summary.perspective, (pair) =>
        objectives
          .filter((row) => row.commitmentId === pair.commitmentId)
          .map((row) => ({
            key: String(row.objective),
            label: summary.byObjective.find((r) => r.key === String(row.objective))?.label ?? '',
          })),
      );
      expect(new Set(summary.byObjective), where).toEqual(new Set(byObjective));
    }
  });

  it('serves a repeated view from the cache and recomputes it after a write by another connection', () => {
    const first = getSummary({}, labels);
    expect(getSummary({}, labels)).toBe(first); // the same object: served from the cache

    // Another process (here another connection) publishes a newer status for a pair nobody reported on.
    const other = openDatabase(file);
    const admin = other.select().from(t.users).where(eq(t.users.role, 'admin')).get();
    const member = other.select().from(t.users).where(eq(t.users.role, 'focal_point')).get();
    if (!admin || !member?.actorId) throw new Error('fixture missing');
    const reported = new Set(
      other
        .select()
        .from(t.currentStatus)
        .where(eq(t.currentStatus.subjectId, member.actorId))
        .all()
        .filter((row) => row.perspective === 'self')
        .map((row) => row.commitmentId),
    );
    const commitment = scopePairs(other, {}).find(
      (pair) => pair.actorId === member.actorId && !reported.has(pair.commitmentId),
    );
    if (!commitment) throw new Error('no unreported pair');
    const now = new Date().toISOString();
    other
      .insert(t.progressEntries)
      .values({
        idempotencyKey: 'cache-test:publish',
        commitmentId: commitment.commitmentId,
        subjectId: member.actorId,
        reporterId: member.actorId,
        status: 'complete',
        asOf: now.slice(0, 10),
        summary: 'Published by another process',
        state: 'published',
        createdBy: member.id,
        approvedBy: member.id,
        publishedAt: now,
      })
      .run();
    other.$client.close();

    const after = getSummary({}, labels);
    expect(after).not.toBe(first);
    expect(after.figures.reported).toBe(first.figures.reported + 1);
    expect(after).toEqual(computeSummary({}, labels));
  });
});

/** The view's applicable pairs, recomputed here from the tables (the rule: commitment duty bearers x actor kind). */
function scopePairs(db: Db, view: DashboardFilters): { commitmentId: number; actorId: number }[] {
  const summaryPairs: { commitmentId: number; actorId: number }[] = [];
  const actors = db
    .select()
    .from(t.actors)
    .all()
    .filter(
      (actor) =>
        actor.archivedAt === null &&
        (!view.kind || actor.kind === view.kind) &&
        (!view.region || actor.region === view.region),
    );
  const objectives = db.select().from(t.commitmentObjectives).all();
  const commitments = db
    .select()
    .from(t.commitments)
    .all()
    .filter(
      (commitment) =>
        commitment.archivedAt === null &&
        (!view.commitment || commitment.code === view.commitment) &&
        (!view.theme || commitment.theme === view.theme) &&
        (view.objective === undefined ||
          objectives.some(
            (row) => row.commitmentId === commitment.id && row.objective === view.objective,
          )),
    );
  const bearers = db.select().from(t.commitmentDutyBearers).all();
  for (const actor of actors) {
    for (const commitment of commitments) {
      const dutyBearers: DutyBearer[] = bearers
        .filter((row) => row.commitmentId === commitment.id)
        .map((row) => row.dutyBearer);
      if (appliesToKind(dutyBearers, actor.kind))
        summaryPairs.push({ commitmentId: commitment.id, actorId: actor.id });
    }
  }
  return summaryPairs;
}
