'use client';

import { useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { useQuery } from '@tanstack/react-query';
import { STATUS_SCALE } from '@/lib/status-scale';
import type { Perspective } from '@/lib/taxonomy';
import type { MatrixPageDto, MatrixStatusDto } from '@/lib/summary-types';
import { dateOnly } from '@/lib/dates';
import { entryQuery } from './queries';
import { MatrixPagination } from './matrix-pagination';
import type { MatrixPaging } from './view';

type Cell = MatrixPageDto['cells'][number];

/** The scale's colours, once per matrix instead of a style attribute on each of thousands of cells. */
const STATUS_STYLES = Object.entries(STATUS_SCALE)
  .map(([key, scale]) => `.matrix-cell[data-status='${key}']{background:${scale.colour};color:${scale.textColour}}`)
  .join('');

/**
 * One page of actors x the view's commitments, each cell the current status from one
 * perspective. A grid with one tab stop: arrow keys move between cells, and the focused or
 * hovered cell's entries are read and described below it.
 */
export function StatusMatrix({
  matrix,
  perspective,
  onPerspectiveChange,
  hrefOf,
  onPageChange,
}: {
  matrix: MatrixPageDto;
  perspective: Perspective;
  onPerspectiveChange: (perspective: Perspective) => void;
  /** The URL of another page of the matrix, with the view's filters. */
  hrefOf: (paging: MatrixPaging) => string;
  onPageChange: (paging: MatrixPaging) => void;
}) {
  const t = useTranslations('matrix');
  const tStatus = useTranslations('status');
  const format = useFormatter();
  const [active, setActive] = useState<{ row: number; column: number }>({ row: 0, column: 0 });
  const [described, setDescribed] = useState<{ actor: string; code: string; cell: Cell | undefined } | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  const cells = useMemo(() => new Map(matrix.cells.map((cell) => [`${cell.actorId}:${cell.code}`, cell])), [matrix.cells]);
  const actors = matrix.actors;
  const day = (value: string) => format.dateTime(dateOnly(value), { dateStyle: 'medium', timeZone: 'UTC' });

  const describeStatus = (status: MatrixStatusDto | null) =>
    status
      ? t('statusAsOf', { status: tStatus(status.status), date: day(status.asOf), stale: status.stale ? 'yes' : 'no' })
      : t('noReport');
  const cellLabel = (actor: string, code: string, cell: Cell | undefined) => {
    if (!cell) return t('notApplicable', { actor, code });
    const status = cell[perspective];
    return `${actor}, ${code}: ${describeStatus(status)}${cell.contested ? `, ${t('contested')}` : ''}`;
  };

  const moveFocus = (row: number, column: number) => {
    const rows = actors.length;
    const columns = matrix.commitments.length;
    const next = { row: Math.max(0, Math.min(rows - 1, row)), column: Math.max(0, Math.min(columns - 1, column)) };
    setActive(next);
    const target = tableRef.current?.querySelector<HTMLElement>(`[data-cell="${next.row}:${next.column}"]`);
    target?.focus();
  };
  // One handler on the table, not two per cell: a page holds thousands of cells.
  const cellAt = (target: EventTarget) => {
    const [row, column] = ((target as HTMLElement).closest?.('td[data-cell]')?.getAttribute('data-cell') ?? '').split(':').map(Number);
    const actor = actors[row ?? -1];
    const commitment = matrix.commitments[column ?? -1];
    if (row === undefined || column === undefined || !actor || !commitment) return null;
    return { row, column, described: { actor: actor.name, code: commitment.code, cell: cells.get(`${actor.id}:${commitment.code}`) } };
  };
  const onFocus = (event: FocusEvent<HTMLTableElement>) => {
    const at = cellAt(event.target);
    if (!at) return;
    setActive({ row: at.row, column: at.column });
    setDescribed(at.described);
  };
  const onMouseOver = (event: MouseEvent<HTMLTableElement>) => {
    const at = cellAt(event.target);
    // Moving within a cell describes nothing new: no re-render of the page's thousands of cells.
    if (at && (at.described.actor !== described?.actor || at.described.code !== described?.code)) setDescribed(at.described);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [active.row - 1, active.column],
      ArrowDown: [active.row + 1, active.column],
      ArrowLeft: [active.row, active.column - 1],
      ArrowRight: [active.row, active.column + 1],
      Home: [active.row, 0],
      End: [active.row, matrix.commitments.length - 1],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    moveFocus(move[0], move[1]);
  };

  const pagination = <MatrixPagination paging={matrix} total={matrix.total} hrefOf={hrefOf} onPageChange={onPageChange} />;
  if (matrix.total === 0 || matrix.commitments.length === 0) return <p>{t('empty')}</p>;
  if (matrix.actors.length === 0) return pagination;

  return (
    <div className="matrix">
      <div className="segmented" role="group" aria-label={t('perspective')}>
        {(['self', 'independent'] as const).map((option) => (
          <button key={option} type="button" className="button secondary" aria-pressed={perspective === option} onClick={() => onPerspectiveChange(option)}>
            {t(`perspectives.${option}`)}
          </button>
        ))}
      </div>
      <p className="meta">{t('instructions')}</p>
      {pagination}
      <div className="table-scroll matrix-scroll">
        <style>{STATUS_STYLES}</style>
        <table ref={tableRef} className="matrix-table" onKeyDown={onKeyDown} onFocus={onFocus} onMouseOver={onMouseOver}>
          <caption className="visually-hidden">{t('caption', { perspective: t(`perspectives.${perspective}`) })}</caption>
          <thead>
            <tr>
              <th scope="col" className="matrix-corner">
                {t('actor')}
              </th>
              {matrix.commitments.map((commitment) => (
                <th key={commitment.code} scope="col" title={commitment.title}>
                  <a href={`/commitments/${commitment.code}`}>{commitment.code}</a>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {actors.map((actor, row) => (
              <tr key={actor.id}>
                <th scope="row">
                  <a href={`/actors/${actor.id}`}>{actor.name}</a>
                </th>
                {matrix.commitments.map((commitment, column) => {
                  const cell = cells.get(`${actor.id}:${commitment.code}`);
                  const status = cell?.[perspective] ?? null;
                  const scale = status ? STATUS_SCALE[status.status] : null;
                  const isActive = active.row === row && active.column === column;
                  return (
                    <td
                      key={commitment.code}
                      data-cell={`${row}:${column}`}
                      data-status={status?.status}
                      tabIndex={isActive ? 0 : -1}
                      aria-label={cellLabel(actor.name, commitment.code, cell)}
                      className={`matrix-cell${cell ? '' : ' not-applicable'}${status ? '' : ' no-report'}${cell?.contested ? ' contested' : ''}${status?.stale ? ' stale' : ''}`}
                    >
                      <span aria-hidden="true">
                        {cell ? (scale ? scale.symbol : '·') : ''}
                        {cell?.contested ? '!' : ''}
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="matrix-detail" aria-live="polite">
        {described?.cell ? (
          <CellDetail cell={described.cell} matrix={matrix} describeStatus={describeStatus} />
        ) : described ? (
          <p>{t('notApplicable', { actor: described.actor, code: described.code })}</p>
        ) : (
          <p className="meta">{t('hint')}</p>
        )}
      </div>
      <p className="meta">{t('key')}</p>
    </div>
  );
}

function CellDetail({ cell, matrix, describeStatus }: { cell: Cell; matrix: MatrixPageDto; describeStatus: (status: MatrixStatusDto | null) => string }) {
  const t = useTranslations('matrix');
  const actor = matrix.actors.find((candidate) => candidate.id === cell.actorId)?.name ?? '';
  const commitment = matrix.commitments.find((candidate) => candidate.code === cell.code);
  return (
    <dl className="facts">
      <dt>{t('pair')}</dt>
      <dd>
        {actor} · {cell.code} {commitment?.title}
        {cell.contested ? <strong> · {t('contested')}</strong> : null}
      </dd>
      {(['self', 'independent'] as const).map((perspective) => {
        const status = cell[perspective];
        return [
          <dt key={`${perspective}-term`}>{t(`perspectives.${perspective}`)}</dt>,
          <dd key={`${perspective}-detail`}>
            {describeStatus(status)}
            {status ? (
              <>
                {' · '}
                <EntryLink code={cell.code} entryId={status.entryId} />
              </>
            ) : null}
          </dd>,
        ];
      })}
    </dl>
  );
}

/** The entry behind a cell: its one-line summary and reporter, read when the cell is opened. */
function EntryLink({ code, entryId }: { code: string; entryId: number }) {
  const t = useTranslations('matrix');
  const entry = useQuery(entryQuery(entryId));
  if (entry.isError) return <span>{t('entryFailed')}</span>;
  if (!entry.data) return <span className="meta">{t('loadingEntry')}</span>;
  return (
    <>
      <a href={`/commitments/${code}#entry-${entryId}`}>{entry.data.summary}</a> ({entry.data.reporter})
    </>
  );
}
