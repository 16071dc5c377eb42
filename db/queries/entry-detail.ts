import 'server-only';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb, type Db, type Tx } from '../client';
import * as t from '../schema';
import { authorize, type EntryResource } from '../authz';
import { loadPrincipal } from './principal';
import type { ActorRefDto, PublishedEntryDto } from '../../lib/api-schemas';
import type { StatusKey } from '../../lib/status-scale';
import {
  appliesToKind,
  type DutyBearer,
  type EntryState,
  type Perspective,
} from '../../lib/taxonomy';
import { changedFields, currentAfterPublishing, type ComparedField } from '../../lib/entry-changes';
import { statementFields } from './entry-fields';

/**
 * One entry with everything about it, in any state: what was written, who wrote and approved it,
 * when, and its commitment with the source's own words. `getEntryDetail` does not decide who may
 * see it: a public page shows published entries only, and the review reads through
 * `getEntryReview`, which asks db/authz.ts whether the user may publish or return the entry.
 */
export interface EntryDetailDto extends Pick<
  PublishedEntryDto,
  | 'id'
  | 'perspective'
  | 'status'
  | 'asOf'
  | 'summary'
  | 'narrative'
  | 'measures'
  | 'evidence'
  | 'confidence'
  | 'adverseEffects'
  | 'adverseEffectsDescription'
  | 'supersedesId'
  | 'supersededById'
  | 'withdrawal'
> {
  state: EntryState;
  commitment: {
    id: number;
    code: string;
    title: string;
    /** The recommendation, verbatim. */
    text: string;
    /** Citation as printed, e.g. "13-14", and how many paragraphs it names. */
    paragraphs: string;
    paragraphCount: number;
    archived: boolean;
    source: { title: string; author: string; place: string; publishedOn: string };
  };
  subject: ActorRefDto & { archived: boolean };
  reporter: ActorRefDto & { archived: boolean };
  author: { id: string; name: string };
  approvedBy: { id: string; name: string } | null;
  createdAt: string;
  /** Changes with every write: what a confirmation was given for. */
  updatedAt: string;
  submittedAt: string | null;
  returnedAt: string | null;
  returnNote: string | null;
  publishedAt: string | null;
}

const subject = alias(t.actors, 'subject');
const reporter = alias(t.actors, 'reporter');
const author = alias(t.users, 'author');
const approver = alias(t.users, 'approver');

function selectDetail(db: Db | Tx, id: number) {
  return db
    .select({
      entry: t.progressEntries,
      commitment: {
        id: t.commitments.id,
        code: t.commitments.code,
        title: t.commitments.title,
        text: t.commitments.text,
        paragraphs: t.commitments.paragraphs,
        archivedAt: t.commitments.archivedAt,
        paragraphCount: sql<number>`(SELECT count(*) FROM ${t.commitmentParagraphs} WHERE ${t.commitmentParagraphs.commitmentId} = ${t.commitments.id})`,
      },
      source: {
        title: t.sourceDocuments.title,
        author: t.sourceDocuments.author,
        place: t.sourceDocuments.place,
        publishedOn: t.sourceDocuments.publishedOn,
      },
      subject: {
        id: subject.id,
        name: subject.name,
        kind: subject.kind,
        archivedAt: subject.archivedAt,
      },
      reporter: {
        id: reporter.id,
        name: reporter.name,
        kind: reporter.kind,
        archivedAt: reporter.archivedAt,
      },
      authorName: author.name,
      approverName: approver.name,
    })
    .from(t.progressEntries)
    .innerJoin(t.commitments, eq(t.progressEntries.commitmentId, t.commitments.id))
    .innerJoin(t.sourceDocuments, eq(t.commitments.sourceId, t.sourceDocuments.id))
    .innerJoin(subject, eq(t.progressEntries.subjectId, subject.id))
    .innerJoin(reporter, eq(t.progressEntries.reporterId, reporter.id))
    .innerJoin(author, eq(t.progressEntries.createdBy, author.id))
    .leftJoin(approver, eq(t.progressEntries.approvedBy, approver.id))
    .where(eq(t.progressEntries.id, id))
    .get();
}

function readDetail(db: Db | Tx, id: number): EntryDetailDto | null {
  const row = selectDetail(db, id);
  if (!row) return null;
  const { entry } = row;
  const actor = (ref: typeof row.subject) => ({
    id: ref.id,
    name: ref.name,
    kind: ref.kind,
    archived: ref.archivedAt !== null,
  });
  return {
    id: entry.id,
    state: entry.state,
    commitment: {
      id: row.commitment.id,
      code: row.commitment.code,
      title: row.commitment.title,
      text: row.commitment.text,
      paragraphs: row.commitment.paragraphs,
      paragraphCount: row.commitment.paragraphCount,
      archived: row.commitment.archivedAt !== null,
      source: row.source,
    },
    subject: actor(row.subject),
    reporter: actor(row.reporter),
    ...statementFields(entry),
    author: { id: entry.createdBy, name: row.authorName },
    approvedBy:
      entry.approvedBy && row.approverName !== null
        ? { id: entry.approvedBy, name: row.approverName }
        : null,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    submittedAt: entry.submittedAt,
    returnedAt: entry.returnedAt,
    returnNote: entry.returnNote,
    publishedAt: entry.publishedAt,
  };
}

/** One entry in any state with everything about it, or null. The caller decides who may see it. */
export function getEntryDetail(id: number): EntryDetailDto | null {
  return readDetail(getDb(), id);
}

/** A published entry that counts now: the current status of its pair's perspective, or the one a publication would make current. */
export interface PairStatusDto {
  entryId: number;
  status: StatusKey;
  asOf: string;
  publishedAt: string;
  reporterName: string;
}

/** One perspective of the entry's pair: its current status now, and after the entry is published. */
export interface PairOutcomeDto {
  perspective: Perspective;
  now: PairStatusDto | null;
  after: PairStatusDto | null;
  /** Whether publishing makes the entry under review this perspective's current status. */
  becomesCurrent: boolean;
}

/** The latest counted entries of a pair's perspective (published, neither withdrawn nor superseded), newest first. */
function countedEntries(
  db: Db | Tx,
  commitmentId: number,
  subjectId: number,
  perspective: Perspective,
  limit: number,
): PairStatusDto[] {
  return db
    .select({
      entryId: t.progressEntries.id,
      status: t.progressEntries.status,
      asOf: t.progressEntries.asOf,
      publishedAt: sql<string>`${t.progressEntries.publishedAt}`,
      reporterName: reporter.name,
    })
    .from(t.progressEntries)
    .innerJoin(reporter, eq(t.progressEntries.reporterId, reporter.id))
    .where(
      and(
        eq(t.progressEntries.commitmentId, commitmentId),
        eq(t.progressEntries.subjectId, subjectId),
        eq(t.progressEntries.perspective, perspective),
        eq(t.progressEntries.state, 'published'),
        isNull(t.progressEntries.withdrawnAt),
        isNull(t.progressEntries.supersededById),
      ),
    )
    .orderBy(
      desc(t.progressEntries.asOf),
      desc(t.progressEntries.publishedAt),
      desc(t.progressEntries.id),
    )
    .limit(limit)
    .all();
}

/** The pair's self-report and independent status now, and which each would be once `entry` is published. */
function pairOutcome(db: Db | Tx, entry: EntryDetailDto): PairOutcomeDto[] {
  return (['self', 'independent'] as const).map((perspective) => {
    const counted = countedEntries(db, entry.commitment.id, entry.subject.id, perspective, 2);
    const now = counted[0] ?? null;
    if (perspective !== entry.perspective || entry.state === 'published')
      return { perspective, now, after: now, becomesCurrent: false };
    const candidate: PairStatusDto = {
      entryId: entry.id,
      status: entry.status,
      asOf: entry.asOf,
      publishedAt: new Date().toISOString(),
      reporterName: entry.reporter.name,
    };
    const after = currentAfterPublishing(counted, candidate, entry.supersedesId);
    return { perspective, now, after, becomesCurrent: after.entryId === entry.id };
  });
}

/** Everything a reviewer sees before publishing, and what the signed-in user may do with the entry. */
export interface EntryReviewDto {
  entry: EntryDetailDto;
  /** For a correction: the published entry it supersedes. */
  supersedes: EntryDetailDto | null;
  /** The fields the correction changes against it (empty for a new entry). */
  changed: ComparedField[];
  pair: PairOutcomeDto[];
  mayPublish: boolean;
  mayReturn: boolean;
}

function dutyBearers(db: Db | Tx, commitmentId: number): DutyBearer[] {
  return db
    .select({ dutyBearer: t.commitmentDutyBearers.dutyBearer })
    .from(t.commitmentDutyBearers)
    .where(eq(t.commitmentDutyBearers.commitmentId, commitmentId))
    .all()
    .map((row) => row.dutyBearer);
}

/**
 * An entry for review by `userId`, or null when the rules (db/authz.ts) let them neither publish
 * nor return it: another actor's unpublished entry is not acknowledged to exist. Read in one
 * transaction, so the entry, what it corrects and the pair's statuses are one moment's.
 */
export function getEntryReview(userId: string, id: number): EntryReviewDto | null {
  const db = getDb();
  return db.transaction((tx) => {
    const entry = readDetail(tx, id);
    const principal = loadPrincipal(tx, userId);
    if (!entry || !principal) return null;
    const resource: EntryResource = {
      reporterId: entry.reporter.id,
      reporterKind: entry.reporter.kind,
      subjectId: entry.subject.id,
      subjectKind: entry.subject.kind,
      applies: appliesToKind(dutyBearers(tx, entry.commitment.id), entry.subject.kind),
      state: entry.state,
      createdBy: entry.author.id,
      withdrawn: entry.withdrawal !== null,
      superseded: entry.supersededById !== null,
    };
    const mayPublish = authorize(principal, 'entry.publish', resource).allowed;
    const mayReturn = authorize(principal, 'entry.return', resource).allowed;
    if (!mayPublish && !mayReturn) return null;
    const supersedes = entry.supersedesId === null ? null : readDetail(tx, entry.supersedesId);
    return {
      entry,
      supersedes,
      changed: supersedes ? changedFields(entry, supersedes) : [],
      pair: pairOutcome(tx, entry),
      mayPublish,
      mayReturn,
    };
  });
}

/** An entry waiting in a focal point's review queue, with who wrote it and when it was submitted. */
export interface QueuedEntryDto {
  id: number;
  commitmentCode: string;
  commitmentTitle: string;
  subjectName: string;
  perspective: Perspective;
  status: StatusKey;
  asOf: string;
  summary: string;
  authorName: string;
  submittedAt: string | null;
  supersedesId: number | null;
  adverseEffects: boolean;
}
