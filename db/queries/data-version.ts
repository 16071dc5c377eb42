import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '../client';
import * as t from '../schema';

/**
 * A fingerprint of everything the read API shows, for its ETags: the counter that triggers bump on
 * any write to entries, actors and commitments (migration 0007), and the last audit row, which
 * every other write records in its own transaction. Two indexed lookups: cheap before every read.
 */
export function dataVersion(): string {
  const row = getDb().get<{ counter: number | null; audit: number }>(
    sql`SELECT (SELECT version FROM data_version WHERE id = 1) AS counter, (SELECT coalesce(max(${t.auditLog.id}), 0) FROM ${t.auditLog}) AS audit`,
  );
  return `${row.counter ?? 0}:${row.audit}`;
}
