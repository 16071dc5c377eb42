'use client';

import type { MouseEvent } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { MATRIX_COLUMNS, MATRIX_PAGE_SIZES, type MatrixPaging } from './view';
import './matrix-pagination.css';

/** Page numbers to offer: the first, the last, and two either side of the current one; null is a gap. */
export function pageWindow(page: number, pages: number): (number | null)[] {
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  return shown.flatMap((n, index) => (index > 0 && n - (shown[index - 1] as number) > 1 ? [null, n] : [n]));
}

/**
 * The matrix's pages: real links (they work without JavaScript, open in a new tab, and each is a
 * step in the history), followed in place with a plain click; and the number of actors per page.
 */
export function MatrixPagination({
  paging,
  total,
  hrefOf,
  onPageChange,
}: {
  paging: MatrixPaging;
  total: number;
  hrefOf: (paging: MatrixPaging) => string;
  onPageChange: (paging: MatrixPaging) => void;
}) {
  const t = useTranslations('matrix');
  const format = useFormatter();
  const { page, limit } = paging;
  const pages = Math.max(1, Math.ceil(total / limit));
  const follow = (target: MatrixPaging) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onPageChange(target);
  };
  const at = (target: number): MatrixPaging => ({ ...paging, page: target });
  const link = (target: number, label: string, rel?: string) => (
    <a href={hrefOf(at(target))} rel={rel} onClick={follow(at(target))}>
      {label}
    </a>
  );
  const from = Math.min(total, (page - 1) * limit + 1);
  const to = Math.min(total, page * limit);
  return (
    <div className="matrix-pagination">
      <p className="meta" id="matrix-showing">
        {t('showing', { from, to, total })}
      </p>
      {pages > 1 ? (
        <nav className="pagination" aria-label={t('pages')}>
          <ul>
            {page > 1 ? <li>{link(page - 1, t('previous'), 'prev')}</li> : null}
            {pageWindow(page, pages).map((n, index) =>
              n === null ? (
                <li key={`gap-${index}`} aria-hidden="true">
                  …
                </li>
              ) : n === page ? (
                <li key={n}>
                  <a href={hrefOf(at(n))} aria-current="page" aria-label={t('pageOf', { page: n, pages })} onClick={follow(at(n))}>
                    {format.number(n)}
                  </a>
                </li>
              ) : (
                <li key={n}>
                  <a href={hrefOf(at(n))} aria-label={t('page', { page: n })} onClick={follow(at(n))}>
                    {format.number(n)}
                  </a>
                </li>
              ),
            )}
            {page < pages ? <li>{link(page + 1, t('next'), 'next')}</li> : null}
          </ul>
        </nav>
      ) : null}
      <div className="field matrix-page-size">
        <label htmlFor="matrix-page-size">{t('perPage')}</label>
        <select id="matrix-page-size" value={limit} onChange={(event) => onPageChange({ ...paging, page: 1, limit: Number(event.target.value) })}>
          {[...new Set([...MATRIX_PAGE_SIZES, limit])].sort((a, b) => a - b).map((size) => (
            <option key={size} value={size}>
              {format.number(size)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/**
 * The matrix's pages of commitments (its columns), MATRIX_COLUMNS at a time: real links like the
 * pages of actors, which keep the page of actors.
 */
export function ColumnPagination({
  paging,
  total,
  hrefOf,
  onPageChange,
}: {
  paging: MatrixPaging;
  total: number;
  hrefOf: (paging: MatrixPaging) => string;
  onPageChange: (paging: MatrixPaging) => void;
}) {
  const t = useTranslations('matrix');
  const format = useFormatter();
  const pages = Math.max(1, Math.ceil(total / MATRIX_COLUMNS));
  const page = paging.columns;
  const at = (target: number): MatrixPaging => ({ ...paging, columns: target });
  const follow = (target: number) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onPageChange(at(target));
  };
  const from = Math.min(total, (page - 1) * MATRIX_COLUMNS + 1);
  const to = Math.min(total, page * MATRIX_COLUMNS);
  return (
    <div className="matrix-pagination">
      <p className="meta" id="matrix-columns-showing">
        {t('columnsShowing', { from, to, total })}
      </p>
      {pages > 1 ? (
        <nav className="pagination" aria-label={t('columnPages')}>
          <ul>
            {page > 1 ? (
              <li>
                <a href={hrefOf(at(page - 1))} onClick={follow(page - 1)}>
                  {t('previousColumns')}
                </a>
              </li>
            ) : null}
            {pageWindow(page, pages).map((n, index) =>
              n === null ? (
                <li key={`gap-${index}`} aria-hidden="true">
                  …
                </li>
              ) : (
                <li key={n}>
                  <a
                    href={hrefOf(at(n))}
                    aria-current={n === page ? 'page' : undefined}
                    aria-label={n === page ? t('columnPageOf', { page: n, pages }) : t('columnPage', { page: n })}
                    onClick={follow(n)}
                  >
                    {format.number(n)}
                  </a>
                </li>
              ),
            )}
            {page < pages ? (
              <li>
                <a href={hrefOf(at(page + 1))} onClick={follow(page + 1)}>
                  {t('nextColumns')}
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
