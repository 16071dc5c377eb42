import 'server-only';
import type { Statement } from 'better-sqlite3';
import { getDb } from '../client';

/**
 * A fingerprint of everything the read API shows, for its ETags: the counter that triggers bump on
 * any write to entries, actors and commitments (db/migrations/0001_triggers.sql), and the last
 * audit row, which every other write records in its own transaction. Two indexed lookups: cheap
 * before every read. The statement is prepared once per connection (preparing it again for each
 * request cost more than running it).
 */
export function dataVersion(): string {
  const client = getDb().$client;
  let statement = statements.get(client);
  if (!statement) {
    statement = client.prepare(
      'SELECT (SELECT version FROM data_version WHERE id = 1) AS counter, (SELECT coalesce(max(id), 0) FROM audit_log) AS audit',
    );
    statements.set(client, statement);
  }
  const row = statement.get() as { counter: number | null; audit: number };
  return `${row.counter ?? 0}:${row.audit}`;
}

const statements = new WeakMap<object, Statement>();
