import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../client';
import { demoDatabases } from '../../test/support/demo-database';
import { randomWriter } from '../../test/support/random-writes';
import type { MatrixDto, MatrixPageDto } from '../../lib/summary-types';
import {
  computeMatrix,
  computeMatrixPage,
  getMatrixPage,
  MATRIX_EXPORT_CELLS,
  exportStatusesSql,
  openMatrixExport,
  pageStatusesSql,
} from './matrix';
import { currentStatuses, isContested, pairKey } from '../../lib/rollup';
import { publishedRollupEntries } from '../../test/support/rollup-entries';
import type { DashboardFilters } from './view-scope';

let db: Db;
const freshDemoDatabase = demoDatabases();
beforeEach(() => {
  db = freshDemoDatabase();
  // The read functions use the process-wide connection.
  (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = db;
});

/** The full matrix's cells as a page sends them: without the entry's summary and reporter. */
function withoutDetails(cells: MatrixDto['cells']): MatrixPageDto['cells'] {
  const strip = (status: MatrixDto['cells'][number]['self']) =>
    status
      ? { status: status.status, asOf: status.asOf, entryId: status.entryId, stale: status.stale }
      : null;
  return cells.map((cell) => ({
    actorId: cell.actorId,
    code: cell.code,
    self: strip(cell.self),
    independent: strip(cell.independent),
    contested: cell.contested,
  }));
}

/** Every page of a view, in order, until one comes back empty. */
function allPages(filters: DashboardFilters, limit: number): MatrixPageDto[] {
  const pages: MatrixPageDto[] = [];
  for (let page = 1; ; page += 1) {
    const one = computeMatrixPage(filters, { page, limit });
    if (one.actors.length === 0) return pages;
    pages.push(one);
  }
}

describe('the matrix, one page of actors at a time', () => {
  const region = () =>
    db.$client
      .prepare(
        `SELECT region FROM actors WHERE region IS NOT NULL GROUP BY region ORDER BY count(*) DESC LIMIT 1`,
      )
      .pluck()
      .get() as string;
  const views = (): DashboardFilters[] => [
    {},
    { kind: 'state' },
    { theme: 'trafficking', region: region() },
    { objective: 10, perspective: 'independent' },
    { asOf: '2022-06-30' },
    { asOf: '2024-03-31', kind: 'state', theme: 'smuggling' },
    { asOf: '2010-01-01' },
  ];

  it('has, page after page, exactly the cells of the whole matrix, now and as of past dates, with filters', () => {
    // The demo holds corrections and withdrawals, which must not count: the pages must agree on them too.
    expect(
      db.$client
        .prepare(
          `SELECT count(*) FROM progress_entries WHERE superseded_by_id IS NOT NULL OR withdrawn_at IS NOT NULL`,
        )
        .pluck()
        .get(),
    ).toBeGreaterThan(0);
    for (const view of views()) {
      const full = computeMatrix(view);
      for (const limit of [3, 7, 200]) {
        const where = `${JSON.stringify(view)} limit ${limit}`;
        const pages = allPages(view, limit);
        expect(pages.length, where).toBe(Math.ceil(full.actors.length / limit));
        for (const [index, page] of pages.entries()) {
          expect(page, where).toMatchObject({
            asOf: full.asOf,
            commitments: full.commitments,
            total: full.actors.length,
            page: index + 1,
            limit,
          });
          expect(page.actors.length, where).toBeLessThanOrEqual(limit);
        }
        expect(
          pages.flatMap((page) => page.actors),
          where,
        ).toEqual(full.actors);
        expect(
          pages.flatMap((page) => page.cells),
          where,
        ).toEqual(withoutDetails(full.cells));
      }
    }
  });

  it('has in every cell the status the roll-up module finds for that pair, now and as of past dates', () => {
    const commitmentIds = new Map(
      (
        db.$client.prepare('SELECT code, id FROM commitments').raw().all() as [string, number][]
      ).map(([code, id]) => [code, id]),
    );
    const entries = publishedRollupEntries(db);
    for (const view of views()) {
      const expected = currentStatuses(entries, view.asOf);
      const full = computeMatrix(view);
      const where = JSON.stringify(view);
      for (const cell of full.cells) {
        const pair = expected.get(pairKey(commitmentIds.get(cell.code)!, cell.actorId));
        expect(
          [cell.self?.entryId ?? null, cell.independent?.entryId ?? null],
          `${where} ${cell.code} ${cell.actorId}`,
        ).toEqual([pair?.self?.entryId ?? null, pair?.independent?.entryId ?? null]);
        expect(cell.self?.status ?? null, where).toBe(pair?.self?.status ?? null);
        expect(cell.contested, where).toBe(
          isContested(pair?.self?.status, pair?.independent?.status),
        );
      }
      expect(full.cells.filter((cell) => cell.self || cell.independent).length, where).toBe(
        full.cells.filter((cell) =>
          expected.has(pairKey(commitmentIds.get(cell.code)!, cell.actorId)),
        ).length,
      );
    }
  });

  it('reports cells that have a status, contested and stale ones among them, so the comparison above is not of empty pages', () => {
    const cells = computeMatrixPage({}, { page: 1, limit: 200 }).cells;
    expect(cells.filter((cell) => cell.self).length).toBeGreaterThan(0);
    expect(cells.filter((cell) => cell.contested).length).toBeGreaterThan(0);
    expect(cells.filter((cell) => cell.self?.stale).length).toBeGreaterThan(0);
  });

  it('answers a page past the last with no actors and the same total', () => {
    const first = computeMatrixPage({}, { page: 1, limit: 5 });
    const beyond = computeMatrixPage({}, { page: Math.ceil(first.total / 5) + 1, limit: 5 });
    expect(beyond).toMatchObject({ actors: [], cells: [], total: first.total });
  });

  it('is cached per data version: a withdrawal shows on the next read', () => {
    const before = getMatrixPage({}, { page: 1, limit: 200 });
    const reported = before.cells.find((cell) => cell.self)!;
    const actorId = reported.actorId;
    // Withdraw the entry behind one cell, as an admin would: the cell falls back to the previous status or to no report.
    db.$client
      .prepare(
        `UPDATE progress_entries SET withdrawn_at = '2026-11-02T00:00:00.000Z', withdrawn_by = 'demo-user-admin', withdrawal_reason = 'test' WHERE id = ?`,
      )
      .run(reported.self!.entryId);
    const after = getMatrixPage({}, { page: 1, limit: 200 });
    expect(after).not.toEqual(before);
    expect(
      after.cells.find((cell) => cell.actorId === actorId && cell.code === reported.code)?.self
        ?.entryId,
    ).not.toBe(reported.self!.entryId);
    expect(after).toEqual(computeMatrixPage({}, { page: 1, limit: 200 }));
  });
});

describe('the matrix export, a page of actors at a time', () => {
  /** Every chunk of an export, read to the end. */
  function readExport(filters: DashboardFilters, actorsPerPage?: number) {
    const cursor = openMatrixExport(filters, actorsPerPage);
    const chunks: MatrixDto['cells'][] = [];
    try {
      for (let chunk = cursor.next(); chunk.length > 0; chunk = cursor.next()) chunks.push(chunk);
    } finally {
      cursor.close();
    }
    return { cursor, chunks };
  }

  it('adds up to the whole matrix, details and all, never holding more than one page of actors', () => {
    const exported: DashboardFilters[] = [
      {},
      { kind: 'state' },
      { asOf: '2022-06-30', theme: 'smuggling' },
    ];
    for (const view of exported) {
      const full = computeMatrix(view);
      const { cursor, chunks } = readExport(view, 7);
      const where = JSON.stringify(view);
      expect(chunks.length, where).toBe(Math.ceil(full.actors.length / 7));
      for (const chunk of chunks)
        expect(new Set(chunk.map((cell) => cell.actorId)).size, where).toBeLessThanOrEqual(7);
      expect(chunks.flat(), where).toEqual(full.cells);
      expect(cursor, where).toMatchObject({
        asOf: full.asOf,
        actors: full.actors,
        commitments: full.commitments,
        count: full.cells.length,
      });
    }
    expect(computeMatrix({}).cells.some((cell) => cell.self?.summary)).toBe(true);
    // By default a chunk holds as many whole actors as fit in MATRIX_EXPORT_CELLS cells.
    const { chunks } = readExport({});
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(MATRIX_EXPORT_CELLS);
    expect(chunks.flat()).toEqual(computeMatrix({}).cells);
  });

  it('keeps to the snapshot it started with while the main connection writes, on a database file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'matrix-export-'));
    try {
      const file = path.join(dir, 'matrix.db');
      fs.writeFileSync(file, db.$client.serialize());
      const onFile = openDatabase(file);
      (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = onFile;
      const before = computeMatrix({});
      const cursor = openMatrixExport({}, 5);
      // Writes before the first page and between pages: publications, corrections, withdrawals.
      const write = randomWriter(onFile, 7);
      for (let step = 0; step < 20; step += 1) write(step);
      const cells = [...cursor.next()];
      for (let step = 20; step < 40; step += 1) write(step);
      expect(computeMatrix({}).cells).not.toEqual(before.cells);
      for (let chunk = cursor.next(); chunk.length > 0; chunk = cursor.next()) cells.push(...chunk);
      cursor.close();
      cursor.close(); // closing twice is harmless
      expect(cells).toEqual(before.cells);
      onFile.$client.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a page's actors and commitments", () => {
  it('follow the data: an actor archived and a commitment moved into the theme show on the next read of the same view', () => {
    const view = { theme: 'trafficking' as const, kind: 'state' as const };
    const before = getMatrixPage(view, { page: 1, limit: 200 });
    const archived = before.actors[0]!;
    db.$client
      .prepare(`UPDATE actors SET archived_at = '2026-11-02T00:00:00.000Z' WHERE id = ?`)
      .run(archived.id);
    const moved = db.$client
      .prepare(
        `SELECT id, code FROM commitments WHERE archived_at IS NULL AND theme <> 'trafficking' ORDER BY position LIMIT 1`,
      )
      .get() as { id: number; code: string };
    db.$client.prepare(`UPDATE commitments SET theme = 'trafficking' WHERE id = ?`).run(moved.id);
    const after = getMatrixPage(view, { page: 1, limit: 200 });
    expect(after.actors.map((actor) => actor.id)).not.toContain(archived.id);
    expect(after.commitments.map((commitment) => commitment.code)).toContain(moved.code);
    expect(after).toEqual(computeMatrixPage(view, { page: 1, limit: 200 }));
  });
});

describe("reading a page's statuses", () => {
  it("reads today's statuses of a page of actors from the subject index alone, never the table (its cost stays with the page, not the table's size)", () => {
    const ids = (count: number) =>
      JSON.stringify(Array.from({ length: count }, (_, index) => index + 1));
    // A page of 10 actors or one actor, on all of a view's commitments or on a theme's.
    for (const [actors, commitments] of [
      [10, 200],
      [10, 29],
      [1, 200],
      [25, 200],
    ] as const) {
      const plan = (
        db.$client
          .prepare(`EXPLAIN QUERY PLAN ${pageStatusesSql(actors, commitments, false)}`)
          .all(ids(actors), ids(commitments)) as { detail: string }[]
      ).map((row) => row.detail);
      expect(plan.join('\n'), `${actors} actors x ${commitments} commitments`).toMatch(
        /^SEARCH current_status USING COVERING INDEX current_status_subject_idx \(subject_id=\?\)$/m,
      );
    }
  });

  it("reads an export's page of today's statuses, summaries and reporters from one index, never an entry", () => {
    const ids = (count: number) =>
      JSON.stringify(Array.from({ length: count }, (_, index) => index + 1));
    for (const [actors, commitments, search] of [
      [2, 200, 'subject_id=?'],
      [25, 29, 'subject_id=?'],
      [500, 1, 'subject_id=? AND commitment_id=?'],
    ] as const) {
      const plan = (
        db.$client
          .prepare(`EXPLAIN QUERY PLAN ${exportStatusesSql(commitments)}`)
          .all(ids(actors), ids(commitments)) as { detail: string }[]
      ).map((row) => row.detail);
      expect(plan.join('\n'), `${actors} actors x ${commitments} commitments`).toMatch(
        new RegExp(
          `^SEARCH current_status USING COVERING INDEX current_status_matrix_idx \\(${search.replace(/\?/g, '\\?')}\\)$`,
          'm',
        ),
      );
      expect(plan.join('\n')).not.toMatch(/progress_entries/);
    }
  });

  it('reads the statuses of a page of actors as of a past date by seeking each pair in the index of counted entries, never the table', () => {
    const ids = (count: number) =>
      JSON.stringify(Array.from({ length: count }, (_, index) => index + 1));
    for (const [actors, commitments] of [
      [10, 200],
      [10, 29],
      [50, 200],
    ] as const) {
      const plan = (
        db.$client
          .prepare(`EXPLAIN QUERY PLAN ${pageStatusesSql(actors, commitments, true)}`)
          .all(ids(actors), '2023-06-30', ids(commitments)) as { detail: string }[]
      ).map((row) => row.detail);
      expect(plan.join('\n'), `${actors} actors x ${commitments} commitments`).toMatch(
        /^SEARCH progress_entries USING INDEX progress_entries_counted_idx \(perspective=\? AND commitment_id=\? AND subject_id=\? AND as_of<\?\)$/m,
      );
    }
  });
});
