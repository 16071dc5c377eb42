import { describe, expect, it } from 'vitest';
import { dateOnly, dayNumber, isCalendarDate, isoOfDayNumber } from './dates';

describe('dates', () => {
  it('reads a date-only value as that day in UTC', () =>
    expect(dateOnly('2024-02-29').toISOString()).toBe('2024-02-29T00:00:00.000Z'));
  it('accepts real calendar days only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2023-13-01')).toBe(false);
    expect(isCalendarDate('2023-1-01')).toBe(false);
  });
});

describe('day numbers (yyyymmdd)', () => {
  it('order as the dates do and turn back into the same ISO date', () => {
    const dates = ['1999-12-31', '2000-01-01', '2024-02-29', '2026-11-29'];
    const days = dates.map(dayNumber);
    expect(days).toEqual([19991231, 20000101, 20240229, 20261129]);
    expect([...days].sort((a, b) => a - b)).toEqual(days);
    expect(days.map(isoOfDayNumber)).toEqual(dates);
  });
});
