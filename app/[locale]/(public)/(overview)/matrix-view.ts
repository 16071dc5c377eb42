/**
 * A page of the matrix as the overview keeps it and sends it to the browser: one short string
 * per actor for the cells' statuses and flags, and the entry ids behind them, instead of an object
 * per cell (a page of every commitment has thousands of cells, and objects made its hydration data
 * an order of magnitude larger). The date of a cell's status is read with its entry, on demand (GET /api/v1/entries/{id}).
 */
import { STATUS_KEYS, type StatusKey } from '@/lib/status-scale';
import type { MatrixPageDto } from '@/lib/summary-types';
import { MATRIX_COLUMNS } from './view';

export interface MatrixView {
  asOf: string;
  actors: { id: number; name: string }[];
  /** This page's commitments (its columns): MATRIX_COLUMNS of the view's, from the page of columns. */
  commitments: { code: string; title: string }[];
  /** The view's commitments, on every page of columns. */
  commitmentTotal: number;
  /** The page of columns (1-based). */
  columns: number;
  /**
   * Per actor, three characters per commitment: the self-report's status and the assessment's
   * (the index in STATUS_KEYS, `.` no report), then the flags (a digit: 1 self-report stale,
   * 2 assessment stale, 4 contested); `---` where the commitment does not apply to the actor.
   */
  rows: string[];
  /** Per actor, two numbers per commitment: the self-report's entry id and the assessment's, 0 when none. */
  entries: number[][];
  total: number;
  page: number;
  limit: number;
}

export interface CellStatus {
  status: StatusKey;
  stale: boolean;
  entryId: number;
}

export interface MatrixCell {
  self: CellStatus | null;
  independent: CellStatus | null;
  contested: boolean;
}

const NO_REPORT = '.';
const NOT_APPLICABLE = '---';
const FLAGS = { selfStale: 1, independentStale: 2, contested: 4 } as const;

const statusChar = (status: { status: StatusKey } | null) =>
  status ? String(STATUS_KEYS.indexOf(status.status)) : NO_REPORT;

/** The API's page of the matrix (an object per applicable cell) in the overview's compact form, for one page of its columns. */
export function toMatrixView(page: MatrixPageDto, columns = 1): MatrixView {
  const cells = new Map(page.cells.map((cell) => [`${cell.actorId}:${cell.code}`, cell]));
  const commitments = page.commitments.slice(
    (columns - 1) * MATRIX_COLUMNS,
    columns * MATRIX_COLUMNS,
  );
  const rows: string[] = [];
  const entries: number[][] = [];
  for (const actor of page.actors) {
    let row = '';
    const ids: number[] = [];
    for (const commitment of commitments) {
      const cell = cells.get(`${actor.id}:${commitment.code}`);
      if (!cell) {
        row += NOT_APPLICABLE;
        ids.push(0, 0);
        continue;
      }
      const flags =
        (cell.self?.stale ? FLAGS.selfStale : 0) +
        (cell.independent?.stale ? FLAGS.independentStale : 0) +
        (cell.contested ? FLAGS.contested : 0);
      row += `${statusChar(cell.self)}${statusChar(cell.independent)}${flags}`;
      ids.push(cell.self?.entryId ?? 0, cell.independent?.entryId ?? 0);
    }
    rows.push(row);
    entries.push(ids);
  }
  const { asOf, actors, total, page: number, limit } = page;
  return {
    asOf,
    actors,
    commitments,
    commitmentTotal: page.commitments.length,
    columns,
    rows,
    entries,
    total,
    page: number,
    limit,
  };
}

function cellStatus(
  code: string | undefined,
  stale: boolean,
  entryId: number | undefined,
): CellStatus | null {
  const status = code === undefined || code === NO_REPORT ? undefined : STATUS_KEYS[Number(code)];
  return status ? { status, stale, entryId: entryId ?? 0 } : null;
}

/** The cell of an actor (row) and a commitment (column); undefined where the commitment does not apply. */
export function matrixCell(view: MatrixView, row: number, column: number): MatrixCell | undefined {
  const code = view.rows[row]?.slice(column * 3, column * 3 + 3);
  if (!code || code === NOT_APPLICABLE) return undefined;
  const flags = Number(code[2]);
  const ids = view.entries[row] ?? [];
  return {
    self: cellStatus(code[0], (flags & FLAGS.selfStale) !== 0, ids[column * 2]),
    independent: cellStatus(code[1], (flags & FLAGS.independentStale) !== 0, ids[column * 2 + 1]),
    contested: (flags & FLAGS.contested) !== 0,
  };
}

/** Characters of a commitment's title a matrix column header has room for. */
export const SHORT_TITLE_LENGTH = 28;

/**
 * A commitment's title as short as a column header needs: whole words up to `length` characters,
 * then "…" (the header's tooltip and the commitment's page have the whole title).
 */
export function shortTitle(title: string, length = SHORT_TITLE_LENGTH): string {
  if (title.length <= length) return title;
  // The last space at or before `length`, so a word that ends exactly there is kept.
  const space = title.lastIndexOf(' ', length);
  const words = space > 0 ? title.slice(0, space) : title.slice(0, length);
  return `${words.replace(/[\s,;:.–-]+$/u, '')}…`;
}
