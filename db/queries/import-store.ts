import 'server-only';
import { eq, getTableColumns, getTableName, sql, SQL } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { Tx } from '../client';
import * as t from '../schema';
import { auditValues, type AuditRecord } from '../audit';
import type { Principal } from '../authz';
import type { ActorKind, DutyBearer } from '../../lib/taxonomy';
import { loadPrincipal, type EntryRow, type EntryStore } from './entry-workflow';

type EntryInsert = typeof t.progressEntries.$inferInsert;
type AuditInsert = typeof t.auditLog.$inferInsert;

/** Rows per INSERT statement: one statement's overhead (statement journal, triggers' setup) shared by many rows. */
const BATCH = 200;
const ENTRY_COLUMNS = Object.entries(getTableColumns(t.progressEntries));
/** The entry's columns an INSERT names: every one but the generated perspective. */
const INSERTED = ENTRY_COLUMNS.map(([key]) => key).filter((key) => key !== 'perspective');
const AUDIT_COLUMNS = ['userId', 'action', 'entityType', 'entityId', 'before', 'after', 'requestId'] as const;

type Column = (typeof ENTRY_COLUMNS)[number][1];
const ID_INDEX = ENTRY_COLUMNS.findIndex(([key]) => key === 'id');
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const ENTRY_TABLE = quote(getTableName(t.progressEntries));
const INSERTED_COLUMNS = INSERTED.map((key) => getTableColumns(t.progressEntries)[key as keyof EntryRow] as Column);
const AUDIT_TABLE_COLUMNS = AUDIT_COLUMNS.map((key) => getTableColumns(t.auditLog)[key]);

/** `count` rows of `columns` in one INSERT, positional parameters. */
function insertSql(table: string, columns: readonly { name: string }[], count: number, returning = ''): string {
  const row = `(${columns.map(() => '?').join(', ')})`;
  return `INSERT INTO ${table} (${columns.map((column) => quote(column.name)).join(', ')}) VALUES ${Array.from({ length: count }, () => row).join(', ')}${returning}`;
}

/** A value as the driver stores it (a boolean as 0 or 1), as drizzle binds it. */
function driverValue(column: { mapToDriverValue(value: unknown): unknown }, value: unknown): unknown {
  return value === null || value === undefined ? null : column.mapToDriverValue(value);
}

/**
 * The entry workflow's store (EntryStore) for a whole file written in ONE immediate transaction:
 * the same rules (db/queries/entry-workflow.ts createIn, publishIn) run for every row, but
 * - the workspace's actors, commitments and duty bearers are read once: while the transaction
 *   holds the write lock no one else changes them, and an import writes only entries;
 * - the signed-in user is loaded once, in the transaction, and authorized for every row;
 * - an entry this store wrote is kept as written (every write to an entry in the transaction goes
 *   through the store), not read back;
 * - writes are deferred and batched: a new entry is held until the next one, so the publish that
 *   follows its creation is applied to it in memory and the entry is INSERTed once, in its final
 *   state (the current-status trigger then runs once, not twice); entries and audit rows go to the
 *   database BATCH rows per statement. The row the rules were given (its id, the next of the
 *   table's sequence, and its columns' defaults) is checked against the row the database returns:
 *   any difference throws, which rolls the whole file back. The audit rows are those of the
 *   one-entry path: the import's (the draft) and the publication's (draft -> published).
 * `flush()` must be called before the transaction commits. Valid only inside that transaction.
 */
export function importStore(tx: Tx, sqlite: Database.Database): EntryStore & { flush(): void } {
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
  /** Every entry this store wrote (or will write), as it is now. */
  const written = new Map<number, EntryRow>();
  const writtenKeys = new Map<string, number>();
  /** Entries not yet INSERTed, in id order; only the last may still change. */
  const pending: EntryRow[] = [];
  const pendingAudits: AuditInsert[] = [];
  // AUTOINCREMENT: the next id is one past the larger of the sequence and the largest id.
  let nextId =
    (tx.get<{ next: number }>(
      sql`SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'progress_entries'), 0), coalesce((SELECT max(id) FROM progress_entries), 0)) + 1 AS next`,
    )?.next ?? 1);

  const byId = tx.select().from(t.progressEntries).where(eq(t.progressEntries.id, sql.placeholder('id'))).prepare();
  const byKey = tx.select().from(t.progressEntries).where(eq(t.progressEntries.idempotencyKey, sql.placeholder('key'))).prepare();
  // Entries and audit rows are written in batches with better-sqlite3's own statements (SQL built
  // from the drizzle schema), each prepared once per batch size: binding thousands of named
  // placeholders through drizzle cost more than the write itself.
  const statements = new Map<string, Database.Statement>();
  function statement(source: string): Database.Statement {
    let prepared = statements.get(source);
    if (!prepared) statements.set(source, (prepared = sqlite.prepare(source)));
    return prepared;
  }
  const returningEntry = ` RETURNING ${ENTRY_COLUMNS.map(([, column]) => quote(column.name)).join(', ')}`;
  const updates = new Map<string, ReturnType<typeof compileUpdate>>();
  function compileUpdate(columns: string[]) {
    return tx
      .update(t.progressEntries)
      .set(Object.fromEntries(columns.map((column) => [column, sql.placeholder(column)])) as Partial<EntryInsert>)
      .where(eq(t.progressEntries.id, sql.placeholder('whereId')))
      .returning()
      .prepare();
  }

  /** The row the database will hold for these values: given columns, else the column's default. */
  function rowOf(id: number, values: EntryInsert): EntryRow {
    const row: Record<string, unknown> = {};
    for (const [key, column] of ENTRY_COLUMNS) {
      const value = (values as Record<string, unknown>)[key];
      if (key === 'id') row[key] = id;
      else if (key === 'perspective') row[key] = values.subjectId === values.reporterId ? 'self' : 'independent';
      else if (value !== undefined) row[key] = value;
      else if (column.hasDefault && column.default !== undefined && !(column.default instanceof SQL)) row[key] = column.default;
      else if (!column.notNull) row[key] = null;
      else throw new Error(`import: no value for ${key}, a column whose default only the database knows`);
    }
    return row as EntryRow;
  }

  function keep(entry: EntryRow): EntryRow {
    written.set(entry.id, entry);
    writtenKeys.set(entry.idempotencyKey, entry.id);
    return entry;
  }

  function flushAudits(): void {
    for (let start = 0; start < pendingAudits.length; start += BATCH) {
      const rows = pendingAudits.slice(start, start + BATCH);
      const values: unknown[] = [];
      for (const row of rows) AUDIT_COLUMNS.forEach((key, index) => values.push(driverValue(AUDIT_TABLE_COLUMNS[index]!, row[key])));
      statement(insertSql('"audit_log"', AUDIT_TABLE_COLUMNS, rows.length)).run(values);
    }
    pendingAudits.length = 0;
  }

  function flushEntries(count: number): void {
    const rows = pending.splice(0, count);
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      const values: unknown[] = [];
      for (const row of batch) INSERTED.forEach((key, index) => values.push(driverValue(INSERTED_COLUMNS[index]!, (row as Record<string, unknown>)[key])));
      const returned = statement(insertSql(ENTRY_TABLE, INSERTED_COLUMNS, batch.length, returningEntry)).raw(true).all(values) as unknown[][];
      const byId = new Map(returned.map((raw) => [raw[ID_INDEX], raw]));
      for (const row of batch) {
        const raw = byId.get(row.id);
        const differs = !raw || ENTRY_COLUMNS.some(([key, column], index) => raw[index] !== driverValue(column, (row as Record<string, unknown>)[key]));
        if (differs) {
          throw new Error(`import: entry ${row.id} was written as ${JSON.stringify(raw)}, not as the rules saw it (${JSON.stringify(row)})`);
        }
      }
    }
  }

  /** Everything held goes to the database (entries first: nothing in the audit refers to them by key). */
  function flush(): void {
    flushEntries(pending.length);
    flushAudits();
  }

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
    insertEntry(values) {
      // Held entries before this one will not change any more: written once a batch is full.
      if (pending.length >= BATCH) flushEntries(pending.length);
      const row = keep(rowOf(nextId, values));
      nextId += 1;
      pending.push(row);
      return row;
    },
    updateEntry(id, values) {
      const last = pending.at(-1);
      if (last?.id === id && last.state !== 'published') {
        // Not yet written: the change is applied to the held row (a published entry's triggers
        // guard its immutability, so an update of one always goes to the database).
        const changed = { ...last } as Record<string, unknown>;
        for (const [key, value] of Object.entries(values)) if (value !== undefined) changed[key] = value;
        pending[pending.length - 1] = changed as EntryRow;
        return keep(changed as EntryRow);
      }
      flushEntries(pending.length);
      const columns = Object.keys(values).filter((key) => (values as Record<string, unknown>)[key] !== undefined);
      let statement = updates.get(columns.join(','));
      if (!statement) updates.set(columns.join(','), (statement = compileUpdate(columns)));
      return keep(statement.get({ ...values, whereId: id }) as EntryRow);
    },
    audit(record: AuditRecord) {
      // Stamped by the database when written, as recordAudit's rows are.
      if (record.at !== undefined) throw new Error('import: audit rows take the time they are written');
      pendingAudits.push(auditValues(record));
      if (pendingAudits.length >= BATCH) flushAudits();
    },
    flush,
  };
}
