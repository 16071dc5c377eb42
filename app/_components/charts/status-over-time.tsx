'use client';
/**
 * Status over time: one stacked column per period, each the roll-up as of the period's last day.
 * Columns rather than areas: every period is a separate snapshot, and one period still draws.
 */
import { useFormatter, useTranslations } from 'next-intl';
import type { TimePoint } from '@/lib/summary-types';
import type { ValueMode } from './chart-parts';
import { StatusBars } from './status-bars';
import { StatusCountsTable } from './status-table';
import { dateOnly } from '@/lib/dates';

/** A date-only value (YYYY-MM-DD) at UTC midnight, so no time zone shifts the day. */
function useDay(): (value: string) => string {
  const format = useFormatter();
  return (value) => format.dateTime(dateOnly(value), { dateStyle: 'medium', timeZone: 'UTC' });
}

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
  const rows = points.map((point) => ({
    key: point.period,
    label: point.period,
    detail: t('asOfDate', { date: day(point.date) }),
    counts: point.counts,
    pairs: point.pairs,
    reported: point.reported,
    score: point.score,
  }));
  return <StatusBars rows={rows} orientation="vertical" valueMode={valueMode} showLegend={showLegend} />;
}

/** The table form of StatusOverTime: a row per period with its as-of date. */
export function StatusOverTimeTable({ points, caption }: { points: readonly TimePoint[]; caption: string }) {
  const t = useTranslations('charts');
  const day = useDay();
  return (
    <StatusCountsTable
      caption={caption}
      groupHeader={t('table.period')}
      extraHeaders={[t('table.asOf')]}
      rows={points.map((point) => ({
        ...point,
        key: point.period,
        header: point.period,
        extraCells: [<time key="asOf" dateTime={point.date}>{day(point.date)}</time>],
      }))}
    />
  );
}
