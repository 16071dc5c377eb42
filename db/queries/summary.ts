import 'server-only';
import { getDb } from '../client';
import { memoByDataVersion } from '../cache';
import * as t from '../schema';
import { emptyCounts, quarterEnds, scoreOfCounts, staleBefore } from '../../lib/rollup';
import { compareRanking } from '../../lib/actor-ranking';
import { STATUS_KEYS } from '../../lib/status-scale';
import { THEMES, type ActorKind, type Theme } from '../../lib/taxonomy';
import type { SummaryDto, TimePoint } from '../../lib/summary-types';
import { todayUtc } from '../../lib/dates';
import {
  applicability,
  loadScope,
  scopeRows,
  viewKey,
  type DashboardFilters,
  type Scope,
} from './view-scope';
import { statusTallies } from '../status-index/status-index';

export type { DashboardFilters } from './view-scope';

/** The first quarter the over-time chart starts from: the GCM was adopted in December 2018. */
export const HISTORY_START = '2019-01-01';

export interface SummaryLabels {
  theme: (theme: Theme) => string;
}

/** The summary of a view, cached until the next write to the data it comes from (db/cache.ts). */
export function getSummary(filters: DashboardFilters, labels: SummaryLabels): SummaryDto {
  const language = THEMES.map((theme) => labels.theme(theme)).join('\u0001');
  return memoByDataVersion(
    getDb(),
    viewKey('summary', filters, language),
    () => computeSummary(filters, labels),
    (summary) =>
      summary.byActor.length +
      summary.byTheme.length +
      summary.byObjective.length +
      summary.byCommitment.length +
      summary.overTime.length,
  );
}

/**
 * Points over time from each period's net changes in status counts: running sums, the pairs with
 * no report being the rest; `last`, when given, is the final point's counts as they are.
 */
function runningPoints(
  periods: { period: string; date: string }[],
  deltas: Tally[],
  pairCount: number,
  last?: Tally,
): TimePoint[] {
  const tally = emptyCounts();
  return periods.map(({ period, date }, index) => {
    let reported = 0;
    for (const key of Object.keys(tally) as (keyof Tally)[]) {
      if (key === 'no_report') continue;
      tally[key] =
        last && index === periods.length - 1
          ? last[key]
          : tally[key] + (deltas[index] as Tally)[key];
      reported += tally[key];
    }
    const counts = { ...tally, no_report: pairCount - reported };
    return { period, date, counts, pairs: pairCount, reported, score: scoreOfCounts(counts) };
  });
}

type Tally = ReturnType<typeof emptyCounts>;

/**
 * Each actor's place in String.localeCompare's order of their names, per scope: ranked once per
 * view and data version (the scope is cached), not compared again for every date of the view.
 */
const labelRanks = new WeakMap<Scope, Map<number, number>>();
function labelRank(scope: Scope): Map<number, number> {
  let ranks = labelRanks.get(scope);
  if (!ranks) {
    const collator = new Intl.Collator();
    ranks = new Map(
      [...scope.actors]
        .sort((a, b) => collator.compare(a.name, b.name))
        .map((actor, rank) => [actor.id, rank]),
    );
    labelRanks.set(scope, ranks);
  }
  return ranks;
}

/** A view's status over time alone (a commitment's page), without the groups a summary adds. */
export function getStatusHistory(
  filters: DashboardFilters,
): Pick<SummaryDto, 'asOf' | 'perspective' | 'overTime'> {
  return memoByDataVersion(
    getDb(),
    viewKey('history', filters),
    () => {
      const { asOf, perspective, scope, pairs, tallies, periods, changes } = viewTallies(filters);
      const inScope = new Set(scope.commitments.map((commitment) => commitment.id));
      const figures = emptyCounts();
      for (const [commitmentId, status, n] of tallies.perCommitment)
        if (inScope.has(commitmentId)) figures[status] += n;
      return { asOf, perspective, overTime: runningPoints(periods, changes, pairs, figures) };
    },
    (history) => history.overTime.length,
  );
}

/**
 * What a view's summary and its status over time are made of: its scope and pair counts, status
 * tallies from the in-memory index of counted entries (db/status-index/), and the net changes of
 * each quarter. Pair totals are counted from the scope (actors of each kind x the commitments that
 * apply to it), never enumerated.
 */
function viewTallies(filters: DashboardFilters) {
  const asOf = filters.asOf ?? todayUtc();
  const perspective = filters.perspective ?? 'self';
  const before = staleBefore(asOf);
  // The scope does not depend on the date: read once per view and data version, for all its dates.
  const scope = memoByDataVersion(
    getDb(),
    viewKey('scope', { ...filters, asOf: undefined, perspective: undefined }),
    () => loadScope(filters),
    scopeRows,
  );
  const { byCommitment } = applicability(scope);

  // Pairs per commitment and per actor, from counts of actors per kind.
  const actorsOfKind = new Map<ActorKind, number>();
  for (const actor of scope.actors)
    actorsOfKind.set(actor.kind, (actorsOfKind.get(actor.kind) ?? 0) + 1);
  const pairsOfCommitment = new Map(
    scope.commitments.map((commitment) => [
      commitment.id,
      (byCommitment.get(commitment.id) ?? []).reduce(
        (sum, kind) => sum + (actorsOfKind.get(kind) ?? 0),
        0,
      ),
    ]),
  );
  const pairs = [...pairsOfCommitment.values()].reduce((sum, n) => sum + n, 0);

  // Tallies from the in-memory index of counted entries, now or at the view's date.
  const view = {
    staleBefore: before,
    perspective,
    commitmentKinds: byCommitment,
    actors: scope.actors,
  };
  const tallies = statusTallies(getDb(), { ...view, asOf: filters.asOf });
  // Status over time: the counts at the end of each full quarter before the view's date do not
  // depend on the date (later entries change later quarters only), so the quarters' net changes
  // are counted once per view and data version, over every entry, and shared by all its dates;
  // the last point is the view's own counts at its date.
  const periods = quarterEnds(HISTORY_START, asOf);
  const quarterly = memoByDataVersion(
    getDb(),
    viewKey('status history', { ...filters, asOf: undefined }),
    () => {
      const history = {
        from: HISTORY_START,
        periods: quarterEnds(HISTORY_START, todayUtc()).length,
      };
      return statusTallies(getDb(), { ...view, asOf: undefined, history }).quarterly;
    },
  );
  const changes = periods.map(
    (_, quarter) =>
      Object.fromEntries(
        STATUS_KEYS.map((status, i) => [
          status,
          quarter < periods.length - 1
            ? ((quarterly[quarter * STATUS_KEYS.length + i] as number) ?? 0)
            : 0,
        ]),
      ) as Tally,
  );
  return {
    asOf,
    perspective,
    before,
    scope,
    byCommitment,
    pairsOfCommitment,
    pairs,
    tallies,
    periods,
    changes,
  };
}

/**
 * The summary of a view computed from the database now, without the cache: the view's tallies
 * (`viewTallies`) aggregated per theme, objective and actor.
 */
export function computeSummary(filters: DashboardFilters, labels: SummaryLabels): SummaryDto {
  const view = viewTallies(filters);
  const { asOf, perspective, before, scope, byCommitment, pairsOfCommitment, pairs } = view;
  const { tallies, periods, changes } = view;
  const objectiveTitles = new Map(
    getDb()
      .select()
      .from(t.gcmObjectives)
      .all()
      .map((row) => [row.number, row.title]),
  );
  const commitmentsOfKind = new Map<ActorKind, number>();
  for (const [, ofKinds] of byCommitment)
    for (const kind of ofKinds) commitmentsOfKind.set(kind, (commitmentsOfKind.get(kind) ?? 0) + 1);
  const { perCommitment, perActor, contested, adverseEffects } = tallies;

  const toRow = (key: string, entry: { label: string; counts: Tally; pairs: number }) => {
    const reported = Object.entries(entry.counts).reduce(
      (sum, [cell, n]) => (cell === 'no_report' ? sum : sum + n),
      0,
    );
    const counts = { ...entry.counts, no_report: entry.pairs - reported };
    return {
      key,
      label: entry.label,
      counts,
      pairs: entry.pairs,
      reported,
      score: scoreOfCounts(counts),
    };
  };

  // Themes in the order the pairs meet them (actors by name, commitments by position).
  const themeOrder: string[] = [];
  const seenKinds = new Set<ActorKind>();
  for (const actor of scope.actors) {
    if (seenKinds.has(actor.kind)) continue;
    seenKinds.add(actor.kind);
    for (const commitment of scope.commitments) {
      if (
        (byCommitment.get(commitment.id) ?? []).includes(actor.kind) &&
        !themeOrder.includes(commitment.theme)
      )
        themeOrder.push(commitment.theme);
    }
  }
  const themes = new Map(
    themeOrder.map((theme) => [
      theme,
      { label: labels.theme(theme as Theme), counts: emptyCounts(), pairs: 0 },
    ]),
  );
  const objectives = new Map<number, { label: string; counts: Tally; pairs: number }>();
  const figures = emptyCounts();
  const stale = tallies.stale;
  const commitmentById = new Map(
    scope.commitments.map((commitment) => [commitment.id, commitment]),
  );
  for (const commitment of scope.commitments) {
    const n = pairsOfCommitment.get(commitment.id) ?? 0;
    if (n === 0) continue;
    const theme = themes.get(commitment.theme);
    if (theme) theme.pairs += n;
    for (const objective of commitment.objectives) {
      const entry = objectives.get(objective) ?? {
        label: `${objective}. ${objectiveTitles.get(objective) ?? ''}`,
        counts: emptyCounts(),
        pairs: 0,
      };
      entry.pairs += n;
      objectives.set(objective, entry);
    }
  }
  const commitmentCounts = new Map<number, Tally>();
  for (const [commitmentId, status, n] of perCommitment) {
    const commitment = commitmentById.get(commitmentId);
    if (!commitment) continue;
    figures[status] += n;
    const counts = commitmentCounts.get(commitmentId) ?? emptyCounts();
    counts[status] += n;
    commitmentCounts.set(commitmentId, counts);
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
  const ranks = labelRank(scope);
  const byActor = scope.actors
    .filter((actor) => (commitmentsOfKind.get(actor.kind) ?? 0) > 0)
    .map((actor) => ({
      rank: ranks.get(actor.id) ?? 0,
      row: toRow(String(actor.id), {
        label: actor.name,
        counts: actorCounts.get(actor.id) ?? emptyCounts(),
        pairs: commitmentsOfKind.get(actor.kind) ?? 0,
      }),
    }))
    .sort((a, b) => compareRanking(a.row, b.row) || a.rank - b.rank)
    .map(({ row }) => row);

  const reported = Object.entries(figures).reduce(
    (sum, [cell, n]) => (cell === 'no_report' ? sum : sum + n),
    0,
  );
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
    byTheme: [...themes]
      .filter(([, entry]) => entry.pairs > 0)
      .map(([key, entry]) => toRow(key, entry)),
    byObjective: [...objectives]
      .map(([key, entry]) => toRow(String(key), entry))
      .sort((a, b) => Number(a.key) - Number(b.key)),
    byCommitment: scope.commitments
      .filter((commitment) => (pairsOfCommitment.get(commitment.id) ?? 0) > 0)
      .map((commitment) =>
        toRow(commitment.code, {
          label: commitment.title,
          counts: commitmentCounts.get(commitment.id) ?? emptyCounts(),
          pairs: pairsOfCommitment.get(commitment.id) ?? 0,
        }),
      ),
    overTime: runningPoints(periods, changes, pairs, figures),
  };
}
