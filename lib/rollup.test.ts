/**
 * The roll-up contract (docs/design.md#status-scale and #roll-up),
 * checked on small hand-computed fixtures. Every expected number is written by hand from the
 * rules, with the arithmetic beside it; none is copied from the code's output.
 */
import { describe, expect, it } from 'vitest';
import {
  compareCurrency,
  counts,
  currentStatuses,
  DEFAULT_STALE_MONTHS,
  emptyCounts,
  groupRows,
  isContested,
  farApart,
  isLater,
  isStale,
  meanScore,
  pairKey,
  quarterEnds,
  staleBefore,
  statusOverTime,
  summarize,
  type CurrentStatus,
  type Pair,
  type PairStatus,
  type RollupEntry,
} from './rollup';
import { STATUS_KEYS, type StatusKey } from './status-scale';
import { CELL_KEYS, type StatusCounts } from './summary-types';
import type { Perspective } from './taxonomy';
import { mulberry32 } from './prng';

// ---------------------------------------------------------------------------------------------
// Fixture helpers
// ---------------------------------------------------------------------------------------------

let nextId = 1000;

/** A published entry with harmless defaults; every test states the fields it relies on. */
function entry(fields: Partial<RollupEntry>): RollupEntry {
  nextId += 1;
  return {
    id: nextId,
    commitmentId: 1,
    subjectId: 10,
    perspective: 'self',
    status: 'limited',
    asOf: '2024-01-01',
    publishedAt: '2024-01-02T09:00:00.000Z',
    adverseEffects: false,
    withdrawn: false,
    superseded: false,
    ...fields,
  };
}

function pair(commitmentId: number, actorId: number): Pair {
  return { commitmentId, actorId };
}

/** Counts with every cell 0 except those given. */
function countsOf(nonZero: Partial<StatusCounts>): StatusCounts {
  return { ...emptyCounts(), ...nonZero };
}

function sumOfCounts(tally: StatusCounts): number {
  return CELL_KEYS.reduce((sum, key) => sum + tally[key], 0);
}

function current(
  statuses: ReadonlyMap<string, PairStatus>,
  commitmentId: number,
  actorId: number,
  perspective: Perspective,
): CurrentStatus | null {
  return statuses.get(pairKey(commitmentId, actorId))?.[perspective] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Ordering primitives
// ---------------------------------------------------------------------------------------------

describe('pairKey', () => {
  it('identifies a (commitment, actor) pair and tells apart pairs with swapped ids', () => {
    expect(pairKey(1, 10)).toBe(pairKey(1, 10));
    expect(pairKey(1, 10)).not.toBe(pairKey(10, 1));
    expect(pairKey(1, 23)).not.toBe(pairKey(12, 3));
  });
});

describe('compareCurrency and isLater', () => {
  const base = { asOf: '2024-05-01', publishedAt: '2024-05-02T10:00:00.000Z', entryId: 5 };

  it('a later as-of date is more current, whatever the publication date and id', () => {
    const later = { asOf: '2024-05-02', publishedAt: '2020-01-01T00:00:00.000Z', entryId: 1 };
    expect(compareCurrency(later, base)).toBeGreaterThan(0);
    expect(compareCurrency(base, later)).toBeLessThan(0);
    expect(isLater(later, base)).toBe(true);
    expect(isLater(base, later)).toBe(false);
  });

  it('on the same as-of date the later published is more current, whatever the id', () => {
    const laterPublished = {
      asOf: '2024-05-01',
      publishedAt: '2024-05-02T10:00:01.000Z',
      entryId: 1,
    };
    expect(compareCurrency(laterPublished, base)).toBeGreaterThan(0);
    expect(isLater(laterPublished, base)).toBe(true);
    expect(isLater(base, laterPublished)).toBe(false);
  });

  it('on the same as-of date and publication time the higher id is more current', () => {
    const higherId = { ...base, entryId: 6 };
    expect(compareCurrency(higherId, base)).toBeGreaterThan(0);
    expect(isLater(higherId, base)).toBe(true);
    expect(isLater(base, higherId)).toBe(false);
  });

  it('an entry is not later than itself', () => {
    expect(compareCurrency(base, { ...base })).toBe(0);
    expect(isLater(base, { ...base })).toBe(false);
  });
});

describe('counts (whether an entry takes part in the roll-up)', () => {
  it('a published, live entry counts now and on any date on or after its as-of date', () => {
    const live = entry({ asOf: '2024-03-15' });
    expect(counts(live)).toBe(true);
    expect(counts(live, '2024-03-15')).toBe(true);
    expect(counts(live, '2030-01-01')).toBe(true);
  });

  it('an entry does not count as of a date before its as-of date', () => {
    expect(counts(entry({ asOf: '2024-03-15' }), '2024-03-14')).toBe(false);
  });

  it('a withdrawn entry never counts, at any date', () => {
    const withdrawn = entry({ asOf: '2024-03-15', withdrawn: true });
    expect(counts(withdrawn)).toBe(false);
    expect(counts(withdrawn, '2024-03-15')).toBe(false);
    expect(counts(withdrawn, '2030-01-01')).toBe(false);
  });

  it('a superseded entry never counts, at any date', () => {
    const superseded = entry({ asOf: '2024-03-15', superseded: true });
    expect(counts(superseded)).toBe(false);
    expect(counts(superseded, '2024-03-15')).toBe(false);
    expect(counts(superseded, '2030-01-01')).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Current status
// ---------------------------------------------------------------------------------------------

describe('currentStatuses', () => {
  it('gives no status at all for empty input', () => {
    expect(currentStatuses([]).size).toBe(0);
    expect(currentStatuses([], '2024-01-01').size).toBe(0);
  });

  it('the entry with the latest as-of date wins, whatever the input order and publication order', () => {
    const older = entry({
      id: 1,
      status: 'limited',
      asOf: '2024-01-01',
      publishedAt: '2024-06-01T00:00:00.000Z',
    });
    const newer = entry({
      id: 2,
      status: 'substantial',
      asOf: '2024-02-01',
      publishedAt: '2024-02-05T00:00:00.000Z',
    });
    for (const input of [
      [older, newer],
      [newer, older],
    ]) {
      const result = current(currentStatuses(input), 1, 10, 'self');
      expect(result?.status).toBe('substantial');
      expect(result?.entryId).toBe(2);
    }
  });

  it('an entry typed later but describing an earlier date does not replace the current status', () => {
    // as_of is the date the status describes, not the typing date.
    const describesMarch = entry({
      id: 1,
      status: 'complete',
      asOf: '2024-03-01',
      publishedAt: '2024-03-02T00:00:00.000Z',
    });
    const describesJanuary = entry({
      id: 2,
      status: 'not_started',
      asOf: '2024-01-01',
      publishedAt: '2024-09-01T00:00:00.000Z',
    });
    expect(
      current(currentStatuses([describesMarch, describesJanuary]), 1, 10, 'self')?.status,
    ).toBe('complete');
  });

  it('a tie on as-of goes to the later published entry, even when it has the lower id', () => {
    const earlierPublished = entry({
      id: 9,
      status: 'limited',
      asOf: '2024-01-01',
      publishedAt: '2024-01-05T00:00:00.000Z',
    });
    const laterPublished = entry({
      id: 3,
      status: 'complete',
      asOf: '2024-01-01',
      publishedAt: '2024-01-06T00:00:00.000Z',
    });
    for (const input of [
      [earlierPublished, laterPublished],
      [laterPublished, earlierPublished],
    ]) {
      const result = current(currentStatuses(input), 1, 10, 'self');
      expect(result?.status).toBe('complete');
      expect(result?.entryId).toBe(3);
    }
  });

  it('a tie on as-of and publication time goes to the higher id', () => {
    const lowerId = entry({
      id: 4,
      status: 'complete',
      asOf: '2024-01-01',
      publishedAt: '2024-01-05T00:00:00.000Z',
    });
    const higherId = entry({
      id: 7,
      status: 'regressed',
      asOf: '2024-01-01',
      publishedAt: '2024-01-05T00:00:00.000Z',
    });
    for (const input of [
      [lowerId, higherId],
      [higherId, lowerId],
    ]) {
      const result = current(currentStatuses(input), 1, 10, 'self');
      expect(result?.status).toBe('regressed');
      expect(result?.entryId).toBe(7);
    }
  });

  it('keeps the self-reported and the independent current status apart', () => {
    const self = entry({ id: 1, perspective: 'self', status: 'complete', asOf: '2024-01-01' });
    const independent = entry({
      id: 2,
      perspective: 'independent',
      status: 'limited',
      asOf: '2024-06-01',
    });
    const statuses = currentStatuses([self, independent]);
    // The later independent assessment does not replace the self-report, nor the reverse.
    expect(current(statuses, 1, 10, 'self')?.entryId).toBe(1);
    expect(current(statuses, 1, 10, 'independent')?.entryId).toBe(2);
    expect(statuses.size).toBe(1);
  });

  it('a pair with only a self-report has no independent status, and the reverse', () => {
    const statuses = currentStatuses([
      entry({ commitmentId: 1, perspective: 'self', status: 'limited' }),
      entry({ commitmentId: 2, perspective: 'independent', status: 'complete' }),
    ]);
    expect(statuses.get(pairKey(1, 10))?.independent).toBeNull();
    expect(statuses.get(pairKey(2, 10))?.self).toBeNull();
  });

  it('keeps pairs apart: another commitment or another subject is another pair', () => {
    const statuses = currentStatuses([
      entry({ id: 1, commitmentId: 1, subjectId: 10, status: 'limited', asOf: '2024-01-01' }),
      entry({ id: 2, commitmentId: 2, subjectId: 10, status: 'complete', asOf: '2024-05-01' }),
      entry({ id: 3, commitmentId: 1, subjectId: 20, status: 'regressed', asOf: '2024-09-01' }),
    ]);
    expect(statuses.size).toBe(3);
    expect(current(statuses, 1, 10, 'self')?.status).toBe('limited');
    expect(current(statuses, 2, 10, 'self')?.status).toBe('complete');
    expect(current(statuses, 1, 20, 'self')?.status).toBe('regressed');
  });

  it('with several independent reporters on one subject, the latest assessment wins across all of them', () => {
    // Three different organisations assess subject 10 on commitment 1; the reporter is not part of the key.
    const ngo = entry({
      id: 11,
      perspective: 'independent',
      status: 'substantial',
      asOf: '2024-02-01',
    });
    const nhri = entry({
      id: 12,
      perspective: 'independent',
      status: 'not_started',
      asOf: '2024-04-01',
    });
    const unEntity = entry({
      id: 13,
      perspective: 'independent',
      status: 'limited',
      asOf: '2024-03-01',
    });
    const statuses = currentStatuses([ngo, nhri, unEntity]);
    expect(current(statuses, 1, 10, 'independent')?.entryId).toBe(12);
    expect(current(statuses, 1, 10, 'independent')?.status).toBe('not_started');
    expect(current(statuses, 1, 10, 'self')).toBeNull();
  });

  it('a withdrawn entry never counts, even when it is the latest', () => {
    const earlier = entry({ id: 1, status: 'limited', asOf: '2024-01-01' });
    const withdrawnLatest = entry({
      id: 2,
      status: 'complete',
      asOf: '2024-06-01',
      publishedAt: '2024-06-02T00:00:00.000Z',
      withdrawn: true,
    });
    const statuses = currentStatuses([earlier, withdrawnLatest]);
    expect(current(statuses, 1, 10, 'self')?.entryId).toBe(1);
    expect(
      current(currentStatuses([earlier, withdrawnLatest], '2024-12-31'), 1, 10, 'self')?.entryId,
    ).toBe(1);
  });

  it('a pair whose only entry is withdrawn has no status', () => {
    expect(currentStatuses([entry({ withdrawn: true })]).size).toBe(0);
  });

  it('a superseded entry never counts and its correction counts instead', () => {
    const original = entry({
      id: 1,
      status: 'complete',
      asOf: '2024-03-01',
      publishedAt: '2024-03-02T00:00:00.000Z',
      superseded: true,
    });
    const correction = entry({
      id: 2,
      status: 'limited',
      asOf: '2024-03-01',
      publishedAt: '2024-04-10T00:00:00.000Z',
    });
    const result = current(currentStatuses([original, correction]), 1, 10, 'self');
    expect(result?.entryId).toBe(2);
    expect(result?.status).toBe('limited');
  });

  it('a superseded entry does not come back at a date before its correction applies, nor when it has the later as-of date', () => {
    // The correction moved the as-of date back: the original (superseded) says 2024-03-01, the correction 2024-02-01.
    const original = entry({
      id: 1,
      status: 'complete',
      asOf: '2024-03-01',
      publishedAt: '2024-03-02T00:00:00.000Z',
      superseded: true,
    });
    const correction = entry({
      id: 2,
      status: 'limited',
      asOf: '2024-02-01',
      publishedAt: '2024-04-10T00:00:00.000Z',
    });
    expect(current(currentStatuses([original, correction]), 1, 10, 'self')?.entryId).toBe(2);
    expect(
      current(currentStatuses([original, correction], '2024-03-15'), 1, 10, 'self')?.entryId,
    ).toBe(2);
    expect(
      current(currentStatuses([original, correction], '2024-02-15'), 1, 10, 'self')?.entryId,
    ).toBe(2);
    // Before the correction's as-of date: nothing at all, not the superseded original.
    expect(currentStatuses([original, correction], '2024-01-31').size).toBe(0);
  });

  it('a superseded entry does not count even when its correction is itself withdrawn', () => {
    const earlier = entry({ id: 1, status: 'not_started', asOf: '2023-06-01' });
    const original = entry({ id: 2, status: 'complete', asOf: '2024-03-01', superseded: true });
    const withdrawnCorrection = entry({
      id: 3,
      status: 'limited',
      asOf: '2024-03-01',
      withdrawn: true,
    });
    expect(
      current(currentStatuses([earlier, original, withdrawnCorrection]), 1, 10, 'self')?.entryId,
    ).toBe(1);
  });

  it('an as-of date before any entry gives no status', () => {
    const statuses = currentStatuses(
      [entry({ asOf: '2024-01-01' }), entry({ perspective: 'independent', asOf: '2024-02-01' })],
      '2023-12-31',
    );
    expect(statuses.size).toBe(0);
  });

  it("an as-of date equal to an entry's as-of date includes it", () => {
    const statuses = currentStatuses(
      [
        entry({ id: 1, asOf: '2024-01-01' }),
        entry({ id: 2, asOf: '2024-03-01', status: 'complete' }),
      ],
      '2024-03-01',
    );
    expect(current(statuses, 1, 10, 'self')?.entryId).toBe(2);
  });

  it('an as-of date between two entries picks the earlier one', () => {
    const statuses = currentStatuses(
      [
        entry({ id: 1, asOf: '2024-01-01', status: 'limited' }),
        entry({ id: 2, asOf: '2024-03-01', status: 'complete' }),
      ],
      '2024-02-29',
    );
    expect(current(statuses, 1, 10, 'self')?.entryId).toBe(1);
    expect(current(statuses, 1, 10, 'self')?.status).toBe('limited');
  });

  it('the as-of rule applies per perspective: one side may have a status while the other has none yet', () => {
    const statuses = currentStatuses(
      [
        entry({ id: 1, perspective: 'self', asOf: '2024-01-01' }),
        entry({ id: 2, perspective: 'independent', asOf: '2024-05-01' }),
      ],
      '2024-03-01',
    );
    expect(current(statuses, 1, 10, 'self')?.entryId).toBe(1);
    expect(current(statuses, 1, 10, 'independent')).toBeNull();
  });

  it("carries the current entry's as-of date, publication time and adverse-effects flag", () => {
    const result = current(
      currentStatuses([
        entry({
          id: 5,
          status: 'regressed',
          asOf: '2024-02-03',
          publishedAt: '2024-02-04T05:06:07.000Z',
          adverseEffects: true,
        }),
      ]),
      1,
      10,
      'self',
    );
    expect(result).toEqual({
      entryId: 5,
      status: 'regressed',
      asOf: '2024-02-03',
      publishedAt: '2024-02-04T05:06:07.000Z',
      adverseEffects: true,
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Contested
// ---------------------------------------------------------------------------------------------

describe('isContested', () => {
  const ladder: StatusKey[] = ['not_started', 'limited', 'substantial', 'complete'];

  it('the same status on both sides is never contested, regressed included', () => {
    for (const status of STATUS_KEYS) expect(isContested(status, status), status).toBe(false);
  });

  it('both sides saying regressed agree', () => {
    expect(isContested('regressed', 'regressed')).toBe(false);
  });

  it('statuses one step apart are not contested, in either direction', () => {
    const oneStep: [StatusKey, StatusKey][] = [
      ['not_started', 'limited'],
      ['limited', 'substantial'],
      ['substantial', 'complete'],
    ];
    for (const [a, b] of oneStep) {
      expect(isContested(a, b), `${a} / ${b}`).toBe(false);
      expect(isContested(b, a), `${b} / ${a}`).toBe(false);
    }
  });

  it('statuses two or more steps apart are contested, in either direction', () => {
    const twoOrMore: [StatusKey, StatusKey][] = [
      ['not_started', 'substantial'], // 2 steps
      ['limited', 'complete'], // 2 steps
      ['not_started', 'complete'], // 3 steps
    ];
    for (const [a, b] of twoOrMore) {
      expect(isContested(a, b), `${a} / ${b}`).toBe(true);
      expect(isContested(b, a), `${b} / ${a}`).toBe(true);
    }
  });

  it('every pair of ladder statuses is contested exactly when they are 2+ steps apart', () => {
    for (let i = 0; i < ladder.length; i += 1) {
      for (let j = 0; j < ladder.length; j += 1) {
        const a = ladder[i] as StatusKey;
        const b = ladder[j] as StatusKey;
        expect(isContested(a, b), `${a} / ${b}`).toBe(Math.abs(i - j) >= 2);
      }
    }
  });

  it('regressed on exactly one side is contested, whatever the other side says', () => {
    for (const other of STATUS_KEYS.filter((status) => status !== 'regressed')) {
      expect(isContested('regressed', other), `regressed / ${other}`).toBe(true);
      expect(isContested(other, 'regressed'), `${other} / regressed`).toBe(true);
    }
  });

  it('regressed against not_started is contested although both score 0', () => {
    expect(isContested('regressed', 'not_started')).toBe(true);
    expect(isContested('not_started', 'regressed')).toBe(true);
  });

  it('unable_to_assess against anything but regressed is not contested', () => {
    for (const other of [...ladder, 'unable_to_assess'] as StatusKey[]) {
      expect(isContested('unable_to_assess', other), `unable_to_assess / ${other}`).toBe(false);
      expect(isContested(other, 'unable_to_assess'), `${other} / unable_to_assess`).toBe(false);
    }
  });

  it('a missing side is never contested, not even against regressed', () => {
    for (const status of STATUS_KEYS) {
      expect(isContested(status, null)).toBe(false);
      expect(isContested(null, status)).toBe(false);
      expect(isContested(status, undefined)).toBe(false);
      expect(isContested(undefined, status)).toBe(false);
    }
    expect(isContested(null, null)).toBe(false);
    expect(isContested(undefined, undefined)).toBe(false);
  });
});

describe('farApart', () => {
  it('dates exactly 12 months apart are not far apart; a day more is', () => {
    expect(farApart('2023-06-30', '2024-06-30')).toBe(false);
    expect(farApart('2023-06-29', '2024-06-30')).toBe(true);
  });

  it('is the same whichever side is earlier', () => {
    expect(farApart('2024-06-30', '2023-06-29')).toBe(true);
    expect(farApart('2024-06-30', '2023-06-30')).toBe(false);
  });

  it('follows the stale rule at the end of a shorter month', () => {
    // A year before 2024-02-29 is 2023-02-28 (that month's last day).
    expect(farApart('2023-02-28', '2024-02-29')).toBe(false);
    expect(farApart('2023-02-27', '2024-02-29')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Stale
// ---------------------------------------------------------------------------------------------

describe('staleBefore and isStale', () => {
  it('the default stale age is 12 months', () => {
    expect(DEFAULT_STALE_MONTHS).toBe(12);
  });

  it('is the same day twelve months earlier', () => {
    expect(staleBefore('2026-11-28')).toBe('2025-11-28');
    expect(staleBefore('2025-03-31')).toBe('2024-03-31');
  });

  it('crosses a year boundary', () => {
    expect(staleBefore('2026-01-15')).toBe('2025-01-15');
    expect(staleBefore('2026-12-31')).toBe('2025-12-31');
  });

  it('clamps 29 February to the end of February of a non-leap year', () => {
    expect(staleBefore('2024-02-29')).toBe('2023-02-28');
  });

  it('clamps the day to the end of a shorter month for other ages', () => {
    // 2024-05-31 minus 3 months is February 2024, which has 29 days.
    expect(staleBefore('2024-05-31', 3)).toBe('2024-02-29');
    // 2023-12-31 minus 6 months is June 2023, which has 30 days.
    expect(staleBefore('2023-12-31', 6)).toBe('2023-06-30');
  });

  it('a status exactly on staleBefore is not stale; one day earlier is', () => {
    const before = staleBefore('2026-11-28'); // 2025-11-28
    expect(isStale({ asOf: '2025-11-28' }, before)).toBe(false);
    expect(isStale({ asOf: '2025-11-27' }, before)).toBe(true);
    expect(isStale({ asOf: '2026-11-28' }, before)).toBe(false);
  });

  it('the 12-month boundary holds across the end of a leap February', () => {
    const before = staleBefore('2024-02-29'); // 2023-02-28
    expect(isStale({ asOf: '2023-02-28' }, before)).toBe(false);
    expect(isStale({ asOf: '2023-02-27' }, before)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Scores
// ---------------------------------------------------------------------------------------------

describe('emptyCounts', () => {
  it('has every cell key, including no_report, at 0', () => {
    const tally = emptyCounts();
    expect(Object.keys(tally)).toEqual([...CELL_KEYS]); // the order of the API's counts
    expect(tally.no_report).toBe(0);
    for (const key of CELL_KEYS) expect(tally[key]).toBe(0);
  });

  it('returns a fresh object each time', () => {
    const a = emptyCounts();
    a.complete = 3;
    expect(emptyCounts().complete).toBe(0);
  });
});

describe('meanScore', () => {
  it('scores the ladder 0, 1/3, 2/3 and 1', () => {
    expect(meanScore(['not_started'])).toEqual({ score: 0, scored: 1 });
    expect(meanScore(['limited']).score).toBeCloseTo(1 / 3, 12);
    expect(meanScore(['substantial']).score).toBeCloseTo(2 / 3, 12);
    expect(meanScore(['complete'])).toEqual({ score: 1, scored: 1 });
  });

  it('regressed scores 0 and is part of the mean', () => {
    expect(meanScore(['regressed'])).toEqual({ score: 0, scored: 1 });
    // (0 + 1) / 2
    expect(meanScore(['regressed', 'complete'])).toEqual({ score: 0.5, scored: 2 });
  });

  it('unable_to_assess is left out of the mean', () => {
    // (1 + 1/3) / 2 = 2/3; unable_to_assess neither adds 0 nor counts in the divisor
    const result = meanScore(['unable_to_assess', 'complete', 'limited']);
    expect(result.scored).toBe(2);
    expect(result.score).toBeCloseTo(2 / 3, 12);
  });

  it('the mean of every ladder status plus regressed', () => {
    // (0 + 1/3 + 2/3 + 1 + 0) / 5 = 2/5
    const result = meanScore(['not_started', 'limited', 'substantial', 'complete', 'regressed']);
    expect(result.scored).toBe(5);
    expect(result.score).toBeCloseTo(2 / 5, 12);
  });

  it('has no score when nothing is scored', () => {
    expect(meanScore([])).toEqual({ score: null, scored: 0 });
    expect(meanScore(['unable_to_assess', 'unable_to_assess'])).toEqual({ score: null, scored: 0 });
  });
});

// ---------------------------------------------------------------------------------------------
// summarize
// ---------------------------------------------------------------------------------------------

/**
 * Three actors (10, 20, 30), three commitments (1, 2, 3), seven applicable pairs. View date
 * 2024-12-31, so staleBefore = 2023-12-31.
 *
 * pair   | self                               | independent
 * 1:10   | complete     2024-06-01            | substantial 2024-07-01          -> 1 step, not contested
 * 2:10   | limited      2022-01-01 (stale)    | regressed   2024-05-01 adverse  -> contested
 * 3:10   | unable_to_assess 2024-03-01        | -                               -> missing side
 * 1:20   | regressed    2024-02-01 adverse    | complete    2024-08-01          -> contested
 * 2:20   | -                                  | not_started 2023-12-30 (stale)
 * 3:20   | -                                  | -
 * 1:30   | -                                  | limited     2023-12-31 (on the boundary, not stale)
 *
 * Noise that must not count: a withdrawn later self 'complete' on 2:10, a superseded self
 * 'complete' on 3:20, an adverse entry on 9:10 (not an applicable pair), an entry dated after the
 * view date on 3:20.
 */
const summaryEntries: RollupEntry[] = [
  entry({
    commitmentId: 1,
    subjectId: 10,
    perspective: 'self',
    status: 'complete',
    asOf: '2024-06-01',
  }),
  entry({
    commitmentId: 1,
    subjectId: 10,
    perspective: 'independent',
    status: 'substantial',
    asOf: '2024-07-01',
  }),
  entry({
    commitmentId: 2,
    subjectId: 10,
    perspective: 'self',
    status: 'limited',
    asOf: '2022-01-01',
  }),
  entry({
    commitmentId: 2,
    subjectId: 10,
    perspective: 'self',
    status: 'complete',
    asOf: '2024-10-01',
    withdrawn: true,
  }),
  entry({
    commitmentId: 2,
    subjectId: 10,
    perspective: 'independent',
    status: 'regressed',
    asOf: '2024-05-01',
    adverseEffects: true,
  }),
  entry({
    commitmentId: 3,
    subjectId: 10,
    perspective: 'self',
    status: 'unable_to_assess',
    asOf: '2024-03-01',
  }),
  entry({
    commitmentId: 1,
    subjectId: 20,
    perspective: 'self',
    status: 'regressed',
    asOf: '2024-02-01',
    adverseEffects: true,
  }),
  entry({
    commitmentId: 1,
    subjectId: 20,
    perspective: 'independent',
    status: 'complete',
    asOf: '2024-08-01',
  }),
  entry({
    commitmentId: 2,
    subjectId: 20,
    perspective: 'independent',
    status: 'not_started',
    asOf: '2023-12-30',
  }),
  entry({
    commitmentId: 3,
    subjectId: 20,
    perspective: 'self',
    status: 'complete',
    asOf: '2024-01-01',
    superseded: true,
    adverseEffects: true,
  }),
  entry({
    commitmentId: 3,
    subjectId: 20,
    perspective: 'self',
    status: 'complete',
    asOf: '2025-01-01',
    adverseEffects: true,
  }),
  entry({
    commitmentId: 1,
    subjectId: 30,
    perspective: 'independent',
    status: 'limited',
    asOf: '2023-12-31',
  }),
  entry({
    commitmentId: 9,
    subjectId: 10,
    perspective: 'self',
    status: 'regressed',
    asOf: '2024-01-01',
    adverseEffects: true,
  }),
];
const summaryPairs: Pair[] = [
  pair(1, 10),
  pair(2, 10),
  pair(3, 10),
  pair(1, 20),
  pair(2, 20),
  pair(3, 20),
  pair(1, 30),
];
const SUMMARY_DATE = '2024-12-31';

describe('summarize', () => {
  const statuses = currentStatuses(summaryEntries, SUMMARY_DATE);
  const before = staleBefore(SUMMARY_DATE);

  it("the fixture's stale boundary is 2023-12-31", () => {
    expect(before).toBe('2023-12-31');
  });

  it('self-reported figures: coverage n/m, score over scored statuses, flags', () => {
    const figures = summarize(summaryPairs, statuses, { perspective: 'self', staleBefore: before });
    expect(figures.pairs).toBe(7);
    // reported: 1:10 complete, 2:10 limited, 3:10 unable_to_assess, 1:20 regressed
    expect(figures.reported).toBe(4);
    // 4 / 7
    expect(figures.coverage).toBeCloseTo(4 / 7, 12);
    // (1 + 1/3 + 0) / 3: unable_to_assess excluded, regressed counts as 0
    expect(figures.scored).toBe(3);
    expect(figures.score).toBeCloseTo(4 / 9, 12);
    expect(figures.commitments).toBe(3);
    expect(figures.actors).toBe(3);
    // actors 10 and 20 have a self-report; 30 has none
    expect(figures.actorsReporting).toBe(2);
    // 2:10 (limited vs regressed) and 1:20 (regressed vs complete)
    expect(figures.contested).toBe(2);
    // 2:10 self as of 2022-01-01 < 2023-12-31
    expect(figures.stale).toBe(1);
    // 1:20
    expect(figures.regressed).toBe(1);
    // 1:20 self + 2:10 independent; not the superseded/late 3:20 ones, not 9:10 (no applicable pair)
    expect(figures.adverseEffects).toBe(2);
  });

  it('independent figures: the same pairs give another coverage and score but the same contested count', () => {
    const figures = summarize(summaryPairs, statuses, {
      perspective: 'independent',
      staleBefore: before,
    });
    expect(figures.pairs).toBe(7);
    // reported: 1:10 substantial, 2:10 regressed, 1:20 complete, 2:20 not_started, 1:30 limited
    expect(figures.reported).toBe(5);
    // 5 / 7
    expect(figures.coverage).toBeCloseTo(5 / 7, 12);
    // (2/3 + 0 + 1 + 0 + 1/3) / 5 = 2/5
    expect(figures.scored).toBe(5);
    expect(figures.score).toBeCloseTo(2 / 5, 12);
    expect(figures.actors).toBe(3);
    // 10, 20 and 30 all have an independent assessment
    expect(figures.actorsReporting).toBe(3);
    // contested is computed from both sides, whatever the perspective
    expect(figures.contested).toBe(2);
    // 2:20 as of 2023-12-30 < 2023-12-31; 1:30 on 2023-12-31 is not stale
    expect(figures.stale).toBe(1);
    // 2:10
    expect(figures.regressed).toBe(1);
    // adverse effects count current entries of either perspective: unchanged
    expect(figures.adverseEffects).toBe(2);
  });

  it('switching perspective changes reported and score but never contested nor adverse effects', () => {
    const self = summarize(summaryPairs, statuses, { perspective: 'self', staleBefore: before });
    const independent = summarize(summaryPairs, statuses, {
      perspective: 'independent',
      staleBefore: before,
    });
    expect(self.reported).not.toBe(independent.reported);
    expect(self.score).not.toBeCloseTo(independent.score as number, 6);
    expect(self.contested).toBe(independent.contested);
    expect(self.adverseEffects).toBe(independent.adverseEffects);
    expect(self.pairs).toBe(independent.pairs);
  });

  it('"now" includes the entry dated after the view date and its adverse effect', () => {
    // Without a date, 3:20 self is the 2025-01-01 complete with adverse effects.
    const figures = summarize(summaryPairs, currentStatuses(summaryEntries), {
      perspective: 'self',
      staleBefore: before,
    });
    // 4 + 1
    expect(figures.reported).toBe(5);
    // (1 + 1/3 + 0 + 1) / 4 = 7/12
    expect(figures.score).toBeCloseTo(7 / 12, 12);
    // 2 + 1
    expect(figures.adverseEffects).toBe(3);
  });

  it('an empty pair set has no coverage, no score and all counts 0', () => {
    expect(summarize([], statuses, { perspective: 'self', staleBefore: before })).toEqual({
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
    });
  });

  it('pairs with no report count in pairs but neither in reported nor in the score', () => {
    // 3:20 has no self status as of the view date; 2:20 has none either.
    const figures = summarize([pair(1, 10), pair(2, 20), pair(3, 20)], statuses, {
      perspective: 'self',
      staleBefore: before,
    });
    expect(figures.pairs).toBe(3);
    expect(figures.reported).toBe(1);
    // 1 / 3
    expect(figures.coverage).toBeCloseTo(1 / 3, 12);
    // complete only: 1 / 1, not (1 + 0 + 0) / 3
    expect(figures.score).toBe(1);
    expect(figures.scored).toBe(1);
  });

  it('when every reported status is unable_to_assess there is coverage but no score', () => {
    const own = currentStatuses([
      entry({ commitmentId: 1, subjectId: 10, status: 'unable_to_assess' }),
    ]);
    const figures = summarize([pair(1, 10), pair(2, 10)], own, {
      perspective: 'self',
      staleBefore: '2000-01-01',
    });
    expect(figures.reported).toBe(1);
    // 1 / 2
    expect(figures.coverage).toBe(0.5);
    expect(figures.score).toBeNull();
    expect(figures.scored).toBe(0);
  });

  it('a set where no pair has a report has coverage 0 (not null) and no score', () => {
    const figures = summarize([pair(3, 20)], statuses, {
      perspective: 'independent',
      staleBefore: before,
    });
    expect(figures.pairs).toBe(1);
    expect(figures.reported).toBe(0);
    expect(figures.coverage).toBe(0);
    expect(figures.score).toBeNull();
    expect(figures.actorsReporting).toBe(0);
    expect(figures.actors).toBe(1);
  });

  it('counts actors and commitments once each, however many pairs they have', () => {
    const figures = summarize([pair(1, 10), pair(2, 10), pair(3, 10)], statuses, {
      perspective: 'self',
      staleBefore: before,
    });
    expect(figures.actors).toBe(1);
    expect(figures.commitments).toBe(3);
    expect(figures.actorsReporting).toBe(1);
  });

  it('stale, regressed and contested counts follow the chosen staleBefore, not a fixed date', () => {
    // Stale age 36 months: staleBefore('2024-12-31', 36) = 2021-12-31, so 2:10 (2022-01-01) is no longer stale.
    const figures = summarize(summaryPairs, statuses, {
      perspective: 'self',
      staleBefore: staleBefore(SUMMARY_DATE, 36),
    });
    expect(staleBefore(SUMMARY_DATE, 36)).toBe('2021-12-31');
    expect(figures.stale).toBe(0);
    expect(figures.regressed).toBe(1);
    expect(figures.contested).toBe(2);
  });

  it('a contested pair is counted even when the chosen perspective has nothing to report on other pairs', () => {
    // Only 1:20 (regressed self vs complete independent): contested 1, from either perspective.
    for (const perspective of ['self', 'independent'] as const) {
      expect(
        summarize([pair(1, 20)], statuses, { perspective, staleBefore: before }).contested,
      ).toBe(1);
    }
  });

  it('adverse effects count each current entry with the flag, one per perspective', () => {
    const own = currentStatuses([
      entry({
        commitmentId: 1,
        subjectId: 10,
        perspective: 'self',
        status: 'complete',
        adverseEffects: true,
      }),
      entry({
        commitmentId: 1,
        subjectId: 10,
        perspective: 'independent',
        status: 'regressed',
        adverseEffects: true,
      }),
      // an older adverse entry that is no longer current
      entry({
        commitmentId: 2,
        subjectId: 10,
        perspective: 'self',
        status: 'limited',
        asOf: '2023-01-01',
        adverseEffects: true,
      }),
      entry({
        commitmentId: 2,
        subjectId: 10,
        perspective: 'self',
        status: 'limited',
        asOf: '2023-06-01',
        adverseEffects: false,
      }),
    ]);
    // 1:10 self + 1:10 independent; 2:10's current self entry has no adverse effects
    expect(
      summarize([pair(1, 10), pair(2, 10)], own, { perspective: 'self', staleBefore: '2000-01-01' })
        .adverseEffects,
    ).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------------
// groupRows
// ---------------------------------------------------------------------------------------------

describe('groupRows', () => {
  /**
   * Commitment 1 serves objectives 5 and 7, commitment 2 objective 7, commitment 3 objective 9.
   * Self statuses: 1:10 complete, 2:10 limited, 1:20 unable_to_assess, 2:20 none, 3:20 none,
   * 3:10 regressed.
   */
  const statuses = currentStatuses([
    entry({ commitmentId: 1, subjectId: 10, status: 'complete' }),
    entry({ commitmentId: 2, subjectId: 10, status: 'limited' }),
    entry({ commitmentId: 1, subjectId: 20, status: 'unable_to_assess' }),
    entry({ commitmentId: 2, subjectId: 20, perspective: 'independent', status: 'complete' }),
    entry({ commitmentId: 3, subjectId: 10, status: 'regressed' }),
  ]);
  const pairs = [pair(1, 10), pair(2, 10), pair(3, 10), pair(1, 20), pair(2, 20), pair(3, 20)];
  const objectives: Record<number, number[]> = { 1: [5, 7], 2: [7], 3: [9] };
  const byObjective = (p: Pair) =>
    (objectives[p.commitmentId] ?? []).map((n) => ({ key: String(n), label: `Objective ${n}` }));
  const byActor = (p: Pair) => [{ key: String(p.actorId), label: `Actor ${p.actorId}` }];

  function row(rows: ReturnType<typeof groupRows>, key: string) {
    const found = rows.find((r) => r.key === key);
    if (!found) throw new Error(`no row ${key}`);
    return found;
  }

  it('counts each cell per group, no_report included', () => {
    const rows = groupRows(pairs, statuses, 'self', byObjective);
    expect(rows.map((r) => r.key).sort()).toEqual(['5', '7', '9']);
    // objective 5: 1:10 complete, 1:20 unable_to_assess
    expect(row(rows, '5').counts).toEqual(countsOf({ complete: 1, unable_to_assess: 1 }));
    // objective 7: 1:10 complete, 2:10 limited, 1:20 unable_to_assess, 2:20 no self report
    expect(row(rows, '7').counts).toEqual(
      countsOf({ complete: 1, limited: 1, unable_to_assess: 1, no_report: 1 }),
    );
    // objective 9: 3:10 regressed, 3:20 no report
    expect(row(rows, '9').counts).toEqual(countsOf({ regressed: 1, no_report: 1 }));
    expect(row(rows, '7').label).toBe('Objective 7');
  });

  it('a pair in two groups is counted in both', () => {
    const rows = groupRows([pair(1, 10)], statuses, 'self', byObjective);
    expect(row(rows, '5').counts.complete).toBe(1);
    expect(row(rows, '7').counts.complete).toBe(1);
    expect(row(rows, '5').pairs).toBe(1);
    expect(row(rows, '7').pairs).toBe(1);
  });

  it('pairs, reported and score per group', () => {
    const rows = groupRows(pairs, statuses, 'self', byObjective);
    expect(row(rows, '5')).toMatchObject({ pairs: 2, reported: 2 });
    // (1) / 1: unable_to_assess is reported but not scored
    expect(row(rows, '5').score).toBe(1);
    expect(row(rows, '7')).toMatchObject({ pairs: 4, reported: 3 });
    // (1 + 1/3) / 2
    expect(row(rows, '7').score).toBeCloseTo(2 / 3, 12);
    expect(row(rows, '9')).toMatchObject({ pairs: 2, reported: 1 });
    // regressed scores 0; no report is not a 0
    expect(row(rows, '9').score).toBe(0);
  });

  it('in every row the counts add up to the pairs, and the non-no_report counts to reported', () => {
    for (const perspective of ['self', 'independent'] as const) {
      for (const r of [
        ...groupRows(pairs, statuses, perspective, byObjective),
        ...groupRows(pairs, statuses, perspective, byActor),
      ]) {
        expect(sumOfCounts(r.counts)).toBe(r.pairs);
        expect(r.pairs - r.counts.no_report).toBe(r.reported);
      }
    }
  });

  it('a group whose pairs have no report has score null, reported 0 and no_report equal to pairs', () => {
    // From the independent perspective actor 10 has nothing at all.
    const rows = groupRows(pairs, statuses, 'independent', byActor);
    const actor10 = row(rows, '10');
    expect(actor10.pairs).toBe(3);
    expect(actor10.reported).toBe(0);
    expect(actor10.score).toBeNull();
    expect(actor10.counts).toEqual(countsOf({ no_report: 3 }));
    // Actor 20: 2:20 complete independent, 1:20 and 3:20 none -> score 1 / 1
    expect(row(rows, '20')).toMatchObject({
      pairs: 3,
      reported: 1,
      score: 1,
      counts: countsOf({ complete: 1, no_report: 2 }),
    });
  });

  it('by actor from the self perspective', () => {
    const rows = groupRows(pairs, statuses, 'self', byActor);
    // actor 10: complete, limited, regressed -> (1 + 1/3 + 0) / 3 = 4/9
    expect(row(rows, '10').counts).toEqual(countsOf({ complete: 1, limited: 1, regressed: 1 }));
    expect(row(rows, '10').reported).toBe(3);
    expect(row(rows, '10').score).toBeCloseTo(4 / 9, 12);
    // actor 20: unable_to_assess, no report, no report -> reported 1, score null
    expect(row(rows, '20')).toMatchObject({
      pairs: 3,
      reported: 1,
      score: null,
      counts: countsOf({ unable_to_assess: 1, no_report: 2 }),
    });
  });

  it('a pair in no group is in no row, and no pairs give no rows', () => {
    expect(groupRows(pairs, statuses, 'self', () => [])).toEqual([]);
    expect(groupRows([], statuses, 'self', byActor)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// quarterEnds
// ---------------------------------------------------------------------------------------------

describe('quarterEnds', () => {
  it('runs from the quarter of `from` to `to`, cutting the last quarter at `to`', () => {
    expect(quarterEnds('2019-02-10', '2019-08-15')).toEqual([
      { period: '2019-Q1', date: '2019-03-31' },
      { period: '2019-Q2', date: '2019-06-30' },
      { period: '2019-Q3', date: '2019-08-15' },
    ]);
  });

  it('from == to gives one point, on that date', () => {
    expect(quarterEnds('2019-05-05', '2019-05-05')).toEqual([
      { period: '2019-Q2', date: '2019-05-05' },
    ]);
  });

  it('a `to` exactly on a quarter end closes that quarter and adds no empty next quarter', () => {
    expect(quarterEnds('2019-01-01', '2019-06-30')).toEqual([
      { period: '2019-Q1', date: '2019-03-31' },
      { period: '2019-Q2', date: '2019-06-30' },
    ]);
  });

  it('a `from` exactly on a quarter end starts with that quarter', () => {
    expect(quarterEnds('2019-03-31', '2019-04-01')).toEqual([
      { period: '2019-Q1', date: '2019-03-31' },
      { period: '2019-Q2', date: '2019-04-01' },
    ]);
  });

  it('crosses a year end, with Q4 ending on 31 December', () => {
    expect(quarterEnds('2019-11-05', '2020-02-01')).toEqual([
      { period: '2019-Q4', date: '2019-12-31' },
      { period: '2020-Q1', date: '2020-02-01' },
    ]);
  });

  it('covers a full year with the four quarter ends', () => {
    expect(quarterEnds('2020-01-01', '2020-12-31').map((q) => q.date)).toEqual([
      '2020-03-31',
      '2020-06-30',
      '2020-09-30',
      '2020-12-31',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// statusOverTime
// ---------------------------------------------------------------------------------------------

describe('statusOverTime', () => {
  /**
   * Pairs 1:10, 2:10, 3:10. Periods 2019-Q1 (03-31), Q2 (06-30), Q3 (cut at 08-15).
   * Self:
   *   1:10 limited 2019-02-15, complete 2019-08-01
   *   2:10 not_started 2019-04-01 superseded by substantial 2019-04-01; regressed 2019-05-10 withdrawn
   *   3:10 nothing (an independent complete 2019-03-01 only)
   *   4:10 complete 2019-01-15, not an applicable pair
   */
  const pairs = [pair(1, 10), pair(2, 10), pair(3, 10)];
  const entries: RollupEntry[] = [
    entry({ commitmentId: 1, status: 'complete', asOf: '2019-08-01' }),
    entry({ commitmentId: 1, status: 'limited', asOf: '2019-02-15' }),
    entry({
      commitmentId: 2,
      status: 'not_started',
      asOf: '2019-04-01',
      publishedAt: '2019-04-02T00:00:00.000Z',
      superseded: true,
    }),
    entry({
      commitmentId: 2,
      status: 'substantial',
      asOf: '2019-04-01',
      publishedAt: '2019-04-20T00:00:00.000Z',
    }),
    entry({ commitmentId: 2, status: 'regressed', asOf: '2019-05-10', withdrawn: true }),
    entry({ commitmentId: 3, perspective: 'independent', status: 'complete', asOf: '2019-03-01' }),
    entry({ commitmentId: 4, status: 'complete', asOf: '2019-01-15' }),
  ];
  const periods = quarterEnds('2019-02-10', '2019-08-15');

  it("shows each pair's status as of each period end, carrying a Q1 status through Q2", () => {
    const points = statusOverTime(pairs, entries, 'self', periods);
    expect(points.map((p) => [p.period, p.date])).toEqual([
      ['2019-Q1', '2019-03-31'],
      ['2019-Q2', '2019-06-30'],
      ['2019-Q3', '2019-08-15'],
    ]);
    const [q1, q2, q3] = points;
    // Q1: 1:10 limited; 2:10 and 3:10 nothing yet
    expect(q1?.counts).toEqual(countsOf({ limited: 1, no_report: 2 }));
    expect(q1?.reported).toBe(1);
    // 1/3 / 1
    expect(q1?.score).toBeCloseTo(1 / 3, 12);
    // Q2: 1:10 still limited (reported in Q1); 2:10 the correction, substantial; the withdrawn regressed ignored
    expect(q2?.counts).toEqual(countsOf({ limited: 1, substantial: 1, no_report: 1 }));
    expect(q2?.reported).toBe(2);
    // (1/3 + 2/3) / 2
    expect(q2?.score).toBeCloseTo(1 / 2, 12);
    // Q3: 1:10 changed to complete on 08-01
    expect(q3?.counts).toEqual(countsOf({ complete: 1, substantial: 1, no_report: 1 }));
    expect(q3?.reported).toBe(2);
    // (1 + 2/3) / 2
    expect(q3?.score).toBeCloseTo(5 / 6, 12);
  });

  it('counts only the chosen perspective', () => {
    const points = statusOverTime(pairs, entries, 'independent', periods);
    // 3:10 independent complete from 2019-03-01 on; nothing else
    for (const point of points) {
      expect(point.counts).toEqual(countsOf({ complete: 1, no_report: 2 }));
      expect(point.reported).toBe(1);
      expect(point.score).toBe(1);
    }
  });

  it('every point totals the number of pairs, and pairs without anything yet are no_report', () => {
    const points = statusOverTime(pairs, entries, 'self', quarterEnds('2018-01-01', '2019-08-15'));
    for (const point of points) {
      expect(point.pairs).toBe(3);
      expect(sumOfCounts(point.counts)).toBe(3);
    }
    // 2018 quarters: nothing reported yet, no score, not 0
    const first = points[0];
    expect(first?.counts).toEqual(countsOf({ no_report: 3 }));
    expect(first?.reported).toBe(0);
    expect(first?.score).toBeNull();
  });

  it('a withdrawn or superseded entry never shows, even in the period it falls in', () => {
    // Only the withdrawn and the superseded entries of 2:10.
    const onlyDead = entries.filter((e) => e.withdrawn || e.superseded);
    const points = statusOverTime([pair(2, 10)], onlyDead, 'self', periods);
    for (const point of points) expect(point.counts).toEqual(countsOf({ no_report: 1 }));
  });

  it('ties on as-of within a period go to the later published, then the higher id, whatever the input order', () => {
    const a = entry({
      id: 1,
      commitmentId: 1,
      status: 'complete',
      asOf: '2019-03-01',
      publishedAt: '2019-03-05T00:00:00.000Z',
    });
    const b = entry({
      id: 2,
      commitmentId: 1,
      status: 'limited',
      asOf: '2019-03-01',
      publishedAt: '2019-03-04T00:00:00.000Z',
    });
    const c = entry({
      id: 3,
      commitmentId: 2,
      status: 'limited',
      asOf: '2019-03-01',
      publishedAt: '2019-03-04T00:00:00.000Z',
    });
    const d = entry({
      id: 4,
      commitmentId: 2,
      status: 'substantial',
      asOf: '2019-03-01',
      publishedAt: '2019-03-04T00:00:00.000Z',
    });
    for (const input of [
      [a, b, c, d],
      [d, c, b, a],
    ]) {
      const [q1] = statusOverTime(
        [pair(1, 10), pair(2, 10)],
        input,
        'self',
        quarterEnds('2019-01-01', '2019-03-31'),
      );
      // 1:10 -> a (later published), 2:10 -> d (higher id)
      expect(q1?.counts).toEqual(countsOf({ complete: 1, substantial: 1 }));
    }
  });

  it('an entry dated exactly on a period end counts in that period', () => {
    const onEnd = entry({ commitmentId: 1, status: 'substantial', asOf: '2019-06-30' });
    const [, q2] = statusOverTime(
      [pair(1, 10)],
      [onEnd],
      'self',
      quarterEnds('2019-01-01', '2019-06-30'),
    );
    expect(q2?.counts).toEqual(countsOf({ substantial: 1 }));
  });

  it('each point equals the counts of currentStatuses as of its date', () => {
    const points = statusOverTime(pairs, entries, 'self', periods);
    for (const point of points) {
      const [row] = groupRows(pairs, currentStatuses(entries, point.date), 'self', () => [
        { key: 'all', label: 'All' },
      ]);
      expect(point.counts).toEqual(row?.counts);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Property: the roll-up equals a brute-force recomputation
// ---------------------------------------------------------------------------------------------

function randomEntries(seed: number, count: number): RollupEntry[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  // Few dates and publication times, so ties on as_of and on published_at are common.
  const dates = [
    '2019-01-15',
    '2019-03-31',
    '2019-04-01',
    '2019-07-20',
    '2019-12-31',
    '2020-02-29',
    '2020-06-30',
    '2020-09-10',
    '2021-01-01',
    '2021-05-05',
  ];
  const published = [
    '2021-06-01T08:00:00.000Z',
    '2021-06-01T09:00:00.000Z',
    '2021-06-02T08:00:00.000Z',
  ];
  // Ids are a shuffled permutation, so id order is unrelated to input order.
  const ids = Array.from({ length: count }, (_, i) => i + 1);
  for (let i = ids.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [ids[i], ids[j]] = [ids[j] as number, ids[i] as number];
  }
  return ids.map((id) => ({
    id,
    commitmentId: 1 + Math.floor(random() * 3),
    subjectId: 1 + Math.floor(random() * 3),
    perspective: random() < 0.5 ? 'self' : 'independent',
    status: pick(STATUS_KEYS),
    asOf: pick(dates),
    publishedAt: pick(published),
    adverseEffects: random() < 0.2,
    withdrawn: random() < 0.1,
    superseded: random() < 0.1,
  }));
}

/** Independent of the module: filter, then take the max by (asOf, publishedAt, id). */
function bruteForce(
  entries: readonly RollupEntry[],
  asOf: string | undefined,
): Record<string, { self: number | null; independent: number | null }> {
  const newest = (perspective: Perspective, c: number, s: number): RollupEntry | null => {
    const eligible = entries.filter(
      (e) =>
        e.commitmentId === c &&
        e.subjectId === s &&
        e.perspective === perspective &&
        !e.withdrawn &&
        !e.superseded &&
        (asOf === undefined || e.asOf <= asOf),
    );
    let best: RollupEntry | null = null;
    for (const e of eligible) {
      const wins =
        best === null ||
        e.asOf > best.asOf ||
        (e.asOf === best.asOf &&
          (e.publishedAt > best.publishedAt ||
            (e.publishedAt === best.publishedAt && e.id > best.id)));
      if (wins) best = e;
    }
    return best;
  };
  const result: Record<string, { self: number | null; independent: number | null }> = {};
  for (let c = 1; c <= 3; c += 1) {
    for (let s = 1; s <= 3; s += 1) {
      const self = newest('self', c, s);
      const independent = newest('independent', c, s);
      if (self || independent)
        result[`${c}:${s}`] = { self: self?.id ?? null, independent: independent?.id ?? null };
    }
  }
  return result;
}

function asIds(
  statuses: ReadonlyMap<string, PairStatus>,
): Record<string, { self: number | null; independent: number | null }> {
  const result: Record<string, { self: number | null; independent: number | null }> = {};
  for (const [key, both] of statuses)
    result[key] = {
      self: both.self?.entryId ?? null,
      independent: both.independent?.entryId ?? null,
    };
  return result;
}

describe('property: roll-up against a brute-force recomputation', () => {
  const entries = randomEntries(20_260_512, 200);
  const byId = new Map(entries.map((e) => [e.id, e]));
  // All nine pairs that have entries, plus one applicable pair nobody reported on.
  const pairs: Pair[] = [];
  for (let c = 1; c <= 3; c += 1) for (let s = 1; s <= 3; s += 1) pairs.push(pair(c, s));
  pairs.push(pair(4, 4));
  const dates = [
    '2018-12-31',
    '2019-01-15',
    '2019-03-31',
    '2019-06-30',
    '2019-12-31',
    '2020-02-29',
    '2020-08-01',
    '2021-05-05',
    '2022-01-01',
  ];

  it('the generated fixture exercises ties, withdrawals and supersessions', () => {
    const withdrawn = entries.filter((e) => e.withdrawn).length;
    const superseded = entries.filter((e) => e.superseded).length;
    expect(entries).toHaveLength(200);
    expect(withdrawn).toBeGreaterThan(5);
    expect(superseded).toBeGreaterThan(5);
    const tieKeys = new Set<string>();
    let ties = 0;
    for (const e of entries) {
      const key = `${e.commitmentId}:${e.subjectId}:${e.perspective}:${e.asOf}:${e.publishedAt}`;
      if (tieKeys.has(key)) ties += 1;
      tieKeys.add(key);
    }
    expect(ties).toBeGreaterThan(5);
  });

  it('currentStatuses equals the brute-force current status for every pair and perspective, at every date and now', () => {
    for (const date of [...dates, undefined]) {
      expect(asIds(currentStatuses(entries, date)), `as of ${date ?? 'now'}`).toEqual(
        bruteForce(entries, date),
      );
    }
  });

  it('currentStatuses carries the fields of the chosen entry', () => {
    for (const [, both] of currentStatuses(entries, '2020-08-01')) {
      for (const status of [both.self, both.independent]) {
        if (!status) continue;
        const source = byId.get(status.entryId) as RollupEntry;
        expect(status).toEqual({
          entryId: source.id,
          status: source.status,
          asOf: source.asOf,
          publishedAt: source.publishedAt,
          adverseEffects: source.adverseEffects,
        });
      }
    }
  });

  it('the last point of statusOverTime up to D equals groupRows and summarize as of D, for both perspectives', () => {
    for (const date of dates.slice(1)) {
      const statuses = currentStatuses(entries, date);
      for (const perspective of ['self', 'independent'] as const) {
        const points = statusOverTime(pairs, entries, perspective, quarterEnds('2019-01-01', date));
        const last = points[points.length - 1];
        expect(last?.date).toBe(date);
        const [all] = groupRows(pairs, statuses, perspective, () => [{ key: 'all', label: 'All' }]);
        const figures = summarize(pairs, statuses, { perspective, staleBefore: staleBefore(date) });
        const where = `${perspective} as of ${date}`;
        expect(last?.counts, where).toEqual(all?.counts);
        expect(last?.pairs, where).toBe(figures.pairs);
        expect(last?.reported, where).toBe(figures.reported);
        expect(last?.reported, where).toBe(all?.reported);
        if (figures.score === null) expect(last?.score, where).toBeNull();
        else expect(last?.score, where).toBeCloseTo(figures.score, 12);
        expect(all?.score ?? null, where).toEqual(last?.score ?? null);
        // The applicable pair nobody reported on is always no_report.
        expect(last?.counts.no_report ?? 0, where).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('every point of statusOverTime equals the brute-force tally as of its date', () => {
    for (const perspective of ['self', 'independent'] as const) {
      for (const point of statusOverTime(
        pairs,
        entries,
        perspective,
        quarterEnds('2018-10-01', '2021-06-30'),
      )) {
        const brute = bruteForce(entries, point.date);
        const expected = emptyCounts();
        for (const p of pairs) {
          const id = brute[pairKey(p.commitmentId, p.actorId)]?.[perspective] ?? null;
          expected[id === null ? 'no_report' : (byId.get(id) as RollupEntry).status] += 1;
        }
        expect(point.counts, `${perspective} ${point.period}`).toEqual(expected);
        expect(point.pairs).toBe(pairs.length);
      }
    }
  });
});

describe('perspectiveRows', () => {
  it('tallies each perspective over the same cells, no report in its own bucket', async () => {
    const { perspectiveRows } = await import('./rollup');
    const rows = perspectiveRows(
      [
        { self: { status: 'complete' }, independent: { status: 'limited' } },
        { self: { status: 'unable_to_assess' }, independent: null },
        { self: null, independent: { status: 'regressed' } },
      ],
      { self: 'Self-reported', independent: 'Independent' },
    );
    expect(rows.map((row) => [row.key, row.pairs, row.reported, row.counts.no_report])).toEqual([
      ['self', 3, 2, 1],
      ['independent', 3, 2, 1],
    ]);
    // self: complete 1 (unable_to_assess excluded); independent: (1/3 + 0) / 2
    expect(rows[0]?.score).toBe(1);
    expect(rows[1]?.score).toBeCloseTo(1 / 6);
  });
});
