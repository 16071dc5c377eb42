import 'server-only';
import {
  and,
  asc,
  count,
  eq,
  inArray,
  isNotNull,
  isNull,
  max,
  ne,
  notInArray,
  sql,
  type SQL,
} from 'drizzle-orm';
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
  type CodedFieldErrors,
} from './admin-write';
import { formatParagraphs } from '../../lib/paragraphs';
import {
  commitmentInputSchema,
  type ArchiveFilter,
  type CommitmentInput,
} from '../../lib/admin-input';
import type { DutyBearer, RightsHolder, Theme } from '../../lib/taxonomy';

/**
 * Commitments as the secretariat manages them. A commitment's code names it in URLs, exports,
 * imports and entries, so once any entry refers to it the code never changes: this module
 * refuses it by field, and the trigger `commitments_code_immutable_with_entries` is the last line
 * of defence. Archiving keeps its page and entries public and takes it out of lists, counts and
 * the entry form. Nothing is deleted; the tags (junction rows) are part of the commitment and
 * are audited with it, before and after.
 */
type CommitmentRow = typeof t.commitments.$inferSelect;

export const CODE_LOCKED_MESSAGE =
  'cannot change once the commitment has progress entries: they name it by its code';

export interface AdminCommitmentSummaryDto {
  id: number;
  code: string;
  title: string;
  theme: Theme;
  paragraphs: string;
  sourceTitle: string;
  archivedAt: string | null;
}

export interface AdminCommitmentDto {
  id: number;
  code: string;
  title: string;
  text: string;
  paragraphs: string;
  theme: Theme;
  dutyBearers: DutyBearer[];
  rightsHolders: RightsHolder[];
  gcmObjectives: number[];
  sdgTargets: string[];
  sourceId: number;
  archivedAt: string | null;
  /** Entries in any state refer to it: its code is then fixed. */
  entries: number;
}

export interface AdminCommitmentFilters {
  q?: string;
  theme?: Theme;
  archived?: ArchiveFilter;
}

export function listCommitmentsForAdmin(
  filters: AdminCommitmentFilters = {},
  db: Db = getDb(),
): AdminCommitmentSummaryDto[] {
  const conditions: SQL[] = [];
  if (filters.theme) conditions.push(eq(t.commitments.theme, filters.theme));
  if (filters.archived === 'active') conditions.push(isNull(t.commitments.archivedAt));
  if (filters.archived === 'archived') conditions.push(isNotNull(t.commitments.archivedAt));
  if (filters.q)
    conditions.push(
      containsText(
        [sql`${t.commitments.code}`, sql`${t.commitments.title}`, sql`${t.commitments.text}`],
        filters.q,
      ),
    );
  return db
    .select({
      id: t.commitments.id,
      code: t.commitments.code,
      title: t.commitments.title,
      theme: t.commitments.theme,
      paragraphs: t.commitments.paragraphs,
      sourceTitle: t.sourceDocuments.title,
      archivedAt: t.commitments.archivedAt,
    })
    .from(t.commitments)
    .innerJoin(t.sourceDocuments, eq(t.commitments.sourceId, t.sourceDocuments.id))
    .where(and(...conditions))
    .orderBy(asc(t.commitments.position), asc(t.commitments.id))
    .all();
}

/**
 * How many entries each of `ids` has, in any state (a commitment with entries keeps its code).
 * Counted for a page of the list only: every commitment's count walks every entry.
 */
export function countEntriesOf(ids: readonly number[], db: Db = getDb()): Map<number, number> {
  if (ids.length === 0) return new Map();
  const rows = db
    .select({ id: t.progressEntries.commitmentId, entries: count() })
    .from(t.progressEntries)
    .where(inArray(t.progressEntries.commitmentId, [...ids]))
    .groupBy(t.progressEntries.commitmentId)
    .all();
  return new Map(rows.map((row) => [row.id, Number(row.entries)]));
}

/** A commitment with its tags, as the edit form and the audit log see it. */
function snapshot(tx: Tx | Db, id: number): AdminCommitmentDto | null {
  const row = tx.select().from(t.commitments).where(eq(t.commitments.id, id)).get();
  if (!row) return null;
  const values = <V>(rows: { value: V }[]) => rows.map((one) => one.value);
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    text: row.text,
    paragraphs: row.paragraphs,
    theme: row.theme,
    dutyBearers: values(
      tx
        .select({ value: t.commitmentDutyBearers.dutyBearer })
        .from(t.commitmentDutyBearers)
        .where(eq(t.commitmentDutyBearers.commitmentId, id))
        .all(),
    ),
    rightsHolders: values(
      tx
        .select({ value: t.commitmentRightsHolders.rightsHolder })
        .from(t.commitmentRightsHolders)
        .where(eq(t.commitmentRightsHolders.commitmentId, id))
        .all(),
    ),
    gcmObjectives: values(
      tx
        .select({ value: t.commitmentObjectives.objective })
        .from(t.commitmentObjectives)
        .where(eq(t.commitmentObjectives.commitmentId, id))
        .orderBy(asc(t.commitmentObjectives.objective))
        .all(),
    ),
    sdgTargets: values(
      tx
        .select({ value: t.commitmentSdgTargets.sdgTarget })
        .from(t.commitmentSdgTargets)
        .where(eq(t.commitmentSdgTargets.commitmentId, id))
        .all(),
    ).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
    sourceId: row.sourceId,
    archivedAt: row.archivedAt,
    entries: Number(
      tx
        .select({ n: count() })
        .from(t.progressEntries)
        .where(eq(t.progressEntries.commitmentId, id))
        .get()?.n ?? 0,
    ),
  };
}

export function getCommitmentForAdmin(id: number, db: Db = getDb()): AdminCommitmentDto | null {
  return snapshot(db, id);
}

/** Checks against the database what the schema cannot: unique code, existing source, targets. */
function problems(
  tx: Tx,
  data: CommitmentInput,
  before: AdminCommitmentDto | null,
): CodedFieldErrors {
  const errors: CodedFieldErrors = {};
  if (before && data.code !== before.code && before.entries > 0)
    errors.code = { code: 'locked', message: CODE_LOCKED_MESSAGE };
  else if (!before || data.code !== before.code) {
    const taken = tx
      .select({ id: t.commitments.id })
      .from(t.commitments)
      .where(
        before
          ? and(eq(t.commitments.code, data.code), ne(t.commitments.id, before.id))
          : eq(t.commitments.code, data.code),
      )
      .get();
    if (taken)
      errors.code = { code: 'taken', message: 'is already the code of another commitment' };
  }
  const source = tx
    .select({ archivedAt: t.sourceDocuments.archivedAt })
    .from(t.sourceDocuments)
    .where(eq(t.sourceDocuments.id, data.source))
    .get();
  // An archived source may stay cited, but no commitment newly cites it.
  if (!source || (source.archivedAt !== null && before?.sourceId !== data.source))
    errors.source = {
      code: source ? 'archived' : 'not_found',
      message: 'must be a source document that is not archived',
    };
  if (data.gcmObjectives.length > 0) {
    const known =
      tx
        .select({ n: count() })
        .from(t.gcmObjectives)
        .where(inArray(t.gcmObjectives.number, data.gcmObjectives))
        .get()?.n ?? 0;
    if (known !== data.gcmObjectives.length)
      errors.gcmObjectives = {
        code: 'not_found',
        message: 'must be GCM objectives of this workspace',
      };
  }
  if (data.sdgTargets.length > 0) {
    const known =
      tx
        .select({ n: count() })
        .from(t.sdgTargets)
        .where(inArray(t.sdgTargets.code, data.sdgTargets))
        .get()?.n ?? 0;
    if (known !== data.sdgTargets.length)
      errors.sdgTargets = { code: 'not_found', message: 'must be SDG targets of this workspace' };
  }
  return errors;
}

/** Makes a commitment's tags exactly `data`'s: removes the ones no longer chosen, adds the new ones. */
function writeTags(tx: Tx, commitmentId: number, data: CommitmentInput): void {
  const sync = <V extends string | number>(
    table:
      | typeof t.commitmentParagraphs
      | typeof t.commitmentDutyBearers
      | typeof t.commitmentRightsHolders
      | typeof t.commitmentObjectives
      | typeof t.commitmentSdgTargets,
    column: Parameters<typeof inArray>[0],
    values: V[],
    row: (value: V) => Record<string, unknown>,
  ) => {
    const owner = eq(table.commitmentId, commitmentId);
    tx.delete(table)
      .where(values.length > 0 ? and(owner, notInArray(column, values)) : owner)
      .run();
    for (const value of values)
      tx.insert(table)
        .values(row(value) as never)
        .onConflictDoNothing()
        .run();
  };
  sync(t.commitmentParagraphs, t.commitmentParagraphs.paragraph, data.paragraphs, (paragraph) => ({
    commitmentId,
    paragraph,
  }));
  sync(
    t.commitmentDutyBearers,
    t.commitmentDutyBearers.dutyBearer,
    [...data.dutyBearers],
    (dutyBearer) => ({ commitmentId, dutyBearer }),
  );
  sync(
    t.commitmentRightsHolders,
    t.commitmentRightsHolders.rightsHolder,
    [...data.rightsHolders],
    (rightsHolder) => ({ commitmentId, rightsHolder }),
  );
  sync(
    t.commitmentObjectives,
    t.commitmentObjectives.objective,
    data.gcmObjectives,
    (objective) => ({ commitmentId, objective }),
  );
  sync(
    t.commitmentSdgTargets,
    t.commitmentSdgTargets.sdgTarget,
    [...data.sdgTargets],
    (sdgTarget) => ({ commitmentId, sdgTarget }),
  );
}

const columnsOf = (data: CommitmentInput) => ({
  code: data.code,
  title: data.title,
  text: data.text,
  paragraphs: formatParagraphs(data.paragraphs),
  theme: data.theme,
  sourceId: data.source,
});

export function createCommitment(
  userId: string | null | undefined,
  input: unknown,
  context: AdminWriteContext = {},
  db: Db = getDb(),
): AdminWriteResult {
  return adminWrite(db, userId, 'commitment.create', (tx, principal) => {
    const parsed = commitmentInputSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error, 'a commitment');
    const errors = problems(tx, parsed.data, null);
    if (Object.keys(errors).length > 0) return invalid(errors);
    const position =
      (tx
        .select({ last: max(t.commitments.position) })
        .from(t.commitments)
        .get()?.last ?? 0) + 1;
    const { id } = tx
      .insert(t.commitments)
      .values({ ...columnsOf(parsed.data), position })
      .returning({ id: t.commitments.id })
      .get();
    writeTags(tx, id, parsed.data);
    recordAudit(tx, {
      userId: principal.userId,
      action: 'commitment.create',
      entityType: 'commitment',
      entityId: id,
      after: snapshot(tx, id),
      requestId: context.requestId,
    });
    return { ok: true, id };
  });
}

export function updateCommitment(
  userId: string | null | undefined,
  rawId: unknown,
  input: unknown,
  context: AdminWriteContext = {},
  db: Db = getDb(),
): AdminWriteResult {
  return adminWrite(db, userId, 'commitment.edit', (tx, principal) => {
    const id = positiveId(rawId);
    const before = id === null ? null : snapshot(tx, id);
    if (!before) return notFound('The commitment');
    const parsed = commitmentInputSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error, 'a commitment');
    const errors = problems(tx, parsed.data, before);
    if (Object.keys(errors).length > 0) return invalid(errors);
    tx.update(t.commitments)
      .set(columnsOf(parsed.data))
      .where(eq(t.commitments.id, before.id))
      .run();
    writeTags(tx, before.id, parsed.data);
    recordAudit(tx, {
      userId: principal.userId,
      action: 'commitment.edit',
      entityType: 'commitment',
      entityId: before.id,
      before,
      after: snapshot(tx, before.id),
      requestId: context.requestId,
    });
    return { ok: true, id: before.id };
  });
}

const commitments: Archivable<CommitmentRow> = {
  entityType: 'commitment',
  label: 'The commitment',
  load: (tx, id) => tx.select().from(t.commitments).where(eq(t.commitments.id, id)).get(),
  setArchivedAt: (tx, id, archivedAt) =>
    tx.update(t.commitments).set({ archivedAt }).where(eq(t.commitments.id, id)).returning().get(),
};

export const archiveCommitment = (
  userId: string | null | undefined,
  id: unknown,
  context?: AdminWriteContext,
  db?: Db,
) => setArchived(commitments, 'commitment.archive', true, userId, id, context, db);
export const restoreCommitment = (
  userId: string | null | undefined,
  id: unknown,
  context?: AdminWriteContext,
  db?: Db,
) => setArchived(commitments, 'commitment.restore', false, userId, id, context, db);

/** Source documents a commitment may cite: the ones not archived, and the one it cites now. */
export function sourceChoices(
  currentSourceId: number | null = null,
  db: Db = getDb(),
): { id: number; title: string; archived: boolean }[] {
  return db
    .select({
      id: t.sourceDocuments.id,
      title: t.sourceDocuments.title,
      archivedAt: t.sourceDocuments.archivedAt,
    })
    .from(t.sourceDocuments)
    .orderBy(asc(t.sourceDocuments.publishedOn), asc(t.sourceDocuments.id))
    .all()
    .filter((source) => source.archivedAt === null || source.id === currentSourceId)
    .map((source) => ({
      id: source.id,
      title: source.title,
      archived: source.archivedAt !== null,
    }));
}
