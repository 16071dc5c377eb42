import 'server-only';
import type { Db } from '../client';
import { dayNumber } from '../../lib/dates';
import type { PairFlag } from '../../lib/rollup';
import { STATUS_KEYS } from '../../lib/status-scale';
import type { Perspective } from '../../lib/taxonomy';
import { countedIndex } from './status-index';
import { CONTESTED } from './timeline';

/**
 * The (commitment, actor) pairs of a view that a headline figure counts, from the in-memory index
 * of counted entries (status-index.ts): one pass over its pairs, the same rules as statusTallies,
 * so the list's total is the figure. Entry ids are not in the index: the caller reads a page's.
 */
export interface PairView {
  /** YYYY-MM-DD, or undefined for now. */
  asOf: string | undefined;
  staleBefore: string;
  perspective: Perspective;
  /** Without a flag: every pair with a current status in either perspective. */
  flag: PairFlag | undefined;
  inView: (commitmentId: number, subjectId: number) => boolean;
}

export interface FlaggedPairs {
  commitment: Int32Array;
  subject: Int32Array;
  /** Current entries of these pairs, either perspective, that report adverse effects. */
  adverseEntries: number;
}

const STATUSES = STATUS_KEYS.length;
const REGRESSED = STATUS_KEYS.indexOf('regressed');

export function flaggedPairs(db: Db, view: PairView): FlaggedPairs {
  const index = countedIndex(db);
  const day = view.asOf === undefined ? Number.MAX_SAFE_INTEGER : dayNumber(view.asOf);
  const staleDay = dayNumber(view.staleBefore);
  const { pairCommitment, pairSubject, pairStart, selfFrom, partner, pairs } = index;
  const { asOf, status, adverse, replaced, overlay } = index;
  const countSelf = view.perspective === 'self';
  const commitment: number[] = [];
  const subject: number[] = [];
  let adverseEntries = 0;

  // Each side: its status index (-1 when none), as-of day and adverse-effects flag at the date.
  const consider = (
    commitmentId: number,
    subjectId: number,
    self: number,
    selfDay: number,
    selfAdverse: number,
    independent: number,
    independentDay: number,
    independentAdverse: number,
  ) => {
    const [shown, shownDay] = countSelf ? [self, selfDay] : [independent, independentDay];
    let match: boolean;
    if (view.flag === 'contested')
      match = self >= 0 && independent >= 0 && CONTESTED[self * STATUSES + independent] === 1;
    else if (view.flag === 'stale') match = shown >= 0 && shownDay < staleDay;
    else if (view.flag === 'regressed') match = shown === REGRESSED;
    else if (view.flag === 'adverse_effects') match = selfAdverse + independentAdverse > 0;
    else match = self >= 0 || independent >= 0;
    if (!match) return;
    commitment.push(commitmentId);
    subject.push(subjectId);
    adverseEntries += selfAdverse + independentAdverse;
  };

  const last = (from: number, to: number, days: ArrayLike<number>) => {
    let k = to - 1;
    while (k >= from && (days[k] as number) > day) k -= 1;
    return k >= from ? k : -1;
  };
  const at = (p: number) => last(pairStart[p] as number, pairStart[p + 1] as number, asOf);

  // Base pairs (those read again since the build are in the overlay instead): self-reports with
  // their independent partner, then the independent assessments that have no self-report.
  const partnered = new Uint8Array(selfFrom);
  for (let p = selfFrom; p < pairs; p += 1) {
    const q = partner[p - selfFrom] as number;
    if (q >= 0) partnered[q] = 1;
    const commitmentId = pairCommitment[p] as number;
    const subjectId = pairSubject[p] as number;
    if (replaced[p] === 1 || !view.inView(commitmentId, subjectId)) continue;
    const k = at(p);
    const kq = q >= 0 ? at(q) : -1;
    consider(
      commitmentId,
      subjectId,
      k < 0 ? -1 : (status[k] as number),
      k < 0 ? 0 : (asOf[k] as number),
      k < 0 ? 0 : (adverse[k] as number),
      kq < 0 ? -1 : (status[kq] as number),
      kq < 0 ? 0 : (asOf[kq] as number),
      kq < 0 ? 0 : (adverse[kq] as number),
    );
  }
  for (let q = 0; q < selfFrom; q += 1) {
    const commitmentId = pairCommitment[q] as number;
    const subjectId = pairSubject[q] as number;
    if (partnered[q] === 1 || replaced[q] === 1 || !view.inView(commitmentId, subjectId)) continue;
    const kq = at(q);
    if (kq < 0) continue;
    consider(
      commitmentId,
      subjectId,
      -1,
      0,
      0,
      status[kq] as number,
      asOf[kq] as number,
      adverse[kq] as number,
    );
  }
  for (const [key, pair] of overlay) {
    const commitmentId = Math.floor(key / 2 ** 32);
    const subjectId = key - commitmentId * 2 ** 32;
    if (!view.inView(commitmentId, subjectId)) continue;
    const k = last(0, pair.self.asOf.length, pair.self.asOf);
    const kq = last(0, pair.independent.asOf.length, pair.independent.asOf);
    consider(
      commitmentId,
      subjectId,
      k < 0 ? -1 : (pair.self.status[k] as number),
      k < 0 ? 0 : (pair.self.asOf[k] as number),
      k < 0 ? 0 : (pair.self.adverse[k] as number),
      kq < 0 ? -1 : (pair.independent.status[kq] as number),
      kq < 0 ? 0 : (pair.independent.asOf[kq] as number),
      kq < 0 ? 0 : (pair.independent.adverse[kq] as number),
    );
  }
  return {
    commitment: Int32Array.from(commitment),
    subject: Int32Array.from(subject),
    adverseEntries,
  };
}
