/**
 * How status rolls up (docs/design.md#roll-up): the contract every figure, chart and
 * export follows. Pure functions, no I/O: the data layer hands in entries or kept current
 * statuses, and gets figures back.
 */
import { STATUS_SCALE, type StatusKey } from './status-scale';
import type { Perspective } from './taxonomy';
import {
  type CellKey,
  type Figures,
  type GroupRow,
  type StatusCounts,
  type TimePoint,
} from './summary-types';

/** A published entry, as the roll-up needs it. */
export interface RollupEntry {
  id: number;
  commitmentId: number;
  subjectId: number;
  perspective: Perspective;
  status: StatusKey;
  asOf: string;
  publishedAt: string;
  adverseEffects: boolean;
  /** Withdrawn by an admin: never counted. */
  withdrawn: boolean;
  /** Replaced by a published correction: the correction counts instead. */
  superseded: boolean;
}

export interface CurrentStatus {
  entryId: number;
  status: StatusKey;
  asOf: string;
  publishedAt: string;
  adverseEffects: boolean;
}

export interface PairStatus {
  self: CurrentStatus | null;
  independent: CurrentStatus | null;
}

export interface Pair {
  commitmentId: number;
  actorId: number;
}

export function pairKey(commitmentId: number, actorId: number): string {
  return `${commitmentId}:${actorId}`;
}

type Ordered = Pick<CurrentStatus, 'asOf' | 'publishedAt' | 'entryId'>;

/** Order of currency: later as-of first decides; ties go to the later published, then the later id. */
export function compareCurrency(a: Ordered, b: Ordered): number {
  if (a.asOf !== b.asOf) return a.asOf < b.asOf ? -1 : 1;
  if (a.publishedAt !== b.publishedAt) return a.publishedAt < b.publishedAt ? -1 : 1;
  return a.entryId - b.entryId;
}

/** True when `a` replaces `b` as the current status. */
export function isLater(a: Ordered, b: Ordered): boolean {
  return compareCurrency(a, b) > 0;
}

/** Whether an entry takes part in the roll-up at all, as of a date (inclusive) or now. */
export function counts(entry: RollupEntry, asOf?: string): boolean {
  return !entry.withdrawn && !entry.superseded && (asOf === undefined || entry.asOf <= asOf);
}

/** The current status of every (commitment, subject) pair, per perspective, as of a date or now. */
export function currentStatuses(
  entries: Iterable<RollupEntry>,
  asOf?: string,
): Map<string, PairStatus> {
  const result = new Map<string, PairStatus>();
  for (const entry of entries) {
    if (!counts(entry, asOf)) continue;
    const key = pairKey(entry.commitmentId, entry.subjectId);
    const pair = result.get(key) ?? { self: null, independent: null };
    const candidate: CurrentStatus = {
      entryId: entry.id,
      status: entry.status,
      asOf: entry.asOf,
      publishedAt: entry.publishedAt,
      adverseEffects: entry.adverseEffects,
    };
    const existing = pair[entry.perspective];
    if (!existing || isLater(candidate, existing)) pair[entry.perspective] = candidate;
    result.set(key, pair);
  }
  return result;
}

/**
 * Self-report and independent assessment differ by two steps or more, or exactly one of them says
 * regressed (two sides that both say regressed agree). The one definition: the status index
 * tabulates it, SQL and the pair list use it (docs/design.md#contested).
 */
export function isContested(
  self: StatusKey | null | undefined,
  independent: StatusKey | null | undefined,
): boolean {
  if (!self || !independent) return false;
  if ((self === 'regressed') !== (independent === 'regressed')) return true;
  const a = STATUS_SCALE[self].step;
  const b = STATUS_SCALE[independent].step;
  return a !== null && b !== null && Math.abs(a - b) >= 2;
}

export const DEFAULT_STALE_MONTHS = 12;

/** The as-of date before which a current status is stale: `months` before the view's date. */
export function staleBefore(asOf: string, months: number = DEFAULT_STALE_MONTHS): string {
  const [year, month, day] = asOf.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 - months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

export function isStale(status: Pick<CurrentStatus, 'asOf'>, before: string): boolean {
  return status.asOf < before;
}

/** True when two as-of dates are more than 12 months apart (the stale rule between them). */
export function farApart(a: string, b: string): boolean {
  const [earlier, later] = a < b ? [a, b] : [b, a];
  return earlier < staleBefore(later);
}

/** What the pair list can be narrowed to: the headline figures that count pairs or statuses. */
export const PAIR_FLAGS = ['contested', 'stale', 'regressed', 'adverse_effects'] as const;
export type PairFlag = (typeof PAIR_FLAGS)[number];

/** A literal in CELL_KEYS' order: one shape for every tally, built thousands of times per summary. */
export function emptyCounts(): StatusCounts {
  return {
    complete: 0,
    substantial: 0,
    limited: 0,
    not_started: 0,
    regressed: 0,
    unable_to_assess: 0,
    no_report: 0,
  };
}

/**
 * Mean score of the statuses that have one (unable_to_assess excluded); null when none. Summed
 * per status (count x score), so a mean from a tally (scoreOfCounts) is the same number to the bit.
 */
export function meanScore(statuses: readonly StatusKey[]): {
  score: number | null;
  scored: number;
} {
  const tally: Partial<Record<StatusKey, number>> = {};
  let scored = 0;
  for (const status of statuses) {
    tally[status] = (tally[status] ?? 0) + 1;
    if (STATUS_SCALE[status].score !== null) scored += 1;
  }
  return { score: scoreOfCounts(tally), scored };
}

export interface SummaryOptions {
  perspective: Perspective;
  /** Statuses with an as-of date before this are stale. */
  staleBefore: string;
}

function statusOf(pair: PairStatus | undefined, perspective: Perspective): CurrentStatus | null {
  return pair ? pair[perspective] : null;
}

/** Headline figures over a set of applicable pairs. */
export function summarize(
  pairs: readonly Pair[],
  statuses: ReadonlyMap<string, PairStatus>,
  options: SummaryOptions,
): Figures {
  const reportedStatuses: StatusKey[] = [];
  const actors = new Set<number>();
  const commitments = new Set<number>();
  const actorsReporting = new Set<number>();
  let contested = 0;
  let stale = 0;
  let regressed = 0;
  let adverseEffects = 0;
  for (const pair of pairs) {
    actors.add(pair.actorId);
    commitments.add(pair.commitmentId);
    const both = statuses.get(pairKey(pair.commitmentId, pair.actorId));
    if (isContested(both?.self?.status, both?.independent?.status)) contested += 1;
    if (both?.self?.adverseEffects) adverseEffects += 1;
    if (both?.independent?.adverseEffects) adverseEffects += 1;
    const current = statusOf(both, options.perspective);
    if (!current) continue;
    reportedStatuses.push(current.status);
    actorsReporting.add(pair.actorId);
    if (isStale(current, options.staleBefore)) stale += 1;
    if (current.status === 'regressed') regressed += 1;
  }
  const { score, scored } = meanScore(reportedStatuses);
  return {
    pairs: pairs.length,
    reported: reportedStatuses.length,
    coverage: pairs.length === 0 ? null : reportedStatuses.length / pairs.length,
    score,
    scored,
    commitments: commitments.size,
    actors: actors.size,
    actorsReporting: actorsReporting.size,
    contested,
    stale,
    regressed,
    adverseEffects,
  };
}

/** Status counts per group; a pair may belong to several groups (a commitment with several objectives). */
export function groupRows(
  pairs: readonly Pair[],
  statuses: ReadonlyMap<string, PairStatus>,
  perspective: Perspective,
  groupsOf: (pair: Pair) => readonly { key: string; label: string }[],
): GroupRow[] {
  const rows = new Map<string, { row: GroupRow; statuses: StatusKey[] }>();
  for (const pair of pairs) {
    const current = statusOf(statuses.get(pairKey(pair.commitmentId, pair.actorId)), perspective);
    const cell: CellKey = current ? current.status : 'no_report';
    for (const group of groupsOf(pair)) {
      const entry = rows.get(group.key) ?? {
        row: {
          key: group.key,
          label: group.label,
          counts: emptyCounts(),
          pairs: 0,
          reported: 0,
          score: null,
        },
        statuses: [],
      };
      entry.row.counts[cell] += 1;
      entry.row.pairs += 1;
      if (current) {
        entry.row.reported += 1;
        entry.statuses.push(current.status);
      }
      rows.set(group.key, entry);
    }
  }
  return [...rows.values()].map(({ row, statuses: reported }) => ({
    ...row,
    score: meanScore(reported).score,
  }));
}

/** Ends of the calendar quarters from `from`'s quarter to `to`'s, the last one cut at `to`. */
export function quarterEnds(from: string, to: string): { period: string; date: string }[] {
  const result: { period: string; date: string }[] = [];
  let year = Number(from.slice(0, 4));
  let quarter = Math.floor((Number(from.slice(5, 7)) - 1) / 3) + 1;
  for (;;) {
    const end = new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);
    const date = end < to ? end : to;
    result.push({ period: `${year}-Q${quarter}`, date });
    if (date >= to) break;
    quarter += 1;
    if (quarter > 4) {
      quarter = 1;
      year += 1;
    }
  }
  return result;
}

/** Mean score from status counts (the same figure as meanScore over the statuses counted). */
export function scoreOfCounts(tally: Readonly<Partial<Record<CellKey, number>>>): number | null {
  let sum = 0;
  let scored = 0;
  for (const key of Object.keys(STATUS_SCALE) as StatusKey[]) {
    const score = STATUS_SCALE[key].score;
    const count = tally[key] ?? 0;
    if (score === null || count === 0) continue;
    sum += score * count;
    scored += count;
  }
  return scored === 0 ? null : sum / scored;
}

/**
 * Status of the pairs at the end of each period, by the as-of rule. Entries are swept once in
 * as-of order and the tally is kept as statuses change, so the cost is entries + periods, not
 * periods x pairs (at 400,000 pairs and 32 quarters, recounting was 12.8 million steps).
 */
export function statusOverTime(
  pairs: readonly Pair[],
  entries: readonly RollupEntry[],
  perspective: Perspective,
  periods: readonly { period: string; date: string }[],
): TimePoint[] {
  const wanted = new Set(pairs.map((pair) => pairKey(pair.commitmentId, pair.actorId)));
  const ordered = entries
    .filter(
      (entry) =>
        entry.perspective === perspective &&
        counts(entry) &&
        wanted.has(pairKey(entry.commitmentId, entry.subjectId)),
    )
    .sort((a, b) => compareCurrency(toCurrent(a), toCurrent(b)));
  const current = new Map<string, StatusKey>();
  const tally = emptyCounts();
  tally.no_report = wanted.size;
  const points: TimePoint[] = [];
  let next = 0;
  for (const { period, date } of periods) {
    while (next < ordered.length && (ordered[next] as RollupEntry).asOf <= date) {
      const entry = ordered[next] as RollupEntry;
      const key = pairKey(entry.commitmentId, entry.subjectId);
      tally[current.get(key) ?? 'no_report'] -= 1;
      tally[entry.status] += 1;
      current.set(key, entry.status);
      next += 1;
    }
    points.push({
      period,
      date,
      counts: { ...tally },
      pairs: wanted.size,
      reported: current.size,
      score: scoreOfCounts(tally),
    });
  }
  return points;
}

function toCurrent(entry: RollupEntry): Ordered {
  return { asOf: entry.asOf, publishedAt: entry.publishedAt, entryId: entry.id };
}

/** Self-reported and independent status distributions of a set of matrix cells, as two rows. */
export function perspectiveRows(
  cells: readonly {
    self: { status: StatusKey } | null;
    independent: { status: StatusKey } | null;
  }[],
  labels: Record<Perspective, string>,
): GroupRow[] {
  return (['self', 'independent'] as const).map((perspective) => {
    const tally = emptyCounts();
    const reported: StatusKey[] = [];
    for (const cell of cells) {
      const status = cell[perspective]?.status;
      tally[status ?? 'no_report'] += 1;
      if (status) reported.push(status);
    }
    return {
      key: perspective,
      label: labels[perspective],
      counts: tally,
      pairs: cells.length,
      reported: reported.length,
      score: meanScore(reported).score,
    };
  });
}
