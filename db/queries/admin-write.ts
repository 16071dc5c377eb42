import 'server-only';
import { getDb, type Db, type Tx } from '../client';
import { recordAudit } from '../audit';
import { authorizeWorkspace, type Principal, type WorkspaceAction } from '../authz';
import { loadPrincipal } from './principal';
import {
  adminFieldErrorCodes,
  adminFieldErrors,
  type AdminFieldErrorCode,
  type AdminFieldErrorCodes,
  type FieldErrors,
} from '../../lib/admin-input';
import type { z } from 'zod';

/**
 * The one way the admin screens write actors, source documents and commitments: load the
 * signed-in user afresh, authorize through db/authz.ts (deny by default: only an enabled admin),
 * then validate, write and audit, all in one immediate transaction. Expected failures are values:
 * bad input names each field with an English message and a stable code (lib/admin-input.ts), by
 * which the admin screens word it in the page's language.
 */
export type AdminWriteResult =
  | { ok: true; id: number }
  | {
      ok: false;
      status: 400 | 403 | 404 | 409;
      message: string;
      fieldErrors?: FieldErrors;
      fieldCodes?: AdminFieldErrorCodes;
    };

/** Refused fields, each with its code and its English message. */
export type CodedFieldErrors = Record<string, { code: AdminFieldErrorCode; message: string }>;

export interface AdminWriteContext {
  requestId?: string | null;
}

const refusal = (errors: FieldErrors, codes: AdminFieldErrorCodes): AdminWriteResult => ({
  ok: false,
  status: 400,
  message: `Check ${Object.keys(errors).join(', ')}: ${Object.entries(errors)
    .map(([field, message]) => `${field} ${message}`)
    .join('; ')}`,
  fieldErrors: errors,
  fieldCodes: codes,
});
/** Bad input found by the data layer itself (a name already used, an archived source). */
export const invalid = (errors: CodedFieldErrors): AdminWriteResult => {
  const entries = Object.entries(errors);
  return refusal(
    Object.fromEntries(entries.map(([field, { message }]) => [field, message])),
    Object.fromEntries(entries.map(([field, { code }]) => [field, code])),
  );
};
/** Bad input as the schema found it; `entity` names what an unknown field is not a field of. */
export const invalidInput = (error: z.ZodError, entity: string): AdminWriteResult =>
  refusal(adminFieldErrors(error, entity), adminFieldErrorCodes(error));
export const notFound = (what: string): AdminWriteResult => ({
  ok: false,
  status: 404,
  message: `${what} was not found.`,
});
export const conflict = (message: string): AdminWriteResult => ({
  ok: false,
  status: 409,
  message,
});

/** Runs `work` for an enabled admin only, inside one immediate transaction. */
export function adminWrite(
  db: Db,
  userId: string | null | undefined,
  action: WorkspaceAction,
  work: (tx: Tx, principal: Principal) => AdminWriteResult,
): AdminWriteResult {
  return db.transaction(
    (tx) => {
      const principal = loadPrincipal(tx, userId);
      const decision = authorizeWorkspace(principal, action);
      if (!decision.allowed || !principal)
        return {
          ok: false,
          status: 403,
          message: decision.allowed ? 'Sign in as an admin to do this.' : decision.reason,
        };
      return work(tx, principal);
    },
    { behavior: 'immediate' },
  );
}

/** An id from a form or a URL: a positive whole number, or null. */
export const positiveId = (value: unknown): number | null => {
  const id =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d{1,15}$/.test(value)
        ? Number(value)
        : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
};

/** A table with an `archived_at` column that the admin screens archive and restore. */
export interface Archivable<Row extends { archivedAt: string | null }> {
  entityType: string;
  label: string;
  load: (tx: Tx, id: number) => Row | undefined;
  setArchivedAt: (tx: Tx, id: number, archivedAt: string | null) => Row;
}

/**
 * Archives (archived = true) or restores a row: never a delete. Archiving twice, or restoring
 * what is not archived, is a 409 that changes nothing.
 */
export function setArchived<Row extends { archivedAt: string | null }>(
  kind: Archivable<Row>,
  action: WorkspaceAction,
  archived: boolean,
  userId: string | null | undefined,
  rawId: unknown,
  context: AdminWriteContext = {},
  db: Db = getDb(),
): AdminWriteResult {
  return adminWrite(db, userId, action, (tx, principal) => {
    const id = positiveId(rawId);
    if (id === null)
      return invalid({ id: { code: 'invalid', message: 'must be a positive whole number' } });
    const before = kind.load(tx, id);
    if (!before) return notFound(kind.label);
    if ((before.archivedAt !== null) === archived)
      return conflict(
        archived ? `${kind.label} is already archived.` : `${kind.label} is not archived.`,
      );
    const after = kind.setArchivedAt(tx, id, archived ? new Date().toISOString() : null);
    recordAudit(tx, {
      userId: principal.userId,
      action,
      entityType: kind.entityType,
      entityId: id,
      before,
      after,
      requestId: context.requestId,
    });
    return { ok: true, id };
  });
}
