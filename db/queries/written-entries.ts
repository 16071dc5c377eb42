import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb, type Db } from '../client';
import * as t from '../schema';
import { perConnection } from '../prepared';
import { statementStore } from './entry-store';
import type { WrittenEntryDto } from '../../lib/api-schemas';
import { statementFields } from './entry-fields';

const subject = alias(t.actors, 'subject');
const reporter = alias(t.actors, 'reporter');

/** Every API write answers with this read: compiled once per connection. */
function compile(db: Db) {
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
    .where(eq(t.progressEntries.id, sql.placeholder('entryId')))
    .prepare();
}
const writtenEntry = perConnection(compile);

/**
 * One entry in any workflow state, as the write API answers with it. Visible to everyone once
 * published; before that only to its reporter's members, its author and admins, as on the screens.
 */
export function getWrittenEntry(userId: string, entryId: number): WrittenEntryDto | null {
  const db = getDb();
  const principal = statementStore(db).principal(userId);
  const row = writtenEntry(db).get({ entryId });
  if (!row) return null;
  const { entry } = row;
  const visible =
    entry.state === 'published' ||
    (principal !== null &&
      (principal.role === 'admin' ||
        principal.actorId === entry.reporterId ||
        principal.userId === entry.createdBy));
  if (!visible) return null;
  return {
    id: entry.id,
    idempotencyKey: entry.idempotencyKey,
    commitment: { code: row.commitmentCode, title: row.commitmentTitle },
    subject: { id: entry.subjectId, name: row.subjectName, kind: row.subjectKind },
    reporter: { id: entry.reporterId, name: row.reporterName, kind: row.reporterKind },
    ...statementFields(entry),
    state: entry.state,
    returnNote: entry.returnNote,
    createdAt: entry.createdAt,
    submittedAt: entry.submittedAt,
    publishedAt: entry.publishedAt,
  };
}
