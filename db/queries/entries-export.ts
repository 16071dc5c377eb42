import 'server-only';
import { asc, sql } from 'drizzle-orm';
import { getDb, openReader } from '../client';
import * as t from '../schema';
import { ENTRY_COLUMNS, type EntryRecord } from '../../lib/entries-csv';
import { PUBLIC_ENTRY_FIELDS, publishedWhere, type EntryFilters } from './entries';

/** An entry as an export row: the values of ENTRY_COLUMNS in that order. */
export type EntryExportRow = EntryRecord[(typeof ENTRY_COLUMNS)[number]][];

/**
 * Every published entry of a filter as export rows, a chunk at a time: `next()` is empty at the
 * end; `close()` always. `total` is null when the count was not asked for.
 */
export interface EntryExportCursor {
  total: number | null;
  next(): EntryExportRow[];
  close(): void;
}

/** Entries per chunk of an export: a bounded number of rows in memory at a time. */
export const EXPORT_CHUNK = 500;

/**
 * Read straight from progress_entries: names and codes come from the actors and commitments read
 * once (joins for every row cost more than the rest of the row). Raw is a row in this order.
 */
const EXPORT_FIELDS = { ...PUBLIC_ENTRY_FIELDS, commitmentId: t.progressEntries.commitmentId };

type Raw = [
  id: number,
  subjectId: number,
  reporterId: number,
  perspective: string,
  status: string,
  asOf: string,
  summary: string,
  narrative: string,
  measures: string,
  evidence: string,
  confidence: string | null,
  adverseEffects: number,
  adverseEffectsDescription: string | null,
  publishedAt: string | null,
  supersedesId: number | null,
  supersededById: number | null,
  withdrawnAt: string | null,
  withdrawalReason: string | null,
  commitmentId: number,
];

/**
 * Without a commitment, subject or reporter (whose indexes find few rows, sorted by id after), the
 * export reads the table itself in id order, its own order, filtering as it goes: nothing is
 * sorted and each row is the next on disk. Left to itself SQLite read every row through an index
 * and sorted all of them before the first.
 */
function exportPlan(text: string, filters: EntryFilters): string {
  if (
    filters.commitment ||
    filters.subject !== undefined ||
    filters.reporter !== undefined ||
    filters.commitmentCodes ||
    filters.subjectIds
  )
    return text;
  const from = 'from "progress_entries" ';
  if (!text.includes(from))
    throw new Error('exportPlan: the query no longer reads from progress_entries');
  return text.replace(from, `${from}NOT INDEXED `);
}

/**
 * Every published entry of a filter in id order (the order entries were recorded in: a later
 * export of the same filter only adds rows at its end), as the rows of the entries export, for an
 * export of any size: one
 * statement stepped a chunk at a time, on a read-only connection of its own (nothing else may use
 * a connection while a statement is stepped) whose read transaction keeps the count, the names and
 * every row to one snapshot while other requests write. An in-memory database (tests) has no
 * second connection: its rows are read at once. A state's ISO3 code is that of the actors list
 * (archived actors have none), as in the API.
 */
export function openEntriesExport(
  filters: EntryFilters,
  iso3: ReadonlyMap<number, string | null>,
  { count = true, chunkSize = EXPORT_CHUNK }: { count?: boolean; chunkSize?: number } = {},
): EntryExportCursor {
  const reader = openReader();
  const db = reader ?? getDb();
  const sqlite = db.$client;
  const close = () => {
    if (!reader || !sqlite.open) return;
    if (sqlite.inTransaction) sqlite.prepare('COMMIT').run();
    sqlite.close();
  };
  try {
    if (reader) {
      sqlite.pragma('temp_store = FILE');
      sqlite.prepare('BEGIN').run();
    }
    const where = publishedWhere(filters);
    // Only the JSON document says how many rows follow; the count reads every matching index entry.
    const total = count
      ? (db
          .select({ count: sql<number>`count(*)` })
          .from(t.progressEntries)
          .where(where)
          .get()?.count ?? 0)
      : null;
    const commitments = new Map(
      (sqlite.prepare('SELECT id, code, title FROM commitments').raw().all() as string[][]).map(
        ([id, code, title]) => [Number(id), [code!, title!] as const],
      ),
    );
    const actorNames = new Map(
      sqlite.prepare('SELECT id, name FROM actors').raw().all() as [number, string][],
    );
    const query = db
      .select(EXPORT_FIELDS)
      .from(t.progressEntries)
      .where(where)
      .orderBy(asc(t.progressEntries.id))
      .toSQL();
    const statement = sqlite.prepare(exportPlan(query.sql, filters)).raw();
    const rows: Iterator<Raw> = reader
      ? (statement.iterate(...query.params) as IterableIterator<Raw>)
      : (statement.all(...query.params) as Raw[]).values();
    const toRow = (raw: Raw): EntryExportRow => {
      const [id, subjectId, reporterId, perspective, status, asOf] = raw;
      const commitment = commitments.get(raw[18]);
      return [
        id,
        commitment?.[0] ?? '',
        commitment?.[1] ?? '',
        subjectId,
        iso3.get(subjectId) ?? null,
        actorNames.get(subjectId) ?? '',
        reporterId,
        iso3.get(reporterId) ?? null,
        actorNames.get(reporterId) ?? '',
        perspective,
        status,
        asOf,
        raw[6],
        raw[7],
        JSON.parse(raw[8]) as string[],
        JSON.parse(raw[9]) as unknown[],
        raw[10],
        Number(raw[11]) === 1,
        raw[12],
        raw[14],
        raw[13] ?? '',
        raw[15],
        // A withdrawal shows only with its reason (lib/entry-fields.ts statementFields).
        raw[16] && raw[17] ? raw[16] : null,
        raw[16] && raw[17] ? raw[17] : null,
      ];
    };
    return {
      total,
      next() {
        const chunk: EntryExportRow[] = [];
        while (chunk.length < chunkSize && (!reader || sqlite.open)) {
          const step = rows.next();
          if (step.done) {
            close();
            break;
          }
          chunk.push(toRow(step.value));
        }
        return chunk;
      },
      close: () => {
        if (reader && sqlite.open) rows.return?.();
        close();
      },
    };
  } catch (error) {
    close();
    throw error;
  }
}
