import 'server-only';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../client';
import * as t from '../schema';
import { loadPrincipal } from './principal';

export interface AuditFilters {
  entityType?: string;
  action?: string;
  user?: string;
  page?: number;
}

export interface AuditRowDto {
  id: number;
  at: string;
  user: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
  requestId: string | null;
}

/** The audit log, newest first, for admins only: null for anyone else. */
export function listAudit(
  callerId: string,
  filters: AuditFilters,
  limit = 50,
): {
  rows: AuditRowDto[];
  total: number;
  page: number;
  limit: number;
  entityTypes: string[];
  actions: string[];
} | null {
  const db = getDb();
  const principal = db.transaction((tx) => loadPrincipal(tx, callerId));
  if (principal?.role !== 'admin') return null;
  const conditions: SQL[] = [];
  if (filters.entityType) conditions.push(eq(t.auditLog.entityType, filters.entityType));
  if (filters.action) conditions.push(eq(t.auditLog.action, filters.action));
  if (filters.user)
    conditions.push(
      sql`${t.auditLog.userId} IN (SELECT ${t.users.id} FROM ${t.users} WHERE lower(${t.users.email}) = lower(${filters.user}) OR ${t.users.id} = ${filters.user})`,
    );
  const where = conditions.length ? and(...conditions) : undefined;
  const page = filters.page ?? 1;
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(t.auditLog)
      .where(where)
      .get()?.n ?? 0;
  const rows = db
    .select({
      id: t.auditLog.id,
      at: t.auditLog.at,
      user: t.users.email,
      action: t.auditLog.action,
      entityType: t.auditLog.entityType,
      entityId: t.auditLog.entityId,
      before: t.auditLog.before,
      after: t.auditLog.after,
      requestId: t.auditLog.requestId,
    })
    .from(t.auditLog)
    .leftJoin(t.users, eq(t.auditLog.userId, t.users.id))
    .where(where)
    .orderBy(desc(t.auditLog.id))
    .limit(limit)
    .offset((page - 1) * limit)
    .all();
  const distinct = (column: typeof t.auditLog.entityType | typeof t.auditLog.action) =>
    db
      .selectDistinct({ value: column })
      .from(t.auditLog)
      .orderBy(column)
      .all()
      .map((row) => row.value);
  return {
    rows,
    total,
    page,
    limit,
    entityTypes: distinct(t.auditLog.entityType),
    actions: distinct(t.auditLog.action),
  };
}
