import 'server-only';
import { and, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { getDb, type Db } from '../client';
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
  /** These entries only, if published (the feeds' latest, found in an index first). */
  ids?: readonly number[];
  /** Any of these commitments and actors (a reporting round's, for its feed). */
  commitmentCodes?: readonly string[];
  subjectIds?: readonly number[];
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
  const conditions: SQL[] = [
    filters.ids
      ? // `+` keeps SQLite, without statistics, from reading every entry by the state index
        // instead of the few ids by their rowid.
        and(
          inArray(t.progressEntries.id, [...filters.ids]),
          sql`+${t.progressEntries.state} = 'published'`,
        )!
      : eq(t.progressEntries.state, 'published'),
  ];
  if (filters.id !== undefined) conditions.push(eq(t.progressEntries.id, filters.id));
  if (filters.commitment)
    conditions.push(
      sql`${t.progressEntries.commitmentId} = (SELECT ${t.commitments.id} FROM ${t.commitments}
        WHERE ${t.commitments.code} = ${filters.commitment})`,
    );
  if (filters.subject !== undefined)
    conditions.push(eq(t.progressEntries.subjectId, filters.subject));
  if (filters.commitmentCodes)
    conditions.push(
      sql`${t.progressEntries.commitmentId} IN (SELECT ${t.commitments.id} FROM ${t.commitments}
        WHERE ${inArray(t.commitments.code, [...filters.commitmentCodes])})`,
    );
  if (filters.subjectIds)
    conditions.push(inArray(t.progressEntries.subjectId, [...filters.subjectIds]));
  if (filters.reporter !== undefined)
    conditions.push(eq(t.progressEntries.reporterId, filters.reporter));
  if (filters.status) conditions.push(eq(t.progressEntries.status, filters.status));
  if (filters.perspective) conditions.push(eq(t.progressEntries.perspective, filters.perspective));
  if (filters.from) conditions.push(gte(t.progressEntries.asOf, filters.from));
  if (filters.to) conditions.push(lte(t.progressEntries.asOf, filters.to));
  if (filters.asOf) conditions.push(lte(t.progressEntries.asOf, filters.asOf));
  return and(...conditions);
}

/** An entry's own columns as the public sees them (API list, change log, entries export). */
export const PUBLIC_ENTRY_FIELDS = {
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
};

/** A published entry as the public sees it, flat, with its commitment and actors. */
const PUBLISHED_FIELDS = {
  ...PUBLIC_ENTRY_FIELDS,
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

/** The list's sort key as a row value, newest first: as-of date, publication time, id. */
const SORT_KEY = sql`(${t.progressEntries.asOf}, ${t.progressEntries.publishedAt}, ${t.progressEntries.id})`;

/**
 * A numbered page from the sort key of its first entry, found past `offset` matching entries in
 * the filter's index alone (the key is that index's own columns). OFFSET on the page itself would
 * read each skipped entry's row and join its commitment and actors. No entry there: no rows.
 */
function pageStart(where: SQL | undefined, offset: number): SQL {
  const first = sql`SELECT ${t.progressEntries.asOf}, ${t.progressEntries.publishedAt},
      ${t.progressEntries.id}
    FROM ${t.progressEntries} ${where ? sql`WHERE ${where}` : sql``}
    ORDER BY ${t.progressEntries.asOf} DESC, ${t.progressEntries.publishedAt} DESC,
      ${t.progressEntries.id} DESC
    LIMIT 1 OFFSET ${offset}`;
  return sql`${SORT_KEY} <= (${first})`;
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
  const matching = publishedWhere(filters);
  const where = and(
    matching,
    after
      ? sql`${SORT_KEY} < (${after[0]}, ${after[1]}, ${after[2]})`
      : page > 1
        ? pageStart(matching, (page - 1) * limit)
        : undefined,
  );
  const rows = selectPublished(db, where)
    .limit(limit + 1)
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
