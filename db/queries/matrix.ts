import 'server-only';
import { getDb, openReader, type Db } from '../client';
import { memoByDataVersion } from '../cache';
import { isContested, isStale, pairKey, staleBefore, type CurrentStatus } from '../../lib/rollup';
import type { StatusKey } from '../../lib/status-scale';
import type { Perspective } from '../../lib/taxonomy';
import type {
  CellStatusDto,
  MatrixDto,
  MatrixPageDto,
  MatrixStatusDto,
} from '../../lib/summary-types';
import { todayUtc } from '../../lib/dates';
import {
  applicability,
  loadScope,
  scopeRows,
  viewKey,
  type DashboardFilters,
  type Scope,
} from './view-scope';

/** The matrix of a view, cached until the next write to the data it comes from (db/cache.ts). */
export function getMatrix(filters: DashboardFilters): MatrixDto {
  return memoByDataVersion(
    getDb(),
    viewKey('matrix', filters),
    () => computeMatrix(filters),
    (matrix) => matrix.cells.length,
  );
}

export function computeMatrix(filters: DashboardFilters): MatrixDto {
  const asOf = filters.asOf ?? todayUtc();
  const before = staleBefore(asOf);
  const scope = loadScope(filters);
  // The view's pairs only (one actor's page reads that actor's statuses, not the workspace's).
  type Status = Pick<CurrentStatus, 'entryId' | 'status' | 'asOf'>;
  const statuses = new Map<string, { self: Status | null; independent: Status | null }>();
  const rows =
    scope.actors.length === 0 || scope.commitments.length === 0
      ? []
      : pageStatuses(
          getDb().$client,
          scope.actors.map((actor) => actor.id),
          scope.commitments.map((commitment) => commitment.id),
          filters.asOf,
        );
  for (const [commitmentId, subjectId, perspective, entryId, status, statusAsOf] of rows) {
    const key = pairKey(commitmentId, subjectId);
    const pair = statuses.get(key) ?? { self: null, independent: null };
    pair[perspective] = { entryId, status, asOf: statusAsOf };
    statuses.set(key, pair);
  }
  const details = entryDetails(
    getDb().$client,
    rows.map(([, , , entryId]) => entryId),
  );
  const cell = (status: Status | null) =>
    status
      ? {
          status: status.status,
          asOf: status.asOf,
          entryId: status.entryId,
          stale: isStale(status, before),
          summary: details.get(status.entryId)?.summary ?? '',
          reporter: details.get(status.entryId)?.reporter ?? '',
        }
      : null;
  const codes = new Map(scope.commitments.map((commitment) => [commitment.id, commitment.code]));
  const actorsWithPairs = new Set(scope.pairs.map((pair) => pair.actorId));
  return {
    asOf,
    actors: scope.actors
      .filter((actor) => actorsWithPairs.has(actor.id))
      .map(({ id, name }) => ({ id, name })),
    commitments: scope.commitments.map(({ code, title }) => ({ code, title })),
    cells: scope.pairs.map((pair) => {
      const both = statuses.get(pairKey(pair.commitmentId, pair.actorId));
      return {
        actorId: pair.actorId,
        code: codes.get(pair.commitmentId) ?? '',
        self: cell(both?.self ?? null),
        independent: cell(both?.independent ?? null),
        contested: isContested(both?.self?.status, both?.independent?.status),
      };
    }),
  };
}

export interface MatrixPaging {
  page: number;
  /** Actors per page. */
  limit: number;
}

/** One page of the matrix, cached like the whole one (db/cache.ts). */
export function getMatrixPage(filters: DashboardFilters, paging: MatrixPaging): MatrixPageDto {
  return memoByDataVersion(
    getDb(),
    viewKey('matrix-page', filters, `${paging.page}|${paging.limit}`),
    () => computeMatrixPage(filters, paging),
    (page) => page.cells.length,
  );
}

/**
 * A view's scope, cached per data version under the key the summary keeps it under
 * (db/queries/summary.ts: it does not depend on the date or the perspective), so the overview
 * reads a view's actors and commitments once for its figures and its matrix page. Its `pairs` are
 * never enumerated here: they would grow a value the cache has already counted.
 */
export function cachedScope(filters: DashboardFilters): Scope {
  return memoByDataVersion(
    getDb(),
    viewKey('scope', { ...filters, asOf: undefined, perspective: undefined }),
    () => loadScope(filters),
    scopeRows,
  );
}

type StatusRow = [
  commitmentId: number,
  subjectId: number,
  perspective: Perspective,
  entryId: number,
  status: StatusKey,
  asOf: string,
];

/**
 * The statement that reads the current statuses of `actors` actors on `commitments` commitments:
 * from the kept table now (its subject index covers every column read), or the latest counted
 * entry of each pair as of a past date (the roll-up's order of currency: as-of, published, id),
 * from the partial index of counted entries (progress_entries_counted_idx), which holds every
 * column read. Parameters: the actor ids and the commitment ids as JSON arrays, and for a past
 * date the date between them.
 */
export function pageStatusesSql(actors: number, commitments: number, past: boolean): string {
  // A short list leads (found by its index), the other is a set lookup (unary +): a page of
  // actors (up to 200) or one actor by the actors, one commitment's 2,000 actors by the
  // commitment; two long lists (the whole matrix) are one pass over the statuses with two set
  // lookups. An actor holds ~1 row per commitment, read from the covering subject index; a
  // commitment ~1 per actor (~10 times more, read from the table): the actors lead up to 10 per commitment.
  const byActor = actors <= 200 && actors <= 10 * commitments;
  const byCommitment = !byActor && commitments <= 20;
  const subject = `${byActor ? '' : '+'}subject_id IN (SELECT value FROM json_each(?))`;
  if (!past) {
    const commitment = `${byCommitment ? '' : '+'}commitment_id IN (SELECT value FROM json_each(?))`;
    return `SELECT commitment_id, subject_id, perspective, entry_id, status, as_of FROM current_status WHERE ${subject} AND ${commitment}`;
  }
  // The counted index is ordered by perspective, commitment, actor and as-of: a page of actors
  // seeks each of its pairs' entries up to the date (perspectives x commitments x actors seeks,
  // both lists lead), instead of reading each of its actors' entries from the table.
  const commitment = `${byActor || byCommitment ? '' : '+'}commitment_id IN (SELECT value FROM json_each(?))`;
  return `SELECT commitment_id, subject_id, perspective, id, status, as_of FROM (
         SELECT commitment_id, subject_id, perspective, id, status, as_of,
           row_number() OVER (PARTITION BY commitment_id, subject_id, perspective ORDER BY as_of DESC, published_at DESC, id DESC) AS rank
         FROM progress_entries INDEXED BY progress_entries_counted_idx
         WHERE perspective IN ('independent', 'self') AND ${subject} AND as_of <= ?
           AND state = 'published' AND withdrawn_at IS NULL AND superseded_by_id IS NULL
           AND ${commitment}
       ) WHERE rank = 1`;
}

type Client = Db['$client'];

/** The current statuses of these actors only, now or as of a past date (pageStatusesSql). */
function pageStatuses(
  client: Client,
  actorIds: readonly number[],
  commitmentIds: readonly number[],
  asOf: string | undefined,
): StatusRow[] {
  const statement = client
    .prepare(pageStatusesSql(actorIds.length, commitmentIds.length, asOf !== undefined))
    .raw();
  const actors = JSON.stringify(actorIds);
  const commitments = JSON.stringify(commitmentIds);
  return (
    asOf === undefined
      ? statement.all(actors, commitments)
      : statement.all(actors, asOf, commitments)
  ) as StatusRow[];
}

/** The actors a scope's matrix lists (by name): those with at least one applicable commitment. */
function listedActors(scope: Scope): Scope['actors'] {
  const kindsWithPairs = new Set([...applicability(scope).byCommitment.values()].flat());
  return scope.actors.filter((actor) => kindsWithPairs.has(actor.kind));
}

/** The cells of these actors x the scope's commitments, read through `client`, row-major. */
function pageCells(
  client: Client,
  scope: Scope,
  actors: Scope['actors'],
  asOf: string | undefined,
): MatrixPageDto['cells'] {
  const before = staleBefore(asOf ?? todayUtc());
  const { byCommitment } = applicability(scope);
  const statuses = new Map<
    string,
    { self: MatrixStatusDto | null; independent: MatrixStatusDto | null }
  >();
  const rows =
    actors.length === 0
      ? []
      : pageStatuses(
          client,
          actors.map((actor) => actor.id),
          scope.commitments.map((commitment) => commitment.id),
          asOf,
        );
  for (const [commitmentId, subjectId, perspective, entryId, status, statusAsOf] of rows) {
    const key = pairKey(commitmentId, subjectId);
    const pair = statuses.get(key) ?? { self: null, independent: null };
    pair[perspective] = {
      status,
      asOf: statusAsOf,
      entryId,
      stale: isStale({ asOf: statusAsOf }, before),
    };
    statuses.set(key, pair);
  }
  const cells: MatrixPageDto['cells'] = [];
  for (const actor of actors) {
    for (const commitment of scope.commitments) {
      if (!(byCommitment.get(commitment.id) ?? []).includes(actor.kind)) continue;
      const pair = statuses.get(pairKey(commitment.id, actor.id));
      cells.push({
        actorId: actor.id,
        code: commitment.code,
        self: pair?.self ?? null,
        independent: pair?.independent ?? null,
        contested: isContested(pair?.self?.status, pair?.independent?.status),
      });
    }
  }
  return cells;
}

/**
 * One page of actors (by name, those with at least one applicable commitment) x the view's
 * commitments, computed for those actors only: never the view's 400,000 pairs. Cells carry what
 * colours them; an entry's summary and reporter are read on demand (GET /api/v1/entries/{id}).
 */
export function computeMatrixPage(
  filters: DashboardFilters,
  { page, limit }: MatrixPaging,
): MatrixPageDto {
  const scope = cachedScope(filters);
  const listed = listedActors(scope);
  const actors = listed.slice((page - 1) * limit, page * limit);
  return {
    asOf: filters.asOf ?? todayUtc(),
    actors: actors.map(({ id, name }) => ({ id, name })),
    commitments: scope.commitments.map(({ code, title }) => ({ code, title })),
    cells: pageCells(getDb().$client, scope, actors, filters.asOf),
    total: listed.length,
    page,
    limit,
  };
}

/** The summary and reporter of each of these entries, by id. */
function entryDetails(
  client: Client,
  entryIds: readonly number[],
): Map<number, { summary: string; reporter: string }> {
  const rows = client
    .prepare(
      `SELECT e.id, e.summary, r.name FROM progress_entries e JOIN actors r ON r.id = e.reporter_id
       WHERE e.id IN (SELECT value FROM json_each(?))`,
    )
    .raw()
    .all(JSON.stringify(entryIds)) as [number, string, string][];
  return new Map(rows.map(([id, summary, reporter]) => [id, { summary, reporter }]));
}

type DetailedStatusRow = [...StatusRow, reporterId: number | null, summary: string | null];

/**
 * The statement that reads today's statuses of a page of actors with each one's reporter and
 * summary, from the index that holds them in actor order (current_status_matrix_idx), so a page
 * reads one stretch of it and no entry. A short list of commitments is sought within each actor's
 * stretch; a long one is a set lookup. Parameters: the actor ids and the commitment ids as JSON
 * arrays.
 */
export function exportStatusesSql(commitments: number): string {
  const commitment = `${commitments <= 20 ? '' : '+'}commitment_id IN (SELECT value FROM json_each(?))`;
  return `SELECT commitment_id, subject_id, perspective, entry_id, status, as_of, reporter_id, summary
    FROM current_status INDEXED BY current_status_matrix_idx
    WHERE subject_id IN (SELECT value FROM json_each(?)) AND ${commitment}`;
}

/** Cells per chunk of a matrix export (or one actor's if more): a bounded number in memory. */
export const MATRIX_EXPORT_CELLS = 500;

/** A view's whole matrix by pages of actors: `next()` is empty at the end; `close()` always. */
export interface MatrixExportCursor {
  asOf: string;
  actors: MatrixDto['actors'];
  commitments: MatrixDto['commitments'];
  /** Cells in all. */
  count: number;
  next(): MatrixDto['cells'];
  close(): void;
}

/**
 * The cells of computeMatrix, with each entry's summary and reporter, computed a page of actors at
 * a time so an export of 400,000 cells never sits in memory whole. The statuses are read on a
 * read-only connection of its own whose read transaction keeps every page to the snapshot of the
 * first (the scope is read in the same turn of the event loop, so no write of this server comes
 * between them). An in-memory database (tests) has no second connection: it is read directly.
 * Today's summaries and reporters come with the statuses (exportStatusesSql); a past date's are
 * read from their entries.
 */
export function openMatrixExport(
  filters: DashboardFilters,
  actorsPerPage?: number,
): MatrixExportCursor {
  const reader = openReader();
  const client = reader?.$client ?? getDb().$client;
  const close = () => {
    if (!reader || !client.open) return;
    if (client.inTransaction) client.prepare('COMMIT').run();
    client.close();
  };
  try {
    if (reader) {
      client.prepare('BEGIN').run();
      // The snapshot starts at the first read, not at BEGIN.
      client.prepare('SELECT count(*) FROM commitments').get();
    }
    const scope = loadScope(filters);
    const listed = listedActors(scope);
    const { byCommitment } = applicability(scope);
    const perKind = new Map<Scope['actors'][number]['kind'], number>();
    for (const kinds of byCommitment.values())
      for (const kind of kinds) perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
    const perPage =
      actorsPerPage ?? Math.max(1, Math.floor(MATRIX_EXPORT_CELLS / scope.commitments.length));
    const { commitments } = scope;
    const commitmentIds = commitments.map((commitment) => commitment.id);
    const commitmentAt = new Map(commitmentIds.map((id, index) => [id, index]));
    // Which commitments apply to each kind of actor, by the commitment's place in the list.
    const applies = new Map(
      [...perKind.keys()].map((kind) => [
        kind,
        commitments.map((commitment) => (byCommitment.get(commitment.id) ?? []).includes(kind)),
      ]),
    );
    // Reporters' names from memory, not a join for each status (a reporter may be outside the view).
    const names = new Map(
      client.prepare('SELECT id, name FROM actors').raw().all() as [number, string][],
    );
    const details = client
      .prepare(
        `SELECT id, summary, reporter_id FROM progress_entries
         WHERE id IN (SELECT value FROM json_each(?))`,
      )
      .raw();
    const current =
      filters.asOf === undefined
        ? client.prepare(exportStatusesSql(commitmentIds.length)).raw()
        : null;
    const before = staleBefore(filters.asOf ?? todayUtc());
    let at = 0;
    return {
      asOf: filters.asOf ?? todayUtc(),
      actors: listed.map(({ id, name }) => ({ id, name })),
      commitments: commitments.map(({ code, title }) => ({ code, title })),
      count: listed.reduce((sum, actor) => sum + (perKind.get(actor.kind) ?? 0), 0),
      next() {
        if (at >= listed.length || (reader && !client.open)) return [];
        const actors = listed.slice(at, (at += perPage));
        const actorAt = new Map(actors.map((actor, index) => [actor.id, index]));
        const actorIds = actors.map((actor) => actor.id);
        let rows: StatusRow[];
        const summaries = new Map<number, [summary: string, reporter: string]>();
        if (current) {
          // Today's statuses carry their entry's summary and reporter (current_status_matrix_idx).
          const detailed = current.all(
            JSON.stringify(actorIds),
            JSON.stringify(commitmentIds),
          ) as DetailedStatusRow[];
          rows = detailed as unknown as StatusRow[];
          for (const [, , , entryId, , , reporterId, summary] of detailed)
            summaries.set(entryId, [summary ?? '', names.get(reporterId!) ?? '']);
        } else {
          rows = pageStatuses(client, actorIds, commitmentIds, filters.asOf);
          // Each entry's summary and reporter, read in id order (neighbouring pages of the table).
          const entryIds = rows.map(([, , , entryId]) => entryId).sort((a, b) => a - b);
          for (const [id, summary, reporterId] of details.all(JSON.stringify(entryIds)) as [
            number,
            string,
            number,
          ][])
            summaries.set(id, [summary, names.get(reporterId) ?? '']);
        }
        // The two sides of each cell, by its place: actor x commitment.
        const self: (CellStatusDto | null)[] = [];
        const independent: (CellStatusDto | null)[] = [];
        for (const [commitmentId, subjectId, perspective, entryId, status, statusAsOf] of rows) {
          const place =
            actorAt.get(subjectId)! * commitments.length + commitmentAt.get(commitmentId)!;
          const detail = summaries.get(entryId);
          (perspective === 'self' ? self : independent)[place] = {
            status,
            asOf: statusAsOf,
            entryId,
            stale: isStale({ asOf: statusAsOf }, before),
            summary: detail?.[0] ?? '',
            reporter: detail?.[1] ?? '',
          };
        }
        const cells: MatrixDto['cells'] = [];
        actors.forEach((actor, actorIndex) => {
          const applying = applies.get(actor.kind) ?? [];
          commitments.forEach((commitment, commitmentIndex) => {
            if (!applying[commitmentIndex]) return;
            const place = actorIndex * commitments.length + commitmentIndex;
            const ofSelf = self[place] ?? null;
            const ofIndependent = independent[place] ?? null;
            cells.push({
              actorId: actor.id,
              code: commitment.code,
              self: ofSelf,
              independent: ofIndependent,
              contested: isContested(ofSelf?.status, ofIndependent?.status),
            });
          });
        });
        return cells;
      },
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}
