import { createFormatter } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { dateFormat, numberFormat } from './formats';
import { LOCALES } from './locales';

describe('the shared Intl formats', () => {
  const values = [0, 7, 1234, 1_000_000, 38_600];
  const shares = [0, 0.01, 0.456, 0.994, 1];
  const dates = [new Date('2026-12-05T00:00:00Z'), new Date('2019-01-31T00:00:00Z')];

  it.each(LOCALES)('word numbers and dates in %s as next-intl does', (locale) => {
    const format = createFormatter({ locale, timeZone: 'UTC' });
    for (const value of values)
      expect(numberFormat(locale).format(value)).toBe(format.number(value));
    for (const share of shares)
      expect(numberFormat(locale, 'percent').format(share)).toBe(
        format.number(share, { style: 'percent', maximumFractionDigits: 0 }),
      );
    for (const date of dates) {
      expect(dateFormat(locale, 'long').format(date)).toBe(
        format.dateTime(date, { dateStyle: 'long', timeZone: 'UTC' }),
      );
      expect(dateFormat(locale, 'medium').format(date)).toBe(
        format.dateTime(date, { dateStyle: 'medium', timeZone: 'UTC' }),
      );
    }
  });

  it('makes one formatter per locale and preset, shared by every caller', () => {
    expect(numberFormat('fr')).toBe(numberFormat('fr', 'count'));
    expect(numberFormat('fr', 'percent')).not.toBe(numberFormat('fr'));
    expect(dateFormat('ar', 'long')).toBe(dateFormat('ar', 'long'));
    expect(dateFormat('ar', 'long')).not.toBe(dateFormat('zh', 'long'));
  });
});
