import type { SummaryDto } from '@/lib/summary-types';
import { rankingEnds } from '@/lib/actor-ranking';

/** Above twice this many actors, the overview shows this many with the highest and the lowest scores. */
export const ACTOR_ENDS = 15;

/** The summary as the overview shows it: legible and light with 2,000 actors. */
export interface OverviewSummary extends SummaryDto {
  /** Every actor of the view; `byActor` holds them all, or the ACTOR_ENDS first and last by score. */
  actorCount: number;
}

/** byActor comes in ranking order (lib/actor-ranking.ts): keep both ends of the ranking. */
export function forOverview(summary: SummaryDto): OverviewSummary {
  const actorCount = summary.byActor.length;
  const byActor =
    actorCount > 2 * ACTOR_ENDS
      ? rankingEnds(summary.byActor, ACTOR_ENDS).flatMap((end) => end.rows)
      : summary.byActor;
  return { ...summary, byActor, actorCount };
}
