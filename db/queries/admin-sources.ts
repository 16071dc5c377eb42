import 'server-only';
import { and, asc, count, eq, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { getDb, type Db, type Tx } from '../client';
import * as t from '../schema';
import { recordAudit } from '../audit';
import { containsText } from './commitments';
import {
  adminWrite,
  invalid,
  invalidInput,
  notFound,
  positiveId,
  setArchived,
  type AdminWriteContext,
  type AdminWriteResult,
  type Archivable,
} from './admin-write';
import { sourceInputSchema, type ArchiveFilter } from '../../lib/admin-input';

/**
 * Source documents: the reports and texts commitments are quoted from. Archiving one keeps every
 * commitment that cites it, and stops new commitments from citing it.
 */
type SourceRow = typeof t.sourceDocuments.$inferSelect;

export interface AdminSourceDto {
  id: number;
  slug: string;
  title: string;
  author: string;
  publishedOn: string;
  place: string;
  reference: string | null;
  url: string | null;
  archivedAt: string | null;
  /** How many commitments cite it. */
  commitments: number;
}

export interface AdminSourceFilters {
  q?: string;
  archived?: ArchiveFilter;
}

export function listSourcesForAdmin(
  filters: AdminSourceFilters = {},
  db: Db = getDb(),
): AdminSourceDto[] {
  const conditions: SQL[] = [];
  if (filters.archived === 'active') conditions.push(isNull(t.sourceDocuments.archivedAt));
  if (filters.archived === 'archived') conditions.push(isNotNull(t.sourceDocuments.archivedAt));
  if (filters.q)
    conditions.push(
      containsText(
        [
          sql`${t.sourceDocuments.title}`,
          sql`${t.sourceDocuments.author}`,
          sql`${t.sourceDocuments.slug}`,
        ],
        filters.q,
      ),
    );
  return db
    .select({
      id: t.sourceDocuments.id,
      slug: t.sourceDocuments.slug,
      title: t.sourceDocuments.title,
      author: t.sourceDocuments.author,
      publishedOn: t.sourceDocuments.publishedOn,
      place: t.sourceDocuments.place,
      reference: t.sourceDocuments.reference,
      url: t.sourceDocuments.url,
      archivedAt: t.sourceDocuments.archivedAt,
      commitments: count(t.commitments.id),
    })
    .from(t.sourceDocuments)
    .leftJoin(t.commitments, eq(t.commitments.sourceId, t.sourceDocuments.id))
    .where(and(...conditions))
    .groupBy(t.sourceDocuments.id)
    .orderBy(asc(t.sourceDocuments.publishedOn), asc(t.sourceDocuments.id))
    .all();
}

export function getSourceForAdmin(id: number, db: Db = getDb()): AdminSourceDto | null {
  return listSourcesForAdmin({}, db).find((source) => source.id === id) ?? null;
}

function slugTaken(tx: Tx, slug: string, exceptId: number | null): boolean {
  const condition = eq(t.sourceDocuments.slug, slug);
  return Boolean(
    tx
      .select({ id: t.sourceDocuments.id })
      .from(t.sourceDocuments)
      .where(exceptId === null ? condition : and(condition, ne(t.sourceDocuments.id, exceptId)))
      .get(),
  );
}

export function createSource(
  userId: string | null | undefined,
  input: unknown,
  context: AdminWriteContext = {},
  db: Db = getDb(),
): AdminWriteResult {
  return adminWrite(db, userId, 'source.create', (tx, principal) => {
    const parsed = sourceInputSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error, 'a source document');
    if (slugTaken(tx, parsed.data.slug, null))
      return invalid({
        slug: { code: 'taken', message: 'is already used by another source document' },
      });
    const after = tx.insert(t.sourceDocuments).values(parsed.data).returning().get();
    recordAudit(tx, {
      userId: principal.userId,
      action: 'source.create',
      entityType: 'source_document',
      entityId: after.id,
      after,
      requestId: context.requestId,
    });
    return { ok: true, id: after.id };
  });
}

export function updateSource(
  userId: string | null | undefined,
  rawId: unknown,
  input: unknown,
  context: AdminWriteContext = {},
  db: Db = getDb(),
): AdminWriteResult {
  return adminWrite(db, userId, 'source.edit', (tx, principal) => {
    const id = positiveId(rawId);
    const before =
      id === null
        ? undefined
        : tx.select().from(t.sourceDocuments).where(eq(t.sourceDocuments.id, id)).get();
    if (!before) return notFound('The source document');
    const parsed = sourceInputSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error, 'a source document');
    if (slugTaken(tx, parsed.data.slug, before.id))
      return invalid({
        slug: { code: 'taken', message: 'is already used by another source document' },
      });
    const after = tx
      .update(t.sourceDocuments)
      .set(parsed.data)
      .where(eq(t.sourceDocuments.id, before.id))
      .returning()
      .get();
    recordAudit(tx, {
      userId: principal.userId,
      action: 'source.edit',
      entityType: 'source_document',
      entityId: before.id,
      before,
      after,
      requestId: context.requestId,
    });
    return { ok: true, id: before.id };
  });
}

const sources: Archivable<SourceRow> = {
  entityType: 'source_document',
  label: 'The source document',
  load: (tx, id) => tx.select().from(t.sourceDocuments).where(eq(t.sourceDocuments.id, id)).get(),
  setArchivedAt: (tx, id, archivedAt) =>
    tx
      .update(t.sourceDocuments)
      .set({ archivedAt })
      .where(eq(t.sourceDocuments.id, id))
      .returning()
      .get(),
};

export const archiveSource = (
  userId: string | null | undefined,
  id: unknown,
  context?: AdminWriteContext,
  db?: Db,
) => setArchived(sources, 'source.archive', true, userId, id, context, db);
export const restoreSource = (
  userId: string | null | undefined,
  id: unknown,
  context?: AdminWriteContext,
  db?: Db,
) => setArchived(sources, 'source.restore', false, userId, id, context, db);
