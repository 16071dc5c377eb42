'use client';

import type { MouseEvent } from 'react';
import { useTranslations } from 'next-intl';
import { useCount } from '@/lib/i18n/formats';
import { MATRIX_COLUMNS, MATRIX_PAGE_SIZES, type MatrixPaging } from './view';
import './matrix-pagination.css';

/** Page numbers to offer: the first, the last, and two either side of the current one; null is a gap. */
export function pageWindow(page: number, pages: number): (number | null)[] {
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  return shown.flatMap((n, index) =>
    index > 0 && n - (shown[index - 1] as number) > 1 ? [null, n] : [n],
  );
}

/** A plain click follows a page link in place; a click with a modifier (new tab, window) is left to the browser. */
function followInPlace(go: () => void) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    go();
  };
}

/**
 * Numbered page links (previous, a window of numbers, next) as real links: they work without
 * JavaScript, open in a new tab, and each is a step in the history.
 */
function PageLinks({
  page,
  pages,
  label,
  hrefOf,
  go,
  words,
  rel = false,
}: {
  page: number;
  pages: number;
  label: string;
  hrefOf: (page: number) => string;
  go: (page: number) => void;
  words: {
    previous: string;
    next: string;
    page: (page: number) => string;
    current: (page: number) => string;
  };
  /** rel="prev"/"next" on the previous and next links (the page's main sequence). */
  rel?: boolean;
}) {
  const count = useCount();
  if (pages <= 1) return null;
  const link = (target: number, text: string, relation?: string) => (
    <a
      href={hrefOf(target)}
      rel={rel ? relation : undefined}
      onClick={followInPlace(() => go(target))}
    >
      {text}
    </a>
  );
  return (
    <nav className="pagination" aria-label={label}>
      <ul>
        {page > 1 ? <li>{link(page - 1, words.previous, 'prev')}</li> : null}
        {pageWindow(page, pages).map((n, index) =>
          n === null ? (
            <li key={`gap-${index}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              <a
                href={hrefOf(n)}
                aria-current={n === page ? 'page' : undefined}
                aria-label={n === page ? words.current(n) : words.page(n)}
                onClick={followInPlace(() => go(n))}
              >
                {count(n)}
              </a>
            </li>
          ),
        )}
        {page < pages ? <li>{link(page + 1, words.next, 'next')}</li> : null}
      </ul>
    </nav>
  );
}

/** The matrix's pages of actors, followed in place with a plain click; and the number of actors per page. */
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
  const count = useCount();
  const { page, limit } = paging;
  const pages = Math.max(1, Math.ceil(total / limit));
  const at = (target: number): MatrixPaging => ({ ...paging, page: target });
  const from = Math.min(total, (page - 1) * limit + 1);
  const to = Math.min(total, page * limit);
  return (
    <div className="matrix-pagination">
      <p className="meta" id="matrix-showing">
        {t('showing', { from, to, total })}
      </p>
      <PageLinks
        page={page}
        pages={pages}
        label={t('pages')}
        hrefOf={(n) => hrefOf(at(n))}
        go={(n) => onPageChange(at(n))}
        words={{
          previous: t('previous'),
          next: t('next'),
          page: (n) => t('page', { page: n }),
          current: (n) => t('pageOf', { page: n, pages }),
        }}
        rel
      />
      <div className="field matrix-page-size">
        <label htmlFor="matrix-page-size">{t('perPage')}</label>
        <select
          id="matrix-page-size"
          value={limit}
          onChange={(event) =>
            onPageChange({ ...paging, page: 1, limit: Number(event.target.value) })
          }
        >
          {[...new Set([...MATRIX_PAGE_SIZES, limit])]
            .sort((a, b) => a - b)
            .map((size) => (
              <option key={size} value={size}>
                {count(size)}
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
  const pages = Math.max(1, Math.ceil(total / MATRIX_COLUMNS));
  const page = paging.columns;
  const at = (target: number): MatrixPaging => ({ ...paging, columns: target });
  const from = Math.min(total, (page - 1) * MATRIX_COLUMNS + 1);
  const to = Math.min(total, page * MATRIX_COLUMNS);
  return (
    <div className="matrix-pagination">
      <p className="meta" id="matrix-columns-showing">
        {t('columnsShowing', { from, to, total })}
      </p>
      <PageLinks
        page={page}
        pages={pages}
        label={t('columnPages')}
        hrefOf={(n) => hrefOf(at(n))}
        go={(n) => onPageChange(at(n))}
        words={{
          previous: t('previousColumns'),
          next: t('nextColumns'),
          page: (n) => t('columnPage', { page: n }),
          current: (n) => t('columnPageOf', { page: n, pages }),
        }}
      />
    </div>
  );
}
