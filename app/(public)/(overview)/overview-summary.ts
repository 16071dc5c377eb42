import type { SummaryDto } from '@/lib/summary-types';

/** Above twice this many actors, the overview shows this many with the highest and the lowest scores. */
export const ACTOR_ENDS = 15;

/** The summary as the overview shows it: legible and light with 2,000 actors. */
export interface OverviewSummary extends SummaryDto {
  /** Every actor of the view; `byActor` holds them all, or the ACTOR_ENDS first and last by score. */
  actorCount: number;
}

/** byActor comes sorted by score (highest first, actors without a score last): keep both ends. */
export function forOverview(summary: SummaryDto): OverviewSummary {
  const actorCount = summary.byActor.length;
  const byActor =
    actorCount > 2 * ACTOR_ENDS
      ? [...summary.byActor.slice(0, ACTOR_ENDS), ...summary.byActor.slice(-ACTOR_ENDS)]
      : summary.byActor;
  return { ...summary, byActor, actorCount };
}
