import { useLocale } from 'next-intl';

/**
 * The number and date formats the status pages use most, each an `Intl` object made once per
 * locale and shared by every render of the process (and by the browser's page). next-intl's
 * `useFormatter` keeps its `Intl` objects for one request and keys every call by its arguments,
 * which a page of a few hundred counts pays for on every render (docs/performance.md, "Overview
 * render CPU, session 16"). `Intl` formatters hold no state between calls, so sharing them is
 * safe; the output is the same as `format.number` / `format.dateTime` with the same options.
 */
const PRESETS = {
  /** A count: `format.number(value)`. */
  count: () => ({}),
  /** A share in whole percents. */
  percent: () => ({ style: 'percent', maximumFractionDigits: 0 }),
} satisfies Record<string, () => Intl.NumberFormatOptions>;

const DATE_PRESETS = {
  long: () => ({ dateStyle: 'long', timeZone: 'UTC' }),
  medium: () => ({ dateStyle: 'medium', timeZone: 'UTC' }),
} satisfies Record<string, () => Intl.DateTimeFormatOptions>;

export type NumberPreset = keyof typeof PRESETS;
export type DatePreset = keyof typeof DATE_PRESETS;

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The shared `Intl.NumberFormat` of a locale and preset (the locales and presets are few). */
export function numberFormat(locale: string, preset: NumberPreset = 'count'): Intl.NumberFormat {
  const key = `${locale} ${preset}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, PRESETS[preset]())));
  return format;
}

/** The shared `Intl.DateTimeFormat` of a locale and preset, always in UTC like the app's dates. */
export function dateFormat(locale: string, preset: DatePreset): Intl.DateTimeFormat {
  const key = `${locale} ${preset}`;
  let format = dateFormats.get(key);
  if (!format)
    dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, DATE_PRESETS[preset]())));
  return format;
}

/** A count in the page's locale (`format.number(value)` without the per-call cost). */
export function useCount(): (value: number) => string {
  const format = numberFormat(useLocale());
  return (value) => format.format(value);
}

/** A date-only value or `Date` in the page's locale, at UTC (`dateStyle` long or medium). */
export function useDateFormat(preset: DatePreset): (value: Date) => string {
  const format = dateFormat(useLocale(), preset);
  return (value) => format.format(value);
}
