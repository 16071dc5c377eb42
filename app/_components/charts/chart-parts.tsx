'use client';
/**
 * Pieces shared by the status charts and their tables: the data point they draw, the tooltip and
 * percent formatting. No recharts here (axis ticks are in chart-ticks.tsx), so the tables and
 * headline figures load without it.
 */
import { useTranslations, useLocale } from 'next-intl';
import { useCount, numberFormat } from '@/lib/i18n/formats';
import { CELL_KEYS, type CellKey, type GroupRow, type StatusCounts } from '@/lib/summary-types';
import { cellSymbol, useCellLabel } from './status-patterns';

/** WCAG and the back of a meeting room: no chart text below 16px. */
export const CHART_FONT_SIZE = 16;
/** recharts paints text #808080 inline (3.9:1, below AA) unless given a fill, so always pass one. */
export const CHART_TEXT_FILL = 'var(--ink)';
/** Props for a value axis's `tick`. */
export const TICK_TEXT = { fontSize: CHART_FONT_SIZE, fill: CHART_TEXT_FILL };

export type ValueMode = 'count' | 'share';

/** A row as drawn: `id` and `label` plus one stacked value per CellKey (a count or a share). */
export type StatusDatum = Record<CellKey, number> & {
  id: string;
  label: string;
  detail?: string;
  counts: StatusCounts;
  total: number;
  reported: number;
};

export function toStatusDatum(
  row: GroupRow & { detail?: string },
  valueMode: ValueMode,
): StatusDatum {
  // The sum of the cells, not `pairs`, so a share bar always ends exactly at 100 %.
  const total = CELL_KEYS.reduce((sum, key) => sum + row.counts[key], 0);
  const values = Object.fromEntries(
    CELL_KEYS.map((key) => [
      key,
      valueMode === 'share' ? (total > 0 ? row.counts[key] / total : 0) : row.counts[key],
    ]),
  ) as Record<CellKey, number>;
  return {
    ...values,
    id: row.key,
    label: row.label,
    detail: row.detail,
    counts: row.counts,
    total,
    reported: row.reported,
  };
}

/** Whole percents, never rounding a small share to "0 %" nor a near-complete one to "100 %". */
export function usePercent(): (value: number) => string {
  const t = useTranslations('charts');
  const format = numberFormat(useLocale(), 'percent');
  const whole = (value: number) => format.format(value);
  return (value) => {
    if (value > 0 && value < 0.005) return t('percentBelow', { value: whole(0.01) });
    if (value < 1 && value >= 0.995) return t('percentAbove', { value: whole(0.99) });
    return whole(value);
  };
}

/** An absent value: a visible dash, and the reason for screen readers. */
export function Missing({ reason }: { reason: string }) {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{reason}</span>
    </>
  );
}

/** Tooltip body: the full label, every non-empty cell with symbol, count and share, and coverage. */
export function StatusTooltip({ datum }: { datum: StatusDatum | undefined }) {
  const t = useTranslations('charts');
  const count = useCount();
  const percent = usePercent();
  const label = useCellLabel();
  if (!datum) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-title">{datum.label}</p>
      {datum.detail ? <p>{datum.detail}</p> : null}
      <ul>
        {CELL_KEYS.filter((key) => datum.counts[key] > 0).map((key) => (
          <li key={key}>
            <span aria-hidden="true">{cellSymbol(key)}</span> {label(key)}:{' '}
            <strong>
              {t('countAndShare', {
                count: count(datum.counts[key]),
                share: percent(datum.total > 0 ? datum.counts[key] / datum.total : 0),
              })}
            </strong>
          </li>
        ))}
      </ul>
      <p>{t('reportedOfPairs', { reported: datum.reported, pairs: datum.total })}</p>
    </div>
  );
}
