import 'server-only';
import { getDb } from '../client';
import { cachedRead } from '../cache';
import * as t from '../schema';
import { emptyCounts, quarterEnds, scoreOfCounts, staleBefore, type CurrentStatus } from '../../lib/rollup';
import { STATUS_KEYS } from '../../lib/status-scale';
import { THEMES, type ActorKind, type Perspective, type Theme } from '../../lib/taxonomy';
import type { SummaryDto, TimePoint } from '../../lib/summary-types';
import { todayUtc } from '../../lib/dates';
import { applicability, loadScope, viewKey, type DashboardFilters, type Scope } from './view-scope';
import { statusTallies } from './status-index';

export type { DashboardFilters } from './view-scope';

/** The first quarter the over-time chart starts from: the GCM was adopted in December 2018. */
export const HISTORY_START = '2019-01-01';

export interface SummaryLabels {
  theme: (theme: Theme) => string;
}

/** The summary of a view, cached until the next write to the data it comes from (db/cache.ts). */
export function getSummary(filters: DashboardFilters, labels: SummaryLabels): SummaryDto {
  const language = THEMES.map((theme) => labels.theme(theme)).join('\u0001');
  return cachedRead(getDb(), viewKey('summary', filters, language), () => computeSummary(filters, labels));
}

/**
 * Status of the view's pairs at the end of each quarter, aggregated in SQL: each counted entry is
 * current from its as-of quarter until the quarter of the next entry of its pair (window lead,
 * in the roll-up's order of currency), so only status x quarter x quarter counts leave SQLite.
 * Equal to lib/rollup.ts statusOverTime (db/queries/summary.test.ts).
 */
function overTime(scope: Scope, perspective: Perspective, asOf: string, pairCount: number): TimePoint[] {
  const periods = quarterEnds(HISTORY_START, asOf);
  const { where, params } = applicability(scope);
  const quarter = (column: string) =>
    `max(0, (CAST(substr(${column}, 1, 4) AS INTEGER) - ${Number(HISTORY_START.slice(0, 4))}) * 4 + (CAST(substr(${column}, 6, 2) AS INTEGER) - 1) / 3)`;
  // One ordered pass over the partial index of counted entries (migration 0008): no table
  // lookups, no sort; the view's pairs are kept by set lookups, as in the summary's queries.
  const rows = getDb()
    .$client.prepare(
      `WITH counted AS (
         SELECT s.status AS status, s.as_of AS as_of,
           lead(s.as_of) OVER (PARTITION BY s.perspective, s.commitment_id, s.subject_id ORDER BY s.as_of, s.published_at, s.id) AS next_as_of
         FROM progress_entries s INDEXED BY progress_entries_counted_idx
         WHERE s.perspective = ? AND s.state = 'published' AND s.withdrawn_at IS NULL AND s.superseded_by_id IS NULL AND s.as_of <= ?
           AND ${where}
       )
       SELECT status, ${quarter('as_of')} AS from_q, CASE WHEN next_as_of IS NULL THEN NULL ELSE ${quarter('next_as_of')} END AS to_q, count(*) AS n
       FROM counted GROUP BY 1, 2, 3`,
    )
    .raw()
    .all(perspective, asOf, ...params) as [CurrentStatus['status'], number, number | null, number][];
  const deltas = periods.map(() => emptyCounts());
  for (const [status, from, to, n] of rows) {
    if (from < periods.length) (deltas[from] as Tally)[status] += n;
    if (to !== null && to < periods.length) (deltas[to] as Tally)[status] -= n;
  }
  return runningPoints(periods, deltas, pairCount);
}

/**
 * Points over time from each period's net changes in status counts: running sums, the pairs with
 * no report being the rest; `last`, when given, is the final point's counts as they are.
 */
function runningPoints(periods: { period: string; date: string }[], deltas: Tally[], pairCount: number, last?: Tally): TimePoint[] {
  const tally = emptyCounts();
  return periods.map(({ period, date }, index) => {
    let reported = 0;
    for (const key of Object.keys(tally) as (keyof Tally)[]) {
      if (key === 'no_report') continue;
      tally[key] = last && index === periods.length - 1 ? last[key] : tally[key] + (deltas[index] as Tally)[key];
      reported += tally[key];
    }
    const counts = { ...tally, no_report: pairCount - reported };
    return { period, date, counts, pairs: pairCount, reported, score: scoreOfCounts(counts) };
  });
}

type Tally = ReturnType<typeof emptyCounts>;

/** String.localeCompare's order, with the collator built once (2,000 actors sorted per view). */
const byLabel = new Intl.Collator();

/** Kinds of actor that the same commitments of a view apply to, and those commitments (JSON ids). */
interface KindSet {
  kinds: ActorKind[];
  commitmentIds: number[];
  json: { kinds: string; commitments: string };
}

/**
 * The view's groups in the kept quarterly changes (migration 0009): the kinds of actor in scope, grouped
 * by the scope commitments that apply to them (usually two sets: states, and the rest), read for
 * active actors, in the region if the view has one. `each` runs a statement once per set.
 */
function keptGroups(scope: Scope, filters: DashboardFilters, byCommitment: Map<number, ActorKind[]>) {
  const bySet = new Map<string, KindSet>();
  for (const kind of new Set(scope.actors.map((actor) => actor.kind))) {
    const commitmentIds = scope.commitments.filter((commitment) => (byCommitment.get(commitment.id) ?? []).includes(kind)).map((commitment) => commitment.id);
    const key = commitmentIds.join(',');
    const set = bySet.get(key) ?? { kinds: [], commitmentIds, json: { kinds: '', commitments: JSON.stringify(commitmentIds) } };
    set.kinds.push(kind);
    set.json.kinds = JSON.stringify(set.kinds);
    bySet.set(key, set);
  }
  const sets = [...bySet.values()].filter((set) => set.commitmentIds.length > 0);
  const region = filters.region;
  return {
    sets,
    /** `g.active = 1 [AND g.region = ?] AND g.kind IN (...) AND g.commitment_id IN (...)` */
    where: (alias: string) =>
      `${alias}.active = 1${region !== undefined ? ` AND ${alias}.region = ?` : ''} AND ${alias}.kind IN (SELECT value FROM json_each(?)) AND ${alias}.commitment_id IN (SELECT value FROM json_each(?))`,
    params: (set: KindSet) => [...(region !== undefined ? [region] : []), set.json.kinds, set.json.commitments],
    table: region === undefined ? 'rollup_status_changes' : 'rollup_region_status_changes',
    each<R>(sql: string, params: (set: KindSet) => unknown[]): R[] {
      const statement = getDb().$client.prepare(sql).raw();
      return sets.flatMap((set) => statement.all(...params(set)) as R[]);
    },
  };
}

type KeptGroups = ReturnType<typeof keptGroups>;

const STATUS_COLUMNS = (alias: string) => STATUS_KEYS.map((status) => `sum(${alias}.${status})`).join(', ');

/**
 * Status over time from the kept quarterly changes (migration 0009): the counts at the end of each
 * full quarter before the view's date are running sums of kept rows (one per commitment, kind of
 * actor and quarter); the last point is the view's own counts at its date. Equal to
 * lib/rollup.ts statusOverTime (db/queries/summary.test.ts). The changes of every quarter are read
 * once per view and data version (`key`: the view without its date) and shared by all its dates.
 */
function overTimeFromChanges(groups: KeptGroups, key: string, perspective: Perspective, asOf: string, pairCount: number, atAsOf: Tally): TimePoint[] {
  const periods = quarterEnds(HISTORY_START, asOf);
  const changes = cachedRead(getDb(), key, () =>
    groups.each<[number, ...number[]]>(
      `SELECT g.quarter, ${STATUS_COLUMNS('g')} FROM ${groups.table} g WHERE g.perspective = ? AND ${groups.where('g')} GROUP BY 1`,
      (set) => [perspective, ...groups.params(set)],
    ),
  );
  const deltas = periods.map(() => emptyCounts());
  for (const [quarter, ...values] of changes) {
    if (quarter >= periods.length - 1) continue;
    STATUS_KEYS.forEach((status, index) => {
      (deltas[quarter] as Tally)[status] += values[index] as number;
    });
  }
  return runningPoints(periods, deltas, pairCount, atAsOf);
}

/**
 * The summary of a view computed from the database now, without the cache. Status counts per
 * commitment and per actor come from the in-memory index of counted entries (status-index.ts) and
 * are aggregated here; pair totals are counted from the scope (actors of each kind x the
 * commitments that apply to it), never enumerated.
 */
export function computeSummary(filters: DashboardFilters, labels: SummaryLabels): SummaryDto {
  const asOf = filters.asOf ?? todayUtc();
  const perspective = filters.perspective ?? 'self';
  const before = staleBefore(asOf);
  // What does not depend on the date is read once per view and data version, for all its dates.
  const undated = { ...filters, asOf: undefined };
  const scope = cachedRead(getDb(), viewKey('scope', { ...undated, perspective: undefined }), () => loadScope(filters));
  const objectiveTitles = new Map(getDb().select().from(t.gcmObjectives).all().map((row) => [row.number, row.title]));
  const { byCommitment } = applicability(scope);

  // Pairs per commitment and per actor, from counts of actors per kind.
  const actorsOfKind = new Map<ActorKind, number>();
  for (const actor of scope.actors) actorsOfKind.set(actor.kind, (actorsOfKind.get(actor.kind) ?? 0) + 1);
  const pairsOfCommitment = new Map(scope.commitments.map((commitment) => [commitment.id, (byCommitment.get(commitment.id) ?? []).reduce((sum, kind) => sum + (actorsOfKind.get(kind) ?? 0), 0)]));
  const commitmentsOfKind = new Map<ActorKind, number>();
  for (const [, ofKinds] of byCommitment) for (const kind of ofKinds) commitmentsOfKind.set(kind, (commitmentsOfKind.get(kind) ?? 0) + 1);
  const pairs = [...pairsOfCommitment.values()].reduce((sum, n) => sum + n, 0);

  // Tallies from the in-memory index of counted entries (now or at the view's date); the over-time
  // chart of every view but one actor's page from the kept quarterly changes.
  const groups = filters.subject === undefined ? keptGroups(scope, filters, byCommitment) : null;
  const tallies = statusTallies(getDb(), { asOf: filters.asOf, staleBefore: before, perspective, commitmentKinds: byCommitment, actors: scope.actors });
  const { perCommitment, perActor, contested, adverseEffects } = tallies;

  const toRow = (key: string, entry: { label: string; counts: Tally; pairs: number }) => {
    const reported = Object.entries(entry.counts).reduce((sum, [cell, n]) => (cell === 'no_report' ? sum : sum + n), 0);
    const counts = { ...entry.counts, no_report: entry.pairs - reported };
    return { key, label: entry.label, counts, pairs: entry.pairs, reported, score: scoreOfCounts(counts) };
  };

  // Themes in the order the pairs meet them (actors by name, commitments by position).
  const themeOrder: string[] = [];
  const seenKinds = new Set<ActorKind>();
  for (const actor of scope.actors) {
    if (seenKinds.has(actor.kind)) continue;
    seenKinds.add(actor.kind);
    for (const commitment of scope.commitments) {
      if ((byCommitment.get(commitment.id) ?? []).includes(actor.kind) && !themeOrder.includes(commitment.theme)) themeOrder.push(commitment.theme);
    }
  }
  const themes = new Map(themeOrder.map((theme) => [theme, { label: labels.theme(theme as Theme), counts: emptyCounts(), pairs: 0 }]));
  const objectives = new Map<number, { label: string; counts: Tally; pairs: number }>();
  const figures = emptyCounts();
  const stale = tallies.stale;
  const commitmentById = new Map(scope.commitments.map((commitment) => [commitment.id, commitment]));
  for (const commitment of scope.commitments) {
    const n = pairsOfCommitment.get(commitment.id) ?? 0;
    if (n === 0) continue;
    const theme = themes.get(commitment.theme);
    if (theme) theme.pairs += n;
    for (const objective of commitment.objectives) {
      const entry = objectives.get(objective) ?? { label: `${objective}. ${objectiveTitles.get(objective) ?? ''}`, counts: emptyCounts(), pairs: 0 };
      entry.pairs += n;
      objectives.set(objective, entry);
    }
  }
  for (const [commitmentId, status, n] of perCommitment) {
    const commitment = commitmentById.get(commitmentId);
    if (!commitment) continue;
    figures[status] += n;
    const theme = themes.get(commitment.theme);
    if (theme) theme.counts[status] += n;
    for (const objective of commitment.objectives) {
      const entry = objectives.get(objective);
      if (entry) entry.counts[status] += n;
    }
  }
  const actorCounts = new Map<number, Tally>();
  for (const [subjectId, status, n] of perActor) {
    const tally = actorCounts.get(subjectId) ?? emptyCounts();
    tally[status] += n;
    actorCounts.set(subjectId, tally);
  }
  const byActor = scope.actors
    .filter((actor) => (commitmentsOfKind.get(actor.kind) ?? 0) > 0)
    .map((actor) => toRow(String(actor.id), { label: actor.name, counts: actorCounts.get(actor.id) ?? emptyCounts(), pairs: commitmentsOfKind.get(actor.kind) ?? 0 }))
    .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || b.reported - a.reported || byLabel.compare(a.label, b.label));

  const reported = Object.entries(figures).reduce((sum, [cell, n]) => (cell === 'no_report' ? sum : sum + n), 0);
  const scored = reported - figures.unable_to_assess;
  return {
    asOf,
    perspective,
    staleBefore: before,
    figures: {
      pairs,
      reported,
      coverage: pairs === 0 ? null : reported / pairs,
      score: scoreOfCounts(figures),
      scored,
      commitments: [...pairsOfCommitment.values()].filter((n) => n > 0).length,
      actors: scope.actors.filter((actor) => (commitmentsOfKind.get(actor.kind) ?? 0) > 0).length,
      actorsReporting: actorCounts.size,
      contested,
      stale,
      regressed: figures.regressed,
      adverseEffects,
    },
    byActor,
    byTheme: [...themes].filter(([, entry]) => entry.pairs > 0).map(([key, entry]) => toRow(key, entry)),
    byObjective: [...objectives].map(([key, entry]) => toRow(String(key), entry)).sort((a, b) => Number(a.key) - Number(b.key)),
    overTime: groups ? overTimeFromChanges(groups, viewKey('quarterly changes', { ...undated, perspective }), perspective, asOf, pairs, figures) : overTime(scope, perspective, asOf, pairs),
  };
}

