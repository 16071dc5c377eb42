import { describe, expect, it } from 'vitest';
import { MAX_ACTOR_SLIDES, MAX_BARS, buildSlides, slideMatrix, slideSummary } from './present';
import { emptyCounts } from './rollup';
import type { GroupRow, MatrixDto, SummaryDto } from './summary-types';

/** A summary of `actors` actors in ranking order: the first `ranked` scored, the rest silent. */
function summary(actors: number, ranked: number): SummaryDto {
  const row = (key: string, index: number): GroupRow => ({
    key,
    label: `Label ${key}`,
    counts: emptyCounts(),
    pairs: 4,
    reported: index < ranked ? 4 : 0,
    score: index < ranked ? 1 - index / actors : null,
  });
  return {
    asOf: '2026-03-01',
    perspective: 'self',
    staleBefore: '2025-03-01',
    figures: {
      pairs: actors * 4,
      reported: ranked * 4,
      coverage: ranked / actors,
      score: 0.5,
      scored: ranked * 4,
      commitments: 4,
      actors,
      actorsReporting: ranked,
      contested: 0,
      stale: 0,
      regressed: 0,
      adverseEffects: 0,
    },
    byActor: Array.from({ length: actors }, (_, index) => row(`actor-${index + 1}`, index)),
    byTheme: [row('smuggling', 0)],
    byObjective: [row('1', 0)],
    byCommitment: [row('TIP-01', 0)],
    overTime: [],
  } as SummaryDto;
}

describe('slideSummary', () => {
  it('a deck of thousands of actors gets only the rows its slides show, same slides', () => {
    const whole = summary(2_000, 1_500);
    const cut = slideSummary(whole);
    const rows = cut.byActor.lists.flatMap((list) => list.rows);
    expect(rows).toHaveLength(MAX_ACTOR_SLIDES * MAX_BARS);
    expect(cut.byActor.total).toBe(2_000);
    expect(JSON.stringify(cut).length).toBeLessThan(JSON.stringify(whole).length / 20);
    const deck = (input: SummaryDto | ReturnType<typeof slideSummary>) =>
      buildSlides({ summary: input, matrix: null, perCommitment: false });
    expect(deck(cut)).toEqual(deck(whole));
    // The lowest shown are the lowest ranked (1,485th to 1,500th), not the silent after them.
    const last = deck(cut)
      .filter((slide) => slide.kind === 'byActor')
      .at(-1);
    expect(last?.kind === 'byActor' && last.first + last.rows.length - 1).toBe(1_500);
  });

  it('a deck of a few actors keeps every actor', () => {
    const whole = summary(MAX_ACTOR_SLIDES * MAX_BARS, 3);
    expect(slideSummary(whole).byActor.lists.flatMap((list) => list.rows)).toEqual(whole.byActor);
  });
});

describe('slideMatrix', () => {
  it("a view's matrix reaches the slides with its statuses and no entry text, same slides", () => {
    const side = (status: 'complete' | 'regressed', entryId: number) => ({
      status,
      asOf: '2025-06-01',
      entryId,
      stale: entryId % 2 === 0,
      summary: `A one-line summary of entry ${entryId} that the slides never show`,
      reporter: 'Reporter',
    });
    const matrix: MatrixDto = {
      asOf: '2026-03-01',
      actors: [1, 2, 3].map((id) => ({ id, name: `Actor ${id}` })),
      commitments: [{ code: 'TIP-01', title: 'One' }],
      cells: [1, 2, 3].map((actorId) => ({
        actorId,
        code: 'TIP-01',
        self: side('complete', actorId),
        independent: actorId === 2 ? side('regressed', 10 + actorId) : null,
        contested: actorId === 2,
      })),
    };
    const cut = slideMatrix(matrix);
    expect(JSON.stringify(cut)).not.toContain('summary');
    const deck = (input: MatrixDto | ReturnType<typeof slideMatrix>) =>
      buildSlides({ summary: summary(3, 3), matrix: input, perCommitment: true });
    // The same slides, but for the fields the slides never read.
    const unread = new Set(['asOf', 'entryId', 'summary', 'reporter']);
    const shown = (slides: unknown) =>
      JSON.stringify(slides, (key, value: unknown) => (unread.has(key) ? undefined : value));
    expect(shown(deck(cut))).toBe(shown(deck(matrix)));
  });
});
