'use client';

import {
  useRef,
  useState,
  useSyncExternalStore,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { getPathname } from '@/lib/i18n/navigation';
import { textDirection } from '@/lib/i18n/locales';
import { SOURCE_REPORT_LANGUAGE } from '@/lib/source-language';
import { useQuery } from '@tanstack/react-query';
import { NO_REPORT_SYMBOL, STATUS_KEYS, STATUS_SCALE } from '@/lib/status-scale';
import type { Perspective } from '@/lib/taxonomy';
import { dateOnly } from '@/lib/dates';
import { entryQuery } from './queries';
import { ColumnPagination, MatrixPagination } from './matrix-pagination';
import {
  matrixCell,
  shortTitle,
  type CellStatus,
  type MatrixCell,
  type MatrixView,
} from './matrix-view';
import type { MatrixPaging } from './view';
import './status-matrix.css';

const noReport = JSON.stringify(NO_REPORT_SYMBOL);

/**
 * The scale's colours and symbols (and no report's), once per matrix instead of on each of
 * thousands of cells. The symbol repeats the cell's text (its status, read by screen readers), so
 * it is silent: `/ ""`.
 */
const STATUS_STYLES = STATUS_KEYS.map((key, index) => {
  const { colour, textColour, symbol } = STATUS_SCALE[key];
  return `.matrix-table td.s${index}{background:${colour};color:${textColour}}.matrix-table td.s${index}::before{content:${JSON.stringify(symbol)};content:${JSON.stringify(symbol)} / ""}`;
})
  .concat(`.matrix-table td.nr::before{content:${noReport};content:${noReport} / ""}`)
  .join('');

/** The same looks for the phone's cards, whose cells are list items. */
const CARD_STYLES = STATUS_STYLES.replaceAll('.matrix-table td.', '.matrix-card-cells li.');

/** A phone's width: a card per actor instead of a grid that scrolls sideways. */
const PHONE = '(max-width: 40rem)';
const subscribePhone = (onChange: () => void) => {
  const query = window.matchMedia(PHONE);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};

/** False on the server and while hydrating (the grid), then whether the screen is a phone's. */
function useIsPhone(): boolean {
  return useSyncExternalStore(
    subscribePhone,
    () => window.matchMedia(PHONE).matches,
    () => false,
  );
}

/** What a cell shows: a class for its colour, symbol and outlines, and its text. */
interface CellLook {
  className: string | undefined;
  text: string;
}

/**
 * The cell an element of the table stands for: its row in the body and its column after the row
 * header; -1 for the header row (a commitment) or the header column (an actor).
 */
function positionOf(target: EventTarget): { row: number; column: number } | null {
  const cell = (target as HTMLElement).closest?.('td, th') as HTMLTableCellElement | null;
  const row = cell?.parentElement as HTMLTableRowElement | null | undefined;
  const section = row?.parentElement?.tagName;
  if (!cell || !row || (section !== 'TBODY' && section !== 'THEAD')) return null;
  return { row: section === 'THEAD' ? -1 : row.sectionRowIndex, column: cell.cellIndex - 1 };
}

/**
 * One page of actors x the view's commitments, each cell the current status from one
 * perspective: a data table whose cells carry their status as text (the colour and symbol only
 * repeat it). One tab stop: arrow keys move between cells and onto the actors' and commitments'
 * links in the headers, and the focused or hovered cell is described below the table, its entries
 * read when it is opened. On a phone, a card per actor instead.
 */
export function StatusMatrix({
  matrix,
  actorNames,
  perspective,
  onPerspectiveChange,
  hrefOf,
  onPageChange,
}: {
  matrix: MatrixView;
  /** States' names in the page's locale by stored name, for the reporters the API names in English. */
  actorNames: Record<string, string>;
  perspective: Perspective;
  onPerspectiveChange: (perspective: Perspective) => void;
  /** The URL of another page of the matrix, with the view's filters. */
  hrefOf: (paging: MatrixPaging) => string;
  onPageChange: (paging: MatrixPaging) => void;
}) {
  const t = useTranslations('matrix');
  const tStatus = useTranslations('status');
  // Plain links (a page of the matrix has hundreds), with the page's locale.
  const locale = useLocale();
  const rtl = textDirection(locale) === 'rtl';
  const [active, setActive] = useState<{ row: number; column: number }>({ row: 0, column: 0 });
  // By actor and commitment, so a new page of the matrix never describes another pair.
  const [described, setDescribed] = useState<{ actorId: number; code: string } | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const phone = useIsPhone();
  const { actors, commitments } = matrix;
  const rows = actors.length;
  const columns = commitments.length;
  const activeRow = Math.min(active.row, rows - 1);
  const activeColumn = Math.min(active.column, columns - 1);
  const activeAt = (row: number, column: number) => row === activeRow && column === activeColumn;

  // A page holds thousands of cells but only a few kinds of them: each kind's text is built once,
  // found by the cell's three characters in the page's row (matrix-view.ts), which say all a look needs.
  const looks = new Map<string, CellLook>();
  const lookOf = (row: number, column: number): CellLook => {
    const key = matrix.rows[row]?.slice(column * 3, column * 3 + 3) ?? '';
    let look = looks.get(key);
    if (!look) {
      const cell = matrixCell(matrix, row, column);
      const status = cell?.[perspective] ?? null;
      const classes = cell
        ? [
            status ? `s${STATUS_KEYS.indexOf(status.status)}` : 'nr',
            status?.stale ? 'st' : '',
            cell.contested ? 'c' : '',
          ]
        : ['na'];
      const text = !cell
        ? t('doesNotApply')
        : `${status ? t('statusOf', { status: tStatus(status.status), stale: status.stale ? 'yes' : 'no' }) : t('noReport')}${cell.contested ? `, ${t('contested')}` : ''}`;
      look = { className: classes.filter(Boolean).join(' '), text };
      looks.set(key, look);
    }
    return look;
  };

  const focusCell = (row: number, column: number) => {
    const next = {
      row: Math.max(-1, Math.min(rows - 1, row)),
      column: Math.max(-1, Math.min(columns - 1, column)),
    };
    if (next.row === -1 && next.column === -1) return;
    const table = tableRef.current;
    const cell =
      next.row === -1
        ? table?.tHead?.rows[0]?.cells[next.column + 1]
        : table?.tBodies[0]?.rows[next.row]?.cells[next.column + 1];
    // A header is reached through its link, so Enter opens the commitment or the actor.
    const target = next.row === -1 || next.column === -1 ? cell?.querySelector('a') : cell;
    if (!target) return;
    // Only the active cell is in the tab order (React moves tabIndex=0 with the state); focus needs it now.
    target.tabIndex = 0;
    target.focus();
    setActive(next);
  };
  const describe = (at: { row: number; column: number }) => {
    const actor = actors[at.row];
    const commitment = commitments[at.column];
    if (
      !actor ||
      !commitment ||
      (described?.actorId === actor.id && described.code === commitment.code)
    )
      return;
    setDescribed({ actorId: actor.id, code: commitment.code });
  };
  // One handler of each on the table, not on each cell.
  const onFocus = (event: FocusEvent<HTMLTableElement>) => {
    const at = positionOf(event.target);
    if (!at) return;
    setActive(at);
    if (at.row >= 0 && at.column >= 0) describe(at);
  };
  const onMouseOver = (event: MouseEvent<HTMLTableElement>) => {
    const at = positionOf(event.target);
    if (at && at.row >= 0 && at.column >= 0) describe(at);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const at = positionOf(event.target);
    if (!at) return;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [at.row - 1, at.column],
      ArrowDown: [at.row + 1, at.column],
      // Left and right as seen: right to left, the next column is to the left.
      ArrowLeft: [at.row, at.column + (rtl ? 1 : -1)],
      ArrowRight: [at.row, at.column + (rtl ? -1 : 1)],
      Home: [at.row, at.row === -1 ? 0 : -1],
      End: [at.row, columns - 1],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    focusCell(move[0], move[1]);
  };

  const paging = { page: matrix.page, limit: matrix.limit, columns: matrix.columns };
  const pagination = (
    <>
      <MatrixPagination
        paging={paging}
        total={matrix.total}
        hrefOf={hrefOf}
        onPageChange={onPageChange}
      />
      <ColumnPagination
        paging={paging}
        total={matrix.commitmentTotal}
        hrefOf={hrefOf}
        onPageChange={onPageChange}
      />
    </>
  );
  if (matrix.total === 0 || matrix.commitmentTotal === 0) return <p>{t('empty')}</p>;
  // A page past the last (a link kept from before the data changed): the way back.
  if (rows === 0 || columns === 0) return pagination;

  const describedRow = described ? actors.findIndex((actor) => actor.id === described.actorId) : -1;
  const describedColumn = described
    ? commitments.findIndex((commitment) => commitment.code === described.code)
    : -1;
  const describedActor = actors[describedRow];
  const describedCommitment = commitments[describedColumn];
  const describedCell =
    describedActor && describedCommitment
      ? matrixCell(matrix, describedRow, describedColumn)
      : undefined;

  return (
    <div className="matrix">
      <div className="segmented" role="group" aria-label={t('perspective')}>
        {(['self', 'independent'] as const).map((option) => (
          <button
            key={option}
            type="button"
            className="button secondary"
            aria-pressed={perspective === option}
            onClick={() => onPerspectiveChange(option)}
          >
            {t(`perspectives.${option}`)}
          </button>
        ))}
      </div>
      <p className="meta">{t(phone ? 'cardsIntro' : 'instructions')}</p>
      {pagination}
      {phone ? (
        <div>
          <style>{CARD_STYLES}</style>
          <ul
            className="matrix-cards"
            aria-label={t('caption', { perspective: t(`perspectives.${perspective}`) })}
          >
            {actors.map((actor, row) => (
              <li key={actor.id} className="matrix-card">
                <h3>
                  <a href={getPathname({ href: `/actors/${actor.id}`, locale })}>{actor.name}</a>
                </h3>
                <ul className="matrix-card-cells">
                  {commitments.map((commitment, column) => {
                    if (!matrixCell(matrix, row, column)) return null;
                    const look = lookOf(row, column);
                    return (
                      <li key={commitment.code} className={look.className} title={commitment.title}>
                        {commitment.code}
                        <span className="visually-hidden">: {look.text}</span>
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <div className="table-scroll matrix-scroll">
          <style>{STATUS_STYLES}</style>
          <table
            ref={tableRef}
            className="matrix-table"
            onKeyDown={onKeyDown}
            onFocus={onFocus}
            onMouseOver={onMouseOver}
          >
            <caption className="visually-hidden">
              {t('caption', { perspective: t(`perspectives.${perspective}`) })}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="matrix-corner">
                  {t('actor')}
                </th>
                {commitments.map((commitment, column) => {
                  const short = shortTitle(commitment.title);
                  // The whole title as a tooltip only where the header shortened it.
                  return (
                    <th
                      key={commitment.code}
                      scope="col"
                      title={short === commitment.title ? undefined : commitment.title}
                    >
                      <a
                        href={`/commitments/${commitment.code}`}
                        tabIndex={activeAt(-1, column) ? 0 : -1}
                      >
                        <span className="matrix-code">{commitment.code}</span>{' '}
                        <span
                          className="matrix-short-title"
                          lang={SOURCE_REPORT_LANGUAGE}
                          dir="auto"
                        >
                          {short}
                        </span>
                      </a>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {actors.map((actor, row) => (
                <tr key={actor.id}>
                  <th scope="row">
                    <a
                      href={getPathname({ href: `/actors/${actor.id}`, locale })}
                      tabIndex={activeAt(row, -1) ? 0 : -1}
                    >
                      {actor.name}
                    </a>
                  </th>
                  {commitments.map((commitment, column) => {
                    const look = lookOf(row, column);
                    return (
                      <td
                        key={commitment.code}
                        className={look.className}
                        tabIndex={activeAt(row, column) ? 0 : undefined}
                      >
                        <span>{look.text}</span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="matrix-detail" aria-live="polite" hidden={phone}>
        {describedActor && describedCommitment && describedCell ? (
          <CellDetail
            actor={describedActor.name}
            commitment={describedCommitment}
            cell={describedCell}
            actorNames={actorNames}
          />
        ) : describedActor && describedCommitment ? (
          <p>
            {t('notApplicable', { actor: describedActor.name, code: describedCommitment.code })}
          </p>
        ) : (
          <p className="meta">{t('hint')}</p>
        )}
      </div>
      <p className="meta">{t('key', { noReport: NO_REPORT_SYMBOL })}</p>
    </div>
  );
}

function CellDetail({
  actor,
  commitment,
  cell,
  actorNames,
}: {
  actor: string;
  commitment: { code: string; title: string };
  cell: MatrixCell;
  actorNames: Record<string, string>;
}) {
  const t = useTranslations('matrix');
  return (
    <dl className="facts">
      <dt>{t('pair')}</dt>
      <dd>
        {actor} · {commitment.code} {commitment.title}
        {cell.contested ? <strong> · {t('contested')}</strong> : null}
      </dd>
      {(['self', 'independent'] as const).map((perspective) => [
        <dt key={`${perspective}-term`}>{t(`perspectives.${perspective}`)}</dt>,
        <dd key={`${perspective}-detail`}>
          <CellEntry status={cell[perspective]} actorNames={actorNames} />
        </dd>,
      ])}
    </dl>
  );
}

/** A cell's status, then, read when the cell is opened, its date and the entry behind it: its one-line summary and reporter. */
function CellEntry({
  status,
  actorNames,
}: {
  status: CellStatus | null;
  actorNames: Record<string, string>;
}) {
  const t = useTranslations('matrix');
  const tStatus = useTranslations('status');
  // Plain links (a page of the matrix has hundreds), with the page's locale.
  const locale = useLocale();
  const format = useFormatter();
  const entry = useQuery({ ...entryQuery(status?.entryId ?? 0), enabled: status !== null });
  if (!status) return <>{t('noReport')}</>;
  const stale = status.stale ? 'yes' : 'no';
  if (entry.isError)
    return (
      <>
        {t('statusOf', { status: tStatus(status.status), stale })} · <span>{t('entryFailed')}</span>
      </>
    );
  if (!entry.data)
    return (
      <>
        {t('statusOf', { status: tStatus(status.status), stale })} ·{' '}
        <span className="meta">{t('loadingEntry')}</span>
      </>
    );
  const date = format.dateTime(dateOnly(entry.data.asOf), { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <>
      {t('statusAsOf', { status: tStatus(status.status), date, stale })} ·{' '}
      <a href={getPathname({ href: `/entries/${status.entryId}`, locale })}>{entry.data.summary}</a>{' '}
      ({actorNames[entry.data.reporter] ?? entry.data.reporter})
    </>
  );
}
