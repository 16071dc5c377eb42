import 'server-only';
import { isContested, staleBefore } from '../../lib/rollup';
import { STATUS_KEYS } from '../../lib/status-scale';
import { dayNumber, isoOfDayNumber } from '../../lib/dates';

/**
 * A view's tallies as of any past date without a pass over every pair: the counted index
 * (status-index.ts) turned into a timeline of events, each a count that starts or stops on a day.
 * A pair's entry is its status from its as-of date until the pair's next entry; it is stale from
 * the day the stale rule (12 months) overtakes its as-of date until then too; a self-report pair
 * is contested while its status and its independent partner's disagree. The tallies at a date are
 * the sum of the events up to it, so a view keeps running sums at a few points (checkpoints) and a
 * date adds the events since the checkpoint before it: its cost no longer grows with the pairs.
 * Figures: docs/performance.md.
 *
 * Built from the index's base pairs, once per index (they never change; see status-index.ts for
 * the overlay of pairs read again, which the caller takes out and puts back in), and only when a
 * past date is first asked for.
 */

/** Contested, per (self, independent) status index pair: lib/rollup.ts isContested, tabulated. */
export const CONTESTED = Uint8Array.from(
  STATUS_KEYS.flatMap((self) =>
    STATUS_KEYS.map((independent) => (isContested(self, independent) ? 1 : 0)),
  ),
);

const STATUSES = STATUS_KEYS.length;
// An event's code: a status (3 bits) with its adverse-effects flag, or one of the two totals; the high bit ends it.
const ADVERSE = 8;
const STALE = 16;
const CONTEST = 17;
const ENDS = 128;
if (STATUSES > ADVERSE) throw new Error('timeline: a status must fit in 3 bits');

/** What the timeline is built from: the counted index's base pairs and their entries. */
export interface TimelineSource {
  /** Pairs, independent assessments first, each by commitment then actor (the counted index's order). */
  pairCommitment: Int32Array;
  pairSubject: Int32Array;
  /** The entries of pair p are [pairStart[p], pairStart[p + 1]). */
  pairStart: Int32Array;
  /** Pairs [0, selfFrom) are independent assessments, [selfFrom, pairs) self-reports. */
  selfFrom: number;
  /** For self-report pair selfFrom + i, the independent pair of the same commitment and actor, or -1. */
  partner: Int32Array;
  pairs: number;
  asOf: Int32Array;
  status: Uint8Array;
  adverse: Uint8Array;
}

/** The pairs of a view: a kind bit per commitment and per actor that must meet. */
export interface ViewMask {
  key: string;
  independent: boolean;
  commitmentMask: Int32Array;
  actorBit: Int32Array;
}

interface Checkpoints {
  step: number;
  /** Running sums of the view's events [0, k * step): by commitment and status, by actor and status, stale, adverse, contested. */
  sums: Int32Array[];
}

interface Timeline {
  /** The events of day firstDay + d (yyyymmdd, with the gaps between months) are [dayStart[d], dayStart[d + 1]). */
  firstDay: number;
  dayStart: Int32Array;
  pair: Int32Array;
  code: Uint8Array;
  /** The views asked for lately (least recent first), with their checkpoints. */
  views: Map<string, Checkpoints>;
}

/** Checkpoints per view: a date adds at most 1/64 of the events. */
const CHECKPOINTS = 64;
/** Views whose checkpoints are kept per index (each a few MB for thousands of actors). */
const VIEWS_KEPT = 8;

const globalForTimelines = globalThis as typeof globalThis & {
  __commitmentTrackerTimelines?: WeakMap<TimelineSource, Timeline>;
};
const timelines = (globalForTimelines.__commitmentTrackerTimelines ??= new WeakMap<
  TimelineSource,
  Timeline
>());

/** The layout of a view's sums: counts by commitment, then by actor, then the three totals. */
export function sumsLayout(mask: ViewMask): {
  actorsFrom: number;
  staleAt: number;
  adverseAt: number;
  contestedAt: number;
  length: number;
} {
  const actorsFrom = mask.commitmentMask.length * STATUSES;
  const staleAt = actorsFrom + mask.actorBit.length * STATUSES;
  return {
    actorsFrom,
    staleAt,
    adverseAt: staleAt + 1,
    contestedAt: staleAt + 2,
    length: staleAt + 3,
  };
}

/** The view's sums at the end of `day` (yyyymmdd), over the base pairs, replaced or not. */
export function timelineSums(source: TimelineSource, mask: ViewMask, day: number): Int32Array {
  const timeline = timelineOf(source);
  let checkpoints = timeline.views.get(mask.key);
  if (checkpoints) timeline.views.delete(mask.key);
  else checkpoints = checkpointsOf(source, timeline, mask);
  timeline.views.set(mask.key, checkpoints);
  if (timeline.views.size > VIEWS_KEPT)
    timeline.views.delete(timeline.views.keys().next().value as string);

  // The events up to the day: those of the days on or before it.
  const slots = timeline.dayStart.length - 1;
  const end = timeline.dayStart[
    Math.max(0, Math.min(slots, day - timeline.firstDay + 1))
  ] as number;
  const k = Math.min(Math.floor(end / checkpoints.step), checkpoints.sums.length - 1);
  const sums = (checkpoints.sums[k] as Int32Array).slice();
  addEvents(source, timeline, mask, sums, k * checkpoints.step, end);
  return sums;
}

function checkpointsOf(source: TimelineSource, timeline: Timeline, mask: ViewMask): Checkpoints {
  const events = timeline.pair.length;
  const step = Math.max(1, Math.ceil(events / CHECKPOINTS));
  const running = new Int32Array(sumsLayout(mask).length);
  const sums: Int32Array[] = [running.slice()];
  for (let from = 0; from < events; from += step) {
    addEvents(source, timeline, mask, running, from, Math.min(events, from + step));
    sums.push(running.slice());
  }
  return { step, sums };
}

/** Adds the view's events [from, to) to `sums`. */
function addEvents(
  source: TimelineSource,
  timeline: Timeline,
  mask: ViewMask,
  sums: Int32Array,
  from: number,
  to: number,
): void {
  const { pairCommitment, pairSubject, selfFrom } = source;
  const { commitmentMask, actorBit, independent } = mask;
  const { actorsFrom, staleAt, adverseAt, contestedAt } = sumsLayout(mask);
  const maxCommitment = commitmentMask.length - 1;
  const maxActor = actorBit.length - 1;
  const { pair, code } = timeline;
  for (let i = from; i < to; i += 1) {
    const p = pair[i] as number;
    const commitmentId = pairCommitment[p] as number;
    const subjectId = pairSubject[p] as number;
    if (
      commitmentId > maxCommitment ||
      subjectId > maxActor ||
      ((commitmentMask[commitmentId] as number) & (actorBit[subjectId] as number)) === 0
    )
      continue;
    const c = code[i] as number;
    const delta = c & ENDS ? -1 : 1;
    const what = c & ~ENDS;
    if (what === CONTEST) {
      sums[contestedAt] = (sums[contestedAt] as number) + delta;
      continue;
    }
    // Adverse effects count in either perspective; statuses and stale ones in the view's.
    const counted = p < selfFrom === independent;
    if (what === STALE) {
      if (counted) sums[staleAt] = (sums[staleAt] as number) + delta;
      continue;
    }
    if (what & ADVERSE) sums[adverseAt] = (sums[adverseAt] as number) + delta;
    if (!counted) continue;
    const status = what & (ADVERSE - 1);
    sums[commitmentId * STATUSES + status] =
      (sums[commitmentId * STATUSES + status] as number) + delta;
    sums[actorsFrom + subjectId * STATUSES + status] =
      (sums[actorsFrom + subjectId * STATUSES + status] as number) + delta;
  }
}

function timelineOf(source: TimelineSource): Timeline {
  let timeline = timelines.get(source);
  if (!timeline) {
    timeline = buildTimeline(source);
    timelines.set(source, timeline);
  }
  return timeline;
}

/** The first day whose stale rule (lib/rollup.ts staleBefore, 12 months) makes a status as of `day` stale. */
function staleFrom(day: number): number {
  const date = new Date(`${isoOfDayNumber(day)}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  date.setUTCDate(date.getUTCDate() - 3);
  // staleBefore never decreases with the date: step from just before a year later.
  for (;;) {
    const candidate = date.toISOString().slice(0, 10);
    if (staleBefore(candidate) > isoOfDayNumber(day)) return dayNumber(candidate);
    date.setUTCDate(date.getUTCDate() + 1);
  }
}

function buildTimeline(source: TimelineSource): Timeline {
  const { pairs, selfFrom, partner, pairStart, asOf, status, adverse } = source;
  let days = new Int32Array(Math.max(1024, asOf.length * 3));
  let pairOf = new Int32Array(days.length);
  let codes = new Uint8Array(days.length);
  let n = 0;
  let firstDay = Number.POSITIVE_INFINITY;
  let lastDay = 0;
  const emit = (day: number, p: number, code: number) => {
    if (n === days.length) {
      const grow = <T extends Int32Array | Uint8Array>(array: T): T => {
        const larger = new (array.constructor as { new (length: number): T })(array.length * 2);
        larger.set(array);
        return larger;
      };
      days = grow(days);
      pairOf = grow(pairOf);
      codes = grow(codes);
    }
    days[n] = day;
    pairOf[n] = p;
    codes[n] = code;
    n += 1;
    if (day < firstDay) firstDay = day;
    if (day > lastDay) lastDay = day;
  };
  // The stale rule's first day for each as-of day, computed once per day (at yyyymmdd - firstAsOf).
  const [firstAsOf, lastAsOf] = bounds(asOf);
  const staleDays = new Int32Array(asOf.length === 0 ? 0 : lastAsOf - firstAsOf + 1);
  for (let p = 0; p < pairs; p += 1) {
    const start = pairStart[p] as number;
    const end = pairStart[p + 1] as number;
    for (let k = start; k < end; k += 1) {
      const from = asOf[k] as number;
      const until = k + 1 < end ? (asOf[k + 1] as number) : Number.POSITIVE_INFINITY;
      if (until === from) continue; // a later entry of the same day is current instead
      const code = (status[k] as number) | (adverse[k] ? ADVERSE : 0);
      emit(from, p, code);
      if (until !== Number.POSITIVE_INFINITY) emit(until, p, code | ENDS);
      let stale = staleDays[from - firstAsOf] as number;
      if (stale === 0) staleDays[from - firstAsOf] = stale = staleFrom(from);
      if (stale < until) {
        emit(stale, p, STALE);
        if (until !== Number.POSITIVE_INFINITY) emit(until, p, STALE | ENDS);
      }
    }
    // A self-report pair is contested while both perspectives have a status and they disagree.
    const q = p >= selfFrom ? (partner[p - selfFrom] as number) : -1;
    if (q < 0) continue;
    const qEnd = pairStart[q + 1] as number;
    let i = start;
    let j = pairStart[q] as number;
    let self = -1;
    let independent = -1;
    let contested = 0;
    while (i < end || j < qEnd) {
      const day = Math.min(
        i < end ? (asOf[i] as number) : Number.POSITIVE_INFINITY,
        j < qEnd ? (asOf[j] as number) : Number.POSITIVE_INFINITY,
      );
      for (; i < end && (asOf[i] as number) === day; i += 1) self = status[i] as number;
      for (; j < qEnd && (asOf[j] as number) === day; j += 1) independent = status[j] as number;
      const now =
        self >= 0 && independent >= 0 ? (CONTESTED[self * STATUSES + independent] as number) : 0;
      if (now !== contested) emit(day, p, now ? CONTEST : CONTEST | ENDS);
      contested = now;
    }
  }

  // In order of day: a counting sort, days indexed as yyyymmdd - firstDay (a few gaps per month).
  const slots = n === 0 ? 0 : lastDay - firstDay + 1;
  const dayStart = new Int32Array(slots + 1);
  for (let e = 0; e < n; e += 1) {
    const d = (days[e] as number) - firstDay + 1;
    dayStart[d] = (dayStart[d] as number) + 1;
  }
  for (let d = 0; d < slots; d += 1)
    dayStart[d + 1] = (dayStart[d + 1] as number) + (dayStart[d] as number);
  const next = dayStart.slice(0, slots);
  const pair = new Int32Array(n);
  const code = new Uint8Array(n);
  for (let e = 0; e < n; e += 1) {
    const d = (days[e] as number) - firstDay;
    const at = next[d] as number;
    next[d] = at + 1;
    pair[at] = pairOf[e] as number;
    code[at] = codes[e] as number;
  }
  return { firstDay: n === 0 ? 0 : firstDay, dayStart, pair, code, views: new Map() };
}

/** The least and greatest of an array's values. */
function bounds(values: Int32Array): [number, number] {
  let least = Number.POSITIVE_INFINITY;
  let greatest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i] as number;
    if (value < least) least = value;
    if (value > greatest) greatest = value;
  }
  return [least, greatest];
}
