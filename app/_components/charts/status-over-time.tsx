'use client';
/**
 * Status over time: one stacked column per period, each the roll-up as of the period's last day.
 * Columns rather than areas: every period is a separate snapshot, and one period still draws.
 */
import { useTranslations } from 'next-intl';
import type { TimePoint } from '@/lib/summary-types';
import type { ValueMode } from './chart-parts';
import { StatusBars } from './status-bars';
import { useDay, useQuarter } from './status-table';

export function StatusOverTime({
  points,
  valueMode = 'count',
  showLegend = true,
}: {
  /** Oldest first. */
  points: readonly TimePoint[];
  valueMode?: ValueMode;
  showLegend?: boolean;
}) {
  const t = useTranslations('charts');
  const day = useDay();
  const quarter = useQuarter();
  const rows = points.map((point, index) => ({
    key: point.period,
    label: quarter(point.period),
    // When "2019-Q1" does not fit under its column, the year marks its first quarter (or the first).
    tick: index === 0 || point.period.endsWith('-Q1') ? point.period.slice(0, 4) : '',
    detail: t('asOfDate', { date: day(point.date) }),
    counts: point.counts,
    pairs: point.pairs,
    reported: point.reported,
    score: point.score,
  }));
  return (
    <StatusBars rows={rows} orientation="vertical" valueMode={valueMode} showLegend={showLegend} />
  );
}

export { StatusOverTimeTable } from './status-table';
