import { describe, expect, it } from 'vitest';
import { emptyCounts } from '@/lib/rollup';
import { columnTicks, type StatusBarRow } from './status-bars';

const quarters = (from: number, years: number): StatusBarRow[] =>
  Array.from({ length: years * 4 }, (_, index) => {
    const period = `${from + Math.floor(index / 4)}-Q${(index % 4) + 1}`;
    return {
      key: period,
      label: period,
      tick: index === 0 || period.endsWith('-Q1') ? period.slice(0, 4) : '',
      counts: emptyCounts(),
      pairs: 1,
      reported: 0,
      score: null,
    };
  });

describe('the labels under the columns of a chart', () => {
  it('are the whole labels when every one fits its column', () => {
    expect(columnTicks(quarters(2019, 1), 120).map((tick) => tick.label)).toEqual([
      '2019-Q1',
      '2019-Q2',
      '2019-Q3',
      '2019-Q4',
    ]);
  });

  it("give way to the year on each year's first quarter, with the room of its four columns", () => {
    const ticks = columnTicks(quarters(2019, 8), 30);
    expect(ticks.filter((tick) => tick.label).map((tick) => tick.label)).toEqual([
      '2019',
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
      '2026',
    ]);
    expect(ticks[0]?.room).toBe(4 * 30 - 8);
  });

  it('leave out a year that would not fit before the next one, never cutting it', () => {
    const rows = quarters(2019, 3).slice(3);
    rows[0] = { ...rows[0]!, tick: '2019' };
    const ticks = columnTicks(rows, 20);
    expect(ticks[0]?.label).toBe('');
    expect(ticks[1]?.label).toBe('2020');
  });
});
