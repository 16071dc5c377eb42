/**
 * E-mail rules without I/O (README, E-mail): the kinds of message, when a round's reminders are
 * due, the digest's week and the sender's backoff. db/mail/ applies them to the database.
 */

/** Each kind can be turned off by its recipient; the outbox's unique key starts with it. */
export const MAIL_KINDS = ['review_waiting', 'entry_returned', 'round_reminder', 'digest'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const isMailKind = (value: unknown): value is MailKind =>
  typeof value === 'string' && (MAIL_KINDS as readonly string[]).includes(value);

/** Days before a round's due date of the first reminder, unless MAIL_REMINDER_DAYS says so. */
export const DEFAULT_REMINDER_DAYS = 7;

export function reminderDays(env: Record<string, string | undefined> = process.env): number {
  const value = env.MAIL_REMINDER_DAYS?.trim();
  if (!value) return DEFAULT_REMINDER_DAYS;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > 365)
    throw new Error(`MAIL_REMINDER_DAYS must be a whole number from 1 to 365; got "${value}".`);
  return days;
}

/** `YYYY-MM-DD` plus whole days, in UTC. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Days after the due date on which the due-day reminder still goes out, so a day the mail job
 * did not run (a restart, a cron outage) delays it rather than loses it.
 */
export const DUE_REMINDER_GRACE_DAYS = 2;

export type ReminderStage = { key: string; stage: 'soon' | 'due' };

/**
 * The reminder a round calls for today, if any: from `days` before the due date (not before the
 * round opens) to the day before, the early one; on the due date and the grace days after it, the
 * due-day one. The key is the outbox's subject key, so each goes out once per recipient.
 */
export function reminderDue(
  round: { id: number; opensOn: string; dueOn: string },
  today: string,
  days: number,
): ReminderStage | null {
  if (today < round.opensOn) return null;
  if (today >= addDays(round.dueOn, -days) && today < round.dueOn)
    return { key: `round:${round.id}:due-in-${days}`, stage: 'soon' };
  if (today >= round.dueOn && today <= addDays(round.dueOn, DUE_REMINDER_GRACE_DAYS))
    return { key: `round:${round.id}:due`, stage: 'due' };
  return null;
}

/** The ISO 8601 week of a UTC day, `2026-W49`, and the Monday it starts on. */
export function isoWeek(day: string): { week: string; monday: string } {
  const date = new Date(`${day}T00:00:00.000Z`);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = addDays(day, -weekday);
  // The week belongs to the year of its Thursday.
  const thursday = new Date(`${addDays(monday, 3)}T00:00:00.000Z`);
  const year = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const firstMonday = addDays(
    firstThursday.toISOString().slice(0, 10),
    -((firstThursday.getUTCDay() + 6) % 7),
  );
  const number = Math.round((Date.parse(monday) - Date.parse(firstMonday)) / (7 * 86_400_000)) + 1;
  return { week: `${year}-W${String(number).padStart(2, '0')}`, monday };
}

/**
 * The week a digest covers when the job runs on `today`: the last whole ISO week, Monday to
 * Sunday, so every run in a week computes the same digest under the same key.
 */
export function digestWeek(today: string): {
  key: string;
  from: string;
  to: string;
  lastDay: string;
} {
  const lastWeek = isoWeek(addDays(today, -7));
  return {
    key: `digest:${lastWeek.week}`,
    from: `${lastWeek.monday}T00:00:00.000Z`,
    to: `${addDays(lastWeek.monday, 7)}T00:00:00.000Z`,
    lastDay: addDays(lastWeek.monday, 6),
  };
}

/** Attempts before a message is given up (its last error stays in the outbox). */
export const MAX_ATTEMPTS = 10;
const FIRST_RETRY_MS = 60_000;
const LONGEST_RETRY_MS = 6 * 3_600_000;

/** Wait after the `attempts`-th failed attempt: one minute, doubling, at most six hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
}
