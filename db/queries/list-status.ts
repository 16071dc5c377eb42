import 'server-only';
import { getDb } from '../client';
import { memoByDataVersion } from '../cache';
import { emptyCounts, scoreOfCounts, staleBefore } from '../../lib/rollup';
import { todayUtc } from '../../lib/dates';
import type { GroupRow, StatusCounts } from '../../lib/summary-types';
import type { ActorKind } from '../../lib/taxonomy';
import { statusTallies } from '../status-index/status-index';
import { cachedScope } from './matrix';
import { applicability } from './view-scope';

/** A list row's status: the roll-up's counts, coverage and score (docs/design.md#roll-up). */
export type ListStatus = Omit<GroupRow, 'key' | 'label'>;

export interface ListStatuses {
  /** By commitment code: its self-reported statuses across the actors it applies to. */
  byCommitment: Map<string, ListStatus>;
  /** By actor id: its self-reported statuses across the commitments that apply to it. */
  byActor: Map<number, ListStatus>;
}

function statusRow(counts: StatusCounts, pairs: number): ListStatus {
  let reported = 0;
  for (const [cell, n] of Object.entries(counts)) if (cell !== 'no_report') reported += n;
  const full = { ...counts, no_report: pairs - reported };
  return { counts: full, pairs, reported, score: scoreOfCounts(full) };
}

/**
 * Each live commitment's and actor's current self-reported statuses now, as the overview counts
 * them (the status index's tallies of the whole workspace). Cached per data version.
 */
export function listStatuses(): ListStatuses {
  const db = getDb();
  return memoByDataVersion(
    db,
    'list statuses',
    () => {
      const scope = cachedScope({});
      const { byCommitment: kindsOf } = applicability(scope);
      const tallies = statusTallies(db, {
        asOf: undefined,
        staleBefore: staleBefore(todayUtc()),
        perspective: 'self',
        commitmentKinds: kindsOf,
        actors: scope.actors,
      });
      const actorsOfKind = new Map<ActorKind, number>();
      for (const actor of scope.actors)
        actorsOfKind.set(actor.kind, (actorsOfKind.get(actor.kind) ?? 0) + 1);
      const commitmentsOfKind = new Map<ActorKind, number>();
      for (const kinds of kindsOf.values())
        for (const kind of kinds)
          commitmentsOfKind.set(kind, (commitmentsOfKind.get(kind) ?? 0) + 1);

      const commitmentCounts = new Map<number, StatusCounts>();
      for (const [commitmentId, status, n] of tallies.perCommitment) {
        const counts = commitmentCounts.get(commitmentId) ?? emptyCounts();
        counts[status] += n;
        commitmentCounts.set(commitmentId, counts);
      }
      const actorCounts = new Map<number, StatusCounts>();
      for (const [subjectId, status, n] of tallies.perActor) {
        const counts = actorCounts.get(subjectId) ?? emptyCounts();
        counts[status] += n;
        actorCounts.set(subjectId, counts);
      }
      return {
        byCommitment: new Map(
          scope.commitments.map((commitment) => [
            commitment.code,
            statusRow(
              commitmentCounts.get(commitment.id) ?? emptyCounts(),
              (kindsOf.get(commitment.id) ?? []).reduce(
                (sum, kind) => sum + (actorsOfKind.get(kind) ?? 0),
                0,
              ),
            ),
          ]),
        ),
        byActor: new Map(
          scope.actors.map((actor) => [
            actor.id,
            statusRow(
              actorCounts.get(actor.id) ?? emptyCounts(),
              commitmentsOfKind.get(actor.kind) ?? 0,
            ),
          ]),
        ),
      };
    },
    (statuses) => statuses.byCommitment.size + statuses.byActor.size,
  );
}

/**
 * Each of these actors' latest report: the latest as-of date of the entries it published, not
 * withdrawn, any subject. For a page of the actors list, not all of them: each is an index seek
 * (reporter, state, as-of), and the first list view after a write would otherwise make thousands.
 * Cached per data version and page.
 */
export function lastReports(actorIds: readonly number[]): Map<number, string | null> {
  const db = getDb();
  return memoByDataVersion(
    db,
    `last reports ${actorIds.join(',')}`,
    () => {
      const latest = db.$client
        .prepare(
          `SELECT max(as_of) FROM progress_entries
           WHERE reporter_id = ? AND state = 'published' AND withdrawn_at IS NULL`,
        )
        .pluck();
      return new Map(actorIds.map((id) => [id, (latest.get(id) as string | null) ?? null]));
    },
    (reports) => reports.size,
  );
}
