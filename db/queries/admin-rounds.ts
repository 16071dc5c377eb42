import 'server-only';
import { and, asc, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import { getDb, type Db, type Tx } from '../client';
import * as t from '../schema';
import { recordAudit } from '../audit';
import {
  adminWrite,
  conflict,
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
import { getRound } from './rounds';
import { roundInputSchema, type ArchiveFilter, type RoundInput } from '../../lib/admin-input';
import type { RoundDto } from '../../lib/api-schemas';

/**
 * Reporting rounds as the secretariat manages them: defined, edited, closed, archived and
 * restored, never deleted. A round's commitments and listed actors are part of it: they are
 * rewritten with it and audited with it, before and after, in the same transaction.
 */
type UserId = string | null | undefined;

export function listRoundsForAdmin(
  filters: { archived?: ArchiveFilter } = {},
  db: Db = getDb(),
): RoundDto[] {
  const archived =
    filters.archived === 'active'
      ? isNull(t.reportingRounds.archivedAt)
      : filters.archived === 'archived'
        ? isNotNull(t.reportingRounds.archivedAt)
        : undefined;
  return db
    .select({ id: t.reportingRounds.id })
    .from(t.reportingRounds)
    .where(archived)
    .orderBy(asc(t.reportingRounds.opensOn), asc(t.reportingRounds.id))
    .all()
    .map((row) => getRound(row.id, db)!);
}

export interface RoundChoices {
  commitments: { id: number; code: string; title: string }[];
  actors: { id: number; name: string }[];
  /** Regions that have states. */
  regions: string[];
}

/** What a round's form offers: active commitments and actors, and those the round already names. */
export function roundChoices(round: RoundDto | null, db: Db = getDb()): RoundChoices {
  const codes = round?.commitments.map((commitment) => commitment.code) ?? [];
  const commitments = db
    .select({ id: t.commitments.id, code: t.commitments.code, title: t.commitments.title })
    .from(t.commitments)
    .where(
      codes.length > 0
        ? or(isNull(t.commitments.archivedAt), inArray(t.commitments.code, codes))
        : isNull(t.commitments.archivedAt),
    )
    .orderBy(asc(t.commitments.position))
    .all();
  const listed = round?.actorIds ?? [];
  const actors = db
    .select({ id: t.actors.id, name: t.actors.name })
    .from(t.actors)
    .where(
      listed.length > 0
        ? or(isNull(t.actors.archivedAt), inArray(t.actors.id, listed))
        : isNull(t.actors.archivedAt),
    )
    .orderBy(asc(t.actors.name))
    .all();
  const regions = db
    .selectDistinct({ region: t.actors.region })
    .from(t.actors)
    .where(and(eq(t.actors.kind, 'state'), isNotNull(t.actors.region)))
    .orderBy(asc(t.actors.region))
    .all()
    .map((row) => row.region!);
  return { commitments, actors, regions };
}

/** The round with its commitments and actors by id, as the audit log keeps it. */
function loadRound(tx: Tx, id: number) {
  const round = tx.select().from(t.reportingRounds).where(eq(t.reportingRounds.id, id)).get();
  if (!round) return undefined;
  const commitments = tx
    .select({ id: t.reportingRoundCommitments.commitmentId })
    .from(t.reportingRoundCommitments)
    .where(eq(t.reportingRoundCommitments.roundId, id))
    .all()
    .map((row) => row.id);
  const actors = tx
    .select({ id: t.reportingRoundActors.actorId })
    .from(t.reportingRoundActors)
    .where(eq(t.reportingRoundActors.roundId, id))
    .all()
    .map((row) => row.id);
  return { ...round, commitments, actors };
}

/** Ids and the region must name what exists: refused by field, nothing written. */
function unknownReferences(tx: Tx, input: RoundInput): CodedFieldErrors | null {
  const errors: CodedFieldErrors = {};
  const found = (table: typeof t.commitments | typeof t.actors, ids: number[]) =>
    ids.length === 0
      ? 0
      : tx.select({ id: table.id }).from(table).where(inArray(table.id, ids)).all().length;
  if (found(t.commitments, input.commitments) !== input.commitments.length)
    errors.commitments = { code: 'not_found', message: 'names a commitment that does not exist' };
  if (found(t.actors, input.actors) !== input.actors.length)
    errors.actors = { code: 'not_found', message: 'names an actor that does not exist' };
  if (
    input.region !== null &&
    !tx
      .select({ id: t.actors.id })
      .from(t.actors)
      .where(and(eq(t.actors.kind, 'state'), eq(t.actors.region, input.region)))
      .get()
  )
    errors.region = { code: 'not_found', message: 'is not the region of any state' };
  return Object.keys(errors).length > 0 ? errors : null;
}

function writeLists(tx: Tx, roundId: number, input: RoundInput): void {
  tx.delete(t.reportingRoundCommitments)
    .where(eq(t.reportingRoundCommitments.roundId, roundId))
    .run();
  tx.delete(t.reportingRoundActors).where(eq(t.reportingRoundActors.roundId, roundId)).run();
  for (const commitmentId of input.commitments)
    tx.insert(t.reportingRoundCommitments).values({ roundId, commitmentId }).run();
  for (const actorId of input.actors)
    tx.insert(t.reportingRoundActors).values({ roundId, actorId }).run();
}

const columns = ({ commitments: _c, actors: _a, ...round }: RoundInput) => round;

export function createRound(
  userId: UserId,
  input: unknown,
  context: AdminWriteContext = {},
  db: Db = getDb(),
): AdminWriteResult {
  return adminWrite(db, userId, 'round.create', (tx, principal) => {
    const parsed = roundInputSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error, 'a reporting round');
    const unknown = unknownReferences(tx, parsed.data);
    if (unknown) return invalid(unknown);
    const { id } = tx.insert(t.reportingRounds).values(columns(parsed.data)).returning().get();
    writeLists(tx, id, parsed.data);
    recordAudit(tx, {
      userId: principal.userId,
      action: 'round.create',
      entityType: 'reporting_round',
      entityId: id,
      after: loadRound(tx, id),
      requestId: context.requestId,
    });
    return { ok: true, id };
  });
}

export function updateRound(
  userId: UserId,
  rawId: unknown,
  input: unknown,
  context: AdminWriteContext = {},
  db: Db = getDb(),
): AdminWriteResult {
  return adminWrite(db, userId, 'round.edit', (tx, principal) => {
    const id = positiveId(rawId);
    const before = id === null ? undefined : loadRound(tx, id);
    if (!before) return notFound('The reporting round');
    const parsed = roundInputSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error, 'a reporting round');
    const unknown = unknownReferences(tx, parsed.data);
    if (unknown) return invalid(unknown);
    tx.update(t.reportingRounds)
      .set(columns(parsed.data))
      .where(eq(t.reportingRounds.id, before.id))
      .run();
    writeLists(tx, before.id, parsed.data);
    recordAudit(tx, {
      userId: principal.userId,
      action: 'round.edit',
      entityType: 'reporting_round',
      entityId: before.id,
      before,
      after: loadRound(tx, before.id),
      requestId: context.requestId,
    });
    return { ok: true, id: before.id };
  });
}

/** Closing is final: a closed round's unreported cells read "missing" from then on. */
export function closeRound(
  userId: UserId,
  rawId: unknown,
  context: AdminWriteContext = {},
  db: Db = getDb(),
): AdminWriteResult {
  return adminWrite(db, userId, 'round.close', (tx, principal) => {
    const id = positiveId(rawId);
    if (id === null)
      return invalid({ id: { code: 'invalid', message: 'must be a positive whole number' } });
    const before = loadRound(tx, id);
    if (!before) return notFound('The reporting round');
    if (before.closedAt !== null) return conflict('The reporting round is already closed.');
    tx.update(t.reportingRounds)
      .set({ closedAt: new Date().toISOString() })
      .where(eq(t.reportingRounds.id, id))
      .run();
    recordAudit(tx, {
      userId: principal.userId,
      action: 'round.close',
      entityType: 'reporting_round',
      entityId: id,
      before,
      after: loadRound(tx, id),
      requestId: context.requestId,
    });
    return { ok: true, id };
  });
}

const rounds: Archivable<typeof t.reportingRounds.$inferSelect> = {
  entityType: 'reporting_round',
  label: 'The reporting round',
  load: (tx, id) => tx.select().from(t.reportingRounds).where(eq(t.reportingRounds.id, id)).get(),
  setArchivedAt: (tx, id, archivedAt) =>
    tx
      .update(t.reportingRounds)
      .set({ archivedAt })
      .where(eq(t.reportingRounds.id, id))
      .returning()
      .get(),
};

export const archiveRound = (userId: UserId, id: unknown, context?: AdminWriteContext, db?: Db) =>
  setArchived(rounds, 'round.archive', true, userId, id, context, db);
export const restoreRound = (userId: UserId, id: unknown, context?: AdminWriteContext, db?: Db) =>
  setArchived(rounds, 'round.restore', false, userId, id, context, db);
