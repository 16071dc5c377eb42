/**
 * What must hold in the database after any crash or concurrent run, read straight from the file:
 * integrity, foreign keys, every acknowledged entry exactly once, an audit row for every entry and
 * every publication, the kept current_status equal to a recomputation with lib/rollup.ts (the
 * same comparison as db/current-status.test.ts, on raw rows), each of its rows a true copy of its
 * entry.
 */
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { currentStatuses, type RollupEntry } from '../../lib/rollup';

export interface Acknowledged {
  idempotencyKey: string;
  entryId: number;
}

function keptCurrentStatus(db: Database.Database): Record<string, number> {
  const rows = db
    .prepare('SELECT commitment_id, subject_id, perspective, entry_id FROM current_status')
    .all() as {
    commitment_id: number;
    subject_id: number;
    perspective: string;
    entry_id: number;
  }[];
  return Object.fromEntries(
    rows.map((row) => [`${row.commitment_id}:${row.subject_id}:${row.perspective}`, row.entry_id]),
  );
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
    if (foreignKeys.length > 0)
      problems.push(`foreign_key_check: ${JSON.stringify(foreignKeys.slice(0, 5))}`);

    const byKey = db.prepare('SELECT id, state FROM progress_entries WHERE idempotency_key = ?');
    const acks = [...acknowledged];
    for (const ack of acks) {
      const rows = byKey.all(ack.idempotencyKey) as { id: number; state: string }[];
      if (rows.length !== 1)
        problems.push(`acknowledged ${ack.idempotencyKey} is present ${rows.length} times`);
      else if (rows[0]!.id !== ack.entryId)
        problems.push(
          `acknowledged ${ack.idempotencyKey} was entry ${ack.entryId}, now ${rows[0]!.id}`,
        );
      else if (rows[0]!.state !== 'published')
        problems.push(`acknowledged ${ack.idempotencyKey} is ${rows[0]!.state}, not published`);
    }

    const withoutAudit = db
      .prepare(
        `SELECT e.id FROM progress_entries e WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_type = 'progress_entry' AND a.entity_id = CAST(e.id AS TEXT))`,
      )
      .all() as { id: number }[];
    if (withoutAudit.length > 0)
      problems.push(
        `entries without an audit row: ${withoutAudit
          .slice(0, 10)
          .map((row) => row.id)
          .join(', ')}`,
      );
    const publication = db.prepare(
      `SELECT count(*) AS n FROM audit_log WHERE entity_type = 'progress_entry' AND entity_id = ? AND json_extract("after", '$.state') = 'published'`,
    );
    const unaudited = acks.filter(
      (ack) => (publication.get(String(ack.entryId)) as { n: number }).n === 0,
    );
    if (unaudited.length > 0)
      problems.push(
        `acknowledged entries without an audit row of their publication: ${unaudited
          .slice(0, 10)
          .map((ack) => ack.entryId)
          .join(', ')}`,
      );

    const kept = keptCurrentStatus(db);
    const recomputed = recomputedCurrentStatus(db);
    const keys = new Set([...Object.keys(kept), ...Object.keys(recomputed)]);
    const differing = [...keys].filter((key) => kept[key] !== recomputed[key]);
    if (differing.length > 0)
      problems.push(
        `current_status differs from a recomputation at ${differing.length} pairs, e.g. ${differing
          .slice(0, 3)
          .map((key) => `${key}: kept ${kept[key]}, recomputed ${recomputed[key]}`)
          .join('; ')}`,
      );
    // Each kept row's copy of its entry (what the matrix export reads instead of the entry).
    const copies = db
      .prepare(
        `SELECT c.entry_id FROM current_status c JOIN progress_entries e ON e.id = c.entry_id
         WHERE c.status IS NOT e.status OR c.as_of IS NOT e.as_of OR c.reporter_id IS NOT e.reporter_id
           OR c.summary IS NOT e.summary`,
      )
      .pluck()
      .all() as number[];
    if (copies.length > 0)
      problems.push(`current_status rows that differ from their entry: ${copies.slice(0, 10)}`);
  } finally {
    db.close();
  }
  return problems;
}

/**
 * A checksum of the content of every table (rows sorted by every column), except those named: the
 * bad-input run proves with it that refused requests changed nothing.
 */
export function tableChecksums(
  file: string,
  except: readonly string[] = [],
  exceptColumns: Record<string, readonly string[]> = {},
): Record<string, string> {
  const db = new Database(file, { fileMustExist: true, readonly: true });
  try {
    const tables = (
      db
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
        )
        .all() as { name: string }[]
    )
      .map((row) => row.name)
      .filter((name) => !except.includes(name));
    const result: Record<string, string> = {};
    for (const table of tables) {
      const hash = crypto.createHash('sha256');
      const skipped = exceptColumns[table] ?? [];
      const columns = (
        db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]
      )
        .map((column) => column.name)
        .filter((name) => !skipped.includes(name));
      const order = columns.map((_, index) => index + 1).join(', ');
      for (const row of db
        .prepare(
          `SELECT ${columns.map((name) => `"${name}"`).join(', ')} FROM "${table}" ORDER BY ${order}`,
        )
        .raw()
        .iterate())
        hash.update(
          JSON.stringify(row, (_key, value) =>
            Buffer.isBuffer(value)
              ? value.toString('base64')
              : typeof value === 'bigint'
                ? String(value)
                : value,
          ),
        );
      result[table] = hash.digest('hex');
    }
    return result;
  } finally {
    db.close();
  }
}
