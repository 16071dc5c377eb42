import 'server-only';
import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb, openReader, type Db } from '../client';
import * as t from '../schema';
import type { StatusKey } from '../../lib/status-scale';
import type { ActorKind, Confidence, EvidenceRelation, Measure, Perspective } from '../../lib/taxonomy';
import { DEFAULT_PAGE_SIZE } from '../../lib/query-params';

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

export interface ActorRefDto {
  id: number;
  name: string;
  kind: ActorKind;
}

export interface PublishedEntryDto {
  id: number;
  commitment: { code: string; title: string };
  subject: ActorRefDto;
  reporter: ActorRefDto;
  perspective: Perspective;
  status: StatusKey;
  asOf: string;
  summary: string;
  narrative: string;
  measures: Measure[];
  evidence: { url: string; title: string; relation: EvidenceRelation }[];
  confidence: Confidence | null;
  adverseEffects: boolean;
  adverseEffectsDescription: string | null;
  publishedAt: string;
  supersedesId: number | null;
  supersededById: number | null;
  withdrawal: { at: string; reason: string } | null;
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
  if (filters.subject !== undefined) conditions.push(eq(t.progressEntries.subjectId, filters.subject));
  if (filters.reporter !== undefined) conditions.push(eq(t.progressEntries.reporterId, filters.reporter));
  if (filters.status) conditions.push(eq(t.progressEntries.status, filters.status));
  if (filters.perspective) conditions.push(eq(t.progressEntries.perspective, filters.perspective));
  if (filters.from) conditions.push(gte(t.progressEntries.asOf, filters.from));
  if (filters.to) conditions.push(lte(t.progressEntries.asOf, filters.to));
  if (filters.asOf) conditions.push(lte(t.progressEntries.asOf, filters.asOf));
  return and(...conditions);
}

function countPublished(db: Db, where: SQL | undefined): number {
  return db.select({ count: sql<number>`count(*)` }).from(t.progressEntries).innerJoin(t.commitments, eq(t.progressEntries.commitmentId, t.commitments.id)).where(where).get()?.count ?? 0;
}

/** Newest first: by as-of date, then publication, then id (which breaks every tie). */
function selectPublished(db: Db, where: SQL | undefined) {
  return db
    .select({
      entry: t.progressEntries,
      commitmentCode: t.commitments.code,
      commitmentTitle: t.commitments.title,
      subjectName: subject.name,
      subjectKind: subject.kind,
      reporterName: reporter.name,
      reporterKind: reporter.kind,
    })
    .from(t.progressEntries)
    .innerJoin(t.commitments, eq(t.progressEntries.commitmentId, t.commitments.id))
    .innerJoin(subject, eq(t.progressEntries.subjectId, subject.id))
    .innerJoin(reporter, eq(t.progressEntries.reporterId, reporter.id))
    .where(where)
    .orderBy(desc(t.progressEntries.asOf), desc(t.progressEntries.publishedAt), desc(t.progressEntries.id));
}

type PublishedRow = Awaited<ReturnType<ReturnType<typeof selectPublished>['all']>>[number];

function toPublishedEntry(row: PublishedRow): PublishedEntryDto {
  return {
    id: row.entry.id,
    commitment: { code: row.commitmentCode, title: row.commitmentTitle },
    subject: { id: row.entry.subjectId, name: row.subjectName, kind: row.subjectKind },
    reporter: { id: row.entry.reporterId, name: row.reporterName, kind: row.reporterKind },
    perspective: row.entry.perspective,
    status: row.entry.status,
    asOf: row.entry.asOf,
    summary: row.entry.summary,
    narrative: row.entry.narrative,
    measures: JSON.parse(row.entry.measures) as Measure[],
    evidence: JSON.parse(row.entry.evidence) as PublishedEntryDto['evidence'],
    confidence: row.entry.confidence,
    adverseEffects: row.entry.adverseEffects,
    adverseEffectsDescription: row.entry.adverseEffectsDescription,
    publishedAt: row.entry.publishedAt ?? '',
    supersedesId: row.entry.supersedesId,
    supersededById: row.entry.supersededById,
    withdrawal: row.entry.withdrawnAt && row.entry.withdrawalReason ? { at: row.entry.withdrawnAt, reason: row.entry.withdrawalReason } : null,
  };
}

/** Published entries only: the public never sees drafts, submissions or returned entries. */
export function listPublishedEntries(filters: EntryFilters & { id?: number } = {}): EntryPage {
  const db = getDb();
  const where = publishedWhere(filters);
  const page = filters.page ?? 1;
  const limit = filters.limit ?? DEFAULT_PAGE_SIZE;
  const total = countPublished(db, where);
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

/** Entries per chunk of an export: ~2 MB of rows in memory at a time. */
export const EXPORT_CHUNK = 2_000;

/**
 * Every published entry of a filter in the list's order, for an export of any size (1,000,000
 * entries held at once took ~1 GB of heap): read a chunk at a time from where the last one ended
 * (keyset, not OFFSET, so each chunk costs the same), on a read-only connection of its own whose
 * one read transaction keeps the count and every chunk to the same snapshot while other requests
 * write. An in-memory database (tests) has no second connection and is read directly.
 */
export function openPublishedEntries(filters: EntryFilters, chunkSize = EXPORT_CHUNK): PublishedEntryCursor {
  const reader = openReader();
  const db = reader ?? getDb();
  try {
    if (reader) reader.$client.prepare('BEGIN').run();
    const where = publishedWhere(filters);
    const total = countPublished(db, where);
    let last: PublishedRow['entry'] | null = null;
    let done = false;
    const close = () => {
      done = true;
      if (reader?.$client.open) {
        if (reader.$client.inTransaction) reader.$client.prepare('COMMIT').run();
        reader.$client.close();
      }
    };
    return {
      total,
      next() {
        if (done) return [];
        const after = last
          ? // as_of <= ? lets the as-of index start where the last chunk ended; the row value orders its ties.
            and(where, lte(t.progressEntries.asOf, last.asOf), sql`(${t.progressEntries.asOf}, ${t.progressEntries.publishedAt}, ${t.progressEntries.id}) < (${last.asOf}, ${last.publishedAt}, ${last.id})`)
          : where;
        const rows = selectPublished(db, after).limit(chunkSize).all();
        if (rows.length < chunkSize) close();
        last = rows.at(-1)?.entry ?? last;
        return rows.map(toPublishedEntry);
      },
      close,
    };
  } catch (error) {
    reader?.$client.close();
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
export function listPublicChanges(page = 1, limit = DEFAULT_PAGE_SIZE): { changes: ChangeDto[]; total: number; page: number; limit: number } {
  const db = getDb();
  const where = sql`${t.auditLog.entityType} = 'progress_entry' AND ${t.auditLog.action} IN ('entry.publish', 'entry.supersede', 'entry.withdraw')`;
  const total = db.select({ count: sql<number>`count(*)` }).from(t.auditLog).where(where).get()?.count ?? 0;
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
    .innerJoin(t.progressEntries, sql`${t.progressEntries.id} = CAST(${t.auditLog.entityId} AS INTEGER)`)
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
