import { Fragment, type ReactNode } from 'react';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { STATUS_SCALE } from '@/lib/status-scale';
import { dateOnly } from '@/lib/dates';
import { farApart } from '@/lib/rollup';
import type { PairStatus } from '@/db/queries/commitment-page';

export interface PairTableRow {
  key: string;
  /** The actor's or the commitment's page. */
  href: string;
  label: ReactNode;
  self: PairStatus | null;
  independent: (PairStatus & { reporter: string }) | null;
  contested: boolean;
}

/**
 * The current statuses of one commitment's actors or one actor's commitments, self-reported
 * beside independent, contested and stale marked. A server component: its rows reach the browser
 * once, as HTML, and never again as a client component's props.
 */
export async function PairTable({
  mode,
  rows,
}: {
  mode: 'commitment' | 'actor';
  rows: PairTableRow[];
}) {
  const t = await getTranslations('pairs');
  const tStatus = await getTranslations('status');
  const format = await getFormatter();
  const cell = (status: PairStatus | null, reporter?: string) => {
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
          {reporter ? ` · ${reporter}` : ''}
        </span>
      </>
    );
  };
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
          {rows.map((row) => (
            <tr key={row.key} className={row.contested ? 'contested-row' : undefined}>
              <th scope="row">
                <a href={row.href}>{row.label}</a>
              </th>
              <td>{cell(row.self)}</td>
              <td>{cell(row.independent, row.independent?.reporter)}</td>
              <td>
                {/* Dates more than 12 months apart make one of them stale: the guard covers it. */}
                {row.contested || row.self?.stale || row.independent?.stale ? (
                  <ul className="entry-flags">
                    {row.contested ? <li className="flag warning">{t('contested')}</li> : null}
                    {row.self?.stale || row.independent?.stale ? (
                      <li className="flag">{t('stale')}</li>
                    ) : null}
                    {row.self &&
                    row.independent &&
                    farApart(row.self.asOf, row.independent.asOf) ? (
                      <li className="flag">{t('farApart')}</li>
                    ) : null}
                  </ul>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Numbered links to the pages of a pair table (the first, the last, the current one and its
 * neighbours), as real links: they work without JavaScript and each is a step in the history.
 */
export async function PairPages({
  page,
  pages,
  label,
  hrefOf,
}: {
  page: number;
  pages: number;
  label: string;
  hrefOf: (page: number) => string;
}) {
  if (pages <= 1) return null;
  const t = await getTranslations('common');
  const format = await getFormatter();
  const shown = [...new Set([1, page - 1, page, page + 1, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  return (
    <nav className="pagination" aria-label={label}>
      <ul>
        {page > 1 ? (
          <li>
            <Link href={hrefOf(page - 1)} rel="prev">
              {t('previous')}
            </Link>
          </li>
        ) : null}
        {shown.map((n, index) => (
          <Fragment key={n}>
            {index > 0 && n - (shown[index - 1] as number) > 1 ? (
              <li aria-hidden="true">…</li>
            ) : null}
            <li>
              <Link
                href={hrefOf(n)}
                aria-current={n === page ? 'page' : undefined}
                aria-label={t('pageOf', { page: n, pages })}
              >
                {format.number(n)}
              </Link>
            </li>
          </Fragment>
        ))}
        {page < pages ? (
          <li>
            <Link href={hrefOf(page + 1)} rel="next">
              {t('next')}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
