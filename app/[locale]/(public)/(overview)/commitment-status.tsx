'use client';

import { Link } from '@/lib/i18n/navigation';
import { useTranslations } from 'next-intl';
import { useDateFormat } from '@/lib/i18n/formats';
import type { DashboardQuery } from '@/lib/query-params';
import { dateOnly } from '@/lib/dates';
import { Missing, usePercent } from '@/app/_components/charts/chart-parts';
import { StatusMiniBar } from '@/app/_components/status-mini-bar';
import { COMMITMENT_ENDS, type OverviewSummary } from './overview-summary';

/** The commitments list with the filters it shares with the overview. */
function commitmentsHref(filters: DashboardQuery): string {
  const params = new URLSearchParams();
  if (filters.theme) params.set('theme', filters.theme);
  if (filters.objective !== undefined) params.set('objective', String(filters.objective));
  if (filters.sdg) params.set('sdg', filters.sdg);
  const search = params.toString();
  return `/commitments${search ? `?${search}` : ''}`;
}

/**
 * Which recommendations are being implemented: each commitment's statuses across the actors it
 * applies to, under the view's filters, most advanced first. A table of the summary's rows (the
 * server computed them); with many commitments, the most and the least advanced.
 */
export function CommitmentStatus({
  summary,
  filters,
}: {
  summary: OverviewSummary;
  filters: DashboardQuery;
}) {
  const t = useTranslations('dashboard.byCommitment');
  const tCharts = useTranslations('charts');
  const longDate = useDateFormat('long');
  const percent = usePercent();
  const rows = summary.byCommitment;
  const ends = rows.length < summary.commitmentCount;
  return (
    <section className="dashboard-section commitment-status" aria-labelledby="by-commitment-title">
      <h2 id="by-commitment-title">{t('title')}</h2>
      <p>
        {t('intro', {
          perspective: summary.perspective,
          date: longDate(dateOnly(summary.asOf)),
        })}{' '}
        {ends ? t('ends', { ends: COMMITMENT_ENDS, total: summary.commitmentCount }) : null}{' '}
        <Link href={commitmentsHref(filters)}>{t('all')}</Link>
      </p>
      {rows.length === 0 ? (
        <p>{tCharts('empty')}</p>
      ) : (
        // Focusable so a keyboard user can scroll the table sideways on a phone.
        <div
          className="table-scroll"
          role="region"
          aria-labelledby="by-commitment-title"
          tabIndex={0}
        >
          <table className="data">
            <caption>{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('commitment')}</th>
                <th scope="col">{t('statuses')}</th>
                <th scope="col" className="num">
                  {t('coverage')}
                </th>
                <th scope="col" className="num">
                  {t('score')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">
                    <Link href={`/commitments/${encodeURIComponent(row.key)}`}>{row.key}</Link>
                    {` ${row.label}`}
                  </th>
                  <td>
                    <StatusMiniBar counts={row.counts} />
                  </td>
                  <td className="num">
                    {t('coverageCell', {
                      reported: row.reported,
                      pairs: row.pairs,
                      share: percent(row.reported / row.pairs),
                    })}
                  </td>
                  <td className="num">
                    {row.score === null ? (
                      <Missing reason={tCharts('noScore')} />
                    ) : (
                      percent(row.score)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
