import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../client';
import * as t from '../schema';
import { auditValues, type AuditRecord } from '../audit';
import type { Principal } from '../authz';
import type { ActorKind, DutyBearer } from '../../lib/taxonomy';
import { loadPrincipal, type EntryRow, type EntryStore } from './entry-workflow';

type EntryInsert = typeof t.progressEntries.$inferInsert;
type AuditInsert = typeof t.auditLog.$inferInsert;

/** A statement compiled once per shape of its values (the columns it sets), then run with placeholders. */
function byShape<V extends object, S>(compile: (placeholders: Record<string, ReturnType<typeof sql.placeholder>>) => S): (values: V) => S {
  const compiled = new Map<string, S>();
  return (values) => {
    const columns = Object.keys(values).filter((column) => (values as Record<string, unknown>)[column] !== undefined);
    const shape = columns.join(',');
    let statement = compiled.get(shape);
    if (!statement) {
      statement = compile(Object.fromEntries(columns.map((column) => [column, sql.placeholder(column)])));
      compiled.set(shape, statement);
    }
    return statement;
  };
}

/**
 * The entry workflow's store (EntryStore) for a whole file written in ONE immediate transaction:
 * the same rules (db/queries/entry-workflow.ts createIn, publishIn) run for every row, but
 * - the workspace's actors, commitments and duty bearers are read once: while the transaction
 *   holds the write lock no one else changes them, and an import writes only entries;
 * - the signed-in user is loaded once, in the transaction, and authorized for every row;
 * - an entry this store wrote is kept as written (every write to an entry in the transaction goes
 *   through the store), not read back;
 * - every statement is compiled once and run with placeholders; drizzle still maps each row, so
 *   entries and audit rows are exactly those of the one-entry path.
 * Valid only inside the transaction it was made in.
 */
export function importStore(tx: Tx): EntryStore {
  const actors = new Map<number, { kind: ActorKind; archived: boolean }>(
    tx
      .select({ id: t.actors.id, kind: t.actors.kind, archivedAt: t.actors.archivedAt })
      .from(t.actors)
      .all()
      .map((actor) => [actor.id, { kind: actor.kind, archived: actor.archivedAt !== null }]),
  );
  const commitments = tx.select({ id: t.commitments.id, code: t.commitments.code, archivedAt: t.commitments.archivedAt }).from(t.commitments).all();
  const liveByCode = new Map(commitments.filter((commitment) => commitment.archivedAt === null).map((commitment) => [commitment.code, { id: commitment.id }]));
  const archivedCommitments = new Set(commitments.filter((commitment) => commitment.archivedAt !== null).map((commitment) => commitment.id));
  const bearers = new Map<number, DutyBearer[]>();
  for (const row of tx.select().from(t.commitmentDutyBearers).all()) {
    const list = bearers.get(row.commitmentId) ?? [];
    list.push(row.dutyBearer as DutyBearer);
    bearers.set(row.commitmentId, list);
  }
  const principals = new Map<string, Principal | null>();
  const written = new Map<number, EntryRow>();
  const writtenKeys = new Map<string, number>();

  const byId = tx.select().from(t.progressEntries).where(eq(t.progressEntries.id, sql.placeholder('id'))).prepare();
  const byKey = tx.select().from(t.progressEntries).where(eq(t.progressEntries.idempotencyKey, sql.placeholder('key'))).prepare();
  const insert = byShape<EntryInsert, ReturnType<typeof compileInsert>>((placeholders) => compileInsert(placeholders));
  function compileInsert(placeholders: Record<string, unknown>) {
    return tx.insert(t.progressEntries).values(placeholders as unknown as EntryInsert).returning().prepare();
  }
  const update = byShape<Partial<EntryInsert>, ReturnType<typeof compileUpdate>>((placeholders) => compileUpdate(placeholders));
  function compileUpdate(placeholders: Record<string, unknown>) {
    return tx
      .update(t.progressEntries)
      .set(placeholders as Partial<EntryInsert>)
      .where(eq(t.progressEntries.id, sql.placeholder('whereId')))
      .returning()
      .prepare();
  }
  const audit = byShape<AuditInsert, ReturnType<typeof compileAudit>>((placeholders) => compileAudit(placeholders));
  function compileAudit(placeholders: Record<string, unknown>) {
    return tx.insert(t.auditLog).values(placeholders as unknown as AuditInsert).prepare();
  }

  const keep = (entry: EntryRow): EntryRow => {
    written.set(entry.id, entry);
    writtenKeys.set(entry.idempotencyKey, entry.id);
    return entry;
  };

  return {
    principal(userId) {
      if (!principals.has(userId)) principals.set(userId, loadPrincipal(tx, userId));
      return principals.get(userId) ?? null;
    },
    entry: (id) => written.get(id) ?? byId.get({ id }),
    entryByKey(key) {
      const id = writtenKeys.get(key);
      return id === undefined ? byKey.get({ key }) : written.get(id);
    },
    liveCommitment: (code) => liveByCode.get(code),
    commitmentArchived: (id) => archivedCommitments.has(id),
    dutyBearers: (commitmentId) => bearers.get(commitmentId) ?? [],
    actor: (id) => actors.get(id),
    insertEntry: (values) => keep(insert(values).get(values as Record<string, unknown>) as EntryRow),
    updateEntry: (id, values) => keep(update(values).get({ ...values, whereId: id }) as EntryRow),
    audit(record: AuditRecord) {
      const values = auditValues(record);
      audit(values).run(values as Record<string, unknown>);
    },
  };
}
