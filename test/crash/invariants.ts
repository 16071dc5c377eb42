/**
 * What must hold in the database after any crash or concurrent run, read straight from the file:
 * integrity, foreign keys, every acknowledged entry exactly once, an audit row for every entry and
 * every publication, the kept current_status equal to a recomputation with lib/rollup.ts (the
 * same comparison as db/current-status.test.ts, on raw rows), and the kept roll-up model equal to a rebuild.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { currentStatuses, type RollupEntry } from '../../lib/rollup';

export interface Acknowledged {
  idempotencyKey: string;
  entryId: number;
}

function keptCurrentStatus(db: Database.Database): Record<string, number> {
  const rows = db.prepare('SELECT commitment_id, subject_id, perspective, entry_id FROM current_status').all() as {
    commitment_id: number;
    subject_id: number;
    perspective: string;
    entry_id: number;
  }[];
  return Object.fromEntries(rows.map((row) => [`${row.commitment_id}:${row.subject_id}:${row.perspective}`, row.entry_id]));
}

function recomputedCurrentStatus(db: Database.Database): Record<string, number> {
  const entries: RollupEntry[] = (
    db.prepare(`SELECT * FROM progress_entries WHERE state = 'published'`).all() as {
      id: number;
      commitment_id: number;
      subject_id: number;
      perspective: RollupEntry['perspective'];
      status: RollupEntry['status'];
      as_of: string;
      published_at: string | null;
      adverse_effects: number;
      withdrawn_at: string | null;
      superseded_by_id: number | null;
    }[]
  ).map((row) => ({
    id: row.id,
    commitmentId: row.commitment_id,
    subjectId: row.subject_id,
    perspective: row.perspective,
    status: row.status,
    asOf: row.as_of,
    publishedAt: row.published_at ?? '',
    adverseEffects: row.adverse_effects === 1,
    withdrawn: row.withdrawn_at !== null,
    superseded: row.superseded_by_id !== null,
  }));
  const result: Record<string, number> = {};
  for (const [key, pair] of currentStatuses(entries)) {
    if (pair.self) result[`${key}:self`] = pair.self.entryId;
    if (pair.independent) result[`${key}:independent`] = pair.independent.entryId;
  }
  return result;
}

/**
 * The kept roll-up read model (migration 0009) rebuilt from scratch by the migration's own fill
 * statements into temporary tables and compared row by row (rows whose counts are all zero are
 * the same as no row). That the fill equals the roll-up module is db/rollup-model.test.ts's job;
 * this proves that no crash or concurrent write left the kept tables out of step.
 */
function rollupModelProblems(db: Database.Database): string[] {
  const migration = fs.readFileSync(path.join(process.cwd(), 'db/migrations/0009_rollup_read_model.sql'), 'utf8');
  const problems: string[] = [];
  for (const statement of migration.split('--> statement-breakpoint')) {
    const fill = statement.replace(/^(\s*--[^\n]*\n)*/, '').trim();
    const table = /^INSERT INTO `(rollup_\w+)`/.exec(fill)?.[1];
    if (!table) continue;
    const columns = db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; pk: number }[];
    const nonZero = columns.filter((column) => column.pk === 0).map((column) => `abs("${column.name}")`).join(' + ');
    db.exec(`DROP TABLE IF EXISTS temp."check_${table}"; CREATE TEMP TABLE "check_${table}" AS SELECT * FROM main."${table}" WHERE 0`);
    db.exec(fill.replace(`INSERT INTO \`${table}\``, `INSERT INTO temp."check_${table}"`));
    const differing = db
      .prepare(
        `SELECT (SELECT count(*) FROM (SELECT * FROM main."${table}" WHERE ${nonZero} > 0 EXCEPT SELECT * FROM temp."check_${table}" WHERE ${nonZero} > 0))
              + (SELECT count(*) FROM (SELECT * FROM temp."check_${table}" WHERE ${nonZero} > 0 EXCEPT SELECT * FROM main."${table}" WHERE ${nonZero} > 0))`,
      )
      .pluck()
      .get() as number;
    if (differing > 0) problems.push(`${table} differs from a rebuild at ${differing} rows`);
    db.exec(`DROP TABLE temp."check_${table}"`);
  }
  return problems;
}

/** Every invariant; returns the problems found (empty when all hold). */
export function checkInvariants(file: string, acknowledged: Iterable<Acknowledged>): string[] {
  const problems: string[] = [];
  // Not read-only: opening is what recovers a WAL left by a killed server.
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const foreignKeys = db.pragma('foreign_key_check') as unknown[];
    if (foreignKeys.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(foreignKeys.slice(0, 5))}`);

    const byKey = db.prepare('SELECT id, state FROM progress_entries WHERE idempotency_key = ?');
    const acks = [...acknowledged];
    for (const ack of acks) {
      const rows = byKey.all(ack.idempotencyKey) as { id: number; state: string }[];
      if (rows.length !== 1) problems.push(`acknowledged ${ack.idempotencyKey} is present ${rows.length} times`);
      else if (rows[0]!.id !== ack.entryId) problems.push(`acknowledged ${ack.idempotencyKey} was entry ${ack.entryId}, now ${rows[0]!.id}`);
      else if (rows[0]!.state !== 'published') problems.push(`acknowledged ${ack.idempotencyKey} is ${rows[0]!.state}, not published`);
    }

    const withoutAudit = db
      .prepare(
        `SELECT e.id FROM progress_entries e WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_type = 'progress_entry' AND a.entity_id = CAST(e.id AS TEXT))`,
      )
      .all() as { id: number }[];
    if (withoutAudit.length > 0) problems.push(`entries without an audit row: ${withoutAudit.slice(0, 10).map((row) => row.id).join(', ')}`);
    const publication = db.prepare(
      `SELECT count(*) AS n FROM audit_log WHERE entity_type = 'progress_entry' AND entity_id = ? AND json_extract("after", '$.state') = 'published'`,
    );
    const unaudited = acks.filter((ack) => (publication.get(String(ack.entryId)) as { n: number }).n === 0);
    if (unaudited.length > 0) problems.push(`acknowledged entries without an audit row of their publication: ${unaudited.slice(0, 10).map((ack) => ack.entryId).join(', ')}`);

    const kept = keptCurrentStatus(db);
    const recomputed = recomputedCurrentStatus(db);
    const keys = new Set([...Object.keys(kept), ...Object.keys(recomputed)]);
    const differing = [...keys].filter((key) => kept[key] !== recomputed[key]);
    if (differing.length > 0) problems.push(`current_status differs from a recomputation at ${differing.length} pairs, e.g. ${differing.slice(0, 3).map((key) => `${key}: kept ${kept[key]}, recomputed ${recomputed[key]}`).join('; ')}`);
    problems.push(...rollupModelProblems(db));
  } finally {
    db.close();
  }
  return problems;
}

/**
 * A checksum of the content of every table (rows sorted by every column), except those named: the
 * bad-input run proves with it that refused requests changed nothing.
 */
export function tableChecksums(file: string, except: readonly string[] = [], exceptColumns: Record<string, readonly string[]> = {}): Record<string, string> {
  const db = new Database(file, { fileMustExist: true, readonly: true });
  try {
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[])
      .map((row) => row.name)
      .filter((name) => !except.includes(name));
    const result: Record<string, string> = {};
    for (const table of tables) {
      const hash = crypto.createHash('sha256');
      const skipped = exceptColumns[table] ?? [];
      const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((column) => column.name).filter((name) => !skipped.includes(name));
      const order = columns.map((_, index) => index + 1).join(', ');
      for (const row of db.prepare(`SELECT ${columns.map((name) => `"${name}"`).join(', ')} FROM "${table}" ORDER BY ${order}`).raw().iterate()) hash.update(JSON.stringify(row, (_key, value) => (Buffer.isBuffer(value) ? value.toString('base64') : typeof value === 'bigint' ? String(value) : value)));
      result[table] = hash.digest('hex');
    }
    return result;
  } finally {
    db.close();
  }
}
