import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb, type Db, type Tx } from '../client';
import { byShape, perConnection } from '../prepared';
import * as t from '../schema';
import { auditValues, type AuditRecord } from '../audit';
import type { Principal } from '../authz';
import type { ActorKind, DutyBearer } from '../../lib/taxonomy';

type EntryInsert = typeof t.progressEntries.$inferInsert;
type AuditInsert = typeof t.auditLog.$inferInsert;

export type EntryRow = typeof t.progressEntries.$inferSelect;

/**
 * Every read and write the entry workflow's rules (entry-workflow.ts) make, inside the caller's
 * transaction: statementStore below for the workflow's own transactions, or the import's store
 * (db/import/import-store.ts), which loads the workspace's actors and commitments once; the very
 * same rules run for one entry or a whole file.
 */
export interface EntryStore {
  principal(userId: string): Principal | null;
  entry(id: number): EntryRow | undefined;
  entryByKey(idempotencyKey: string): EntryRow | undefined;
  /** A commitment that is not archived, by code. */
  liveCommitment(code: string): { id: number } | undefined;
  commitmentArchived(id: number): boolean;
  dutyBearers(commitmentId: number): DutyBearer[];
  actor(id: number): { kind: ActorKind; archived: boolean; name: string } | undefined;
  insertEntry(values: EntryInsert): EntryRow;
  updateEntry(id: number, values: Partial<EntryInsert>): EntryRow;
  audit(record: AuditRecord): void;
}

/** The users row and its actor's kind that principalOf reads, before its WHERE. */
export function principalQuery(db: Db | Tx) {
  return db
    .select({
      id: t.users.id,
      role: t.users.role,
      actorId: t.users.actorId,
      disabledAt: t.users.disabledAt,
      actorKind: t.actors.kind,
    })
    .from(t.users)
    .leftJoin(t.actors, eq(t.users.actorId, t.actors.id));
}

/** A users row (joined with its actor's kind) as the rules see it. */
export function principalOf(
  row:
    | {
        id: string;
        role: Principal['role'];
        actorId: number | null;
        disabledAt: string | null;
        actorKind: ActorKind | null;
      }
    | undefined,
): Principal | null {
  if (!row || row.disabledAt !== null) return null;
  return { userId: row.id, role: row.role, actorId: row.actorId, actorKind: row.actorKind ?? null };
}

/**
 * The entry workflow's store (EntryStore) with every statement compiled once per connection
 * instead of once per call: building a query with drizzle and compiling it (an entry's INSERT and
 * UPDATE compile the triggers that keep current_status and the roll-ups) cost several times more
 * than running it. Nothing is kept between calls: every read asks the database, in whatever
 * transaction the caller holds on `db`, so the rules always see the current rows.
 */
function compile(db: Db): EntryStore {
  const p = sql.placeholder;
  const principal = principalQuery(db)
    .where(eq(t.users.id, p('userId')))
    .prepare();
  const entry = db
    .select()
    .from(t.progressEntries)
    .where(eq(t.progressEntries.id, p('id')))
    .prepare();
  const entryByKey = db
    .select()
    .from(t.progressEntries)
    .where(eq(t.progressEntries.idempotencyKey, p('key')))
    .prepare();
  const liveCommitment = db
    .select({ id: t.commitments.id })
    .from(t.commitments)
    .where(and(eq(t.commitments.code, p('code')), isNull(t.commitments.archivedAt)))
    .prepare();
  const commitment = db
    .select({ archivedAt: t.commitments.archivedAt })
    .from(t.commitments)
    .where(eq(t.commitments.id, p('id')))
    .prepare();
  const dutyBearers = db
    .select({ dutyBearer: t.commitmentDutyBearers.dutyBearer })
    .from(t.commitmentDutyBearers)
    .where(eq(t.commitmentDutyBearers.commitmentId, p('id')))
    .prepare();
  const actor = db
    .select({ kind: t.actors.kind, archivedAt: t.actors.archivedAt, name: t.actors.name })
    .from(t.actors)
    .where(eq(t.actors.id, p('id')))
    .prepare();
  // drizzle maps each placeholder through its column (booleans, JSON text) as it does a literal value.
  const insert = byShape((placeholders) =>
    db
      .insert(t.progressEntries)
      .values(placeholders as unknown as EntryInsert)
      .returning()
      .prepare(),
  );
  const update = byShape((placeholders) =>
    db
      .update(t.progressEntries)
      .set(placeholders as Partial<EntryInsert>)
      .where(eq(t.progressEntries.id, p('whereId')))
      .returning()
      .prepare(),
  );
  const audit = byShape((placeholders) =>
    db
      .insert(t.auditLog)
      .values(placeholders as unknown as AuditInsert)
      .prepare(),
  );

  return {
    principal: (userId) => principalOf(principal.get({ userId })),
    entry: (id) => entry.get({ id }),
    entryByKey: (key) => entryByKey.get({ key }),
    liveCommitment: (code) => liveCommitment.get({ code }),
    commitmentArchived: (id) => Boolean(commitment.get({ id })?.archivedAt),
    dutyBearers: (id) => dutyBearers.all({ id }).map((row) => row.dutyBearer as DutyBearer),
    actor: (id) => {
      const row = actor.get({ id });
      return row && { kind: row.kind, archived: row.archivedAt !== null, name: row.name };
    },
    insertEntry(values) {
      const run = insert(values);
      return run.statement.get(run.values) as EntryRow;
    },
    updateEntry(id, values) {
      const run = update(values);
      return run.statement.get({ ...run.values, whereId: id }) as EntryRow;
    },
    audit(record: AuditRecord) {
      const run = audit(auditValues(record));
      run.statement.run(run.values);
    },
  };
}

const storeOf = perConnection(compile);

/** The compiled store of a connection; use it only inside that connection's transactions. */
export function statementStore(db: Db = getDb()): EntryStore {
  return storeOf(db);
}
