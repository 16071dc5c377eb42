import 'server-only';
import { getDb } from '../client';
import { cachedRead } from '../cache';
import * as t from '../schema';
import { emptyCounts, quarterEnds, scoreOfCounts, staleBefore, type CurrentStatus } from '../../lib/rollup';
import { THEMES, type ActorKind, type Perspective, type Theme } from '../../lib/taxonomy';
import type { SummaryDto, TimePoint } from '../../lib/summary-types';
import { todayUtc } from '../../lib/dates';
import { applicability, loadScope, viewKey, type DashboardFilters, type Scope } from './view-scope';

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
    if (from < periods.length) (deltas[from] as ReturnType<typeof emptyCounts>)[status] += n;
    if (to !== null && to < periods.length) (deltas[to] as ReturnType<typeof emptyCounts>)[status] -= n;
  }
  const tally = emptyCounts();
  return periods.map(({ period, date }, index) => {
    let reported = 0;
    for (const key of Object.keys(tally) as (keyof typeof tally)[]) {
      if (key === 'no_report') continue;
      tally[key] += (deltas[index] as typeof tally)[key];
      reported += tally[key];
    }
    const counts = { ...tally, no_report: pairCount - reported };
    return { period, date, counts, pairs: pairCount, reported, score: scoreOfCounts(counts) };
  });
}

/** The statuses relation a view reads: the kept table now, or the latest counted entry per pair as of a past date. */
function statusRelation(asOf: string | undefined): { sql: string; params: unknown[] } {
  if (asOf === undefined) return { sql: 'SELECT commitment_id, subject_id, perspective, status, as_of, adverse_effects FROM current_status', params: [] };
  return {
    sql: `SELECT commitment_id, subject_id, perspective, status, as_of, adverse_effects FROM (
            SELECT commitment_id, subject_id, perspective, status, as_of, adverse_effects,
              row_number() OVER (PARTITION BY commitment_id, subject_id, perspective ORDER BY as_of DESC, published_at DESC, id DESC) AS rank
            FROM progress_entries
            WHERE state = 'published' AND withdrawn_at IS NULL AND superseded_by_id IS NULL AND as_of <= ?
          ) WHERE rank = 1`,
    params: [asOf],
  };
}

type Tally = ReturnType<typeof emptyCounts>;

/**
 * The summary of a view computed from the database now, without the cache. Figures and groups
 * are aggregated in SQL (status counts per commitment and per actor); pair totals are counted
 * from the scope (actors of each kind x the commitments that apply to it), never enumerated.
 */
export function computeSummary(filters: DashboardFilters, labels: SummaryLabels): SummaryDto {
  const db = getDb().$client;
  const asOf = filters.asOf ?? todayUtc();
  const perspective = filters.perspective ?? 'self';
  const before = staleBefore(asOf);
  const scope = loadScope(filters);
  const objectiveTitles = new Map(getDb().select().from(t.gcmObjectives).all().map((row) => [row.number, row.title]));
  const { byCommitment, where, params } = applicability(scope);
  const relation = statusRelation(filters.asOf);

  // Pairs per commitment and per actor, from counts of actors per kind.
  const actorsOfKind = new Map<ActorKind, number>();
  for (const actor of scope.actors) actorsOfKind.set(actor.kind, (actorsOfKind.get(actor.kind) ?? 0) + 1);
  const pairsOfCommitment = new Map(scope.commitments.map((commitment) => [commitment.id, (byCommitment.get(commitment.id) ?? []).reduce((sum, kind) => sum + (actorsOfKind.get(kind) ?? 0), 0)]));
  const commitmentsOfKind = new Map<ActorKind, number>();
  for (const [, ofKinds] of byCommitment) for (const kind of ofKinds) commitmentsOfKind.set(kind, (commitmentsOfKind.get(kind) ?? 0) + 1);
  const pairs = [...pairsOfCommitment.values()].reduce((sum, n) => sum + n, 0);

  const perCommitment = db
    .prepare(
      `WITH s AS (${relation.sql})
       SELECT s.commitment_id, s.status, s.as_of < ? AS stale, count(*) AS n FROM s
       WHERE s.perspective = ? AND ${where} GROUP BY 1, 2, 3`,
    )
    .raw()
    .all(...relation.params, before, perspective, ...params) as [number, CurrentStatus['status'], number, number][];
  const perActor = db
    .prepare(`WITH s AS (${relation.sql}) SELECT s.subject_id, s.status, count(*) AS n FROM s WHERE s.perspective = ? AND ${where} GROUP BY 1, 2`)
    .raw()
    .all(...relation.params, perspective, ...params) as [number, CurrentStatus['status'], number][];
  const step = (column: string) => `CASE ${column} WHEN 'not_started' THEN 0 WHEN 'limited' THEN 1 WHEN 'substantial' THEN 2 WHEN 'complete' THEN 3 WHEN 'regressed' THEN 0 END`;
  const [contested, adverseEffects] = db
    .prepare(
      `WITH s AS (${relation.sql}), both AS (
         SELECT s.commitment_id, s.subject_id,
           max(CASE WHEN s.perspective = 'self' THEN s.status END) AS self,
           max(CASE WHEN s.perspective = 'independent' THEN s.status END) AS independent,
           sum(s.adverse_effects) AS adverse
         FROM s WHERE ${where} GROUP BY 1, 2)
       SELECT coalesce(sum(self IS NOT NULL AND independent IS NOT NULL AND (self = 'regressed' OR independent = 'regressed'
                OR abs(${step('self')} - ${step('independent')}) >= 2)), 0),
              coalesce(sum(adverse), 0)
       FROM both`,
    )
    .raw()
    .get(...relation.params, ...params) as [number, number];

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
  let stale = 0;
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
  for (const [commitmentId, status, isStaleStatus, n] of perCommitment) {
    const commitment = commitmentById.get(commitmentId);
    if (!commitment) continue;
    figures[status] += n;
    if (isStaleStatus) stale += n;
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
    .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || b.reported - a.reported || a.label.localeCompare(b.label));

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
    overTime: overTime(scope, perspective, asOf, pairs),
  };
}

