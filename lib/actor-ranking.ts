/**
 * Who may be called highest or lowest: a group (actor, theme, objective) is ranked only when at
 * least RANKING_MIN_COVERAGE of its pairs have a report, so one good report out of eleven never
 * heads a ranking (docs/design.md, "Ranking"). Used by the summary's order, the overview's chart
 * and sentence, and the meeting-mode slides.
 */

/** The share of a group's pairs that must have a report for it to be ranked (worded "half"). */
export const RANKING_MIN_COVERAGE = 0.5;

/** What ranking reads of a row: GroupRow has these. */
export interface RankedRow {
  score: number | null;
  reported: number;
  pairs: number;
}

/** A score, and at least RANKING_MIN_COVERAGE of the pairs reported. */
export function isRanked(row: RankedRow): boolean {
  return row.score !== null && row.pairs > 0 && row.reported >= RANKING_MIN_COVERAGE * row.pairs;
}

/**
 * The ranking's order: ranked groups first, then the others; within each, the higher score first
 * (no score last), then more pairs reported. Equal rows compare 0, so a stable sort keeps the
 * caller's order among them.
 */
export function compareRanking(a: RankedRow, b: RankedRow): number {
  return (
    Number(isRanked(b)) - Number(isRanked(a)) ||
    (b.score ?? -1) - (a.score ?? -1) ||
    b.reported - a.reported
  );
}

/**
 * The two ends of a long ranking (rows in compareRanking order), each with the place of its first
 * row (1-based): the first `ends` rows, and the last `ends` ranked rows after them. When fewer
 * than `ends` ranked rows remain for the low end, it holds what remains, or is left out.
 */
export function rankingEnds<T extends RankedRow>(
  rows: readonly T[],
  ends: number,
): { rows: T[]; first: number }[] {
  const highest = rows.slice(0, ends);
  let ranked = 0;
  while (ranked < rows.length && isRanked(rows[ranked] as T)) ranked += 1;
  const from = Math.max(highest.length, ranked - ends);
  const lowest = rows.slice(from, ranked);
  return [
    { rows: highest, first: 1 },
    ...(lowest.length > 0 ? [{ rows: lowest, first: from + 1 }] : []),
  ];
}

/**
 * The highest and the lowest ranked of these rows (the ones a chart shows), or null when none is
 * ranked; `unranked` counts the rows with a score that were left out for their coverage.
 */
export function highestAndLowest<T extends RankedRow>(
  rows: readonly T[],
): { highest: T; lowest: T; unranked: number } | null {
  const ranked = rows.filter(isRanked).sort(compareRanking);
  const highest = ranked[0];
  const lowest = ranked.at(-1);
  if (!highest || !lowest) return null;
  const unranked = rows.filter((row) => row.score !== null).length - ranked.length;
  return { highest, lowest, unranked };
}
