/**
 * Meeting mode (issue 5, point 1): which slides a presentation has, in which order, and the URL of
 * each. Pure: the page hands in the same summary and matrix the dashboard shows.
 *
 * Legibility from the back of a room decides the sizes: a slide never holds more than
 * MAX_BARS bars, MAX_MATRIX_ROWS x MAX_MATRIX_COLUMNS matrix cells or MAX_CONTESTED pairs; a
 * longer list is split across slides ("part 2 of 3"), never shrunk. Rows wrap, so how many fit is
 * measured in the browser: a slide whose rows overflow passes its last row on (`nextPages`), and
 * the measured sizes come back in as `SlideInput.pages`.
 */
import { dashboardSearch } from './dashboard-query';
import type { DashboardQuery } from './query-params';
import type { ActorKind, Theme } from './taxonomy';
import type { CellStatusDto, GroupRow, MatrixDto, SummaryDto, TimePoint } from './summary-types';
import { rankingEnds } from './actor-ranking';

export const MAX_BARS = 8;
export const MAX_MATRIX_ROWS = 10;
export const MAX_MATRIX_COLUMNS = 12;
export const MAX_CONTESTED = 8;
/**
 * The most actor x commitment pairs a presentation shows cell by cell (about 20 matrix slides). A
 * larger view gets one slide saying how large it is and how to narrow it, and the page does not
 * load its matrix at all (2,000 actors x 200 commitments would be thousands of slides).
 */
export const MAX_PRESENT_PAIRS = 2_400;
/** Above this many actors, the by-actor slides show the highest and the lowest MAX_BARS x 2 each, as the dashboard's chart does. */
export const MAX_ACTOR_SLIDES = 4;

export interface PresentSettings {
  highContrast: boolean;
  perCommitment: boolean;
}

/**
 * The slide and settings a URL names, without checking them: the server checks every address it
 * serves (lib/present-query.ts), and in the browser the deck reads back the addresses it wrote.
 */
export function presentState(params: URLSearchParams): {
  settings: PresentSettings;
  slide: string | undefined;
} {
  return {
    settings: {
      highContrast: params.get('contrast') === 'high',
      perCommitment: params.get('perCommitment') === 'yes',
    },
    slide: params.get('slide') || undefined,
  };
}

/** The URL of one slide: the dashboard's canonical filters first, then the slide and settings. */
export function presentHref(
  filters: DashboardQuery,
  settings: PresentSettings,
  slide?: string,
): string {
  const params = new URLSearchParams(dashboardSearch(filters));
  if (slide) params.set('slide', slide);
  if (settings.highContrast) params.set('contrast', 'high');
  if (settings.perCommitment) params.set('perCommitment', 'yes');
  const search = params.toString();
  return `/present${search ? `?${search}` : ''}`;
}

/** Where Esc leads: the dashboard with the same filters. */
export function dashboardHref(filters: DashboardQuery): string {
  return `/${dashboardSearch(filters)}`;
}

export interface Part {
  /** 1-based. */
  part: number;
  parts: number;
}

/**
 * A slide showing part of a list: which list (the key of `SlideInput.pages`), and the most rows a
 * slide of it may hold.
 */
export interface Paged {
  list: string;
  cap: number;
}

/** What a slide shows of one side of a cell. */
type SlideStatus = Pick<CellStatusDto, 'status' | 'stale'>;

/** The view's matrix as the slides read it: each cell's statuses, without its entries' text. */
export interface SlideMatrix extends Omit<MatrixDto, 'cells'> {
  cells: (Omit<MatrixDto['cells'][number], 'self' | 'independent'> & {
    self: SlideStatus | null;
    independent: SlideStatus | null;
  })[];
}

/** A matrix cut to what the slides read: each cell's statuses, not its entries' summaries. */
export function slideMatrix(matrix: MatrixDto): SlideMatrix {
  const side = (status: CellStatusDto | null) =>
    status && { status: status.status, stale: status.stale };
  return {
    ...matrix,
    cells: matrix.cells.map((cell) => ({
      ...cell,
      self: side(cell.self),
      independent: side(cell.independent),
    })),
  };
}

export interface MatrixSlideCell {
  code: string;
  cell: SlideMatrix['cells'][number] | null;
}

export type Slide = { id: string } & (
  | { kind: 'title' }
  | { kind: 'figures' }
  | ({ kind: 'byActor'; rows: GroupRow[]; first: number; total: number } & Part & Paged)
  | ({
      kind: 'matrix';
      commitments: MatrixDto['commitments'];
      actors: { id: number; name: string; cells: MatrixSlideCell[] }[];
      /** Actors to whom these commitments apply but who have no report on any of them. */
      silentActors: string[];
    } & Part &
      Paged)
  | {
      kind: 'matrixTooLarge';
      pairs: number;
      actors: number;
      commitments: number;
      contested: number;
    }
  | { kind: 'byTheme'; rows: GroupRow[] }
  | ({ kind: 'byObjective'; rows: GroupRow[] } & Part & Paged)
  | { kind: 'overTime'; points: TimePoint[] }
  | ({ kind: 'contested'; pairs: ContestedPair[]; total: number } & Part & Paged)
  | {
      kind: 'commitment';
      commitment: MatrixDto['commitments'][number];
      cells: (SlideMatrix['cells'][number] & { actor: string })[];
    }
);

export type SlideKind = Slide['kind'];

export interface ContestedPair {
  actor: string;
  commitment: MatrixDto['commitments'][number];
  cell: SlideMatrix['cells'][number];
}

/** Splits a list into the fewest parts of at most `max`, as equal in size as possible (10 -> 5 + 5, not 8 + 2). */
export function splitEvenly<T>(items: readonly T[], max: number): T[][] {
  if (items.length === 0) return [[]];
  const parts = Math.ceil(items.length / max);
  const size = Math.floor(items.length / parts);
  const larger = items.length % parts;
  const result: T[][] = [];
  let start = 0;
  for (let index = 0; index < parts; index += 1) {
    const length = size + (index < larger ? 1 : 0);
    result.push(items.slice(start, start + length));
    start += length;
  }
  return result;
}

/**
 * How a list of `count` rows is split: the measured sizes when they still account for every row,
 * else `cap` rows a slide (the last takes the rest). An empty list still has its one slide.
 */
export function pageSizes(count: number, cap: number, measured?: readonly number[]): number[] {
  if (
    measured &&
    measured.every((size) => size >= 1) &&
    measured.reduce((sum, size) => sum + size, 0) === count &&
    count > 0
  )
    return [...measured];
  if (count === 0) return [0];
  return Array.from({ length: Math.ceil(count / cap) }, (_, index) =>
    Math.min(cap, count - index * cap),
  );
}

/**
 * The sizes after measuring: each slide in `overflowing` (by its index in the list) passes its
 * last row on to the slides after it, and the rows moved fill the last slide up to `cap`, then
 * new ones. The same sizes when nothing can move (a slide of one row that still overflows).
 */
export function nextPages(
  sizes: readonly number[],
  overflowing: ReadonlySet<number>,
  cap: number,
): number[] {
  const next = sizes.map((size, index) => (overflowing.has(index) && size > 1 ? size - 1 : size));
  let moved = sizes.reduce((sum, size, index) => sum + size - (next[index] ?? 0), 0);
  while (moved > 0) {
    const last = next.length - 1;
    const room = overflowing.has(last) ? 0 : cap - (next[last] ?? cap);
    if (room <= 0) {
      next.push(0);
      continue;
    }
    const taken = Math.min(room, moved);
    next[last] = (next[last] ?? 0) + taken;
    moved -= taken;
  }
  return next;
}

function paginate<T>(items: readonly T[], sizes: readonly number[]): T[][] {
  let start = 0;
  return sizes.map((size) => items.slice(start, (start += size)));
}

function partId(base: string, part: number): string {
  return part === 1 ? base : `${base}-${part}`;
}

/**
 * Status over time, condensed for a room: the last quarter of each year and the view's own
 * quarter (at most ~10 columns instead of ~30), so period labels stay large. The dashboard keeps
 * every quarter.
 */
export function yearlyPoints(points: readonly TimePoint[]): TimePoint[] {
  return points.filter(
    (point, index) => point.period.endsWith('-Q4') || index === points.length - 1,
  );
}

export interface SlideInput {
  /** A summary as the server computed it, or cut for the slides (slideSummary). */
  summary: SummaryDto | SlideSummary;
  /** The view's matrix; null when the view has more than MAX_PRESENT_PAIRS pairs (not loaded). */
  matrix: SlideMatrix | null;
  perCommitment: boolean;
  /** List key -> rows on each of its slides, as measured in the browser (`nextPages`). */
  pages?: Readonly<Record<string, readonly number[]>>;
}

/** Whether a view is small enough to present cell by cell (and so to load its matrix for slides). */
export function presentsMatrix(summary: Pick<SummaryDto, 'figures'>): boolean {
  return summary.figures.pairs <= MAX_PRESENT_PAIRS;
}

/** Rows of a ranking the slides show, with the place of the first in the whole ranking. */
export interface RankingPart {
  list: string;
  rows: GroupRow[];
  first: number;
}

/** The by-actor ranking as the slides show it: all of it, or its two ends, and its length. */
export interface ActorRanking {
  total: number;
  lists: RankingPart[];
}

/** Above MAX_ACTOR_SLIDES slides, the highest and the lowest ranked (MAX_BARS x 2 each). */
export function actorRanking(byActor: readonly GroupRow[]): ActorRanking {
  const lists =
    byActor.length <= MAX_ACTOR_SLIDES * MAX_BARS
      ? [{ list: 'by-actor', rows: [...byActor], first: 1 }]
      : rankingEnds(byActor, (MAX_ACTOR_SLIDES / 2) * MAX_BARS).map((end, index) => ({
          list: index === 0 ? 'by-actor-top' : 'by-actor-bottom',
          ...end,
        }));
  return { total: byActor.length, lists };
}

/**
 * What the slides read of a view's summary, its by-actor ranking cut to the rows they show: a
 * view of thousands of actors sends the browser a few dozen rows, not every actor's.
 */
export type SlideSummary = Pick<
  SummaryDto,
  'asOf' | 'perspective' | 'staleBefore' | 'figures' | 'byTheme' | 'byObjective' | 'overTime'
> & { byActor: ActorRanking };

export function slideSummary(summary: SummaryDto): SlideSummary {
  const { asOf, perspective, staleBefore, figures, byTheme, byObjective, overTime } = summary;
  const byActor = actorRanking(summary.byActor);
  return { asOf, perspective, staleBefore, figures, byActor, byTheme, byObjective, overTime };
}

/** The by-actor bars in slides of at most MAX_BARS, numbered by their place in the ranking. */
function actorSlides(ranking: ActorRanking, pages: SlideInput['pages'] = {}): Slide[] {
  const ranges = ranking.lists.flatMap(({ list, rows, first }) => {
    let next = first;
    return paginate(rows, pageSizes(rows.length, MAX_BARS, pages[list])).map((part) => {
      const range = { list, rows: part, first: next };
      next += part.length;
      return range;
    });
  });
  return ranges.map(({ list, rows, first }, index) => ({
    id: partId('by-actor', index + 1),
    kind: 'byActor',
    rows,
    first,
    total: ranking.total,
    part: index + 1,
    parts: ranges.length,
    list,
    cap: MAX_BARS,
  }));
}

/** Every slide of a presentation, in the order they are shown. */
export function buildSlides({ summary, matrix, perCommitment, pages = {} }: SlideInput): Slide[] {
  const slides: Slide[] = [
    { id: 'title', kind: 'title' },
    { id: 'figures', kind: 'figures' },
  ];
  const { byActor } = summary;
  slides.push(...actorSlides(Array.isArray(byActor) ? actorRanking(byActor) : byActor, pages));

  const { figures } = summary;
  if (matrix) slides.push(...matrixSlides(matrix, summary.perspective, pages));
  else
    slides.push({
      id: 'matrix',
      kind: 'matrixTooLarge',
      pairs: figures.pairs,
      actors: figures.actors,
      commitments: figures.commitments,
      contested: figures.contested,
    });
  slides.push({ id: 'by-theme', kind: 'byTheme', rows: summary.byTheme });

  const objectiveParts = paginate(
    summary.byObjective,
    pageSizes(summary.byObjective.length, MAX_BARS, pages['by-objective']),
  );
  objectiveParts.forEach((rows, index) =>
    slides.push({
      id: partId('by-objective', index + 1),
      kind: 'byObjective',
      rows,
      part: index + 1,
      parts: objectiveParts.length,
      list: 'by-objective',
      cap: MAX_BARS,
    }),
  );

  slides.push({ id: 'over-time', kind: 'overTime', points: yearlyPoints(summary.overTime) });
  if (!matrix) return slides;

  const contested = contestedPairs(matrix);
  const contestedParts = paginate(
    contested,
    pageSizes(contested.length, MAX_CONTESTED, pages.contested),
  );
  contestedParts.forEach((pairs, index) =>
    slides.push({
      id: partId('contested', index + 1),
      kind: 'contested',
      pairs,
      total: contested.length,
      part: index + 1,
      parts: contestedParts.length,
      list: 'contested',
      cap: MAX_CONTESTED,
    }),
  );

  if (perCommitment) {
    const actorNames = new Map(matrix.actors.map((actor) => [actor.id, actor.name]));
    for (const commitment of matrix.commitments) {
      slides.push({
        id: `commitment-${commitment.code}`,
        kind: 'commitment',
        commitment,
        cells: matrix.cells
          .filter((cell) => cell.code === commitment.code)
          .map((cell) => ({ ...cell, actor: actorNames.get(cell.actorId) ?? '' })),
      });
    }
  }
  return slides;
}

/**
 * The matrix, split rather than shrunk: columns of at most MAX_MATRIX_COLUMNS commitments in the
 * report's order, each with rows of at most MAX_MATRIX_ROWS actors (a list per column group). Actors to whom the columns
 * apply but who reported on none of them are named below the grid instead of filling rows of
 * "no report", which keeps a 193-state workspace to a few slides without hiding the silence.
 */
function matrixSlides(
  matrix: SlideMatrix,
  perspective: SummaryDto['perspective'],
  pages: SlideInput['pages'] = {},
): Slide[] {
  const cells = new Map(matrix.cells.map((cell) => [`${cell.actorId}:${cell.code}`, cell]));
  const groups: {
    list: string;
    commitments: MatrixDto['commitments'];
    actors: Extract<Slide, { kind: 'matrix' }>['actors'][];
    silentActors: string[];
  }[] = [];
  for (const commitments of splitEvenly(matrix.commitments, MAX_MATRIX_COLUMNS)) {
    const rows: Extract<Slide, { kind: 'matrix' }>['actors'] = [];
    const silentActors: string[] = [];
    for (const actor of matrix.actors) {
      const row = commitments.map((commitment) => ({
        code: commitment.code,
        cell: cells.get(`${actor.id}:${commitment.code}`) ?? null,
      }));
      if (row.every((entry) => entry.cell === null)) continue;
      if (row.every((entry) => entry.cell === null || entry.cell[perspective] === null))
        silentActors.push(actor.name);
      else rows.push({ id: actor.id, name: actor.name, cells: row });
    }
    const list = `matrix-${groups.length + 1}`;
    const sizes = pageSizes(rows.length, MAX_MATRIX_ROWS, pages[list]);
    groups.push({ list, commitments, actors: paginate(rows, sizes), silentActors });
  }
  const parts = groups.reduce((sum, group) => sum + group.actors.length, 0);
  const slides: Slide[] = [];
  for (const group of groups) {
    group.actors.forEach((actors, index) => {
      const part = slides.length + 1;
      // The silent actors of a column group are named once, on its last slide.
      const silentActors = index === group.actors.length - 1 ? group.silentActors : [];
      slides.push({
        id: partId('matrix', part),
        kind: 'matrix',
        commitments: group.commitments,
        actors,
        silentActors,
        part,
        parts,
        list: group.list,
        cap: MAX_MATRIX_ROWS,
      });
    });
  }
  return slides;
}

/** Pairs whose self-report and independent assessment disagree, in the matrix's order (actor, then commitment). */
export function contestedPairs(matrix: SlideMatrix): ContestedPair[] {
  const actors = new Map(matrix.actors.map((actor) => [actor.id, actor.name]));
  const commitments = new Map(
    matrix.commitments.map((commitment) => [commitment.code, commitment]),
  );
  return matrix.cells.flatMap((cell) => {
    const commitment = commitments.get(cell.code);
    return cell.contested && commitment
      ? [{ actor: actors.get(cell.actorId) ?? '', commitment, cell }]
      : [];
  });
}

/**
 * The slide a URL names; a part beyond the last of its list (measuring can make a list shorter)
 * gives that list's last part; the first slide when it names none or one these filters lack.
 */
export function slideIndex(slides: readonly Slide[], id: string | undefined): number {
  if (id === undefined) return 0;
  const index = slides.findIndex((slide) => slide.id === id);
  if (index >= 0) return index;
  const base = /^(.+)-\d+$/.exec(id)?.[1];
  const parts = /^(.+)-(\d+)$/;
  return Math.max(
    0,
    slides.findLastIndex(
      (slide) =>
        'list' in slide &&
        (slide.id === base || (base !== undefined && parts.exec(slide.id)?.[1] === base)),
    ),
  );
}

export interface FilterLabels {
  theme: (theme: Theme) => string;
  objective: (objective: number) => string;
  sdg: (target: string) => string;
  kind: (kind: ActorKind) => string;
  region: (region: string) => string;
}

/** The view's filters as phrases, in the order of the dashboard's form; empty when nothing is filtered. */
export function filtersInWords(filters: DashboardQuery, labels: FilterLabels): string[] {
  const parts: string[] = [];
  if (filters.theme) parts.push(labels.theme(filters.theme));
  if (filters.objective !== undefined) parts.push(labels.objective(filters.objective));
  if (filters.sdg) parts.push(labels.sdg(filters.sdg));
  if (filters.kind) parts.push(labels.kind(filters.kind));
  if (filters.region) parts.push(labels.region(filters.region));
  return parts;
}
