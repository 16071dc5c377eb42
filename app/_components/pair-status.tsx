'use client';

import { useTranslations } from 'next-intl';
import type { GroupRow, TimePoint } from '@/lib/summary-types';
import type { Perspective } from '@/lib/taxonomy';
import { ChartFrame } from './charts/chart-frame';
// recharts loads after the page, as on the overview: the tables and summaries carry the content.
import { LazyStatusBars, LazyStatusOverTime } from './charts/lazy-charts';
import { StatusBarsTable, StatusOverTimeTable } from './charts/status-table';
import { usePercent } from './charts/chart-parts';
import { groupRowsData, timePointsData } from '@/lib/chart-export';

type Mode = 'commitment' | 'actor';

/** What both charts of a page filter by and name their files after: its commitment or its actor. */
interface PairCharts {
  mode: Mode;
  /** The commitment's code or the actor's id. */
  of: string | number;
  asOf: string;
}

function chartFilters({ mode, of, asOf }: PairCharts) {
  return {
    filters: mode === 'commitment' ? { commitment: of, asOf } : { subject: of, asOf },
    fileStem: `${mode}-${of}`,
  };
}

/**
 * The distribution of one commitment's (across actors) or one actor's (across commitments)
 * current statuses, self-reported beside independent. It gets the two tallied rows, never the
 * pairs: the page renders those once, on the server (app/_components/pair-table.tsx).
 */
export function PairDistribution({
  rows,
  ...charts
}: PairCharts & {
  /** The self-reported and the independent row (lib/rollup.ts perspectiveRows). */
  rows: GroupRow[];
}) {
  const t = useTranslations('pairs');
  const percent = usePercent();
  const { mode } = charts;
  const { filters, fileStem } = chartFilters(charts);
  const describe = (row: GroupRow) =>
    t('rowSummary', {
      label: row.label,
      reported: row.reported,
      pairs: row.pairs,
      score: row.score === null ? t('noScore') : percent(row.score),
    });
  return (
    <section className="dashboard-section">
      <ChartFrame
        id={`${mode}-distribution`}
        title={t(`${mode}.distributionTitle`)}
        summary={rows.map(describe).join(' ')}
        howComputed={
          <ul>
            <li>{t('howPairs', { pairs: rows[0]?.pairs ?? 0 })}</li>
            <li>{t('howCurrent')}</li>
            <li>{t('howScore')}</li>
          </ul>
        }
        table={
          <StatusBarsTable
            rows={rows}
            caption={t(`${mode}.distributionTitle`)}
            groupHeader={t('perspective')}
          />
        }
        download={{
          name: `${fileStem}-distribution`,
          asOf: charts.asOf,
          filters,
          data: groupRowsData(rows, 'perspective'),
        }}
      >
        <LazyStatusBars rows={rows} orientation="horizontal" valueMode="share" />
      </ChartFrame>
    </section>
  );
}

/** The history of one commitment's or one actor's statuses, a column per quarter. */
export function PairHistory({
  points,
  perspective,
  ...charts
}: PairCharts & { points: TimePoint[]; perspective: Perspective }) {
  const t = useTranslations('pairs');
  const { mode } = charts;
  const { filters, fileStem } = chartFilters(charts);
  return (
    <section className="dashboard-section">
      <ChartFrame
        id={`${mode}-history`}
        title={t(`${mode}.historyTitle`)}
        summary={t('historySummary', {
          reported: points.at(-1)?.reported ?? 0,
          pairs: points.at(-1)?.pairs ?? 0,
        })}
        howComputed={
          <ul>
            <li>{t('howHistory')}</li>
            <li>{t('howScore')}</li>
          </ul>
        }
        table={<StatusOverTimeTable points={points} caption={t(`${mode}.historyTitle`)} />}
        download={{
          name: `${fileStem}-history`,
          asOf: charts.asOf,
          filters: { ...filters, perspective },
          data: timePointsData(points),
        }}
      >
        <LazyStatusOverTime points={points} valueMode="share" />
      </ChartFrame>
    </section>
  );
}
