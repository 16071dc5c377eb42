import 'server-only';
import type { Db } from '../client';
import { staleBefore } from '../../lib/rollup';
import { dayNumber } from '../../lib/dates';
import { STATUS_KEYS, type StatusKey } from '../../lib/status-scale';
import { ACTOR_KINDS, type ActorKind, type Perspective } from '../../lib/taxonomy';
import { CONTESTED, sumsLayout, timelineSums, type TimelineSource } from './timeline';

/**
 * Roll-ups, now or as of any past date, from an in-memory index of the counted entries (published,
 * not withdrawn, not superseded): for each (perspective, commitment, actor) pair its entries in the
 * roll-up's order of currency (lib/rollup.ts compareCurrency), kept in typed arrays (a few bytes an
 * entry). A pair's status at a date is its last entry with an as-of on or before it, found from
 * the pair's end; a view's tallies are one pass over the pairs, where SQL would have to read every
 * counted entry up to a past date for the same answer.
 * A past date of a wide view does not even pass over the pairs: its tallies are running sums of
 * the index's timeline of events (timeline.ts), whose cost does not grow with the pairs.
 *
 * Never stale: before each use the index catches up with the database, whichever process wrote
 * to it. Entries only ever join the counted set as new rows (ids only grow, nothing is deleted)
 * or through an update that counted_entry_changes logs (a draft published, a withdrawal, a
 * supersession); the pairs those touch are read again from the database into an overlay that
 * takes their place, merged into the index in memory now and then. Many writes at once (an
 * import) rebuild it from the database, as its first use does. Figures: docs/performance.md.
 */

/** What a view's figures and groups are made of: status counts per commitment and per actor, and three totals. */
export interface Tallies {
  perCommitment: [commitmentId: number, status: StatusKey, pairs: number][];
  perActor: [subjectId: number, status: StatusKey, pairs: number][];
  stale: number;
  contested: number;
  adverseEffects: number;
  /** Net change of each status count in the view's perspective, per period (quarter) of the view's `history`: period x status. */
  quarterly: Int32Array;
}

/** The view a roll-up is for: its date, the kinds of actor each scope commitment applies to, and the scope's actors. */
export interface TallyView {
  /** YYYY-MM-DD, or undefined for now: every counted entry, as in the kept current-status table. */
  asOf: string | undefined;
  /** Statuses with an as-of before this date are stale (lib/rollup.ts staleBefore). */
  staleBefore: string;
  perspective: Perspective;
  commitmentKinds: ReadonlyMap<number, readonly ActorKind[]>;
  actors: readonly { id: number; kind: ActorKind }[];
  /** Quarters for status over time, if wanted: from the quarter starting on `from`, `periods` of them; earlier entries count in the first. */
  history?: { from: string; periods: number };
}

/** One perspective's entries of one pair, in order of currency. */
interface PairEntries {
  asOf: number[];
  status: number[];
  adverse: number[];
}

export interface CountedIndex extends TimelineSource {
  /** The quarter of each entry's as-of date, counted from QUARTER_ZERO (0 before it). */
  quarter: Uint8Array;
  /** Pairs read again since the build (both perspectives), by pairNumber(); they replace the base's rows. */
  overlay: Map<number, Record<Perspective, PairEntries>>;
  /** 1 for a base pair that the overlay replaces. */
  replaced: Uint8Array;
  /** The base pairs the overlay replaces, as flagged. */
  replacedPairs: number[];
  /** The greatest entry id and counted_entry_changes sequence the index has taken in. */
  maxEntryId: number;
  maxChangeSeq: number;
}

const COUNTED = `state = 'published' AND withdrawn_at IS NULL AND superseded_by_id IS NULL`;
const STATUS_INDEX = new Map<string, number>(STATUS_KEYS.map((status, index) => [status, index]));
const STATUSES = STATUS_KEYS.length;

/** Entries written since the last catch-up that rebuild the index from the database: this share of its pairs, or this many. */
const REBUILD_SHARE = 0.05;
const REBUILD_MIN = 2_000;
/** Pairs read again that are merged into the index (in memory). */
const COMPACT_AT = 4_000;

/**
 * One index per database per process, kept on globalThis: Next.js bundles route handlers and pages
 * into separate module instances, which would otherwise build and hold an index each.
 */
const globalForIndex = globalThis as typeof globalThis & {
  __commitmentTrackerCountedIndexes?: WeakMap<Db, CountedIndex>;
};
const indexes = (globalForIndex.__commitmentTrackerCountedIndexes ??= new WeakMap<
  Db,
  CountedIndex
>());

/** Quarters are counted from 2000-Q1 (a byte holds them to 2063), for status over time. */
const QUARTER_ZERO_YEAR = 2000;

function quarterNumber(day: number): number {
  const quarter =
    (Math.floor(day / 10_000) - QUARTER_ZERO_YEAR) * 4 +
    Math.floor(((Math.floor(day / 100) % 100) - 1) / 3);
  return Math.min(255, Math.max(0, quarter));
}

function pairNumber(commitmentId: number, subjectId: number): number {
  return commitmentId * 2 ** 32 + subjectId;
}

function watermarks(db: Db): { maxEntryId: number; maxChangeSeq: number } {
  const sqlite = db.$client;
  return {
    maxEntryId: sqlite
      .prepare('SELECT coalesce(max(id), 0) FROM progress_entries')
      .pluck()
      .get() as number,
    maxChangeSeq: sqlite
      .prepare('SELECT coalesce(max(seq), 0) FROM counted_entry_changes')
      .pluck()
      .get() as number,
  };
}

/**
 * Fills a new index pair by pair, in the index's order (independent assessments first, then by
 * commitment and actor), each pair's entries in order of currency; `finish` pairs the perspectives.
 */
function indexWriter(entries: number, pairLimit: number) {
  const asOf = new Int32Array(entries);
  const quarter = new Uint8Array(entries);
  const status = new Uint8Array(entries);
  const adverse = new Uint8Array(entries);
  const pairCommitment = new Int32Array(pairLimit);
  const pairSubject = new Int32Array(pairLimit);
  const pairStart = new Int32Array(pairLimit + 1);
  let pairs = 0;
  let selfFrom = -1;
  let n = 0;
  return {
    get full() {
      return n === entries;
    },
    pair(perspective: Perspective, commitmentId: number, subjectId: number) {
      if (perspective === 'self' && selfFrom < 0) selfFrom = pairs;
      pairCommitment[pairs] = commitmentId;
      pairSubject[pairs] = subjectId;
      pairStart[pairs] = n;
      pairs += 1;
    },
    /** Base pairs [from, to) of `source`, all of one perspective, copied as they are. */
    copy(perspective: Perspective, source: CountedIndex, from: number, to: number) {
      if (from >= to) return;
      if (perspective === 'self' && selfFrom < 0) selfFrom = pairs;
      const first = source.pairStart[from] as number;
      const last = source.pairStart[to] as number;
      asOf.set(source.asOf.subarray(first, last), n);
      quarter.set(source.quarter.subarray(first, last), n);
      status.set(source.status.subarray(first, last), n);
      adverse.set(source.adverse.subarray(first, last), n);
      pairCommitment.set(source.pairCommitment.subarray(from, to), pairs);
      pairSubject.set(source.pairSubject.subarray(from, to), pairs);
      for (let p = from; p < to; p += 1)
        pairStart[pairs + p - from] = (source.pairStart[p] as number) - first + n;
      pairs += to - from;
      n += last - first;
    },
    entry(day: number, statusIndex: number, effects: number) {
      asOf[n] = day;
      quarter[n] = quarterNumber(day);
      status[n] = statusIndex;
      adverse[n] = effects;
      n += 1;
    },
    finish(marks: { maxEntryId: number; maxChangeSeq: number }): CountedIndex {
      pairStart[pairs] = n;
      if (selfFrom < 0) selfFrom = pairs;
      // Both perspectives' pairs are in (commitment, actor) order: pair them by walking both.
      const partner = new Int32Array(pairs - selfFrom).fill(-1);
      for (let p = selfFrom, q = 0; p < pairs; p += 1) {
        const key = pairNumber(pairCommitment[p] as number, pairSubject[p] as number);
        while (
          q < selfFrom &&
          pairNumber(pairCommitment[q] as number, pairSubject[q] as number) < key
        )
          q += 1;
        if (
          q < selfFrom &&
          pairNumber(pairCommitment[q] as number, pairSubject[q] as number) === key
        )
          partner[p - selfFrom] = q;
      }
      return {
        pairCommitment: pairCommitment.slice(0, pairs),
        pairSubject: pairSubject.slice(0, pairs),
        pairStart: pairStart.slice(0, pairs + 1),
        selfFrom,
        partner,
        pairs,
        asOf: asOf.slice(0, n),
        quarter: quarter.slice(0, n),
        status: status.slice(0, n),
        adverse: adverse.slice(0, n),
        overlay: new Map(),
        replaced: new Uint8Array(pairs),
        replacedPairs: [],
        maxEntryId: marks.maxEntryId,
        maxChangeSeq: marks.maxChangeSeq,
      };
    },
  };
}

/** Every counted entry, read in order from the partial index progress_entries_counted_idx. */
function build(db: Db): CountedIndex {
  const sqlite = db.$client;
  // Watermarks first: whatever commits after them is taken in again by the next catch-up (idempotent).
  const marks = watermarks(db);
  const size = sqlite
    .prepare(
      `SELECT count(*) FROM progress_entries INDEXED BY progress_entries_counted_idx WHERE ${COUNTED}`,
    )
    .pluck()
    .get() as number;
  const writer = indexWriter(size, size);
  // One ordered read per perspective and commitment (an index range each): faster than stepping
  // through one statement over the whole index.
  const commitmentIds = sqlite
    .prepare('SELECT id FROM commitments ORDER BY id')
    .pluck()
    .all() as number[];
  const chunk = sqlite
    .prepare(
      `SELECT subject_id, as_of, status, adverse_effects FROM progress_entries INDEXED BY progress_entries_counted_idx
       WHERE perspective = ? AND commitment_id = ? AND ${COUNTED} ORDER BY subject_id, as_of, published_at, id`,
    )
    .raw();
  const days = new Map<string, number>();
  for (const perspective of ['independent', 'self'] as const) {
    for (const commitmentId of commitmentIds) {
      let lastSubject = -1;
      for (const [subjectId, date, key, effects] of chunk.all(perspective, commitmentId) as [
        number,
        string,
        StatusKey,
        number,
      ][]) {
        if (writer.full) break; // only outside a transaction: a write between the count and this read, taken in later
        if (subjectId !== lastSubject) writer.pair(perspective, commitmentId, subjectId);
        lastSubject = subjectId;
        let day = days.get(date);
        if (day === undefined) days.set(date, (day = dayNumber(date)));
        writer.entry(day, STATUS_INDEX.get(key) as number, effects);
      }
    }
  }
  return writer.finish(marks);
}

/**
 * The index with its overlay merged in, in memory (no database read): the base's pairs in order,
 * each pair read again taking the place of its base rows (or its own place, if new).
 */
function compact(index: CountedIndex): CountedIndex {
  const keys = [...index.overlay.keys()].sort((a, b) => a - b);
  let overlayEntries = 0;
  for (const pair of index.overlay.values())
    overlayEntries += pair.self.asOf.length + pair.independent.asOf.length;
  const writer = indexWriter(index.asOf.length + overlayEntries, index.pairs + 2 * keys.length);
  const { pairCommitment, pairSubject, overlay, replaced } = index;
  for (const perspective of ['independent', 'self'] as const) {
    const [from, to] =
      perspective === 'independent' ? [0, index.selfFrom] : [index.selfFrom, index.pairs];
    let o = 0;
    let kept = from; // the first base pair not yet written
    for (let p = from; p <= to; p += 1) {
      const key =
        p < to
          ? pairNumber(pairCommitment[p] as number, pairSubject[p] as number)
          : Number.POSITIVE_INFINITY;
      if (p < to && replaced[p] === 0 && !(o < keys.length && (keys[o] as number) <= key)) continue;
      writer.copy(perspective, index, kept, p);
      for (; o < keys.length && (keys[o] as number) <= key; o += 1) {
        const overlayKey = keys[o] as number;
        const entries = (overlay.get(overlayKey) as Record<Perspective, PairEntries>)[perspective];
        if (entries.asOf.length === 0) continue;
        const commitmentId = Math.floor(overlayKey / 2 ** 32);
        writer.pair(perspective, commitmentId, overlayKey - commitmentId * 2 ** 32);
        entries.asOf.forEach((day, i) =>
          writer.entry(day, entries.status[i] as number, entries.adverse[i] as number),
        );
      }
      kept = p < to && replaced[p] === 1 ? p + 1 : p;
    }
  }
  return writer.finish({ maxEntryId: index.maxEntryId, maxChangeSeq: index.maxChangeSeq });
}

/** The counted entries of one pair, both perspectives, from the database. */
function readPair(
  db: Db,
  commitmentId: number,
  subjectId: number,
): Record<Perspective, PairEntries> {
  const rows = db.$client
    .prepare(
      `SELECT perspective, as_of, status, adverse_effects FROM progress_entries INDEXED BY progress_entries_counted_idx
       WHERE perspective IN ('independent', 'self') AND commitment_id = ? AND subject_id = ? AND ${COUNTED}
       ORDER BY perspective, as_of, published_at, id`,
    )
    .raw()
    .all(commitmentId, subjectId) as [Perspective, string, StatusKey, number][];
  const pair: Record<Perspective, PairEntries> = {
    self: { asOf: [], status: [], adverse: [] },
    independent: { asOf: [], status: [], adverse: [] },
  };
  for (const [perspective, date, key, effects] of rows) {
    pair[perspective].asOf.push(dayNumber(date));
    pair[perspective].status.push(STATUS_INDEX.get(key) as number);
    pair[perspective].adverse.push(effects);
  }
  return pair;
}

/** The base pair of a perspective with this key, by binary search (pairs are in key order), or -1. */
function basePair(index: CountedIndex, perspective: Perspective, key: number): number {
  const [low, high] =
    perspective === 'independent' ? [0, index.selfFrom] : [index.selfFrom, index.pairs];
  const p = lowerBound(index, low, high, key);
  return p < high &&
    pairNumber(index.pairCommitment[p] as number, index.pairSubject[p] as number) === key
    ? p
    : -1;
}

/** When the index is rebuilt from the database, or its overlay merged in (the defaults above; tests lower them). */
export interface IndexLimits {
  rebuildMin: number;
  rebuildShare: number;
  compactAt: number;
}

/** The index of a database, caught up with every write committed before this call. */
export function countedIndex(
  db: Db,
  limits: IndexLimits = {
    rebuildMin: REBUILD_MIN,
    rebuildShare: REBUILD_SHARE,
    compactAt: COMPACT_AT,
  },
): CountedIndex {
  return db.$client.transaction(() => {
    let index = indexes.get(db);
    if (!index) {
      index = build(db);
      indexes.set(db, index);
      return index;
    }
    const marks = watermarks(db);
    if (marks.maxEntryId === index.maxEntryId && marks.maxChangeSeq === index.maxChangeSeq)
      return index;
    const sqlite = db.$client;
    // Many writes since (an import, a bulk load): reading everything again is cheaper than pair by pair.
    const newEntries = sqlite
      .prepare('SELECT count(*) FROM progress_entries WHERE id > ?')
      .pluck()
      .get(index.maxEntryId) as number;
    if (
      newEntries + (marks.maxChangeSeq - index.maxChangeSeq) >
      Math.max(limits.rebuildMin, index.pairs * limits.rebuildShare)
    ) {
      index = build(db);
      indexes.set(db, index);
      return index;
    }
    // Two statements, not a UNION: SQLite 3.53 plans the UNION as a merge over a whole index.
    const touched = [
      ...(sqlite
        .prepare(
          `SELECT commitment_id, subject_id FROM progress_entries WHERE id > ? AND ${COUNTED}`,
        )
        .raw()
        .all(index.maxEntryId) as [number, number][]),
      ...(sqlite
        .prepare(
          'SELECT e.commitment_id, e.subject_id FROM counted_entry_changes c JOIN progress_entries e ON e.id = c.entry_id WHERE c.seq > ?',
        )
        .raw()
        .all(index.maxChangeSeq) as [number, number][]),
    ];
    for (const key of new Set(
      touched.map(([commitmentId, subjectId]) => pairNumber(commitmentId, subjectId)),
    )) {
      const commitmentId = Math.floor(key / 2 ** 32);
      const subjectId = key - commitmentId * 2 ** 32;
      index.overlay.set(key, readPair(db, commitmentId, subjectId));
      for (const perspective of ['independent', 'self'] as const) {
        const p = basePair(index, perspective, key);
        if (p < 0 || index.replaced[p] === 1) continue;
        index.replaced[p] = 1;
        index.replacedPairs.push(p);
      }
    }
    index.maxEntryId = marks.maxEntryId;
    index.maxChangeSeq = marks.maxChangeSeq;
    if (index.overlay.size > limits.compactAt) {
      index = compact(index);
      indexes.set(db, index);
    }
    return index;
  })();
}

/** Whether a pair's entries (indices [from, to), in order of as-of date) have one dated from `first` to `last`. */
function hasDated(asOf: ArrayLike<number>, from: number, to: number, first: number, last: number) {
  // The first entry on or after `first`, by binary search: a pair may have hundreds of entries.
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((asOf[middle] as number) < first) low = middle + 1;
    else high = middle;
  }
  return low < to && (asOf[low] as number) <= last;
}

/**
 * The self-report pairs of some commitments and actors that have a counted entry dated from `from`
 * to `to`, both included (YYYY-MM-DD): the reported cells of a reporting round
 * (db/queries/rounds.ts). From the index, so a round over every state costs a pass over its
 * commitments' pairs in memory after any write, where SQL reads every report dated in the round.
 */
export function countedSelfReportPairs(
  db: Db,
  commitmentIds: readonly number[],
  subjectIds: readonly number[],
  from: string,
  to: string,
): { commitmentId: number; actorId: number }[] {
  const index = countedIndex(db);
  const first = dayNumber(from);
  const last = dayNumber(to);
  const { pairSubject, pairStart, asOf, replaced, selfFrom, pairs } = index;
  let maxSubject = 0;
  for (const id of subjectIds) maxSubject = Math.max(maxSubject, id);
  const asked = new Uint8Array(maxSubject + 1);
  for (const id of subjectIds) asked[id] = 1;
  const found: { commitmentId: number; actorId: number }[] = [];
  const take = (commitmentId: number, p: number) => {
    // A pair read again since the build is in the overlay instead.
    if (replaced[p] === 1) return;
    if (hasDated(asOf, pairStart[p] as number, pairStart[p + 1] as number, first, last))
      found.push({ commitmentId, actorId: pairSubject[p] as number });
  };
  const commitments = new Set(commitmentIds);
  for (const commitmentId of commitments) {
    const low = lowerBound(index, selfFrom, pairs, pairNumber(commitmentId, 0));
    const high = lowerBound(index, low, pairs, pairNumber(commitmentId + 1, 0));
    if (subjectIds.length <= 16) {
      // A few actors (what's due): each one's pair by binary search.
      for (const subjectId of new Set(subjectIds)) {
        const p = lowerBound(index, low, high, pairNumber(commitmentId, subjectId));
        if (p < high && pairSubject[p] === subjectId) take(commitmentId, p);
      }
      continue;
    }
    for (let p = low; p < high; p += 1) {
      const subjectId = pairSubject[p] as number;
      if (subjectId <= maxSubject && asked[subjectId] === 1) take(commitmentId, p);
    }
  }
  for (const [key, pair] of index.overlay) {
    const commitmentId = Math.floor(key / 2 ** 32);
    const actorId = key - commitmentId * 2 ** 32;
    if (!commitments.has(commitmentId) || actorId > maxSubject || asked[actorId] !== 1) continue;
    if (hasDated(pair.self.asOf, 0, pair.self.asOf.length, first, last))
      found.push({ commitmentId, actorId });
  }
  return found;
}

/** A view's mask as a key for the timeline's checkpoints. */
function maskKey(mask: Int32Array): string {
  return Buffer.from(mask.buffer, mask.byteOffset, mask.byteLength).toString('base64');
}

/** The last of a pair's entries (indices [from, to)) on or before a date, or -1. */
function lastOnOrBefore(asOf: ArrayLike<number>, from: number, to: number, day: number): number {
  let k = to - 1;
  while (k >= from && (asOf[k] as number) > day) k -= 1;
  return k >= from ? k : -1;
}

/** The first pair of [low, high) whose key is `key` or more. */
function lowerBound(index: CountedIndex, low: number, high: number, key: number): number {
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (
      pairNumber(index.pairCommitment[middle] as number, index.pairSubject[middle] as number) < key
    )
      low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The base pairs a view can take in, as ranges in index order (independent assessments first):
 * all of them, or for a view of a few commitments their stretches, or for a few actors (an
 * actor's page) their pair in each commitment, found by binary search.
 */
function rangesOf(index: CountedIndex, view: TallyView): [number, number][] {
  const commitments = [...view.commitmentKinds]
    .filter(([, kinds]) => kinds.length > 0)
    .map(([id]) => id)
    .sort((a, b) => a - b);
  const actors = view.actors.map((actor) => actor.id).sort((a, b) => a - b);
  if (commitments.length > 40 && actors.length > 16) return [[0, index.pairs]];
  const ranges: [number, number][] = [];
  for (const [low, high] of [
    [0, index.selfFrom],
    [index.selfFrom, index.pairs],
  ] as const) {
    for (const commitmentId of commitments) {
      const from = lowerBound(index, low, high, pairNumber(commitmentId, 0));
      const to = lowerBound(index, from, high, pairNumber(commitmentId + 1, 0));
      if (actors.length > 16) {
        ranges.push([from, to]);
        continue;
      }
      for (const subjectId of actors) {
        const p = lowerBound(index, from, to, pairNumber(commitmentId, subjectId));
        if (p < to && index.pairSubject[p] === subjectId) ranges.push([p, p + 1]);
      }
    }
  }
  return ranges;
}

/**
 * A view's tallies, now or as of a past date: status counts per commitment and per actor in the
 * view's perspective, stale statuses, contested pairs, adverse effects in either perspective, and
 * the net changes of the status counts per quarter (status over time), in one pass.
 */
export function statusTallies(db: Db, view: TallyView): Tallies {
  const index = countedIndex(db);
  const day = view.asOf === undefined ? Number.MAX_SAFE_INTEGER : dayNumber(view.asOf);
  const staleDay = dayNumber(view.staleBefore);

  // A pair is in the view when its commitment applies to its actor's kind: one bit per kind.
  const kindBit = new Map<ActorKind, number>(ACTOR_KINDS.map((kind, i) => [kind, 1 << i]));
  let maxCommitment = 0;
  for (const id of view.commitmentKinds.keys()) maxCommitment = Math.max(maxCommitment, id);
  const commitmentMask = new Int32Array(maxCommitment + 1);
  for (const [id, kinds] of view.commitmentKinds)
    for (const kind of kinds)
      commitmentMask[id] = (commitmentMask[id] as number) | (kindBit.get(kind) as number);
  let maxActor = 0;
  for (const actor of view.actors) maxActor = Math.max(maxActor, actor.id);
  const actorBit = new Int32Array(maxActor + 1);
  for (const actor of view.actors) actorBit[actor.id] = kindBit.get(actor.kind) as number;
  const inView = (commitmentId: number, subjectId: number) =>
    commitmentId <= maxCommitment &&
    subjectId <= maxActor &&
    ((commitmentMask[commitmentId] as number) & (actorBit[subjectId] as number)) !== 0;

  const byCommitment = new Int32Array((maxCommitment + 1) * STATUSES);
  const byActor = new Int32Array((maxActor + 1) * STATUSES);
  let stale = 0;
  let adverseEffects = 0;
  let contested = 0;
  const count = (commitmentId: number, subjectId: number, status: number, asOf: number) => {
    byCommitment[commitmentId * STATUSES + status] =
      (byCommitment[commitmentId * STATUSES + status] as number) + 1;
    byActor[subjectId * STATUSES + status] = (byActor[subjectId * STATUSES + status] as number) + 1;
    if (asOf < staleDay) stale += 1;
  };

  // Status over time: each entry of a pair in the view's perspective, up to the date, is the
  // pair's status from its quarter until the quarter of the pair's next entry.
  const periods = view.history?.periods ?? 0;
  const quarterly = new Int32Array(periods * STATUSES);
  const firstQuarter = view.history ? quarterNumber(dayNumber(view.history.from)) : 0;
  const history = (
    quarters: ArrayLike<number>,
    statuses: ArrayLike<number>,
    start: number,
    last: number,
  ) => {
    let from = Math.max(0, (quarters[start] as number) - firstQuarter);
    for (let j = start; j <= last && from < periods; j += 1) {
      const entryStatus = statuses[j] as number;
      quarterly[from * STATUSES + entryStatus] =
        (quarterly[from * STATUSES + entryStatus] as number) + 1;
      if (j === last) break;
      const to = Math.max(0, (quarters[j + 1] as number) - firstQuarter);
      if (to < periods)
        quarterly[to * STATUSES + entryStatus] =
          (quarterly[to * STATUSES + entryStatus] as number) - 1;
      from = to;
    }
  };

  const {
    pairCommitment,
    pairSubject,
    pairStart,
    selfFrom,
    partner,
    asOf,
    quarter,
    status,
    adverse,
    overlay,
    replaced,
  } = index;
  const countSelf = view.perspective === 'self';
  const ranges = rangesOf(index, view);
  if (
    view.asOf !== undefined &&
    periods === 0 &&
    view.staleBefore === staleBefore(view.asOf) &&
    ranges.length === 1 &&
    ranges[0]?.[0] === 0 &&
    ranges[0][1] === index.pairs
  ) {
    // A past date of a view of (nearly) every pair: from the timeline's running sums (timeline.ts).
    const mask = {
      key: `${view.perspective}|${maskKey(commitmentMask)}|${maskKey(actorBit)}`,
      independent: !countSelf,
      commitmentMask,
      actorBit,
    };
    const sums = timelineSums(index, mask, day);
    const layout = sumsLayout(mask);
    byCommitment.set(sums.subarray(0, layout.actorsFrom));
    byActor.set(sums.subarray(layout.actorsFrom, layout.staleAt));
    stale = sums[layout.staleAt] as number;
    adverseEffects = sums[layout.adverseAt] as number;
    contested = sums[layout.contestedAt] as number;
    // The timeline has every base pair: take out those the overlay replaces (it is added below).
    for (const p of index.replacedPairs) {
      const commitmentId = pairCommitment[p] as number;
      const subjectId = pairSubject[p] as number;
      if (!inView(commitmentId, subjectId)) continue;
      const k = lastOnOrBefore(asOf, pairStart[p] as number, pairStart[p + 1] as number, day);
      if (k < 0) continue;
      const entryStatus = status[k] as number;
      adverseEffects -= adverse[k] as number;
      if (p < selfFrom !== countSelf) {
        byCommitment[commitmentId * STATUSES + entryStatus] =
          (byCommitment[commitmentId * STATUSES + entryStatus] as number) - 1;
        byActor[subjectId * STATUSES + entryStatus] =
          (byActor[subjectId * STATUSES + entryStatus] as number) - 1;
        if ((asOf[k] as number) < staleDay) stale -= 1;
      }
      const q = p < selfFrom ? -1 : (partner[p - selfFrom] as number);
      const kq =
        q < 0 ? -1 : lastOnOrBefore(asOf, pairStart[q] as number, pairStart[q + 1] as number, day);
      if (kq >= 0)
        contested -= CONTESTED[entryStatus * STATUSES + (status[kq] as number)] as number;
    }
  } else {
    // Base pairs, independent assessments first: the status each has at the date is kept, so the
    // self pass tells a contested pair by its partner's (the same commitment and actor).
    const independentAt = new Int8Array(selfFrom).fill(-1);
    for (const [from, to] of ranges)
      for (let p = from; p < to; p += 1) {
        const commitmentId = pairCommitment[p] as number;
        const subjectId = pairSubject[p] as number;
        if (
          commitmentId > maxCommitment ||
          subjectId > maxActor ||
          ((commitmentMask[commitmentId] as number) & (actorBit[subjectId] as number)) === 0
        )
          continue;
        if (replaced[p] === 1) continue;
        const start = pairStart[p] as number;
        if ((asOf[start] as number) > day) continue;
        let k = (pairStart[p + 1] as number) - 1;
        while ((asOf[k] as number) > day) k -= 1;
        const entryStatus = status[k] as number;
        adverseEffects += adverse[k] as number;
        if (p < selfFrom) {
          independentAt[p] = entryStatus;
          if (!countSelf) {
            count(commitmentId, subjectId, entryStatus, asOf[k] as number);
            if (periods > 0) history(quarter, status, start, k);
          }
          continue;
        }
        if (countSelf) {
          count(commitmentId, subjectId, entryStatus, asOf[k] as number);
          if (periods > 0) history(quarter, status, start, k);
        }
        const q = partner[p - selfFrom] as number;
        if (q >= 0 && (independentAt[q] as number) >= 0)
          contested += CONTESTED[entryStatus * STATUSES + (independentAt[q] as number)] as number;
      }
  }

  // Pairs read again since the build.
  for (const [key, pair] of overlay) {
    const commitmentId = Math.floor(key / 2 ** 32);
    const subjectId = key - commitmentId * 2 ** 32;
    if (!inView(commitmentId, subjectId)) continue;
    const found: Partial<Record<Perspective, number>> = {};
    for (const perspective of ['self', 'independent'] as const) {
      const entries = pair[perspective];
      const k = lastOnOrBefore(entries.asOf, 0, entries.asOf.length, day);
      if (k < 0) continue;
      found[perspective] = entries.status[k] as number;
      adverseEffects += entries.adverse[k] as number;
      if (perspective !== view.perspective) continue;
      count(commitmentId, subjectId, entries.status[k] as number, entries.asOf[k] as number);
      history(entries.asOf.map(quarterNumber), entries.status, 0, k);
    }
    if (found.self !== undefined && found.independent !== undefined)
      contested += CONTESTED[found.self * STATUSES + found.independent] as number;
  }

  const perCommitment: Tallies['perCommitment'] = [];
  for (let i = 0; i < byCommitment.length; i += 1) {
    const n = byCommitment[i] as number;
    if (n > 0)
      perCommitment.push([Math.floor(i / STATUSES), STATUS_KEYS[i % STATUSES] as StatusKey, n]);
  }
  const perActor: Tallies['perActor'] = [];
  for (let i = 0; i < byActor.length; i += 1) {
    const n = byActor[i] as number;
    if (n > 0) perActor.push([Math.floor(i / STATUSES), STATUS_KEYS[i % STATUSES] as StatusKey, n]);
  }
  return { perCommitment, perActor, stale, contested, adverseEffects, quarterly };
}
