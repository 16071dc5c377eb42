import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../client';
import { demoDatabases } from '../../test/support/demo-database';
import { COUNT_LIMIT } from './capped-count';
import {
  decodeChangeCursor,
  decodeEntryCursor,
  listPublicChanges,
  listPublishedEntries,
  type EntryFilters,
} from './entries';

/**
 * The published list and the change log go page after page by cursor at the same cost however
 * deep (db/queries/entries.ts): the pages must add up to exactly the numbered pages, in order, and
 * counts stop at COUNT_LIMIT and say so.
 */

const demo = demoDatabases();
const useDb = (db: Db) => {
  (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = db;
  return db.$client;
};
const ids = (rows: { id: number }[]) => rows.map((row) => row.id);

describe('the published list, page after page by cursor', () => {
  it('reads every entry of a filter once, in the order of the numbered pages', () => {
    useDb(demo());
    const code = listPublishedEntries({ limit: 1 }).entries[0]!.commitment.code;
    const filters: EntryFilters[] = [
      {},
      { perspective: 'self' },
      { status: 'limited', from: '2022-01-01' },
      { commitment: code },
    ];
    for (const filter of filters) {
      const all = listPublishedEntries({ ...filter, limit: 100_000 });
      expect(all.nextCursor).toBeNull();
      const seen: number[] = [];
      let page = listPublishedEntries({ ...filter, limit: 9 });
      seen.push(...ids(page.entries));
      while (page.nextCursor) {
        page = listPublishedEntries({
          ...filter,
          limit: 9,
          after: decodeEntryCursor(page.nextCursor)!,
        });
        expect(page.total).toBe(all.total);
        seen.push(...ids(page.entries));
      }
      expect(seen, JSON.stringify(filter)).toEqual(ids(all.entries));
      expect(seen.length).toBe(all.total);
    }
  });

  it('gives each numbered page the entries of that place in the whole list, none past the end', () => {
    useDb(demo());
    const code = listPublishedEntries({ limit: 1 }).entries[0]!.commitment.code;
    const filters: EntryFilters[] = [
      {},
      { perspective: 'independent' },
      { status: 'limited', from: '2022-01-01' },
      { commitment: code },
    ];
    for (const filter of filters) {
      const all = ids(listPublishedEntries({ ...filter, limit: 100_000 }).entries);
      const limit = 7;
      const pages = Math.ceil(all.length / limit);
      expect(pages, JSON.stringify(filter)).toBeGreaterThan(2);
      for (let page = 1; page <= pages + 1; page++) {
        const numbered = listPublishedEntries({ ...filter, page, limit });
        expect(ids(numbered.entries), `${JSON.stringify(filter)} page ${page}`).toEqual(
          all.slice((page - 1) * limit, page * limit),
        );
        expect(numbered.nextCursor === null).toBe(page >= pages);
      }
    }
  });

  it('counts exactly up to COUNT_LIMIT entries, and past it says there are more', () => {
    const sqlite = useDb(demo());
    const exact = listPublishedEntries({ limit: 1 });
    expect(exact).toMatchObject({ totalIsLowerBound: false });
    const missing = COUNT_LIMIT - exact.total;
    const add = (count: number) =>
      sqlite.exec(`
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
        INSERT INTO progress_entries (idempotency_key, commitment_id, subject_id, reporter_id, status,
          as_of, summary, state, created_by, published_at)
        SELECT 'bulk-' || i || '-' || ${count}, e.commitment_id, e.subject_id, e.reporter_id, e.status,
          e.as_of, e.summary, 'published', e.created_by, e.published_at
        FROM n, (SELECT * FROM progress_entries WHERE state = 'published' LIMIT 1) e`);
    add(missing);
    expect(listPublishedEntries({ limit: 1 })).toMatchObject({
      total: COUNT_LIMIT,
      totalIsLowerBound: false,
    });
    add(1);
    expect(listPublishedEntries({ limit: 1 })).toMatchObject({
      total: COUNT_LIMIT,
      totalIsLowerBound: true,
    });
    expect(listPublishedEntries({ perspective: 'independent', limit: 1 }).totalIsLowerBound).toBe(
      false,
    );
  });
});

describe('the change log, page after page by cursor', () => {
  it('counts up to a smaller cap when asked, as a page listing the latest few does', () => {
    useDb(demo());
    const filter: EntryFilters = { perspective: 'self', limit: 2 };
    const { total } = listPublishedEntries(filter);
    expect(total).toBeGreaterThan(3);
    expect(listPublishedEntries({ ...filter, countCap: 3 })).toMatchObject({
      total: 3,
      totalIsLowerBound: true,
    });
    expect(listPublishedEntries({ ...filter, countCap: total })).toMatchObject({
      total,
      totalIsLowerBound: false,
    });
  });

  it('goes older page by page from the newest, and newer again back to it, as the numbered pages', () => {
    useDb(demo());
    const all = listPublicChanges({}, 100_000).changes;
    expect(all.length).toBeGreaterThan(30);
    const numbered = listPublicChanges({ page: 2 }, 7);
    const older = [listPublicChanges({}, 7)];
    while (older.at(-1)!.older)
      older.push(listPublicChanges({ position: decodeChangeCursor(older.at(-1)!.older!)! }, 7));
    expect(older.flatMap((page) => page.changes)).toEqual(all);
    expect(older[1]!.changes).toEqual(numbered.changes);
    expect(older[0]!.newer).toBeNull();
    expect(older.every((page) => page.total === all.length && !page.totalIsLowerBound)).toBe(true);
    // Back from the oldest page: the same pages, the first one whole.
    const newer = [older.at(-1)!];
    while (newer.at(-1)!.newer)
      newer.push(listPublicChanges({ position: decodeChangeCursor(newer.at(-1)!.newer!)! }, 7));
    expect(newer.at(-1)).toEqual(older[0]);
    expect(newer.at(-2)!.changes).toEqual(older[1]!.changes);
    expect(listPublicChanges({ page: 2 }, 7).newer).toBe(older[1]!.newer);
  });

  it('counts exactly up to COUNT_LIMIT changes, and past it says there are more', () => {
    const sqlite = useDb(demo());
    const missing = COUNT_LIMIT + 1 - listPublicChanges({}, 1).total;
    sqlite.exec(`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${missing})
      INSERT INTO audit_log (action, entity_type, entity_id)
      SELECT 'entry.publish', 'progress_entry', (SELECT max(id) FROM progress_entries) FROM n`);
    expect(listPublicChanges({}, 1)).toMatchObject({ total: COUNT_LIMIT, totalIsLowerBound: true });
  });
});

/**
 * Statistics as ANALYZE leaves them on a database of a million entries (bench/generate.ts runs
 * it): with them, and with none (a new deployment), SQLite must read each filter from the index
 * that leads with it, in the list's order.
 */
const MILLION_STATS: [string, string, string][] = [
  ['progress_entries', 'progress_entries_state_idx', '1117248 1117248 390 1'],
  ['progress_entries', 'progress_entries_perspective_idx', '1117248 1117248 558624 195 1'],
  ['progress_entries', 'progress_entries_status_idx', '1117248 1117248 186208 65 1'],
  ['progress_entries', 'progress_entries_commitment_idx', '1117248 5587 5587 2 1'],
  ['progress_entries', 'progress_entries_subject_idx', '1117248 559 559 1 1'],
  ['progress_entries', 'progress_entries_reporter_idx', '1117248 559 559 1 1'],
  ['progress_entries', 'progress_entries_reporter_perspective_idx', '1117248 559 280 280 1 1'],
  ['progress_entries', 'progress_entries_subject_perspective_idx', '1117248 559 280 280 1 1'],
  [
    'progress_entries',
    'progress_entries_status_perspective_idx',
    '1117248 1117248 186208 93104 33 1',
  ],
  ['progress_entries', 'progress_entries_public_pair_idx', '1117248 5587 3 3 1 1'],
  ['progress_entries', 'progress_entries_counted_idx', '1000000 500000 2500 3 1 1 1 1'],
  ['progress_entries', 'progress_entries_idempotency_key_unique', '1117248 1'],
  ['progress_entries', 'progress_entries_published_idx', '1117248 2'],
  ['audit_log', 'audit_log_at_idx', '234499 2'],
  ['audit_log', 'audit_log_entity_idx', '234499 117250 1'],
  ['audit_log', 'audit_log_public_changes_idx', '117248 1'],
];

/** The plan of every statement `read` runs, with the values it ran with. */
function plans(sqlite: ReturnType<typeof useDb>, read: () => void): string[] {
  const statements: { text: string; params: unknown[] }[] = [];
  const prepare = sqlite.prepare.bind(sqlite);
  const spy = vi.spyOn(sqlite, 'prepare').mockImplementation((text: string) => {
    const statement = prepare(text);
    for (const method of ['all', 'get', 'run', 'iterate'] as const) {
      const run = statement[method].bind(statement) as (...params: unknown[]) => never;
      (statement as unknown as Record<string, unknown>)[method] = (...params: unknown[]) => {
        statements.push({ text, params });
        return run(...params);
      };
    }
    return statement;
  });
  try {
    read();
  } finally {
    spy.mockRestore();
  }
  return statements.map(({ text, params }) =>
    (prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[])
      .map((row) => row.detail)
      .join('\n'),
  );
}

function withStatistics(sqlite: ReturnType<typeof useDb>, stats: [string, string, string][]) {
  sqlite.exec('ANALYZE');
  sqlite.exec('DELETE FROM sqlite_stat1');
  if (sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat4'").get())
    sqlite.exec('DELETE FROM sqlite_stat4');
  const insert = sqlite.prepare('INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)');
  for (const row of stats) insert.run(...row);
  sqlite.exec('ANALYZE sqlite_schema');
}

describe('the query plans of the list and the change log', () => {
  const filters: [EntryFilters, string][] = [
    [{}, 'progress_entries_state_idx'],
    [{ from: '2024-01-01', to: '2024-12-31' }, 'progress_entries_state_idx'],
    [{ asOf: '2024-12-31' }, 'progress_entries_state_idx'],
    [{ perspective: 'independent', from: '2024-01-01' }, 'progress_entries_perspective_idx'],
    [{ status: 'regressed' }, 'progress_entries_status_idx'],
    [{ commitment: 'TIP-01' }, 'progress_entries_commitment_idx'],
    [{ subject: 1 }, 'progress_entries_subject_idx'],
    [{ reporter: 1 }, 'progress_entries_reporter_idx'],
    [{ reporter: 1, perspective: 'independent' }, 'progress_entries_reporter_perspective_idx'],
    [{ subject: 1, perspective: 'independent' }, 'progress_entries_subject_perspective_idx'],
    [{ status: 'complete', perspective: 'independent' }, 'progress_entries_status_perspective_idx'],
  ];

  for (const [label, stats] of [
    ['without statistics', null],
    ['with the statistics of a million entries', MILLION_STATS],
  ] as const) {
    it(`reads each filter's page and count from its index, never the whole table, ${label}`, () => {
      const sqlite = useDb(demo());
      if (stats) withStatistics(sqlite, stats);
      const after = decodeEntryCursor(listPublishedEntries({ limit: 1 }).nextCursor!)!;
      for (const [filter, index] of filters) {
        const read = plans(sqlite, () => {
          listPublishedEntries(filter);
          listPublishedEntries({ ...filter, after });
        });
        expect(read).toHaveLength(4);
        for (const plan of read) {
          expect(plan, JSON.stringify(filter)).not.toMatch(/^SCAN (progress_entries|audit_log)$/m);
          expect(plan, JSON.stringify(filter)).not.toMatch(/TEMP B-TREE/);
          expect(plan, JSON.stringify(filter)).toMatch(
            stats
              ? new RegExp(`^(SEARCH|SCAN) progress_entries USING (COVERING )?INDEX ${index} `, 'm')
              : /^(SEARCH|SCAN) progress_entries USING (COVERING )?INDEX progress_entries_\w+_idx /m,
          );
        }
      }
      // A deep numbered page finds where it starts in the filter's index (a second search of
      // it), without joining the skipped entries; from the index alone, but where the index
      // holds perspective: a generated column, which SQLite reads from the row.
      for (const [filter, index] of filters) {
        const [page] = plans(sqlite, () => listPublishedEntries({ ...filter, page: 3, limit: 2 }));
        const name = stats ? index : 'progress_entries_\\w+_idx';
        const searches = page!.match(
          new RegExp(`^SEARCH progress_entries USING (COVERING )?INDEX ${name} `, 'gm'),
        );
        expect(searches, JSON.stringify(filter)).toHaveLength(2);
        if (!filter.perspective)
          expect(page, JSON.stringify(filter)).toMatch(
            new RegExp(`^SEARCH progress_entries USING COVERING INDEX ${name} `, 'm'),
          );
        expect(page, JSON.stringify(filter)).not.toMatch(/TEMP B-TREE/);
      }
      const position = decodeChangeCursor(listPublicChanges({}, 1).older!)!;
      for (const plan of plans(sqlite, () => {
        listPublicChanges({ page: 3 });
        listPublicChanges({ position });
        listPublicChanges({ position: ['newer', position[1], position[2]] });
      })) {
        expect(plan).not.toMatch(/^SCAN (progress_entries|audit_log)$/m);
        expect(plan).not.toMatch(/TEMP B-TREE/);
        expect(plan).toMatch(
          /^(SEARCH|SCAN) audit_log USING (COVERING )?INDEX audit_log_public_changes_idx\b/m,
        );
      }
    });
  }
});
