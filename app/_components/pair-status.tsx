'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { perspectiveRows } from '@/lib/rollup';
import { STATUS_SCALE } from '@/lib/status-scale';
import type { CellStatusDto, MatrixDto, SummaryDto } from '@/lib/summary-types';
import { ChartFrame } from './charts/chart-frame';
import { StatusBars, StatusBarsTable } from './charts/status-bars';
import { StatusOverTime, StatusOverTimeTable } from './charts/status-over-time';
import { usePercent } from './charts/chart-parts';
import { groupRowsData, timePointsData } from '@/lib/chart-export';
import { dateOnly } from '@/lib/dates';

type Mode = 'commitment' | 'actor';

/**
 * The charts of one commitment (across actors) or one actor (across commitments): the current
 * statuses side by side, self-reported beside independent, with contested and stale marked, their
 * distribution, and their history.
 */
export function PairStatusSection({
  mode,
  matrix,
  summary,
}: {
  mode: Mode;
  matrix: MatrixDto;
  summary: SummaryDto;
}) {
  const t = useTranslations('pairs');
  const percent = usePercent();
  const rows = perspectiveRows(matrix.cells, { self: t('self'), independent: t('independent') });
  const [self, independent] = rows;
  // The page's one commitment or one actor: the filter behind both charts, and the files' names.
  const filters =
    mode === 'commitment'
      ? { commitment: matrix.commitments[0]?.code, asOf: summary.asOf }
      : { subject: matrix.actors[0]?.id, asOf: summary.asOf };
  const fileStem = `${mode}-${filters.commitment ?? filters.subject ?? ''}`;
  const describe = (row: (typeof rows)[number] | undefined) =>
    row
      ? t('rowSummary', {
          label: row.label,
          reported: row.reported,
          pairs: row.pairs,
          score: row.score === null ? t('noScore') : percent(row.score),
        })
      : '';

  return (
    <>
      <section className="dashboard-section" aria-labelledby={`${mode}-pairs-title`}>
        <h2 id={`${mode}-pairs-title`}>{t(`${mode}.tableTitle`)}</h2>
        <p className="meta">{t(`${mode}.tableIntro`)}</p>
        <PairStatusTable mode={mode} matrix={matrix} />
      </section>
      <section className="dashboard-section">
        <ChartFrame
          id={`${mode}-distribution`}
          title={t(`${mode}.distributionTitle`)}
          summary={`${describe(self)} ${describe(independent)}`}
          howComputed={
            <ul>
              <li>{t('howPairs', { pairs: matrix.cells.length })}</li>
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
            asOf: matrix.asOf,
            filters,
            data: groupRowsData(rows, 'perspective'),
          }}
        >
          <StatusBars rows={rows} orientation="horizontal" valueMode="share" />
        </ChartFrame>
      </section>
      <section className="dashboard-section">
        <ChartFrame
          id={`${mode}-history`}
          title={t(`${mode}.historyTitle`)}
          summary={t('historySummary', {
            reported: summary.overTime.at(-1)?.reported ?? 0,
            pairs: summary.overTime.at(-1)?.pairs ?? 0,
          })}
          howComputed={
            <ul>
              <li>{t('howHistory')}</li>
              <li>{t('howScore')}</li>
            </ul>
          }
          table={
            <StatusOverTimeTable points={summary.overTime} caption={t(`${mode}.historyTitle`)} />
          }
          download={{
            name: `${fileStem}-history`,
            asOf: summary.asOf,
            filters: { ...filters, perspective: summary.perspective },
            data: timePointsData(summary.overTime),
          }}
        >
          <StatusOverTime points={summary.overTime} valueMode="share" />
        </ChartFrame>
      </section>
    </>
  );
}

function PairStatusTable({ mode, matrix }: { mode: Mode; matrix: MatrixDto }) {
  const t = useTranslations('pairs');
  const actors = new Map(matrix.actors.map((actor) => [actor.id, actor]));
  const commitments = new Map(
    matrix.commitments.map((commitment) => [commitment.code, commitment]),
  );
  if (matrix.cells.length === 0) return <p>{t(`${mode}.empty`)}</p>;
  return (
    <div className="table-scroll">
      <table className="data pair-table">
        <caption className="visually-hidden">{t(`${mode}.tableTitle`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`${mode}.rowHeader`)}</th>
            <th scope="col">{t('self')}</th>
            <th scope="col">{t('independent')}</th>
            <th scope="col">{t('flags')}</th>
          </tr>
        </thead>
        <tbody>
          {matrix.cells.map((cell) => {
            const commitment = commitments.get(cell.code);
            const actor = actors.get(cell.actorId);
            return (
              <tr
                key={`${cell.actorId}:${cell.code}`}
                className={cell.contested ? 'contested-row' : undefined}
              >
                <th scope="row">
                  {mode === 'actor' ? (
                    <a href={`/commitments/${cell.code}`}>
                      <span className="code">{cell.code}</span> {commitment?.title}
                    </a>
                  ) : (
                    <a href={`/actors/${cell.actorId}`}>{actor?.name}</a>
                  )}
                </th>
                <td>
                  <CellStatus status={cell.self} />
                </td>
                <td>
                  <CellStatus status={cell.independent} withReporter />
                </td>
                <td>
                  <ul className="entry-flags">
                    {cell.contested ? <li className="flag warning">{t('contested')}</li> : null}
                    {cell.self?.stale || cell.independent?.stale ? (
                      <li className="flag">{t('stale')}</li>
                    ) : null}
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function CellStatus({
  status,
  withReporter = false,
}: {
  status: CellStatusDto | null;
  withReporter?: boolean;
}) {
  const t = useTranslations('pairs');
  const tStatus = useTranslations('status');
  const format = useFormatter();
  if (!status) return <span className="no-report-text">{t('noReport')}</span>;
  const scale = STATUS_SCALE[status.status];
  return (
    <>
      <a
        href={`/entries/${status.entryId}`}
        className="status-badge"
        style={{ background: scale.colour, color: scale.textColour }}
      >
        <span aria-hidden="true">{scale.symbol}</span>
        {tStatus(status.status)}
      </a>{' '}
      <span className="meta">
        {t('asOf', {
          date: format.dateTime(dateOnly(status.asOf), { dateStyle: 'medium', timeZone: 'UTC' }),
        })}
        {status.stale ? ` (${t('stale')})` : ''}
        {withReporter ? ` · ${status.reporter}` : ''}
      </span>
    </>
  );
}
