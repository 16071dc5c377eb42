/**
 * The shapes the dashboard shows: computed on the server by the roll-up (lib/rollup.ts), sent by
 * /api/v1/summary and /api/v1/matrix, drawn by the charts. Plain JSON, no Dates.
 */
import type { StatusKey } from './status-scale';
import type { Perspective } from './taxonomy';

/** A status, or the absence of any report: never counted as 0. */
export type CellKey = StatusKey | 'no_report';
export const CELL_KEYS: readonly CellKey[] = [
  'complete',
  'substantial',
  'limited',
  'not_started',
  'regressed',
  'unable_to_assess',
  'no_report',
];

export type StatusCounts = Record<CellKey, number>;

export interface Figures {
  /** Applicable (commitment, actor) pairs in the view. */
  pairs: number;
  /** Pairs with a current status from the chosen perspective. */
  reported: number;
  /** reported / pairs, or null when there are no pairs. */
  coverage: number | null;
  /** Mean score of reported pairs other than unable_to_assess; null when none. */
  score: number | null;
  /** How many pairs the score is the mean of. */
  scored: number;
  commitments: number;
  actors: number;
  /** Actors with at least one current status from the chosen perspective. */
  actorsReporting: number;
  /** Pairs whose self-reported and independent statuses differ by 2+ steps, or one is regressed. */
  contested: number;
  /** Reported pairs whose current status is older than the stale age. */
  stale: number;
  /** Reported pairs whose current status is regressed. */
  regressed: number;
  /** Current entries (either perspective) that report adverse effects. */
  adverseEffects: number;
}

export interface GroupRow {
  /** Actor id, theme key or objective number, as a string. */
  key: string;
  label: string;
  counts: StatusCounts;
  pairs: number;
  reported: number;
  score: number | null;
}

export interface TimePoint {
  /** "2021-Q3" */
  period: string;
  /** Last day of the period, YYYY-MM-DD: the as-of date of this point. */
  date: string;
  counts: StatusCounts;
  pairs: number;
  reported: number;
  score: number | null;
}

export interface SummaryDto {
  asOf: string;
  perspective: Perspective;
  staleBefore: string;
  figures: Figures;
  byActor: GroupRow[];
  byTheme: GroupRow[];
  byObjective: GroupRow[];
  /** Each commitment of the view in report order: key its code, label its title. */
  byCommitment: GroupRow[];
  overTime: TimePoint[];
}

/** A cell's current status as the paged matrix sends it: what colours the cell. */
export interface MatrixStatusDto {
  status: StatusKey;
  asOf: string;
  entryId: number;
  stale: boolean;
}

/** The same with the entry's one-line summary and reporter (the whole matrix: exports, present mode, actor and commitment pages). */
export interface CellStatusDto extends MatrixStatusDto {
  summary: string;
  reporter: string;
}

export interface MatrixDto {
  asOf: string;
  actors: { id: number; name: string }[];
  commitments: { code: string; title: string }[];
  /** One per applicable pair, row-major by actor then commitment; pairs that do not apply are absent. */
  cells: {
    actorId: number;
    code: string;
    self: CellStatusDto | null;
    independent: CellStatusDto | null;
    contested: boolean;
  }[];
}

/**
 * One page of the matrix: `limit` actors (by name, those with at least one applicable commitment)
 * x every commitment of the view. An entry's summary and reporter are read on demand by its id.
 */
export interface MatrixPageDto {
  asOf: string;
  actors: { id: number; name: string }[];
  commitments: { code: string; title: string }[];
  cells: {
    actorId: number;
    code: string;
    self: MatrixStatusDto | null;
    independent: MatrixStatusDto | null;
    contested: boolean;
  }[];
  /** Actors in the view with at least one applicable commitment: what the pages divide. */
  total: number;
  page: number;
  limit: number;
}
