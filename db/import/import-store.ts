import 'server-only';
import { eq, getTableColumns, getTableName, sql, SQL } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import type Database from 'better-sqlite3';
import type { Tx } from '../client';
import * as t from '../schema';
import { auditValues, type AuditRecord } from '../audit';
import type { Principal } from '../authz';
import type { ActorKind, DutyBearer } from '../../lib/taxonomy';
import { loadPrincipal } from '../queries/principal';
import type { EntryRow, EntryStore } from '../queries/entry-store';

type EntryInsert = typeof t.progressEntries.$inferInsert;
type AuditInsert = typeof t.auditLog.$inferInsert;

/** Rows per INSERT statement (audit rows, and entries into the staging table): one statement's overhead shared by many rows. */
const BATCH = 200;
/**
 * New entries held before they are INSERTed, then written in the order of their `as_of`: most of
 * the entries table's indexes lead with a few values (state, status, perspective, commitment)
 * followed by the date, so a file in date order walks each index once from one end of its range
 * to the other instead of landing on a different page for every row. A whole file is held (as
 * many as MAX_IMPORT_ROWS in csv-import.ts): one walk of each index instead of one per slice.
 */
const HELD = 100_000;
const byAsOf = (a: EntryRow, b: EntryRow) =>
  a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : a.id - b.id;
const ENTRY_COLUMNS = Object.entries(getTableColumns(t.progressEntries));
/** The entry's columns an INSERT names: every one but the generated perspective. */
const INSERTED = ENTRY_COLUMNS.map(([key]) => key).filter((key) => key !== 'perspective');
const AUDIT_COLUMNS = [
  'userId',
  'action',
  'entityType',
  'entityId',
  'before',
  'after',
  'requestId',
] as const;

type Column = (typeof ENTRY_COLUMNS)[number][1];
/** The entry's columns that refer to another entry (supersedes, superseded by). */
const SELF_REFERENCES = getTableConfig(t.progressEntries)
  .foreignKeys.map((foreignKey) => foreignKey.reference())
  .filter(
    (reference) => reference.foreignTable === t.progressEntries && reference.columns.length === 1,
  )
  .map(
    (reference) =>
      ENTRY_COLUMNS.find(([, column]) => column === reference.columns[0])![0] as keyof EntryInsert,
  );
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const ENTRY_TABLE = quote(getTableName(t.progressEntries));
const INSERTED_COLUMNS = INSERTED.map(
  (key) => getTableColumns(t.progressEntries)[key as keyof EntryRow] as Column,
);
const AUDIT_TABLE_COLUMNS = AUDIT_COLUMNS.map((key) => getTableColumns(t.auditLog)[key]);

/**
 * The temporary table a file's new entries wait in, every column as the rules gave it (the
 * generated perspective too), in date order; one INSERT … SELECT then moves them to the entries
 * table. Its columns have no type, so each value stays exactly as it was bound.
 */
const STAGED = `temp.${quote('import_staged')}`;
const ENTRY_TABLE_COLUMNS = ENTRY_COLUMNS.map(([, column]) => column);
const STAGED_SQL = `CREATE TEMP TABLE IF NOT EXISTS ${quote('import_staged')} (${ENTRY_TABLE_COLUMNS.map((column) => quote(column.name)).join(', ')})`;
const INSERTED_NAMES = INSERTED_COLUMNS.map((column) => quote(column.name)).join(', ');
/** A stored value is the staged one: equal under BINARY, and both numbers, both text, both NULL or both blobs. */
const sameValue = (name: string) => {
  const [staged, stored] = [`s.${quote(name)}`, `e.${quote(name)}`];
  const kind = (value: string) =>
    `CASE typeof(${value}) WHEN 'integer' THEN 'number' WHEN 'real' THEN 'number' ELSE typeof(${value}) END`;
  return `(${staged} IS ${stored} AND ${kind(staged)} = ${kind(stored)})`;
};

/** `count` rows of `columns` in one INSERT, positional parameters. */
function insertSql(
  table: string,
  columns: readonly { name: string }[],
  count: number,
  returning = '',
): string {
  const row = `(${columns.map(() => '?').join(', ')})`;
  return `INSERT INTO ${table} (${columns.map((column) => quote(column.name)).join(', ')}) VALUES ${Array.from({ length: count }, () => row).join(', ')}${returning}`;
}

/** A value as the driver stores it (a boolean as 0 or 1), as drizzle binds it. */
function driverValue(
  column: { mapToDriverValue(value: unknown): unknown },
  value: unknown,
): unknown {
  return value === null || value === undefined ? null : column.mapToDriverValue(value);
}

/** A preview met something it cannot rehearse exactly; it is run again through the real write. */
export class RehearsalUnsupported extends Error {}

/** The stand-in for the entries table a preview writes the file's entries to (temporary, rolled back with the preview). */
export const REHEARSAL_TABLE = 'import_rehearsal';

const WRITE_TARGET =
  /\b(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+[`"[]?(\w+)/gi;
const FIRES_ON_INSERT = /\b(?:BEFORE|AFTER|INSTEAD\s+OF)\s+INSERT\b/i;
const REFUSES = /\bRAISE\s*\(/i;

/**
 * Triggers that could refuse a new entry: a RAISE in a trigger on inserting an entry, or in any
 * trigger of a table that those triggers write to (and so on). The triggers an entry's INSERT
 * fires maintain derived data (current statuses, the roll-up read model, the data version) and
 * refuse nothing; a preview may then leave them out. Should one ever refuse, the preview runs them.
 */
export function refusingInsertTriggers(sqlite: Database.Database): string[] {
  const triggers = sqlite
    .prepare("SELECT name, tbl_name AS tableName, sql FROM sqlite_master WHERE type = 'trigger'")
    .all() as { name: string; tableName: string; sql: string }[];
  const entryTable = getTableName(t.progressEntries);
  const reached = triggers.filter(
    (trigger) => trigger.tableName === entryTable && FIRES_ON_INSERT.test(trigger.sql),
  );
  const tables = new Set<string>();
  for (let index = 0; index < reached.length; index += 1) {
    for (const match of reached[index]!.sql.matchAll(WRITE_TARGET)) {
      const table = match[1]!;
      if (tables.has(table)) continue;
      tables.add(table);
      // Whatever the statement (an upsert updates, a replace deletes), every trigger of a table written to.
      for (const trigger of triggers)
        if (trigger.tableName === table && !reached.includes(trigger)) reached.push(trigger);
    }
  }
  return reached.filter((trigger) => REFUSES.test(trigger.sql)).map((trigger) => trigger.name);
}

const FOREIGN_KEY_ACTIONS = String.raw`(?:\s+(?:ON\s+(?:UPDATE|DELETE)\s+(?:NO\s+ACTION|CASCADE|RESTRICT|SET\s+NULL|SET\s+DEFAULT)|MATCH\s+\w+|(?:NOT\s+)?DEFERRABLE(?:\s+INITIALLY\s+(?:DEFERRED|IMMEDIATE))?))*`;
const TABLE_FOREIGN_KEY = new RegExp(
  String.raw`,\s*(?:CONSTRAINT\s+\S+\s+)?FOREIGN\s+KEY\s*\([^)]*\)\s*REFERENCES\s+[^\s(]+\s*(?:\([^)]*\))?${FOREIGN_KEY_ACTIONS}`,
  'gi',
);
const COLUMN_FOREIGN_KEY = new RegExp(
  String.raw`\s+REFERENCES\s+[^\s(]+\s*(?:\([^)]*\))?${FOREIGN_KEY_ACTIONS}`,
  'gi',
);

/**
 * Creates the stand-in table, in the caller's transaction: the entries table's own definition
 * (columns, defaults, NOT NULL, CHECK constraints, the generated perspective) and its unique
 * indexes, read from the database, without triggers and without foreign keys (a temporary table
 * cannot refer to the database's tables; the rules look every referenced row up before they write).
 * False, and nothing created, when that cannot be done exactly, or when a trigger could refuse an
 * entry (refusingInsertTriggers): the preview then writes for real.
 */
export function createRehearsalTable(sqlite: Database.Database): boolean {
  if (!sqlite.inTransaction || refusingInsertTriggers(sqlite).length > 0) return false;
  const entryTable = getTableName(t.progressEntries);
  const definition = sqlite
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")
    .pluck()
    .get(entryTable) as string | undefined;
  const header = definition?.match(/^CREATE\s+TABLE\s+(?:`[^`]+`|"[^"]+"|\w+)\s*\(/i);
  if (!definition || !header) return false;
  const body = definition
    .slice(header[0].length)
    .replace(TABLE_FOREIGN_KEY, '')
    .replace(COLUMN_FOREIGN_KEY, '');
  const target = quote(REHEARSAL_TABLE);
  const columnsOf = (schema: string, table: string) =>
    JSON.stringify(
      sqlite
        .prepare(
          `SELECT name, type, "notnull", dflt_value, pk, hidden FROM pragma_table_xinfo(?, ?) ORDER BY cid`,
        )
        .all(table, schema),
    );
  try {
    sqlite.exec(`DROP TABLE IF EXISTS temp.${target}`);
    sqlite.exec(`CREATE TEMP TABLE ${target} (${body}`);
    const unique = (
      sqlite
        .prepare('SELECT name, "unique", partial FROM pragma_index_list(?)')
        .all(entryTable) as { name: string; unique: number; partial: number }[]
    ).filter((index) => index.unique === 1);
    for (const index of unique) {
      const columns = sqlite
        .prepare(
          'SELECT cid, name, "desc", coll FROM pragma_index_xinfo(?) WHERE "key" = 1 ORDER BY seqno',
        )
        .all(index.name) as { cid: number; name: string | null; desc: number; coll: string }[];
      if (index.partial === 1 || columns.some((column) => column.cid < 0 || column.name === null))
        throw new RehearsalUnsupported(`index ${index.name}`);
      const keys = columns
        .map(
          (column) => `${quote(column.name!)} COLLATE ${column.coll}${column.desc ? ' DESC' : ''}`,
        )
        .join(', ');
      sqlite.exec(
        `CREATE UNIQUE INDEX temp.${quote(`${REHEARSAL_TABLE}_${index.name}`)} ON ${target} (${keys})`,
      );
    }
    const foreignKeys = sqlite
      .prepare('SELECT count(*) FROM pragma_foreign_key_list(?, ?)')
      .pluck()
      .get(REHEARSAL_TABLE, 'temp') as number;
    if (columnsOf('temp', REHEARSAL_TABLE) !== columnsOf('main', entryTable) || foreignKeys > 0)
      throw new RehearsalUnsupported('columns');
    return true;
  } catch (error) {
    if (
      !(error instanceof RehearsalUnsupported) &&
      !(error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_ERROR'))
    )
      throw error;
    sqlite.exec(`DROP TABLE IF EXISTS temp.${target}`);
    return false;
  }
}

/**
 * Deferred current statuses (db/migrations/0000_baseline.sql): while the one row of
 * `current_status_deferred` is there, an entry's INSERT leaves its pair's current status alone,
 * and this brings current statuses up to date at once for every pair that got a published entry
 * while deferring: the rows the `current_status_after_insert` trigger (0001_triggers.sql) would
 * leave. Those inserts are the only change (no entry was updated meanwhile: catch up before any
 * UPDATE).
 */
export const DEFERRED_TABLE = 'current_status_deferred';
const COUNTED =
  "e.`state` = 'published' AND e.`withdrawn_at` IS NULL AND e.`superseded_by_id` IS NULL";
const samePair = (a: string, b: string) =>
  `${a}.\`commitment_id\` = ${b}.\`commitment_id\` AND ${a}.\`subject_id\` = ${b}.\`subject_id\` AND ${a}.\`perspective\` = ${b}.\`perspective\``;
const CATCH_UP: readonly string[] = [
  // The pairs of the published entries written (as [perspective, commitment, subject], checked
  // against the table's rows when they were written).
  `CREATE TEMP TABLE \`deferred_pairs\` AS SELECT DISTINCT value ->> 0 AS \`perspective\`, value ->> 1 AS \`commitment_id\`, value ->> 2 AS \`subject_id\` FROM json_each($pairs)`,
  // Each pair's newest counted entry (the current-status triggers' order) is its current status.
  `CREATE TEMP TABLE \`deferred_newest\` AS SELECT p.\`perspective\`, p.\`commitment_id\`, p.\`subject_id\`, (
      SELECT e.\`id\` FROM main.\`progress_entries\` e WHERE ${samePair('e', 'p')} AND ${COUNTED}
      ORDER BY e.\`as_of\` DESC, e.\`published_at\` DESC, e.\`id\` DESC LIMIT 1) AS \`entry_id\`
    FROM temp.\`deferred_pairs\` p`,
  `DELETE FROM main.\`current_status\` WHERE rowid IN (
      SELECT c.rowid FROM temp.\`deferred_newest\` n JOIN main.\`current_status\` c ON ${samePair('c', 'n')} WHERE c.\`entry_id\` IS NOT n.\`entry_id\`)`,
  `INSERT INTO main.\`current_status\` (\`commitment_id\`, \`subject_id\`, \`perspective\`, \`entry_id\`, \`status\`, \`as_of\`, \`published_at\`, \`adverse_effects\`, \`reporter_id\`, \`summary\`)
    SELECT e.\`commitment_id\`, e.\`subject_id\`, e.\`perspective\`, e.\`id\`, e.\`status\`, e.\`as_of\`, e.\`published_at\`, e.\`adverse_effects\`, e.\`reporter_id\`, e.\`summary\`
    FROM temp.\`deferred_newest\` n JOIN main.\`progress_entries\` e ON e.\`id\` = n.\`entry_id\`
    WHERE NOT EXISTS (SELECT 1 FROM main.\`current_status\` c WHERE ${samePair('c', 'n')})`,
];
const DEFERRED_TEMP_TABLES = ['deferred_pairs', 'deferred_newest'];

/** Puts the row that defers the current status of entry INSERTs; false (nothing deferred) on a database without that table. */
function startDeferring(sqlite: Database.Database): boolean {
  const exists = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(DEFERRED_TABLE);
  if (!exists) return false;
  sqlite.prepare(`INSERT INTO ${quote(DEFERRED_TABLE)} (id) VALUES (1)`).run();
  return true;
}

/** Brings the current statuses of the pairs written while deferring up to date, and stops deferring. */
function catchUp(sqlite: Database.Database, pairs: Iterable<string>): void {
  const dropTemp = () => {
    for (const table of DEFERRED_TEMP_TABLES)
      sqlite.prepare(`DROP TABLE IF EXISTS temp.${quote(table)}`).run();
  };
  dropTemp();
  const [pairsTable, ...rest] = CATCH_UP;
  sqlite.prepare(pairsTable as string).run({ pairs: `[${[...pairs].join(',')}]` });
  for (const source of rest) sqlite.prepare(source).run();
  dropTemp();
  sqlite.prepare(`DELETE FROM ${quote(DEFERRED_TABLE)}`).run();
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
 *   state (the current-status trigger then runs once, not twice); audit rows go to the database
 *   BATCH rows per statement; entries (HELD at a time) go to a temporary staging table, then to
 *   the entries table in ONE INSERT … SELECT, in date order. The row the rules were given (its id,
 *   the next of the table's sequence, its columns' defaults, the generated perspective) is then
 *   compared with the row the database stored: any difference throws, which rolls the whole file
 *   back. The audit rows are those the rules give it (csv-import.ts writeRows: one row for an entry imported and published at once).
 * - the current statuses of the file's inserts are deferred (`current_status_deferred`) and
 *   brought up to date at once, for every pair written to, before
 *   the first UPDATE of an entry and in `flush()` (catchUp): the same kept rows, without running
 *   the per-entry triggers 100,000 times;
 * With `rehearse` (a preview, always rolled back), the file's entries go to the stand-in table
 * (createRehearsalTable) and no audit rows are written; `rehearsing` says whether it could be made.
 * `flush()` must be called before the transaction commits. Valid only inside that transaction.
 */
export function importStore(
  tx: Tx,
  sqlite: Database.Database,
  options: {
    rehearse?: boolean;
    /** Idempotency keys the caller looked up in this transaction and found on no entry: not asked again. */
    keysNotOnRecord?: ReadonlySet<string>;
  } = {},
): EntryStore & { flush(): void; rehearsing: boolean } {
  const rehearsing = Boolean(options.rehearse) && createRehearsalTable(sqlite);
  const entryTable = rehearsing ? quote(REHEARSAL_TABLE) : ENTRY_TABLE;
  const actors = new Map<number, { kind: ActorKind; archived: boolean; name: string }>(
    tx
      .select({
        id: t.actors.id,
        kind: t.actors.kind,
        archivedAt: t.actors.archivedAt,
        name: t.actors.name,
      })
      .from(t.actors)
      .all()
      .map((actor) => [
        actor.id,
        { kind: actor.kind, archived: actor.archivedAt !== null, name: actor.name },
      ]),
  );
  const commitments = tx
    .select({
      id: t.commitments.id,
      code: t.commitments.code,
      archivedAt: t.commitments.archivedAt,
    })
    .from(t.commitments)
    .all();
  const liveByCode = new Map(
    commitments
      .filter((commitment) => commitment.archivedAt === null)
      .map((commitment) => [commitment.code, { id: commitment.id }]),
  );
  const archivedCommitments = new Set(
    commitments
      .filter((commitment) => commitment.archivedAt !== null)
      .map((commitment) => commitment.id),
  );
  const bearers = new Map<number, DutyBearer[]>();
  for (const row of tx.select().from(t.commitmentDutyBearers).all()) {
    const list = bearers.get(row.commitmentId) ?? [];
    list.push(row.dutyBearer as DutyBearer);
    bearers.set(row.commitmentId, list);
  }
  const principals = new Map<string, Principal | null>();
  /** Every entry this store will write, as it is now (and, in a rehearsal, every one it wrote). */
  const written = new Map<number, EntryRow>();
  const writtenKeys = new Map<string, number>();
  /** Entries not yet INSERTed, in id order; only the last may still change. */
  const pending: EntryRow[] = [];
  const pendingAudits: AuditInsert[] = [];
  // AUTOINCREMENT: the next id is one past the larger of the sequence and the largest id.
  let nextId =
    tx.get<{ next: number }>(
      sql`SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'progress_entries'), 0), coalesce((SELECT max(id) FROM progress_entries), 0)) + 1 AS next`,
    )?.next ?? 1;
  /** The file's entries get ids from here on (in a rehearsal they are in the stand-in table only). */
  const firstId = nextId;
  // The derived data of the file's new entries is brought up to date at once (catchUp), before
  // any entry is updated and before the commit; a rehearsal writes to a stand-in without triggers.
  let deferring = !rehearsing && startDeferring(sqlite);
  /** The pairs of the published entries written while deferring, each a JSON array. */
  const deferredPairs = new Set<string>();
  function stopDeferring(): void {
    if (!deferring) return;
    deferring = false;
    catchUp(sqlite, deferredPairs);
  }

  const byId = tx
    .select()
    .from(t.progressEntries)
    .where(eq(t.progressEntries.id, sql.placeholder('id')))
    .prepare();
  const byKey = tx
    .select()
    .from(t.progressEntries)
    .where(eq(t.progressEntries.idempotencyKey, sql.placeholder('key')))
    .prepare();
  // Entries and audit rows are written in batches with better-sqlite3's own statements (SQL built
  // from the drizzle schema), each prepared once per batch size: binding thousands of named
  // placeholders through drizzle cost more than the write itself.
  const statements = new Map<string, Database.Statement>();
  /** The statement for `count` rows of a table, its SQL built and prepared once per size. */
  function statement(name: string, count: number, source: () => string): Database.Statement {
    const key = `${name}:${count}`;
    let prepared = statements.get(key);
    if (!prepared) statements.set(key, (prepared = sqlite.prepare(source())));
    return prepared;
  }
  const updates = new Map<string, ReturnType<typeof compileUpdate>>();
  function compileUpdate(columns: string[]) {
    return tx
      .update(t.progressEntries)
      .set(
        Object.fromEntries(
          columns.map((column) => [column, sql.placeholder(column)]),
        ) as Partial<EntryInsert>,
      )
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
      else if (key === 'perspective')
        row[key] = values.subjectId === values.reporterId ? 'self' : 'independent';
      else if (value !== undefined) row[key] = value;
      else if (
        column.hasDefault &&
        column.default !== undefined &&
        !(column.default instanceof SQL)
      )
        row[key] = column.default;
      else if (!column.notNull) row[key] = null;
      else
        throw new Error(
          `import: no value for ${key}, a column whose default only the database knows`,
        );
    }
    return row as EntryRow;
  }

  const serialised = new WeakMap<object, string>();
  /** JSON of an audit record's before or after, as auditValues writes it. */
  function json(value: unknown): string | null {
    if (value === undefined) return null;
    if (typeof value !== 'object' || value === null) return JSON.stringify(value);
    let text = serialised.get(value);
    if (text === undefined) serialised.set(value, (text = JSON.stringify(value)));
    return text;
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
      for (const row of rows)
        AUDIT_COLUMNS.forEach((key, index) =>
          values.push(driverValue(AUDIT_TABLE_COLUMNS[index]!, row[key])),
        );
      statement('audit', rows.length, () =>
        insertSql('"audit_log"', AUDIT_TABLE_COLUMNS, rows.length),
      ).run(values);
    }
    pendingAudits.length = 0;
  }

  /**
   * Moves held entries to the entries table: staged (STAGED) in date order, then one statement
   * for them all, which cost less than one INSERT … RETURNING per BATCH rows (docs/performance.md,
   * "Import, session 17").
   */
  function flushEntries(count: number): void {
    // Only the order in which the rows reach the table changes: each keeps the id the rules gave it.
    const rows = pending.splice(0, count).sort(byAsOf);
    if (rows.length === 0) return;
    sqlite.exec(STAGED_SQL);
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      const values: unknown[] = [];
      for (const row of batch)
        ENTRY_COLUMNS.forEach(([key, column]) =>
          values.push(driverValue(column, (row as Record<string, unknown>)[key])),
        );
      statement('staged', batch.length, () =>
        insertSql(STAGED, ENTRY_TABLE_COLUMNS, batch.length),
      ).run(values);
    }
    const moved = sqlite
      .prepare(
        `INSERT INTO ${entryTable} (${INSERTED_NAMES}) SELECT ${INSERTED_NAMES} FROM ${STAGED} ORDER BY rowid`,
      )
      .run().changes;
    // Every staged row must be stored as the rules saw it (a default, an affinity or the generated
    // perspective the database saw otherwise would be a different entry): else nothing is kept.
    const differing = sqlite
      .prepare(
        `SELECT s.${quote('id')} FROM ${STAGED} s LEFT JOIN ${entryTable} e ON e.${quote('id')} = s.${quote('id')} WHERE NOT (${ENTRY_TABLE_COLUMNS.map((column) => sameValue(column.name)).join(' AND ')}) LIMIT 1`,
      )
      .pluck()
      .get() as number | undefined;
    sqlite.exec(`DROP TABLE ${STAGED}`);
    if (moved !== rows.length || differing !== undefined) {
      const id = differing ?? rows[0]!.id;
      throw new Error(
        `import: entry ${id} was not written as the rules saw it (${JSON.stringify(rows.find((row) => row.id === id))})`,
      );
    }
    for (const row of rows) {
      if (deferring && row.state === 'published')
        deferredPairs.add(JSON.stringify([row.perspective, row.commitmentId, row.subjectId]));
      // Written and checked: read from the table if asked for again (a file's 100,000 rows held
      // until the end cost the garbage collector more than the rare look-up). A rehearsal's rows
      // are in the stand-in only: kept.
      if (!rehearsing) written.delete(row.id);
    }
  }

  /** Everything held goes to the database (entries first: nothing in the audit refers to them by key), their derived data brought up to date. */
  function flush(): void {
    flushEntries(pending.length);
    stopDeferring();
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
      if (id !== undefined) return written.get(id);
      // Every entry written since the caller's look-up went through this store (writtenKeys).
      return options.keysNotOnRecord?.has(key) ? undefined : byKey.get({ key });
    },
    liveCommitment: (code) => liveByCode.get(code),
    commitmentArchived: (id) => archivedCommitments.has(id),
    dutyBearers: (commitmentId) => bearers.get(commitmentId) ?? [],
    actor: (id) => actors.get(id),
    insertEntry(values) {
      // Held entries before this one will not change any more: written once a batch is full.
      if (pending.length >= HELD) flushEntries(pending.length);
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
        for (const [key, value] of Object.entries(values))
          if (value !== undefined) changed[key] = value;
        pending[pending.length - 1] = changed as EntryRow;
        return keep(changed as EntryRow);
      }
      // In a rehearsal, one of the file's entries lives only in the stand-in table, without its
      // triggers: a change to it (a correction of an entry of the same file) is not rehearsed.
      if (rehearsing && id >= firstId)
        throw new RehearsalUnsupported(`entry ${id} of the file changes after it was written`);
      flushEntries(pending.length);
      stopDeferring();
      const columns = Object.keys(values).filter(
        (key) => (values as Record<string, unknown>)[key] !== undefined,
      );
      let statement = updates.get(columns.join(','));
      if (!statement) updates.set(columns.join(','), (statement = compileUpdate(columns)));
      const update = () => keep(statement.get({ ...values, whereId: id }) as EntryRow);
      // An entry on record changes for real, with its triggers (the preview is rolled back). When it
      // comes to refer to one of the file's entries (a correction marks the entry it supersedes),
      // that entry is in the stand-in table only: the foreign key is checked here, against the
      // file's entries, and the database's check deferred for this one statement (to a commit a
      // rehearsal never makes).
      const toFile = rehearsing
        ? SELF_REFERENCES.filter((key) => typeof values[key] === 'number')
        : [];
      if (toFile.length === 0) return update();
      for (const key of toFile) {
        if (!written.has(values[key] as number))
          throw new RehearsalUnsupported(`${key} of entry ${id} is not an entry of the file`);
      }
      sqlite.pragma('defer_foreign_keys = ON');
      try {
        return update();
      } finally {
        sqlite.pragma('defer_foreign_keys = OFF');
      }
    },
    audit(record: AuditRecord) {
      // Stamped by the database when written, as recordAudit's rows are.
      if (record.at !== undefined)
        throw new Error('import: audit rows take the time they are written');
      // A rehearsal is always rolled back: its audit rows would never be read.
      if (rehearsing) return;
      // An entry audited twice as the same object (one row's after, the next one's before) is
      // serialised once. Rows are never changed in place (updateEntry copies).
      pendingAudits.push({
        ...auditValues({ ...record, before: undefined, after: undefined }),
        before: json(record.before),
        after: json(record.after),
      });
      if (pendingAudits.length >= BATCH) flushAudits();
    },
    flush,
    rehearsing,
  };
}
