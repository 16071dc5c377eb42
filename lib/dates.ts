/** Date-only values (YYYY-MM-DD) everywhere: as-of dates, publication dates, view dates. */

/** A date-only value as a UTC midnight, so no time zone shifts the day when it is formatted. */
export function dateOnly(value: string): Date {
  return new Date(`${value.slice(0, 10)}T00:00:00Z`);
}

/** Today's date in UTC. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** YYYY-MM-DD that names a real calendar day (no 30 February). */
export function isCalendarDate(value: string): boolean {
  const date = dateOnly(value);
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(date.getTime()) &&
    date.toISOString().slice(0, 10) === value
  );
}

/** A date as the integer yyyymmdd: ordered as the ISO date string is (the roll-up index's day numbers). */
export function dayNumber(date: string): number {
  return (
    Number(date.slice(0, 4)) * 10_000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10))
  );
}

/** The ISO date (YYYY-MM-DD) of a yyyymmdd day number. */
export function isoOfDayNumber(day: number): string {
  return `${Math.floor(day / 10_000)}-${String(Math.floor(day / 100) % 100).padStart(2, '0')}-${String(day % 100).padStart(2, '0')}`;
}
