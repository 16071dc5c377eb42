import 'server-only';
import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb, openReader, type Db } from '../client';
import * as t from '../schema';
import type { StatusKey } from '../../lib/status-scale';
import type { Perspective } from '../../lib/taxonomy';
import type { PublishedEntryDto } from '../../lib/api-schemas';
import { DEFAULT_PAGE_SIZE } from '../../lib/query-params';
import { statementFields } from './entry-fields';

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

export interface EntryPage {
  entries: PublishedEntryDto[];
  page: number;
  limit: number;
  total: number;
}

const subject = alias(t.actors, 'subject');
const reporter = alias(t.actors, 'reporter');

/** One published entry by id, or null: drafts are never shown through this. */
export function getPublishedEntry(id: number): PublishedEntryDto | null {
  return listPublishedEntries({ id, limit: 1 }).entries[0] ?? null;
}

function publishedWhere(filters: EntryFilters & { id?: number }): SQL | undefined {
  const conditions: SQL[] = [eq(t.progressEntries.state, 'published')];
  if (filters.id !== undefined) conditions.push(eq(t.progressEntries.id, filters.id));
  if (filters.commitment) conditions.push(eq(t.commitments.code, filters.commitment));
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

/**
 * Joined to commitments only to filter by code (every entry has its commitment): without the join
 * SQLite counts the (state, as_of) index alone instead of reading every row through another
 * index, many times slower.
 */
function countPublished(db: Db, filters: EntryFilters & { id?: number }): number {
  const count = db.select({ count: sql<number>`count(*)` }).from(t.progressEntries);
  const where = publishedWhere(filters);
  return (
    (filters.commitment
      ? count
          .innerJoin(t.commitments, eq(t.progressEntries.commitmentId, t.commitments.id))
          .where(where)
      : count.where(where)
    ).get()?.count ?? 0
  );
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

/** Published entries only: the public never sees drafts, submissions or returned entries. */
export function listPublishedEntries(filters: EntryFilters & { id?: number } = {}): EntryPage {
  const db = getDb();
  const where = publishedWhere(filters);
  const page = filters.page ?? 1;
  const limit = filters.limit ?? DEFAULT_PAGE_SIZE;
  const total = countPublished(db, filters);
  const rows = selectPublished(db, where)
    .limit(limit)
    .offset((page - 1) * limit)
    .all();
  return { page, limit, total, entries: rows.map(toPublishedEntry) };
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
    const total = countPublished(reader, filters);
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

/** The public change log: every publication, correction and withdrawal, newest first, from the audit log. */
export function listPublicChanges(
  page = 1,
  limit = DEFAULT_PAGE_SIZE,
): { changes: ChangeDto[]; total: number; page: number; limit: number } {
  const db = getDb();
  const where = sql`${t.auditLog.entityType} = 'progress_entry' AND ${t.auditLog.action} IN ('entry.publish', 'entry.supersede', 'entry.withdraw')`;
  const total =
    db
      .select({ count: sql<number>`count(*)` })
      .from(t.auditLog)
      .where(where)
      .get()?.count ?? 0;
  const rows = db
    .select({
      at: t.auditLog.at,
      action: t.auditLog.action,
      entry: t.progressEntries,
      commitmentCode: t.commitments.code,
      commitmentTitle: t.commitments.title,
      subjectName: subject.name,
      reporterName: reporter.name,
    })
    .from(t.auditLog)
    .innerJoin(
      t.progressEntries,
      sql`${t.progressEntries.id} = CAST(${t.auditLog.entityId} AS INTEGER)`,
    )
    .innerJoin(t.commitments, eq(t.progressEntries.commitmentId, t.commitments.id))
    .innerJoin(subject, eq(t.progressEntries.subjectId, subject.id))
    .innerJoin(reporter, eq(t.progressEntries.reporterId, reporter.id))
    .where(where)
    .orderBy(desc(t.auditLog.at), desc(t.auditLog.id))
    .limit(limit)
    .offset((page - 1) * limit)
    .all();
  return {
    total,
    page,
    limit,
    changes: rows.map((row) => ({
      at: row.at,
      action: row.action.replace('entry.', '') as ChangeDto['action'],
      entryId: row.entry.id,
      commitmentCode: row.commitmentCode,
      commitmentTitle: row.commitmentTitle,
      subjectName: row.subjectName,
      reporterName: row.reporterName,
      status: row.entry.status,
      asOf: row.entry.asOf,
      summary: row.entry.summary,
      reason: row.action === 'entry.withdraw' ? row.entry.withdrawalReason : null,
    })),
  };
}
