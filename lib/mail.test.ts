import { describe, expect, it } from 'vitest';
import { digestWeek, isoWeek, reminderDays, reminderDue, retryDelayMs } from './mail';

describe('when a round reminder is due', () => {
  const round = { id: 3, opensOn: '2026-11-01', dueOn: '2026-12-15' };

  it('sends the early reminder from N days before the due date to the day before, and no earlier', () => {
    expect(reminderDue(round, '2026-12-07', 7)).toBeNull();
    expect(reminderDue(round, '2026-12-08', 7)).toEqual({ key: 'round:3:due-in-7', stage: 'soon' });
    expect(reminderDue(round, '2026-12-14', 7)).toEqual({ key: 'round:3:due-in-7', stage: 'soon' });
  });

  it('sends the due-day reminder on the due date and, if the job missed it, two days after', () => {
    expect(reminderDue(round, '2026-12-15', 7)).toEqual({ key: 'round:3:due', stage: 'due' });
    expect(reminderDue(round, '2026-12-17', 7)).toEqual({ key: 'round:3:due', stage: 'due' });
    expect(reminderDue(round, '2026-12-18', 7)).toBeNull();
  });

  it('reminds of nothing before a round opens, even inside the N days', () => {
    const short = { id: 4, opensOn: '2026-12-12', dueOn: '2026-12-15' };
    expect(reminderDue(short, '2026-12-11', 7)).toBeNull();
    expect(reminderDue(short, '2026-12-12', 7)?.stage).toBe('soon');
  });

  it('crosses month and year ends in UTC', () => {
    const newYear = { id: 5, opensOn: '2026-10-01', dueOn: '2027-01-03' };
    expect(reminderDue(newYear, '2026-12-26', 7)).toBeNull();
    expect(reminderDue(newYear, '2026-12-27', 7)?.stage).toBe('soon');
    expect(reminderDue(newYear, '2027-01-02', 7)?.stage).toBe('soon');
    expect(reminderDue(newYear, '2027-01-03', 7)?.stage).toBe('due');
  });

  it('takes N from MAIL_REMINDER_DAYS, 7 by default, and refuses a nonsense value', () => {
    expect(reminderDays({})).toBe(7);
    expect(reminderDays({ MAIL_REMINDER_DAYS: '14' })).toBe(14);
    expect(() => reminderDays({ MAIL_REMINDER_DAYS: '0' })).toThrow(/MAIL_REMINDER_DAYS/);
    expect(() => reminderDays({ MAIL_REMINDER_DAYS: 'soon' })).toThrow(/MAIL_REMINDER_DAYS/);
  });
});

describe('the digest week', () => {
  it('names ISO weeks, including those that belong to the next or previous year', () => {
    expect(isoWeek('2026-12-05')).toEqual({ week: '2026-W49', monday: '2026-11-30' });
    expect(isoWeek('2026-12-31')).toEqual({ week: '2026-W53', monday: '2026-12-28' });
    expect(isoWeek('2027-01-03')).toEqual({ week: '2026-W53', monday: '2026-12-28' });
    expect(isoWeek('2024-12-30')).toEqual({ week: '2025-W01', monday: '2024-12-30' });
  });

  it('covers the last whole week, Monday to Monday, whichever day of this week the job runs', () => {
    const monday = digestWeek('2026-12-07');
    const sunday = digestWeek('2026-12-13');
    expect(monday).toEqual({
      key: 'digest:2026-W49',
      from: '2026-11-30T00:00:00.000Z',
      to: '2026-12-07T00:00:00.000Z',
      lastDay: '2026-12-06',
    });
    expect(sunday).toEqual(monday);
  });
});

describe('the sender backoff', () => {
  it('waits one minute after the first failure, doubling, at most six hours', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(20)).toBe(6 * 3_600_000);
  });
});
