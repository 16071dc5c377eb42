import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { demoDatabases } from '@/test/support/demo-database';
import { computeMatrixPage } from '@/db/queries/matrix';
import type { DashboardFilters } from '@/db/queries/view-scope';
import { matrixCell, shortTitle, SHORT_TITLE_LENGTH, toMatrixView } from './matrix-view';
import { MATRIX_COLUMNS } from './view';

let db: Db;
const freshDemoDatabase = demoDatabases();
beforeEach(() => {
  db = freshDemoDatabase();
  (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = db;
});

describe("the overview's compact matrix", () => {
  const views: DashboardFilters[] = [
    {},
    { kind: 'state', perspective: 'independent' },
    { theme: 'trafficking' },
    { asOf: '2022-06-30' },
  ];

  it('gives back every cell of the API page: its statuses, staleness, entries and contest; nothing where a commitment does not apply', () => {
    let compared = 0;
    const seen = { stale: false, contested: false, notApplicable: false, noReport: false };
    for (const view of views) {
      for (const page of [1, 2]) {
        const dto = computeMatrixPage(view, { page, limit: 25 });
        const cells = new Map(dto.cells.map((cell) => [`${cell.actorId}:${cell.code}`, cell]));
        // Every page of columns, and one past the last (empty).
        const pagesOfColumns = Math.ceil(dto.commitments.length / MATRIX_COLUMNS);
        expect(pagesOfColumns).toBeGreaterThan(0);
        for (let columns = 1; columns <= pagesOfColumns + 1; columns += 1) {
          const compact = toMatrixView(dto, columns);
          const shown = dto.commitments.slice(
            (columns - 1) * MATRIX_COLUMNS,
            columns * MATRIX_COLUMNS,
          );
          expect(compact).toMatchObject({
            asOf: dto.asOf,
            actors: dto.actors,
            commitments: shown,
            commitmentTotal: dto.commitments.length,
            columns,
            total: dto.total,
            page: dto.page,
            limit: dto.limit,
          });
          dto.actors.forEach((actor, row) => {
            shown.forEach((commitment, column) => {
              const expected = cells.get(`${actor.id}:${commitment.code}`);
              const strip = (status: { status: string; stale: boolean; entryId: number } | null) =>
                status
                  ? { status: status.status, stale: status.stale, entryId: status.entryId }
                  : null;
              const actual = matrixCell(compact, row, column);
              compared += 1;
              if (!expected) {
                seen.notApplicable = true;
                expect(actual).toBeUndefined();
                return;
              }
              seen.stale ||= Boolean(expected.self?.stale || expected.independent?.stale);
              seen.contested ||= expected.contested;
              seen.noReport ||= !expected.self || !expected.independent;
              expect(actual).toEqual({
                self: strip(expected.self),
                independent: strip(expected.independent),
                contested: expected.contested,
              });
            });
          });
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
    // The demo holds every kind of cell, so each encoding was exercised.
    expect(seen).toEqual({ stale: true, contested: true, notApplicable: true, noReport: true });
  });

  it('is a fraction of the API page', () => {
    const dto = computeMatrixPage({}, { page: 1, limit: 50 });
    expect(JSON.stringify(toMatrixView(dto)).length).toBeLessThan(JSON.stringify(dto).length / 4);
  });
});

describe("a commitment's short title in a matrix header", () => {
  it('keeps a title that fits whole', () => {
    expect(shortTitle('Never criminalise migrants')).toBe('Never criminalise migrants');
    expect(shortTitle('x'.repeat(SHORT_TITLE_LENGTH))).toBe('x'.repeat(SHORT_TITLE_LENGTH));
  });

  it('cuts a longer one after a whole word, without trailing punctuation, and marks the cut', () => {
    expect(shortTitle('Respect human rights, asylum and humanitarian law')).toBe(
      'Respect human rights, asylum…',
    );
    expect(shortTitle('Respect human rights, and more', 22)).toBe('Respect human rights…');
    expect(shortTitle('Better recognise the links between trafficking and smuggling')).toBe(
      'Better recognise the links…',
    );
  });

  it('cuts a single long word where it must', () => {
    expect(shortTitle('a'.repeat(40), 10)).toBe(`${'a'.repeat(10)}…`);
  });
});
