'use client';
/**
 * The table alternative shared by the status charts: a row per group or period, a column per
 * CellKey, then pairs, reported, coverage and score. Absent values read "—" plus a hidden reason.
 */
import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { useCount, useDateFormat } from '@/lib/i18n/formats';
import { CELL_KEYS, type GroupRow, type StatusCounts, type TimePoint } from '@/lib/summary-types';
import { dateOnly } from '@/lib/dates';
import { Missing, usePercent } from './chart-parts';
import { cellSymbol, useCellLabel } from './status-patterns';
import './charts.css';

export interface StatusTableRow {
  key: string;
  /** The row header: a label, or a period. */
  header: ReactNode;
  /** Cells between the header and the status columns, matching `extraHeaders`. */
  extraCells?: ReactNode[];
  counts: StatusCounts;
  pairs: number;
  reported: number;
  score: number | null;
}

export function StatusCountsTable({
  caption,
  groupHeader,
  extraHeaders = [],
  rows,
}: {
  caption: string;
  groupHeader: string;
  extraHeaders?: string[];
  rows: readonly StatusTableRow[];
}) {
  const t = useTranslations('charts');
  const count = useCount();
  const percent = usePercent();
  const label = useCellLabel();
  return (
    <table className="data status-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{groupHeader}</th>
          {extraHeaders.map((header) => (
            <th key={header} scope="col">
              {header}
            </th>
          ))}
          {CELL_KEYS.map((key) => (
            <th key={key} scope="col" className="num">
              <span aria-hidden="true">{cellSymbol(key)}</span> {label(key)}
            </th>
          ))}
          <th scope="col" className="num">
            {t('table.pairs')}
          </th>
          <th scope="col" className="num">
            {t('table.reported')}
          </th>
          <th scope="col" className="num">
            {t('table.coverage')}
          </th>
          <th scope="col" className="num">
            {t('table.score')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.header}</th>
            {(row.extraCells ?? []).map((cell, index) => (
              <td key={extraHeaders[index] ?? index}>{cell}</td>
            ))}
            {CELL_KEYS.map((key) => (
              <td key={key} className="num">
                {count(row.counts[key])}
              </td>
            ))}
            <td className="num">{count(row.pairs)}</td>
            <td className="num">{count(row.reported)}</td>
            <td className="num">
              {row.pairs > 0 ? (
                percent(row.reported / row.pairs)
              ) : (
                <Missing reason={t('noPairs')} />
              )}
            </td>
            <td className="num">
              {row.score === null ? <Missing reason={t('noScore')} /> : percent(row.score)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A date-only value (YYYY-MM-DD) at UTC midnight, so no time zone shifts the day. */
export function useDay(): (value: string) => string {
  const day = useDateFormat('medium');
  return (value) => day(dateOnly(value));
}

/** A period ("2019-Q1", as the API names it) in the page's words: "T1 2019", "2019年第1季度". */
export function useQuarter(): (period: string) => string {
  const t = useTranslations('charts');
  return (period) => {
    const [year, quarter] = period.split('-Q');
    return quarter ? t('quarter', { year: year ?? '', quarter }) : period;
  };
}

/** The table form of StatusBars: every row (not only the top N), with full labels. */
export function StatusBarsTable({
  rows,
  caption,
  groupHeader,
}: {
  rows: readonly GroupRow[];
  caption: string;
  /** What a row is, e.g. "Actor" or "Theme". */
  groupHeader: string;
}) {
  return (
    <StatusCountsTable
      caption={caption}
      groupHeader={groupHeader}
      rows={rows.map((row) => ({ ...row, header: row.label }))}
    />
  );
}

/** The table form of StatusOverTime: a row per period with its as-of date. */
export function StatusOverTimeTable({
  points,
  caption,
}: {
  points: readonly TimePoint[];
  caption: string;
}) {
  const t = useTranslations('charts');
  const day = useDay();
  const quarter = useQuarter();
  return (
    <StatusCountsTable
      caption={caption}
      groupHeader={t('table.period')}
      extraHeaders={[t('table.asOf')]}
      rows={points.map((point) => ({
        ...point,
        key: point.period,
        header: quarter(point.period),
        extraCells: [
          <time key="asOf" dateTime={point.date}>
            {day(point.date)}
          </time>,
        ],
      }))}
    />
  );
}
