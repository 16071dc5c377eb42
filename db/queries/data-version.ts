import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '../client';
import * as t from '../schema';

/**
 * A fingerprint of everything the read API shows: every write records an audit row in its own
 * transaction, and entries carry their last change. Cheap enough to ask before every read.
 */
export function dataVersion(): string {
  const row = getDb().get<{ audit: number; entries: string }>(
    sql`SELECT (SELECT coalesce(max(${t.auditLog.id}), 0) FROM ${t.auditLog}) AS audit, (SELECT coalesce(max(${t.progressEntries.updatedAt}), '') FROM ${t.progressEntries}) AS entries`,
  );
  return `${row.audit}:${row.entries}`;
}
