'use client';

import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { STATUS_SCALE } from '@/lib/status-scale';
import type { Perspective } from '@/lib/taxonomy';
import type { CellStatusDto, MatrixDto } from '@/lib/summary-types';
import { dateOnly } from '@/lib/dates';

const INITIAL_ROWS = 20;

type Cell = MatrixDto['cells'][number];

/**
 * Actors x commitments, each cell the current status from one perspective. A grid with one tab
 * stop: arrow keys move between cells, and the focused or hovered cell's entry is described below.
 */
export function StatusMatrix({
  matrix,
  perspective,
  onPerspectiveChange,
}: {
  matrix: MatrixDto;
  perspective: Perspective;
  onPerspectiveChange: (perspective: Perspective) => void;
}) {
  const t = useTranslations('matrix');
  const tStatus = useTranslations('status');
  const format = useFormatter();
  const [showAll, setShowAll] = useState(false);
  const [active, setActive] = useState<{ row: number; column: number }>({ row: 0, column: 0 });
  const [described, setDescribed] = useState<{ actor: string; code: string; cell: Cell | undefined } | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  const cells = useMemo(() => new Map(matrix.cells.map((cell) => [`${cell.actorId}:${cell.code}`, cell])), [matrix.cells]);
  const actors = showAll ? matrix.actors : matrix.actors.slice(0, INITIAL_ROWS);
  const day = (value: string) => format.dateTime(dateOnly(value), { dateStyle: 'medium', timeZone: 'UTC' });

  const describeStatus = (status: CellStatusDto | null) =>
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

  if (matrix.actors.length === 0 || matrix.commitments.length === 0) return <p>{t('empty')}</p>;

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
      <div className="table-scroll matrix-scroll">
        <table ref={tableRef} className="matrix-table" onKeyDown={onKeyDown}>
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
                      tabIndex={isActive ? 0 : -1}
                      aria-label={cellLabel(actor.name, commitment.code, cell)}
                      className={`matrix-cell${cell ? '' : ' not-applicable'}${status ? '' : ' no-report'}${cell?.contested ? ' contested' : ''}${status?.stale ? ' stale' : ''}`}
                      style={scale ? { background: scale.colour, color: scale.textColour } : undefined}
                      onFocus={() => {
                        setActive({ row, column });
                        setDescribed({ actor: actor.name, code: commitment.code, cell });
                      }}
                      onMouseEnter={() => setDescribed({ actor: actor.name, code: commitment.code, cell })}
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
      {matrix.actors.length > INITIAL_ROWS ? (
        <button type="button" className="button secondary" onClick={() => setShowAll((value) => !value)} aria-expanded={showAll}>
          {showAll ? t('showFirst', { count: INITIAL_ROWS }) : t('showAll', { count: matrix.actors.length })}
        </button>
      ) : null}
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

function CellDetail({ cell, matrix, describeStatus }: { cell: Cell; matrix: MatrixDto; describeStatus: (status: CellStatusDto | null) => string }) {
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
                <a href={`/commitments/${cell.code}#entry-${status.entryId}`}>{status.summary}</a> ({status.reporter})
              </>
            ) : null}
          </dd>,
        ];
      })}
    </dl>
  );
}
