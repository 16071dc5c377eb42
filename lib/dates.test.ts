import { describe, expect, it } from 'vitest';
import { dateOnly, isCalendarDate } from './dates';

describe('dates', () => {
  it('reads a date-only value as that day in UTC', () => expect(dateOnly('2024-02-29').toISOString()).toBe('2024-02-29T00:00:00.000Z'));
  it('accepts real calendar days only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2023-13-01')).toBe(false);
    expect(isCalendarDate('2023-1-01')).toBe(false);
  });
});
