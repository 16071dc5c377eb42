import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../client';
import { demoDatabases } from '../../test/support/demo-database';
import { CELL_KEYS } from '../../lib/summary-types';
import { perspectiveRows } from '../../lib/rollup';
import { computeMatrix } from './matrix';
import { getCommitmentActors, type ActorTableQuery } from './commitment-page';

let db: Db;
const freshDemoDatabase = demoDatabases();
beforeEach(() => {
  db = freshDemoDatabase();
  // The read functions use the process-wide connection.
  (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = db;
});

const labels = { self: 'Self', independent: 'Independent' };
/** A commitment every kind of actor is asked to act on, and one only states are. */
const commitment = (bearer: 'all_stakeholders' | 'states') =>
  db.$client
    .prepare(
      `SELECT c.code FROM commitments c JOIN commitment_duty_bearers d ON d.commitment_id = c.id
       WHERE d.duty_bearer = ? ORDER BY c.position LIMIT 1`,
    )
    .pluck()
    .get(bearer) as string;

/** Every page of the table for a query, concatenated. */
function allRows(code: string, query: ActorTableQuery) {
  const first = getCommitmentActors(code, { ...query, page: 1 }, labels);
  const pages = Math.ceil(first.total / first.limit);
  const rest = Array.from(
    { length: pages - 1 },
    (_, index) => getCommitmentActors(code, { ...query, page: index + 2 }, labels).rows,
  );
  return [first.rows, ...rest].flat();
}

/** The whole matrix's cells of a commitment as the table's rows (the oracle). */
function matrixRows(code: string, filters: { kind?: 'state'; region?: string } = {}) {
  const matrix = computeMatrix({ commitment: code, ...filters });
  const names = new Map(matrix.actors.map((actor) => [actor.id, actor.name]));
  const strip = (status: (typeof matrix.cells)[number]['self'], reporter: boolean) =>
    status
      ? {
          status: status.status,
          asOf: status.asOf,
          entryId: status.entryId,
          stale: status.stale,
          ...(reporter ? { reporter: status.reporter } : {}),
        }
      : null;
  return matrix.cells.map((cell) => ({
    actorId: cell.actorId,
    name: names.get(cell.actorId),
    self: strip(cell.self, false),
    independent: strip(cell.independent, true),
    contested: cell.contested,
  }));
}

describe("a commitment's actors, a page at a time", () => {
  it('pages through the same rows as the whole matrix, by name, and tallies them all', () => {
    for (const bearer of ['all_stakeholders', 'states'] as const) {
      const code = commitment(bearer);
      const expected = matrixRows(code);
      expect(expected.length).toBeGreaterThan(5);
      expect(allRows(code, { limit: 5 })).toEqual(expected);
      const first = getCommitmentActors(code, { limit: 5 }, labels);
      expect(first.rows).toHaveLength(5);
      expect(first.pairs).toBe(expected.length);
      expect(first.distribution).toEqual(perspectiveRows(expected, labels));
    }
  });

  it('filters by kind, region, name and status; the distribution stays the whole', () => {
    const code = commitment('all_stakeholders');
    const all = matrixRows(code);
    const region = db.$client
      .prepare(
        `SELECT region FROM actors WHERE region IS NOT NULL GROUP BY region ORDER BY count(*) DESC`,
      )
      .pluck()
      .get() as string;
    const states = matrixRows(code, { kind: 'state' });
    const inRegion = matrixRows(code, { region });
    expect(states.length).toBeLessThan(all.length);
    expect(inRegion.length).toBeGreaterThan(0);
    expect(allRows(code, { kind: 'state' })).toEqual(states);
    expect(allRows(code, { region })).toEqual(inRegion);
    const word = (all[3]?.name ?? '').slice(2, 6).toUpperCase();
    const named = all.filter((row) => row.name?.toLowerCase().includes(word.toLowerCase()));
    expect(named.length).toBeGreaterThan(0);
    expect(allRows(code, { q: word })).toEqual(named);
    for (const status of CELL_KEYS) {
      expect(allRows(code, { status, perspective: 'independent' })).toEqual(
        all.filter((row) => (row.independent?.status ?? 'no_report') === status),
      );
    }
    const filtered = getCommitmentActors(code, { kind: 'state', status: 'complete' }, labels);
    expect(filtered.distribution).toEqual(perspectiveRows(all, labels));
    expect(filtered.pairs).toBe(all.length);
  });

  it('sorts by a status in the order of the scale, by name within one; contested first', () => {
    const code = commitment('all_stakeholders');
    const all = matrixRows(code);
    const rank = (row: (typeof all)[number]) => CELL_KEYS.indexOf(row.self?.status ?? 'no_report');
    expect(allRows(code, { sort: 'self' })).toEqual([...all].sort((a, b) => rank(a) - rank(b)));
    const contested = allRows(code, { sort: 'contested' });
    expect(contested).toEqual([
      ...all.filter((row) => row.contested),
      ...all.filter((row) => !row.contested),
    ]);
  });

  it("finds and orders actors by the names of the page's language when it is given them", () => {
    const code = commitment('all_stakeholders');
    const all = matrixRows(code);
    const [first, second] = [all[0]!, all[1]!];
    // The page's names of two actors: as a French page gives states ("Brazil" -> "Brésil").
    const names = { [first.name!]: 'Zénith', [second.name!]: 'Ébène' };
    const display = { locale: 'fr' as const, names };
    const rows = getCommitmentActors(code, { limit: 500 }, labels, display).rows;
    expect(rows).toHaveLength(all.length);
    expect(rows[0]?.actorId).not.toBe(first.actorId);
    // Ébène sorts with E in French, before any Z: the shown name decides the order.
    const shownOrder = rows.map((row) => names[row.name] ?? row.name);
    expect(shownOrder).toEqual([...shownOrder].sort(new Intl.Collator('fr').compare));
    // A search finds the shown name, accents and case set aside, and still the stored one.
    expect(
      getCommitmentActors(code, { q: 'ebene' }, labels, display).rows.map((row) => row.actorId),
    ).toEqual([second.actorId]);
    expect(
      getCommitmentActors(code, { q: first.name! }, labels, display).rows.map((r) => r.actorId),
    ).toContain(first.actorId);
    // English keeps the stored names' order.
    expect(allRows(code, { limit: 500 })).toEqual(all);
  });

  it('shows the last page for a page past the end, and an unknown code has no actors', () => {
    const code = commitment('all_stakeholders');
    const past = getCommitmentActors(code, { limit: 5, page: 999 }, labels);
    expect(past.page).toBe(Math.ceil(past.total / 5));
    expect(past.rows.length).toBeGreaterThan(0);
    const none = getCommitmentActors('NOPE-99', {}, labels);
    expect(none).toMatchObject({ pairs: 0, total: 0, rows: [] });
  });
});
