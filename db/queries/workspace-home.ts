import 'server-only';
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '../client';
import * as t from '../schema';
import type { CurrentUser } from './users';
import type { WorkflowEntryDto } from './entry-workflow';
import type { QueuedEntryDto } from './entry-detail';
import { cappedCount, type CappedCount } from './capped-count';

/** Entries a page of the review queue and of "my entries" shows. */
export const WORK_PAGE_SIZE = 50;
/**
 * One page of a workspace list, and how many there are in all (or at least: totals stop at
 * COUNT_LIMIT, so a user who imported a huge file does not make every page load count all of it).
 */
export interface WorkPage<T> extends CappedCount {
  entries: T[];
  page: number;
}

type Reviewer = Pick<CurrentUser, 'role' | 'actorId'>;
type EntryState = WorkflowEntryDto['state'];

/** The page a `?page=` query asks for: 1 for anything that is not a page number. */
export function pageParam(value: string | string[] | undefined): number {
  const page = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}

/**
 * How many entries wait for this user's review (up to COUNT_LIMIT, every page's header shows it):
 * the submitted entries of a focal point's own actor, the same rows as the review queue
 * (`pageReviewQueue`). Null for anyone who reviews nothing, without a query, so the header of a
 * contributor's or an admin's page costs nothing.
 */
export function countAwaitingReview(user: Reviewer): CappedCount | null {
  const where = queueWhere(user);
  return where ? cappedCount(getDb(), t.progressEntries, where) : null;
}

function queueWhere(user: Reviewer): SQL | null {
  if (user.role !== 'focal_point' || user.actorId === null) return null;
  return and(
    eq(t.progressEntries.reporterId, user.actorId),
    eq(t.progressEntries.state, 'submitted'),
  )!;
}

/** The reviewer's order: the longest waiting first, so nobody's entry sits at the end forever. */
const oldestWaiting = [asc(t.progressEntries.submittedAt), asc(t.progressEntries.id)];

function workPage<T>(
  where: SQL,
  page: number,
  limit: number,
  rows: (offset: number) => T[],
): WorkPage<T> {
  return {
    entries: rows((page - 1) * limit),
    page,
    ...cappedCount(getDb(), t.progressEntries, where),
  };
}

const subject = alias(t.actors, 'subject');
const author = alias(t.users, 'author');

/** One page of a focal point's review queue, the longest waiting first; empty for anyone else. */
export function pageReviewQueue(
  user: Reviewer,
  page: number,
  limit = WORK_PAGE_SIZE,
): WorkPage<QueuedEntryDto> {
  const where = queueWhere(user);
  if (!where) return { entries: [], page, total: 0, totalIsLowerBound: false };
  return workPage(where, page, limit, (offset) =>
    getDb()
      .select({
        id: t.progressEntries.id,
        commitmentCode: t.commitments.code,
        commitmentTitle: t.commitments.title,
        subjectName: subject.name,
        perspective: t.progressEntries.perspective,
        status: t.progressEntries.status,
        asOf: t.progressEntries.asOf,
        summary: t.progressEntries.summary,
        authorName: author.name,
        submittedAt: t.progressEntries.submittedAt,
        supersedesId: t.progressEntries.supersedesId,
        adverseEffects: t.progressEntries.adverseEffects,
      })
      .from(t.progressEntries)
      .innerJoin(t.commitments, eq(t.progressEntries.commitmentId, t.commitments.id))
      .innerJoin(subject, eq(t.progressEntries.subjectId, subject.id))
      .innerJoin(author, eq(t.progressEntries.createdBy, author.id))
      .where(where)
      .orderBy(...oldestWaiting)
      .limit(limit)
      .offset(offset)
      .all(),
  );
}

function workflowPage(where: SQL, page: number, limit: number, order: SQL[]) {
  return workPage(where, page, limit, (offset) =>
    getDb()
      .select({
        id: t.progressEntries.id,
        commitmentCode: t.commitments.code,
        commitmentTitle: t.commitments.title,
        subjectName: subject.name,
        status: t.progressEntries.status,
        asOf: t.progressEntries.asOf,
        summary: t.progressEntries.summary,
        state: t.progressEntries.state,
        returnNote: t.progressEntries.returnNote,
        updatedAt: t.progressEntries.updatedAt,
      })
      .from(t.progressEntries)
      .innerJoin(t.commitments, eq(t.progressEntries.commitmentId, t.commitments.id))
      .innerJoin(subject, eq(t.progressEntries.subjectId, subject.id))
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset)
      .all(),
  );
}

/** One page of the user's own entries in the given states, the most recently changed first. */
export function pageOwnWork(
  userId: string,
  states: readonly EntryState[],
  page: number,
  limit = WORK_PAGE_SIZE,
): WorkPage<WorkflowEntryDto> {
  const where = and(
    eq(t.progressEntries.createdBy, userId),
    inArray(t.progressEntries.state, [...states]),
  )!;
  return workflowPage(where, page, limit, [
    desc(t.progressEntries.updatedAt),
    desc(t.progressEntries.id),
  ]);
}

/** The first entries of a focal point's queue, as the home page previews them. */
export function previewReviewQueue(user: Reviewer, limit: number): WorkPage<WorkflowEntryDto> {
  const where = queueWhere(user);
  if (!where) return { entries: [], page: 1, total: 0, totalIsLowerBound: false };
  return workflowPage(where, 1, limit, oldestWaiting);
}
