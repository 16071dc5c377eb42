import 'server-only';
import { and, asc, eq, inArray, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm';
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
import { actorInputSchema, type ActorInput, type ArchiveFilter } from '../../lib/admin-input';
import type { ActorKind } from '../../lib/taxonomy';

/**
 * Actors as the secretariat manages them: every actor, archived ones included and marked.
 * Archiving keeps the actor's page and entries public, and takes it out of lists, counts and the
 * entry form (db/queries/actors.ts, summary.ts, entry-forms.ts all skip archived actors).
 */
type ActorRow = typeof t.actors.$inferSelect;

export interface AdminActorDto {
  id: number;
  kind: ActorKind;
  name: string;
  shortName: string | null;
  iso3: string | null;
  region: string | null;
  subRegion: string | null;
  intermediateRegion: string | null;
  isDemo: boolean;
  archivedAt: string | null;
}

const toDto = ({ createdAt: _createdAt, ...row }: ActorRow): AdminActorDto => row;

export interface AdminActorFilters {
  q?: string;
  kind?: ActorKind;
  archived?: ArchiveFilter;
}

/** The list's order: by name whatever the case, the id between names that differ only in case. */
const LIST_ORDER = [sql`${t.actors.name} COLLATE NOCASE`, asc(t.actors.id)];

function adminActorFilter(filters: AdminActorFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.kind) conditions.push(eq(t.actors.kind, filters.kind));
  if (filters.archived === 'active') conditions.push(isNull(t.actors.archivedAt));
  if (filters.archived === 'archived') conditions.push(isNotNull(t.actors.archivedAt));
  if (filters.q)
    conditions.push(
      containsText(
        [
          sql`${t.actors.name}`,
          sql`coalesce(${t.actors.shortName}, '')`,
          sql`coalesce(${t.actors.iso3}, '')`,
        ],
        filters.q,
      ),
    );
  return and(...conditions);
}

/**
 * The ids of the actors the filters find, in the list's order: what paging needs, without reading
 * and mapping every whole actor of a workspace of thousands.
 */
export function listActorIdsForAdmin(
  filters: AdminActorFilters = {},
  db: Db = getDb(),
): { id: number }[] {
  return db
    .select({ id: t.actors.id })
    .from(t.actors)
    .where(adminActorFilter(filters))
    .orderBy(...LIST_ORDER)
    .all();
}

/** The actors with these ids (a page of the list), in the list's order. */
export function getActorsForAdmin(ids: readonly number[], db: Db = getDb()): AdminActorDto[] {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(t.actors)
    .where(inArray(t.actors.id, [...ids]))
    .orderBy(...LIST_ORDER)
    .all()
    .map(toDto);
}

export function getActorForAdmin(id: number, db: Db = getDb()): AdminActorDto | null {
  const row = db.select().from(t.actors).where(eq(t.actors.id, id)).get();
  return row ? toDto(row) : null;
}

/** Names and ISO codes are unique (indexes); say which field clashes instead of failing on the index. */
function clashes(tx: Tx, actor: ActorInput, exceptId: number | null) {
  const other = (condition: SQL) =>
    tx
      .select({ id: t.actors.id })
      .from(t.actors)
      .where(exceptId === null ? condition : and(condition, ne(t.actors.id, exceptId)))
      .get();
  const errors: CodedFieldErrors = {};
  if (other(sql`lower(${t.actors.name}) = lower(${actor.name})`))
    errors.name = { code: 'taken', message: 'is already the name of another actor' };
  if (actor.iso3 && other(eq(t.actors.iso3, actor.iso3)))
    errors.iso3 = { code: 'taken', message: 'is already the code of another actor' };
  return Object.keys(errors).length > 0 ? invalid(errors) : null;
}

export function createActor(
  userId: string | null | undefined,
  input: unknown,
  context: AdminWriteContext = {},
  db: Db = getDb(),
): AdminWriteResult {
  return adminWrite(db, userId, 'actor.create', (tx, principal) => {
    const parsed = actorInputSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error, 'an actor');
    const clash = clashes(tx, parsed.data, null);
    if (clash) return clash;
    const after = tx
      .insert(t.actors)
      .values({ ...parsed.data, isDemo: false })
      .returning()
      .get();
    recordAudit(tx, {
      userId: principal.userId,
      action: 'actor.create',
      entityType: 'actor',
      entityId: after.id,
      after,
      requestId: context.requestId,
    });
    return { ok: true, id: after.id };
  });
}

export function updateActor(
  userId: string | null | undefined,
  rawId: unknown,
  input: unknown,
  context: AdminWriteContext = {},
  db: Db = getDb(),
): AdminWriteResult {
  return adminWrite(db, userId, 'actor.edit', (tx, principal) => {
    const id = positiveId(rawId);
    const before =
      id === null ? undefined : tx.select().from(t.actors).where(eq(t.actors.id, id)).get();
    if (!before) return notFound('The actor');
    const parsed = actorInputSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error, 'an actor');
    // A fictitious demo actor never carries a real state's code (CHECK actors_demo_has_no_iso3).
    if (before.isDemo && parsed.data.iso3 !== null)
      return invalid({
        iso3: { code: 'not_for_demo', message: 'is not for a fictitious demo actor' },
      });
    const clash = clashes(tx, parsed.data, before.id);
    if (clash) return clash;
    const after = tx
      .update(t.actors)
      .set(parsed.data)
      .where(eq(t.actors.id, before.id))
      .returning()
      .get();
    recordAudit(tx, {
      userId: principal.userId,
      action: 'actor.edit',
      entityType: 'actor',
      entityId: before.id,
      before,
      after,
      requestId: context.requestId,
    });
    return { ok: true, id: before.id };
  });
}

const actors: Archivable<ActorRow> = {
  entityType: 'actor',
  label: 'The actor',
  load: (tx, id) => tx.select().from(t.actors).where(eq(t.actors.id, id)).get(),
  setArchivedAt: (tx, id, archivedAt) =>
    tx.update(t.actors).set({ archivedAt }).where(eq(t.actors.id, id)).returning().get(),
};

export const archiveActor = (
  userId: string | null | undefined,
  id: unknown,
  context?: AdminWriteContext,
  db?: Db,
) => setArchived(actors, 'actor.archive', true, userId, id, context, db);
export const restoreActor = (
  userId: string | null | undefined,
  id: unknown,
  context?: AdminWriteContext,
  db?: Db,
) => setArchived(actors, 'actor.restore', false, userId, id, context, db);
