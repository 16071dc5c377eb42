import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Db, type Tx } from '../client';
import * as t from '../schema';
import { perConnection } from '../prepared';
import { recordAudit } from '../audit';
import { loadPrincipal } from './principal';
import type { Principal } from '../authz';
import {
  BIDI_MESSAGE,
  hasNoBidiControls,
  ILL_FORMED_MESSAGE,
  isWellFormedText,
} from '../../lib/text-integrity';

/**
 * Personal API tokens for the write API. A token is shown once when issued; the database keeps
 * only its SHA-256 and a short prefix to recognise it by. Tokens are revoked, never deleted, and a
 * revoked token stays revoked (triggers, db/migrations/0001_triggers.sql). A token acts as its
 * user: every write made with it passes through the same authorization as the user's own screens.
 */

/** `ct_` and 43 base64url characters: 32 random bytes. */
export const API_TOKEN_PATTERN = /^ct_[A-Za-z0-9_-]{43}$/;
const PREFIX_LENGTH = 'ct_'.length + 6;
/** Writing last_used_at on every request would turn each read of a token into a write. */
const LAST_USED_RESOLUTION_MS = 60_000;

export const apiTokenNameSchema = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, 'is required')
  .max(100, 'must be at most 100 characters')
  .refine((value) => !/[\u0000-\u001F\u007F]/.test(value), 'must not contain control characters')
  .refine(isWellFormedText, ILL_FORMED_MESSAGE)
  .refine(hasNoBidiControls, BIDI_MESSAGE);

export interface ApiTokenDto {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export type IssueApiTokenResult =
  | { ok: true; id: number; token: string; prefix: string }
  | { ok: false; status: 400 | 403; message: string; fieldErrors?: Record<string, string> };

export type RevokeApiTokenResult =
  | { ok: true; id: number; alreadyRevoked: boolean }
  | { ok: false; status: 403 | 404; message: string };

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function transaction<T>(db: Db, work: (tx: Tx) => T): T {
  return db.transaction(work, { behavior: 'immediate' });
}

/** What the audit log keeps of a token: never its hash. */
function auditView(row: typeof t.apiTokens.$inferSelect) {
  return {
    id: row.id,
    userId: row.userId,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt,
    revokedAt: row.revokedAt,
  };
}

/** Issues a token for the signed-in user; the token itself is returned this once and never stored. */
export function issueApiToken(
  userId: string | null | undefined,
  name: unknown,
  context: { requestId?: string | null } = {},
  db: Db = getDb(),
): IssueApiTokenResult {
  const parsed = apiTokenNameSchema.safeParse(name);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'is not valid';
    return { ok: false, status: 400, message: `name ${message}`, fieldErrors: { name: message } };
  }
  return transaction(db, (tx) => {
    const principal = loadPrincipal(tx, userId);
    if (!principal) return { ok: false, status: 403, message: 'Sign in to create an API token.' };
    const token = `ct_${randomBytes(32).toString('base64url')}`;
    const row = tx
      .insert(t.apiTokens)
      .values({
        userId: principal.userId,
        name: parsed.data,
        tokenHash: hashApiToken(token),
        prefix: token.slice(0, PREFIX_LENGTH),
        createdAt: new Date().toISOString(),
      })
      .returning()
      .get();
    recordAudit(tx, {
      userId: principal.userId,
      action: 'api_token.issue',
      entityType: 'api_token',
      entityId: row.id,
      after: auditView(row),
      requestId: context.requestId,
    });
    return { ok: true, id: row.id, token, prefix: row.prefix };
  });
}

/** Who may revoke a token: its owner, or an admin. Deny by default. */
function mayRevoke(principal: Principal | null, owner: string): boolean {
  return principal !== null && (principal.userId === owner || principal.role === 'admin');
}

/** Revokes one of the user's tokens (an admin: anyone's). Revoking twice changes nothing. */
export function revokeApiToken(
  userId: string | null | undefined,
  tokenId: unknown,
  context: { requestId?: string | null } = {},
  db: Db = getDb(),
): RevokeApiTokenResult {
  const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).safeParse(tokenId);
  if (!id.success) return { ok: false, status: 404, message: 'The API token was not found.' };
  return transaction(db, (tx) => {
    const principal = loadPrincipal(tx, userId);
    if (!principal) return { ok: false, status: 403, message: 'Sign in to revoke an API token.' };
    const row = tx.select().from(t.apiTokens).where(eq(t.apiTokens.id, id.data)).get();
    // Someone else's token is not even acknowledged to exist.
    if (!row || !mayRevoke(principal, row.userId))
      return { ok: false, status: 404, message: 'The API token was not found.' };
    if (row.revokedAt !== null) return { ok: true, id: row.id, alreadyRevoked: true };
    const after = tx
      .update(t.apiTokens)
      .set({ revokedAt: new Date().toISOString() })
      .where(eq(t.apiTokens.id, row.id))
      .returning()
      .get();
    recordAudit(tx, {
      userId: principal.userId,
      action: 'api_token.revoke',
      entityType: 'api_token',
      entityId: row.id,
      before: auditView(row),
      after: auditView(after),
      requestId: context.requestId,
    });
    return { ok: true, id: row.id, alreadyRevoked: false };
  });
}

/** The user's own tokens, newest first, revoked ones included (they are never deleted). */
export function listApiTokens(userId: string | null | undefined, db: Db = getDb()): ApiTokenDto[] {
  if (!userId) return [];
  return db
    .select({
      id: t.apiTokens.id,
      name: t.apiTokens.name,
      prefix: t.apiTokens.prefix,
      createdAt: t.apiTokens.createdAt,
      lastUsedAt: t.apiTokens.lastUsedAt,
      revokedAt: t.apiTokens.revokedAt,
    })
    .from(t.apiTokens)
    .where(eq(t.apiTokens.userId, userId))
    .orderBy(desc(t.apiTokens.createdAt), desc(t.apiTokens.id))
    .all();
}

/** The two statements of every API request's authentication, compiled once per connection. */
function compileLookup(db: Db) {
  return {
    byHash: db
      .select({
        id: t.apiTokens.id,
        userId: t.apiTokens.userId,
        lastUsedAt: t.apiTokens.lastUsedAt,
      })
      .from(t.apiTokens)
      .innerJoin(t.users, eq(t.apiTokens.userId, t.users.id))
      .where(
        and(
          eq(t.apiTokens.tokenHash, sql.placeholder('hash')),
          isNull(t.apiTokens.revokedAt),
          isNull(t.users.disabledAt),
        ),
      )
      .prepare(),
    // Guarded by revoked_at so a revocation committed meanwhile is never overwritten.
    touch: db
      .update(t.apiTokens)
      .set({ lastUsedAt: sql`${sql.placeholder('at')}` })
      .where(and(eq(t.apiTokens.id, sql.placeholder('id')), isNull(t.apiTokens.revokedAt)))
      .prepare(),
  };
}
const lookupOf = perConnection(compileLookup);

/**
 * The user a bearer token speaks for, or null when the token is malformed, unknown, revoked or
 * its user disabled. The lookup is by hash, so no secret is ever compared character by character.
 */
export function authenticateApiToken(
  token: string | null | undefined,
  db: Db = getDb(),
): string | null {
  if (typeof token !== 'string' || !API_TOKEN_PATTERN.test(token)) return null;
  const lookup = lookupOf(db);
  const row = lookup.byHash.get({ hash: hashApiToken(token) });
  if (!row) return null;
  const now = Date.now();
  if (row.lastUsedAt === null || now - Date.parse(row.lastUsedAt) >= LAST_USED_RESOLUTION_MS) {
    lookup.touch.run({ id: row.id, at: new Date(now).toISOString() });
  }
  return row.userId;
}
