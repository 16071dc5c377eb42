import { Fragment, type ReactNode } from 'react';
import { getPathname, Link } from '@/lib/i18n/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { dateOnly } from '@/lib/dates';
import { farApart } from '@/lib/rollup';
import type { Perspective } from '@/lib/taxonomy';
import type { PairStatus } from '@/db/queries/commitment-page';
import { actorNamer } from '@/app/_lib/localized-names';
import { StatusBadge } from './status-badge';
import './pair-table.css';

export interface PairTableRow {
  key: string;
  /** The actor's or the commitment's page. */
  href: string;
  label: ReactNode;
  self: PairStatus | null;
  independent: (PairStatus & { reporter: string }) | null;
  contested: boolean;
}

/** One perspective of a pair as its entry reads now, with what the cell adds after its date. */
type PairCell = Pick<PairStatus, 'status' | 'asOf' | 'entryId' | 'stale'> | null;

/** What marks a pair: its two sides far apart (contested), a side stale, the dates far apart. */
interface PairMarks {
  contested: boolean;
  stale?: boolean;
  farApart: boolean;
}

/**
 * The cells every pair table shares (a commitment's actors, an actor's commitments, the pair
 * list): one perspective's status as a badge linking to its entry with its date, and the marks.
 * Each cell names its column in `data-label`, which a phone shows when the rows become cards
 * (pair-table.css).
 */
export async function pairCells() {
  const t = await getTranslations('pairs');
  const format = await getFormatter();
  const status = (perspective: Perspective, cell: PairCell, note?: string) => (
    <td data-label={t(perspective)}>
      {cell ? (
        <>
          <StatusBadge status={cell.status} href={`/entries/${cell.entryId}`} />{' '}
          <span className="meta">
            {t('asOf', {
              date: format.dateTime(dateOnly(cell.asOf), { dateStyle: 'medium', timeZone: 'UTC' }),
            })}
            {cell.stale ? ` (${t('stale')})` : ''}
            {note ? ` · ${note}` : ''}
          </span>
        </>
      ) : (
        <span className="no-report-text">{t('noReport')}</span>
      )}
    </td>
  );
  const marks = ({ contested, stale, farApart }: PairMarks) => (
    <td data-label={t('flags')}>
      {contested || stale || farApart ? (
        <ul className="entry-flags">
          {contested ? <li className="flag warning">{t('contested')}</li> : null}
          {stale ? <li className="flag">{t('stale')}</li> : null}
          {farApart ? <li className="flag">{t('farApart')}</li> : null}
        </ul>
      ) : null}
    </td>
  );
  return { status, marks };
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
  const locale = await getLocale();
  const t = await getTranslations('pairs');
  const cells = await pairCells();
  const name = await actorNamer();
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
                <a href={getPathname({ href: row.href, locale })}>{row.label}</a>
              </th>
              {cells.status('self', row.self)}
              {cells.status(
                'independent',
                row.independent,
                row.independent ? name(row.independent.reporter) : undefined,
              )}
              {cells.marks({
                contested: row.contested,
                stale: row.self?.stale || row.independent?.stale,
                farApart: Boolean(
                  row.self && row.independent && farApart(row.self.asOf, row.independent.asOf),
                ),
              })}
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
