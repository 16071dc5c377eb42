import { describe, expect, it } from 'vitest';
import {
  MAX_ACTOR_SLIDES,
  MAX_BARS,
  MAX_CONTESTED,
  MAX_PRESENT_PAIRS,
  MAX_MATRIX_COLUMNS,
  MAX_MATRIX_ROWS,
  buildSlides,
  dashboardHref,
  filtersInWords,
  nextPages,
  pageSizes,
  presentHref,
  presentsMatrix,
  slideIndex,
  splitEvenly,
  yearlyPoints,
  type Slide,
} from './present';
import { parsePresentQuery } from './present-query';
import { emptyCounts } from './rollup';
import type { GroupRow, MatrixDto, SummaryDto, TimePoint } from './summary-types';

function row(key: string): GroupRow {
  return { key, label: `Label ${key}`, counts: emptyCounts(), pairs: 1, reported: 0, score: null };
}

function point(period: string): TimePoint {
  return { period, date: '2020-01-01', counts: emptyCounts(), pairs: 1, reported: 0, score: null };
}

function summary(
  actors: number,
  objectives: number,
  periods: string[] = ['2025-Q4', '2026-Q1'],
): SummaryDto {
  return {
    asOf: '2026-03-01',
    perspective: 'self',
    staleBefore: '2025-03-01',
    figures: {
      pairs: 0,
      reported: 0,
      coverage: null,
      score: null,
      scored: 0,
      commitments: 0,
      actors: 0,
      actorsReporting: 0,
      contested: 0,
      stale: 0,
      regressed: 0,
      adverseEffects: 0,
    },
    byActor: Array.from({ length: actors }, (_, index) => row(`actor-${index + 1}`)),
    byTheme: [row('smuggling'), row('trafficking')],
    byObjective: Array.from({ length: objectives }, (_, index) => row(String(index + 1))),
    byCommitment: [row('TIP-01')],
    overTime: periods.map(point),
  };
}

const reported = {
  status: 'limited',
  asOf: '2025-06-01',
  entryId: 1,
  stale: false,
  summary: 's',
  reporter: 'r',
} as const;

/** Every actor applies to every commitment; `reporting(actor, code)` says which pairs have a self-report. */
function matrix(
  actors: number,
  commitments: number,
  reporting: (actor: number, column: number) => boolean = () => true,
): MatrixDto {
  const list = Array.from({ length: commitments }, (_, index) => ({
    code: `TIP-${index + 1}`,
    title: `Commitment ${index + 1}`,
  }));
  return {
    asOf: '2026-03-01',
    actors: Array.from({ length: actors }, (_, index) => ({
      id: index + 1,
      name: `Actor ${index + 1}`,
    })),
    commitments: list,
    cells: Array.from({ length: actors }, (_, a) =>
      list.map((commitment, c) => ({
        actorId: a + 1,
        code: commitment.code,
        self: reporting(a + 1, c + 1) ? reported : null,
        independent: null,
        contested: false,
      })),
    ).flat(),
  };
}

const kinds = (slides: Slide[]) => slides.map((slide) => slide.kind);

describe('buildSlides', () => {
  it('shows title, figures, actors, matrix, themes, objectives, time and contested pairs in that order', () => {
    const slides = buildSlides({
      summary: summary(3, 2),
      matrix: matrix(3, 4),
      perCommitment: false,
    });
    expect(kinds(slides)).toEqual([
      'title',
      'figures',
      'byActor',
      'matrix',
      'byTheme',
      'byObjective',
      'overTime',
      'contested',
    ]);
    expect(slides.map((slide) => slide.id)).toEqual([
      'title',
      'figures',
      'by-actor',
      'matrix',
      'by-theme',
      'by-objective',
      'over-time',
      'contested',
    ]);
  });

  it('adds one slide per commitment, last, only when asked', () => {
    const slides = buildSlides({
      summary: summary(2, 1),
      matrix: matrix(2, 3),
      perCommitment: true,
    });
    expect(slides.slice(-3).map((slide) => slide.id)).toEqual([
      'commitment-TIP-1',
      'commitment-TIP-2',
      'commitment-TIP-3',
    ]);
    const last = slides.at(-1);
    expect(last?.kind === 'commitment' && last.cells.map((cell) => cell.actor)).toEqual([
      'Actor 1',
      'Actor 2',
    ]);
  });

  it('splits a long list of actors into slides of as many bars as a room can read, the rest last', () => {
    const slides = buildSlides({
      summary: summary(MAX_BARS * 2 + 1, 23),
      matrix: matrix(1, 1),
      perCommitment: false,
    });
    const actorSlides = slides.filter((slide) => slide.kind === 'byActor');
    expect(actorSlides.map((slide) => slide.id)).toEqual(['by-actor', 'by-actor-2', 'by-actor-3']);
    expect(actorSlides.map((slide) => slide.rows.length)).toEqual([8, 8, 1]);
    expect(actorSlides.map((slide) => slide.first)).toEqual([1, 9, 17]);
    const objectiveSlides = slides.filter((slide) => slide.kind === 'byObjective');
    expect(objectiveSlides.map((slide) => slide.rows.length)).toEqual([8, 8, 7]);
    expect(objectiveSlides.map((slide) => `${slide.part}/${slide.parts}`)).toEqual([
      '1/3',
      '2/3',
      '3/3',
    ]);
  });

  it('splits the matrix by commitments and by actors, every cell on exactly one slide', () => {
    const actors = MAX_MATRIX_ROWS + 3;
    const commitments = MAX_MATRIX_COLUMNS + 5;
    const slides = buildSlides({
      summary: summary(1, 1),
      matrix: matrix(actors, commitments),
      perCommitment: false,
    }).filter((slide) => slide.kind === 'matrix');
    expect(slides).toHaveLength(4);
    expect(slides.map((slide) => slide.id)).toEqual(['matrix', 'matrix-2', 'matrix-3', 'matrix-4']);
    for (const slide of slides) {
      expect(slide.commitments.length).toBeLessThanOrEqual(MAX_MATRIX_COLUMNS);
      expect(slide.actors.length).toBeLessThanOrEqual(MAX_MATRIX_ROWS);
      expect(slide.parts).toBe(4);
    }
    const shown = slides.flatMap((slide) =>
      slide.actors.flatMap((actor) => actor.cells.map((cell) => `${actor.id}:${cell.code}`)),
    );
    expect(new Set(shown).size).toBe(actors * commitments);
    expect(shown).toHaveLength(actors * commitments);
  });

  it("names actors with no report on a slide's commitments instead of drawing empty rows", () => {
    const slides = buildSlides({
      summary: summary(1, 1),
      matrix: matrix(3, 2, (actor) => actor !== 2),
      perCommitment: false,
    });
    const [matrixSlide] = slides.filter((slide) => slide.kind === 'matrix');
    expect(matrixSlide?.actors.map((actor) => actor.name)).toEqual(['Actor 1', 'Actor 3']);
    expect(matrixSlide?.silentActors).toEqual(['Actor 2']);
  });

  it('lists contested pairs a few per slide, and still has one slide saying there are none', () => {
    const none = buildSlides({
      summary: summary(1, 1),
      matrix: matrix(2, 2),
      perCommitment: false,
    }).filter((slide) => slide.kind === 'contested');
    expect(none).toHaveLength(1);
    expect(none[0]?.kind === 'contested' && none[0].total).toBe(0);

    const disputed = matrix(3, 3);
    disputed.cells = disputed.cells.map((cell) => ({ ...cell, contested: true }));
    const slides = buildSlides({
      summary: summary(1, 1),
      matrix: disputed,
      perCommitment: false,
    }).filter((slide) => slide.kind === 'contested');
    expect(slides.map((slide) => slide.pairs.length)).toEqual([8, 1]);
    expect(slides.every((slide) => slide.pairs.length <= MAX_CONTESTED && slide.total === 9)).toBe(
      true,
    );
    expect(slides[0]?.pairs[0]).toMatchObject({ actor: 'Actor 1', commitment: { code: 'TIP-1' } });
  });

  it('shows the highest and the lowest actors, numbered by their place, when the ranking is longer than a few slides', () => {
    const total = MAX_ACTOR_SLIDES * MAX_BARS + 1;
    // Every actor ranked (lib/actor-ranking.ts): a score and its one pair reported.
    const ranked = summary(total, 1);
    ranked.byActor = ranked.byActor.map((row, index) => ({
      ...row,
      reported: 1,
      score: 1 - index / total,
    }));
    const slides = buildSlides({
      summary: ranked,
      matrix: matrix(1, 1),
      perCommitment: false,
    }).filter((slide) => slide.kind === 'byActor');
    expect(slides).toHaveLength(MAX_ACTOR_SLIDES);
    const shown = (MAX_ACTOR_SLIDES / 2) * MAX_BARS;
    const keys = slides.flatMap((slide) => slide.rows.map((row) => row.key));
    expect(keys).toEqual([
      ...Array.from({ length: shown }, (_, index) => `actor-${index + 1}`),
      ...Array.from({ length: shown }, (_, index) => `actor-${total - shown + index + 1}`),
    ]);
    expect(slides.map((slide) => slide.first)).toEqual([
      1,
      1 + MAX_BARS,
      total - shown + 1,
      total - shown + 1 + MAX_BARS,
    ]);
    expect(slides.every((slide) => slide.total === total && slide.rows.length <= MAX_BARS)).toBe(
      true,
    );
    // At the limit, every actor is shown.
    const all = buildSlides({
      summary: summary(MAX_ACTOR_SLIDES * MAX_BARS, 1),
      matrix: matrix(1, 1),
      perCommitment: false,
    }).filter((slide) => slide.kind === 'byActor');
    expect(all.flatMap((slide) => slide.rows)).toHaveLength(MAX_ACTOR_SLIDES * MAX_BARS);
  });

  it('a view too large to present cell by cell gets one slide saying how large, and no matrix, contested or per-commitment slides', () => {
    const large = summary(3, 2);
    large.figures = {
      ...large.figures,
      pairs: MAX_PRESENT_PAIRS + 1,
      actors: 2_000,
      commitments: 200,
      contested: 321,
    };
    expect(presentsMatrix(large)).toBe(false);
    expect(presentsMatrix({ figures: { ...large.figures, pairs: MAX_PRESENT_PAIRS } })).toBe(true);
    const slides = buildSlides({ summary: large, matrix: null, perCommitment: true });
    expect(kinds(slides)).toEqual([
      'title',
      'figures',
      'byActor',
      'matrixTooLarge',
      'byTheme',
      'byObjective',
      'overTime',
    ]);
    expect(slides.find((slide) => slide.kind === 'matrixTooLarge')).toMatchObject({
      id: 'matrix',
      pairs: MAX_PRESENT_PAIRS + 1,
      actors: 2_000,
      commitments: 200,
      contested: 321,
    });
  });

  it("condenses status over time to the end of each year and the view's own quarter", () => {
    const periods = ['2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1'];
    expect(yearlyPoints(periods.map(point)).map((p) => p.period)).toEqual([
      '2024-Q4',
      '2025-Q4',
      '2026-Q1',
    ]);
    expect(yearlyPoints(['2025-Q3', '2025-Q4'].map(point)).map((p) => p.period)).toEqual([
      '2025-Q4',
    ]);
  });
});

describe('measured pages', () => {
  it('takes the sizes measured in the browser when they account for every row', () => {
    const disputed = matrix(3, 3);
    disputed.cells = disputed.cells.map((cell) => ({ ...cell, contested: true }));
    const build = (pages: Record<string, number[]>) =>
      buildSlides({ summary: summary(1, 1), matrix: disputed, perCommitment: false, pages })
        .filter((slide) => slide.kind === 'contested')
        .map((slide) => `${slide.part}/${slide.parts}:${slide.pairs.length}`);
    expect(build({ contested: [4, 3, 2] })).toEqual(['1/3:4', '2/3:3', '3/3:2']);
    // Stale sizes (the list changed since they were measured) fall back to full slides.
    expect(build({ contested: [4, 3] })).toEqual(['1/2:8', '2/2:1']);
  });

  it('passes the last row of each overflowing slide on, so no row is lost', () => {
    expect(nextPages([8, 8, 1], new Set([0]), 8)).toEqual([7, 8, 2]);
    expect(nextPages([8, 8, 8], new Set([0, 1, 2]), 8)).toEqual([7, 7, 7, 3]);
    expect(nextPages([8, 3], new Set([1]), 8)).toEqual([8, 2, 1]);
    // A single row that does not fit cannot move: the same sizes, so measuring stops.
    expect(nextPages([1, 5], new Set([0]), 8)).toEqual([1, 5]);
    for (const [sizes, overflowing] of [
      [
        [8, 8, 8, 8, 1],
        [0, 2, 4],
      ],
      [[3], [0]],
    ] as const) {
      const next = nextPages(sizes, new Set(overflowing), 8);
      expect(next.reduce((sum, size) => sum + size, 0)).toBe(
        sizes.reduce((sum, size) => sum + size, 0),
      );
      expect(Math.max(...next)).toBeLessThanOrEqual(8);
    }
  });

  it('splits a list into full slides, and an empty list into one empty slide', () => {
    expect(pageSizes(17, 8)).toEqual([8, 8, 1]);
    expect(pageSizes(0, 8)).toEqual([0]);
    expect(pageSizes(17, 8, [6, 6, 5])).toEqual([6, 6, 5]);
    expect(pageSizes(17, 8, [6, 0, 11])).toEqual([8, 8, 1]);
  });
});

describe('splitEvenly', () => {
  it('uses the fewest parts of at most max, as equal as possible', () => {
    expect(splitEvenly([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 8).map((part) => part.length)).toEqual([
      5, 5,
    ]);
    expect(splitEvenly([1, 2, 3], 8)).toEqual([[1, 2, 3]]);
    expect(splitEvenly([], 8)).toEqual([[]]);
  });
});

describe('slideIndex', () => {
  const slides = buildSlides({
    summary: summary(1, 1),
    matrix: matrix(1, 1),
    perCommitment: false,
  });
  it('finds the slide a URL names, and falls back to the first for an unknown one', () => {
    expect(slideIndex(slides, 'by-theme')).toBe(4);
    expect(slideIndex(slides, undefined)).toBe(0);
    expect(slideIndex(slides, 'commitment-TIP-9')).toBe(0);
    // A part that measuring has since made unnecessary: the last part of that list.
    expect(slideIndex(slides, 'contested-5')).toBe(slides.length - 1);
    expect(slideIndex(slides, 'by-theme-2')).toBe(0);
  });
});

describe('present URLs', () => {
  it('parses the dashboard filters and the presentation settings together', () => {
    const result = parsePresentQuery(
      new URLSearchParams(
        'theme=trafficking&asOf=2024-12-31&slide=matrix-2&contrast=high&perCommitment=yes',
      ),
    );
    expect(result).toEqual({
      ok: true,
      filters: { theme: 'trafficking', asOf: '2024-12-31' },
      settings: { highContrast: true, perCommitment: true },
      slide: 'matrix-2',
    });
  });

  it('refuses unknown parameters and bad settings, naming each', () => {
    const result = parsePresentQuery({ colour: 'red', contrast: 'low', objective: '99' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((error) => error.parameter).sort()).toEqual([
        'colour',
        'contrast',
        'objective',
      ]);
      expect(result.errors.find((error) => error.parameter === 'colour')?.message).toContain(
        'slide',
      );
    }
  });

  it('builds a slide URL that parses back to the same view, and Esc leads to the same dashboard view', () => {
    const filters = { kind: 'state', theme: 'smuggling', perspective: 'independent' } as const;
    const href = presentHref(filters, { highContrast: true, perCommitment: false }, 'by-theme');
    expect(href).toBe(
      '/present?theme=smuggling&kind=state&perspective=independent&slide=by-theme&contrast=high',
    );
    expect(parsePresentQuery(new URL(href, 'http://x').searchParams)).toEqual({
      ok: true,
      filters,
      settings: { highContrast: true, perCommitment: false },
      slide: 'by-theme',
    });
    expect(dashboardHref(filters)).toBe('/?theme=smuggling&kind=state&perspective=independent');
    expect(presentHref({}, { highContrast: false, perCommitment: false })).toBe('/present');
  });
});

describe('filtersInWords', () => {
  const labels = {
    theme: (theme: string) => `Theme: ${theme}`,
    objective: (objective: number) => `GCM objective ${objective}`,
    sdg: (target: string) => `SDG target ${target}`,
    kind: (kind: string) => `${kind}s`,
    region: (region: string) => `Region: ${region}`,
  };
  it('says every filter, in the order of the dashboard form, and nothing when none is set', () => {
    expect(
      filtersInWords(
        {
          region: 'Africa',
          theme: 'trafficking',
          objective: 10,
          sdg: '8.7',
          kind: 'state',
          perspective: 'independent',
        },
        labels,
      ),
    ).toEqual([
      'Theme: trafficking',
      'GCM objective 10',
      'SDG target 8.7',
      'states',
      'Region: Africa',
    ]);
    expect(filtersInWords({ asOf: '2024-01-01' }, labels)).toEqual([]);
  });
});
