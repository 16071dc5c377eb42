/** Audit rows are written by the same transaction as the change they describe. */
import { auditLog } from './schema';
import type { Tx } from './client';

export interface AuditRecord {
  userId: string | null;
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
  /** Defaults to now; the seed passes the time the seeded event happened. */
  at?: string;
}

/** The audit_log row of a record: one format for every writer. */
export function auditValues(record: AuditRecord): typeof auditLog.$inferInsert {
  return {
    userId: record.userId,
    action: record.action,
    entityType: record.entityType,
    entityId: String(record.entityId),
    before: record.before === undefined ? null : JSON.stringify(record.before),
    after: record.after === undefined ? null : JSON.stringify(record.after),
    requestId: record.requestId ?? null,
    ...(record.at ? { at: record.at } : {}),
  };
}

export function recordAudit(tx: Tx, record: AuditRecord): void {
  tx.insert(auditLog).values(auditValues(record)).run();
}
