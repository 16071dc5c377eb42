import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from './client';
import * as t from './schema';
import { currentStatuses, isContested, quarterEnds } from '../lib/rollup';
import { publishedRollupEntries } from '../lib/testing/rollup-entries';
import { demoDatabases } from '../lib/testing/demo-database';
import { STATUS_KEYS } from '../lib/status-scale';
import { HISTORY_START } from './queries/summary';
import { randomWriter } from '../lib/testing/random-writes';

/**
 * The kept read model of migration 0009 (rollup_* tables, maintained by triggers) must equal a
 * recomputation by the roll-up module (lib/rollup.ts) after any sequence of writes: publishes
 * (backdated too, so an entry lands between two others of its pair), drafts published later,
 * corrections, withdrawals, and actors changing kind, region or archive state.
 */

type Row = Record<string, number>;

const STATUS_COLUMNS = STATUS_KEYS.join(', ');

/** Every kept table as key -> value, statuses spread into keys, zeros left out. */
function keptTables(db: Db): Record<string, Row> {
  const read = (sql: string, statusColumns = false) => {
    const result: Row = {};
    for (const row of db.$client.prepare(sql).raw().all() as unknown[][]) {
      if (!statusColumns) {
        const value = row.at(-1) as number;
        if (value !== 0) result[row.slice(0, -1).join('|')] = value;
        continue;
      }
      const keys = row.slice(0, row.length - STATUS_KEYS.length);
      STATUS_KEYS.forEach((status, index) => {
        const value = row[keys.length + index] as number;
        if (value !== 0) result[[...keys, status].join('|')] = value;
      });
    }
    return result;
  };
  return {
    pairs: read(`SELECT perspective, active, commitment_id, kind, ${STATUS_COLUMNS} FROM rollup_status_counts`, true),
    regionPairs: read(`SELECT perspective, active, region, commitment_id, kind, ${STATUS_COLUMNS} FROM rollup_region_status_counts`, true),
    adverse: read('SELECT perspective, active, commitment_id, kind, adverse FROM rollup_status_counts'),
    regionAdverse: read('SELECT perspective, active, region, commitment_id, kind, adverse FROM rollup_region_status_counts'),
    months: read('SELECT perspective, active, month, commitment_id, kind, pairs FROM rollup_as_of_months'),
    actors: read('SELECT perspective, subject_id, status, pairs FROM rollup_actor_counts'),
    contested: read('SELECT active, region, commitment_id, kind, pairs FROM rollup_contested'),
    changes: read(`SELECT perspective, active, commitment_id, kind, quarter, ${STATUS_COLUMNS} FROM rollup_status_changes`, true),
    regionChanges: read(`SELECT perspective, active, region, commitment_id, kind, quarter, ${STATUS_COLUMNS} FROM rollup_region_status_changes`, true),
  };
}

function recomputed(db: Db): Record<string, Row> {
  const entries = publishedRollupEntries(db);
  const actorOf = new Map(
    db
      .select()
      .from(t.actors)
      .all()
      .map((actor) => [actor.id, { kind: actor.kind, region: actor.region ?? '', active: actor.archivedAt === null ? 1 : 0 }]),
  );
  const add = (row: Row, key: string, n: number) => {
    const value = (row[key] ?? 0) + n;
    if (value === 0) delete row[key];
    else row[key] = value;
  };
  const split = (key: string) => key.split(':').map(Number) as [number, number];
  const result: Record<string, Row> = { pairs: {}, regionPairs: {}, adverse: {}, regionAdverse: {}, months: {}, actors: {}, contested: {}, changes: {}, regionChanges: {} };
  const r = (name: string) => result[name] as Row;
  for (const [key, pair] of currentStatuses(entries)) {
    const [commitmentId, subjectId] = split(key);
    const { kind, region, active } = actorOf.get(subjectId) ?? { kind: '', region: '', active: 0 };
    for (const perspective of ['self', 'independent'] as const) {
      const status = pair[perspective];
      if (!status) continue;
      add(r('pairs'), `${perspective}|${active}|${commitmentId}|${kind}|${status.status}`, 1);
      add(r('regionPairs'), `${perspective}|${active}|${region}|${commitmentId}|${kind}|${status.status}`, 1);
      add(r('adverse'), `${perspective}|${active}|${commitmentId}|${kind}`, status.adverseEffects ? 1 : 0);
      add(r('regionAdverse'), `${perspective}|${active}|${region}|${commitmentId}|${kind}`, status.adverseEffects ? 1 : 0);
      add(r('months'), `${perspective}|${active}|${status.asOf.slice(0, 7)}|${commitmentId}|${kind}`, 1);
      add(r('actors'), `${perspective}|${subjectId}|${status.status}`, 1);
    }
    if (isContested(pair.self?.status, pair.independent?.status)) add(r('contested'), `${active}|${region}|${commitmentId}|${kind}`, 1);
  }
  // Changes: the difference of the status counts at consecutive quarter ends, per group.
  const lastAsOf = entries.reduce((max, entry) => (entry.asOf > max ? entry.asOf : max), HISTORY_START);
  const ends = quarterEnds(HISTORY_START, `${lastAsOf.slice(0, 4)}-12-31`);
  let previous: Row = {};
  ends.forEach(({ date }, quarter) => {
    const counts: Row = {};
    for (const [key, pair] of currentStatuses(entries, date)) {
      const [commitmentId, subjectId] = split(key);
      const { kind, region, active } = actorOf.get(subjectId) ?? { kind: '', region: '', active: 0 };
      for (const perspective of ['self', 'independent'] as const) {
        const status = pair[perspective];
        if (status) add(counts, `${perspective}|${active}|${region}|${commitmentId}|${kind}|${status.status}`, 1);
      }
    }
    for (const key of new Set([...Object.keys(counts), ...Object.keys(previous)])) {
      const [perspective, active, region, commitmentId, kind, status] = key.split('|');
      const change = (counts[key] ?? 0) - (previous[key] ?? 0);
      add(r('changes'), `${perspective}|${active}|${commitmentId}|${kind}|${quarter}|${status}`, change);
      add(r('regionChanges'), `${perspective}|${active}|${region}|${commitmentId}|${kind}|${quarter}|${status}`, change);
    }
    previous = counts;
  });
  return result;
}

const demo = demoDatabases();

describe('the kept roll-up read model (migration 0009)', () => {
  it('equals a recomputation after the demo seed', () => {
    const db = demo();
    const kept = keptTables(db);
    expect(Object.keys(kept.regionPairs as Row).length).toBeGreaterThan(50);
    expect(Object.keys(kept.changes as Row).length).toBeGreaterThan(50);
    expect(kept).toEqual(recomputed(db));
  });

  it('stays equal to a recomputation through random publishes, drafts, corrections, withdrawals and actor changes', () => {
    const db = demo();
    const templates = db.select().from(t.progressEntries).where(eq(t.progressEntries.state, 'published')).all();
    const write = randomWriter(db, 6);
    for (let step = 0; step < 250; step += 1) {
      write(step);
      if (step % 25 === 24) expect(keptTables(db), `after step ${step}`).toEqual(recomputed(db));
    }
    expect(db.select().from(t.progressEntries).all().length).toBeGreaterThan(templates.length + 150);
    expect(keptTables(db)).toEqual(recomputed(db));
  });
});
