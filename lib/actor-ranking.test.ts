import { describe, expect, it } from 'vitest';
import {
  compareRanking,
  highestAndLowest,
  isRanked,
  rankingEnds,
  RANKING_MIN_COVERAGE,
} from './actor-ranking';

const row = (label: string, score: number | null, reported: number, pairs = 10) => ({
  label,
  score,
  reported,
  pairs,
});

describe('isRanked', () => {
  it('ranks a group from exactly the minimum coverage, not one report below it', () => {
    expect(RANKING_MIN_COVERAGE).toBe(0.5);
    expect(isRanked(row('half', 0.4, 5))).toBe(true);
    expect(isRanked(row('below', 1, 4))).toBe(false);
    expect(isRanked(row('one of eleven', 1, 1, 11))).toBe(false);
    expect(isRanked(row('six of eleven', 1, 6, 11))).toBe(true);
  });

  it('never ranks a group without a score or without pairs', () => {
    expect(isRanked(row('unable to assess only', null, 10))).toBe(false);
    expect(isRanked(row('no pairs', 1, 0, 0))).toBe(false);
  });
});

describe('compareRanking', () => {
  it('puts a full score on one report of eleven after every ranked group', () => {
    const rows = [
      row('Northwind', 1, 1, 11),
      row('low', 0.1, 9),
      row('high', 0.8, 6),
      row('silent', null, 0),
      row('same score, more reported', 0.8, 9),
    ].sort(compareRanking);
    expect(rows.map((r) => r.label)).toEqual([
      'same score, more reported',
      'high',
      'low',
      'Northwind',
      'silent',
    ]);
  });
});

describe('rankingEnds', () => {
  const ranked = Array.from({ length: 8 }, (_, i) => row(`r${i + 1}`, 1 - i / 10, 9));
  const unranked = [row('u1', 1, 1), row('u2', null, 0)];
  const rows = [...ranked, ...unranked];

  it('keeps the first rows and the lowest ranked ones, numbered by their place', () => {
    const ends = rankingEnds(rows, 3);
    expect(ends.map((end) => [end.first, end.rows.map((r) => r.label)])).toEqual([
      [1, ['r1', 'r2', 'r3']],
      [6, ['r6', 'r7', 'r8']],
    ]);
  });

  it('never repeats a row when the ranked rows barely outnumber one end', () => {
    const ends = rankingEnds(rows.slice(2), 5);
    expect(ends.map((end) => [end.first, end.rows.map((r) => r.label)])).toEqual([
      [1, ['r3', 'r4', 'r5', 'r6', 'r7']],
      [6, ['r8']],
    ]);
  });

  it('leaves the low end out when no ranked row is left for it', () => {
    expect(rankingEnds([ranked[0]!, ...unranked], 2)).toEqual([
      { rows: [ranked[0], unranked[0]], first: 1 },
    ]);
  });
});

describe('highestAndLowest', () => {
  it('names only ranked rows and counts the scored ones left out', () => {
    const result = highestAndLowest([
      row('Northwind', 1, 1, 11),
      row('mid', 0.5, 7),
      row('top', 0.9, 5),
      row('bottom', 0.2, 10),
      row('silent', null, 0),
    ]);
    expect(result?.highest.label).toBe('top');
    expect(result?.lowest.label).toBe('bottom');
    expect(result?.unranked).toBe(1);
  });

  it('is null when no row has enough reports to be ranked', () => {
    expect(highestAndLowest([row('a', 1, 1), row('b', null, 0)])).toBeNull();
  });
});
