import 'server-only';
import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { getDb, openReader, type Db } from '../client';
import * as t from '../schema';
import type { StatusKey } from '../../lib/status-scale';
import type { Perspective } from '../../lib/taxonomy';
import type { PublishedEntryDto } from '../../lib/api-schemas';
import { DEFAULT_PAGE_SIZE } from '../../lib/query-params';
import { decodeCursor, encodeCursor, keyId, keyText } from '../../lib/cursor';
import { statementFields } from './entry-fields';
import { cappedCount, COUNT_LIMIT, type CappedCount } from './capped-count';

export interface EntryFilters {
  commitment?: string;
  subject?: number;
  reporter?: number;
  status?: StatusKey;
  perspective?: Perspective;
  from?: string;
  to?: string;
  asOf?: string;
  page?: number;
  limit?: number;
}

/** The last page number within COUNT_LIMIT rows at this page size. */
export function lastNumberedPage(limit: number): number {
  return Math.ceil(COUNT_LIMIT / limit);
}

/** The sort key of the entry a page ends on: as-of date, publication time, id. */
const entryPosition = z.tuple([keyText, keyText, keyId]);
export type EntryPosition = z.infer<typeof entryPosition>;
export const decodeEntryCursor = (cursor: string) => decodeCursor(cursor, entryPosition);

export interface EntryPage extends CappedCount {
  entries: PublishedEntryDto[];
  page: number;
  limit: number;
  /** The cursor of the following page, or null on the last page. */
  nextCursor: string | null;
}

const subject = alias(t.actors, 'subject');
const reporter = alias(t.actors, 'reporter');

/** One published entry by id, or null: drafts are never shown through this. */
export function getPublishedEntry(id: number): PublishedEntryDto | null {
  return listPublishedEntries({ id, limit: 1 }).entries[0] ?? null;
}

/**
 * The commitment is found by its code in a subquery, not a join, so each filter reads the one
 * index of progress_entries that leads with it (db/schema.ts) in the list's order.
 */
export function publishedWhere(filters: EntryFilters & { id?: number }): SQL | undefined {
  const conditions: SQL[] = [eq(t.progressEntries.state, 'published')];
  if (filters.id !== undefined) conditions.push(eq(t.progressEntries.id, filters.id));
  if (filters.commitment)
    conditions.push(
      sql`${t.progressEntries.commitmentId} = (SELECT ${t.commitments.id} FROM ${t.commitments}
        WHERE ${t.commitments.code} = ${filters.commitment})`,
    );
  if (filters.subject !== undefined)
    conditions.push(eq(t.progressEntries.subjectId, filters.subject));
  if (filters.reporter !== undefined)
    conditions.push(eq(t.progressEntries.reporterId, filters.reporter));
  if (filters.status) conditions.push(eq(t.progressEntries.status, filters.status));
  if (filters.perspective) conditions.push(eq(t.progressEntries.perspective, filters.perspective));
  if (filters.from) conditions.push(gte(t.progressEntries.asOf, filters.from));
  if (filters.to) conditions.push(lte(t.progressEntries.asOf, filters.to));
  if (filters.asOf) conditions.push(lte(t.progressEntries.asOf, filters.asOf));
  return and(...conditions);
}

/** The columns of a published entry as the public sees it, flat (an export reads them as raw rows in this order). */
const PUBLISHED_FIELDS = {
  id: t.progressEntries.id,
  subjectId: t.progressEntries.subjectId,
  reporterId: t.progressEntries.reporterId,
  perspective: t.progressEntries.perspective,
  status: t.progressEntries.status,
  asOf: t.progressEntries.asOf,
  summary: t.progressEntries.summary,
  narrative: t.progressEntries.narrative,
  measures: t.progressEntries.measures,
  evidence: t.progressEntries.evidence,
  confidence: t.progressEntries.confidence,
  adverseEffects: t.progressEntries.adverseEffects,
  adverseEffectsDescription: t.progressEntries.adverseEffectsDescription,
  publishedAt: t.progressEntries.publishedAt,
  supersedesId: t.progressEntries.supersedesId,
  supersededById: t.progressEntries.supersededById,
  withdrawnAt: t.progressEntries.withdrawnAt,
  withdrawalReason: t.progressEntries.withdrawalReason,
  commitmentCode: t.commitments.code,
  commitmentTitle: t.commitments.title,
  subjectName: subject.name,
  subjectKind: subject.kind,
  reporterName: reporter.name,
  reporterKind: reporter.kind,
};

/** Newest first: by as-of date, then publication, then id (which breaks every tie). */
function selectPublished(db: Db, where: SQL | undefined) {
  return db
    .select(PUBLISHED_FIELDS)
    .from(t.progressEntries)
    .innerJoin(t.commitments, eq(t.progressEntries.commitmentId, t.commitments.id))
    .innerJoin(subject, eq(t.progressEntries.subjectId, subject.id))
    .innerJoin(reporter, eq(t.progressEntries.reporterId, reporter.id))
    .where(where)
    .orderBy(
      desc(t.progressEntries.asOf),
      desc(t.progressEntries.publishedAt),
      desc(t.progressEntries.id),
    );
}

type PublishedRow = ReturnType<ReturnType<typeof selectPublished>['all']>[number];

function toPublishedEntry(row: PublishedRow): PublishedEntryDto {
  return {
    id: row.id,
    commitment: { code: row.commitmentCode, title: row.commitmentTitle },
    subject: { id: row.subjectId, name: row.subjectName, kind: row.subjectKind },
    reporter: { id: row.reporterId, name: row.reporterName, kind: row.reporterKind },
    ...statementFields(row),
    publishedAt: row.publishedAt ?? '',
  };
}

/**
 * Published entries only: the public never sees drafts, submissions or returned entries. A page
 * by number (within COUNT_LIMIT rows) or the page after a position (`after`, from a cursor). The
 * total is counted up to `countCap` (COUNT_LIMIT unless a list needs less).
 */
export function listPublishedEntries(
  filters: EntryFilters & { id?: number; after?: EntryPosition; countCap?: number } = {},
): EntryPage {
  const db = getDb();
  const { after } = filters;
  const page = after ? 1 : (filters.page ?? 1);
  const limit = filters.limit ?? DEFAULT_PAGE_SIZE;
  const where = and(
    publishedWhere(filters),
    after
      ? sql`(${t.progressEntries.asOf}, ${t.progressEntries.publishedAt}, ${t.progressEntries.id})
          < (${after[0]}, ${after[1]}, ${after[2]})`
      : undefined,
  );
  const rows = selectPublished(db, where)
    .limit(limit + 1)
    .offset((page - 1) * limit)
    .all();
  const entries = rows.slice(0, limit).map(toPublishedEntry);
  const last = entries.at(-1);
  return {
    page,
    limit,
    ...cappedCount(db, t.progressEntries, publishedWhere(filters), filters.countCap),
    entries,
    nextCursor:
      rows.length > limit && last ? encodeCursor([last.asOf, last.publishedAt, last.id]) : null,
  };
}

/** Every published entry of a filter, a chunk at a time: `next()` is empty at the end; `close()` always. */
export interface PublishedEntryCursor {
  total: number;
  next(): PublishedEntryDto[];
  close(): void;
}

/**
 * Without a commitment, subject or reporter (whose indexes find few rows), the export walks the
 * (state, as_of) index newest first and sorts only each day's ties, so its first rows come at
 * once; with ANALYZE statistics SQLite otherwise chose a skip-scan and sorted all 1,000,000 rows
 * before the first, blocking the server meanwhile.
 */
function exportPlan(text: string, filters: EntryFilters): string {
  if (filters.commitment || filters.subject !== undefined || filters.reporter !== undefined)
    return text;
  const from = 'from "progress_entries" ';
  if (!text.includes(from))
    throw new Error('exportPlan: the query no longer reads from progress_entries');
  return text.replace(from, `${from}INDEXED BY progress_entries_state_idx `);
}

/** Entries per chunk of an export: a bounded number of rows in memory at a time. */
export const EXPORT_CHUNK = 500;

/**
 * Every published entry of a filter in the list's order, for an export of any size (all of them
 * held at once would not fit in the heap): one statement stepped a chunk at a time, on a
 * read-only connection of its own (nothing else may use a connection while a statement is
 * stepped) whose read transaction keeps the count and every row to one snapshot while other
 * requests write. SQLite sorts what an index does not order in temporary files, not in memory.
 * An in-memory database (tests) has no second connection: its rows are read at once.
 */
export function openPublishedEntries(
  filters: EntryFilters,
  chunkSize = EXPORT_CHUNK,
): PublishedEntryCursor {
  const reader = openReader();
  const where = publishedWhere(filters);
  if (!reader) {
    const rows = selectPublished(getDb(), where).all().map(toPublishedEntry);
    let at = 0;
    return {
      total: rows.length,
      next: () => rows.slice(at, (at += chunkSize)),
      close: () => (at = rows.length),
    };
  }
  const sqlite = reader.$client;
  try {
    sqlite.pragma('temp_store = FILE');
    sqlite.prepare('BEGIN').run();
    const total =
      reader
        .select({ count: sql<number>`count(*)` })
        .from(t.progressEntries)
        .where(where)
        .get()?.count ?? 0;
    const query = selectPublished(reader, where).toSQL();
    const rows = sqlite
      .prepare(exportPlan(query.sql, filters))
      .raw()
      .iterate(...query.params) as IterableIterator<unknown[]>;
    const fields = Object.entries(PUBLISHED_FIELDS);
    const close = () => {
      if (!sqlite.open) return;
      rows.return?.();
      if (sqlite.inTransaction) sqlite.prepare('COMMIT').run();
      sqlite.close();
    };
    return {
      total,
      next() {
        const chunk: PublishedEntryDto[] = [];
        while (sqlite.open && chunk.length < chunkSize) {
          const step = rows.next();
          if (step.done) {
            close();
            break;
          }
          // Each value decoded as drizzle decodes its column (booleans, timestamps).
          const row = Object.fromEntries(
            fields.map(([key, column], i) => [
              key,
              step.value[i] === null ? null : column.mapFromDriverValue(step.value[i]),
            ]),
          ) as PublishedRow;
          chunk.push(toPublishedEntry(row));
        }
        return chunk;
      },
      close,
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

export interface ChangeDto {
  at: string;
  action: 'publish' | 'supersede' | 'withdraw';
  entryId: number;
  commitmentCode: string;
  commitmentTitle: string;
  subjectName: string;
  reporterName: string;
  status: StatusKey;
  asOf: string;
  summary: string;
  reason: string | null;
}

/** Where a page of the change log starts: just older, or just newer, than this (at, id). */
const changePosition = z.tuple([z.enum(['older', 'newer']), keyText, keyId]);
export type ChangePosition = z.infer<typeof changePosition>;
export const decodeChangeCursor = (cursor: string) => decodeCursor(cursor, changePosition);

export interface ChangeLogPage extends CappedCount {
  changes: ChangeDto[];
  /** The page number, or null for a page reached by cursor. */
  page: number | null;
  limit: number;
  /** Cursors of the pages of older and of newer changes, or null at either end. */
  older: string | null;
  newer: string | null;
}

/**
 * The public change log: every publication, correction and withdrawal, newest first, from the
 * audit log. A page by number (within COUNT_LIMIT rows), or older or newer than a cursor's row.
 * Every way reads the partial index of these rows in order, named because with no statistics, or
 * stale ones, SQLite would rather take the entity index and sort all its rows (drizzle has no
 * INDEXED BY, hence SQL).
 */
export function listPublicChanges(
  from: { page?: number; position?: ChangePosition } = {},
  limit = DEFAULT_PAGE_SIZE,
): ChangeLogPage {
  const db = getDb();
  const { position } = from;
  const newer = position?.[0] === 'newer';
  const order = newer ? 'ASC' : 'DESC';
  const page = position ? null : (from.page ?? 1);
  const changes = sql`audit_log INDEXED BY audit_log_public_changes_idx`;
  const where = sql.raw(t.PUBLIC_CHANGES);
  const after = position
    ? sql` AND (audit_log.at, audit_log.id) ${sql.raw(newer ? '>' : '<')}
        (${position[1]}, ${position[2]})`
    : sql``;
  const rows = db.all<{
    id: number;
    at: string;
    action: string;
    entryId: number;
    status: StatusKey;
    asOf: string;
    summary: string;
    withdrawalReason: string | null;
    commitmentCode: string;
    commitmentTitle: string;
    subjectName: string;
    reporterName: string;
  }>(sql`
    SELECT audit_log.id, audit_log.at, audit_log.action, e.id AS entryId, e.status,
      e.as_of AS asOf, e.summary,
      e.withdrawal_reason AS withdrawalReason, c.code AS commitmentCode,
      c.title AS commitmentTitle, s.name AS subjectName, r.name AS reporterName
    FROM ${changes}
    JOIN progress_entries e ON e.id = CAST(entity_id AS INTEGER)
    JOIN commitments c ON c.id = e.commitment_id
    JOIN actors s ON s.id = e.subject_id
    JOIN actors r ON r.id = e.reporter_id
    WHERE ${where}${after}
    ORDER BY audit_log.at ${sql.raw(order)}, audit_log.id ${sql.raw(order)}
    LIMIT ${limit + 1} OFFSET ${page ? (page - 1) * limit : 0}`);
  // Fewer newer rows than a page: the newest page itself, full.
  if (newer && rows.length <= limit) return listPublicChanges({}, limit);
  const more = rows.length > limit;
  const shown = newer ? rows.slice(0, limit).reverse() : rows.slice(0, limit);
  const cursor = (direction: ChangePosition[0], row: (typeof rows)[number] | undefined) =>
    row ? encodeCursor([direction, row.at, row.id]) : null;
  return {
    ...cappedCount(db, changes, where),
    page,
    limit,
    older: newer || more ? cursor('older', shown.at(-1)) : null,
    newer: position || (page ?? 1) > 1 ? cursor('newer', shown[0]) : null,
    changes: shown.map(({ id, action, withdrawalReason, ...row }) => ({
      ...row,
      action: action.replace('entry.', '') as ChangeDto['action'],
      reason: action === 'entry.withdraw' ? withdrawalReason : null,
    })),
  };
}
