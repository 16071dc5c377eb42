import type { SummaryDto } from '@/lib/summary-types';
import { compareRanking, rankingEnds } from '@/lib/actor-ranking';

/** Above twice this many actors, the overview shows this many with the highest and the lowest scores. */
export const ACTOR_ENDS = 15;

/** Above twice this many commitments, the by-commitment table shows this many at each end. */
export const COMMITMENT_ENDS = 10;

/** The summary as the overview shows it: legible and light with 2,000 actors. */
export interface OverviewSummary extends SummaryDto {
  /** Every actor of the view; `byActor` holds them all, or the ACTOR_ENDS first and last by score. */
  actorCount: number;
  /** Every commitment of the view; `byCommitment` holds them all, or COMMITMENT_ENDS at each end. */
  commitmentCount: number;
}

/** byActor comes in ranking order (lib/actor-ranking.ts): keep both ends of the ranking. */
export function forOverview(summary: SummaryDto): OverviewSummary {
  const actorCount = summary.byActor.length;
  const byActor =
    actorCount > 2 * ACTOR_ENDS
      ? rankingEnds(summary.byActor, ACTOR_ENDS).flatMap((end) => end.rows)
      : summary.byActor;
  // Commitments ranked as actors are (the report's order breaks ties: the sort is stable).
  const ranked = [...summary.byCommitment].sort(compareRanking);
  const byCommitment =
    ranked.length > 2 * COMMITMENT_ENDS
      ? rankingEnds(ranked, COMMITMENT_ENDS).flatMap((end) => end.rows)
      : ranked;
  return {
    ...summary,
    byActor,
    actorCount,
    byCommitment,
    commitmentCount: summary.byCommitment.length,
  };
}
