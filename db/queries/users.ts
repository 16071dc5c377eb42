import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { hashPassword } from 'better-auth/crypto';
import { z } from 'zod';
import { getDb, type Db, type Tx } from '../client';
import * as t from '../schema';
import { recordAudit } from '../audit';
import { containsText } from './commitments';
import { actorDisplayName } from '../../lib/actor-name';
import { generatePassword, passwordProblem, type PasswordProblem } from '../../lib/password-policy';
import {
  newUserSchema,
  userFieldErrors,
  type ActorReference,
  type UserFieldErrors,
} from '../../lib/user-input';
import type { Role } from '../../lib/taxonomy';

/**
 * Users: who signs in, with which role, for which actor. Every function that reads other people
 * or writes checks, inside its own transaction, that the caller is an enabled admin: deny by
 * default, whatever the entry point. The caller's id comes from the session, never from input.
 */

/** The signed-in user as every screen sees them. */
export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  actorId: number | null;
  actorName: string | null;
}

export interface UserDto extends CurrentUser {
  isDemo: boolean;
  disabledAt: string | null;
  createdAt: string;
  /** Whether the user can sign in with a password at all. */
  hasPassword: boolean;
  /** Sessions that have not expired. */
  activeSessions: number;
}

/** A write by someone who may not make it. Thrown, not returned: no honest screen sends one. */
export class AccessDeniedError extends Error {
  readonly status = 403;
  constructor(readonly action: string) {
    super(`Access denied: ${action} is for admins only.`);
    this.name = 'AccessDeniedError';
  }
}

const USER_ACTIONS = ['user.list', 'user.create', 'user.disable', 'user.enable'] as const;
export type UserAction = (typeof USER_ACTIONS)[number];

/** The caller, if they are an enabled admin; anything else is denied. */
function requireAdmin(
  tx: Tx | Db,
  callerId: string | null | undefined,
  action: UserAction,
): string {
  if (
    !(USER_ACTIONS as readonly string[]).includes(action) ||
    typeof callerId !== 'string' ||
    callerId === ''
  ) {
    throw new AccessDeniedError(action);
  }
  const caller = tx
    .select({ role: t.users.role, disabledAt: t.users.disabledAt })
    .from(t.users)
    .where(eq(t.users.id, callerId))
    .get();
  if (!caller || caller.disabledAt !== null || caller.role !== 'admin')
    throw new AccessDeniedError(action);
  return callerId;
}

const currentUserColumns = {
  id: t.users.id,
  email: t.users.email,
  name: t.users.name,
  role: t.users.role,
  actorId: t.users.actorId,
  actorFullName: t.actors.name,
  actorShortName: t.actors.shortName,
};

type CurrentUserRow = {
  [K in keyof typeof currentUserColumns]: (typeof currentUserColumns)[K]['_']['data'] | null;
};

function toCurrentUser(row: CurrentUserRow): CurrentUser {
  return {
    id: row.id!,
    email: row.email!,
    name: row.name!,
    role: row.role!,
    actorId: row.actorId,
    actorName:
      row.actorFullName === null
        ? null
        : actorDisplayName({ name: row.actorFullName, shortName: row.actorShortName }),
  };
}

/** The user behind a session, or null when they are unknown or disabled (then they are signed out). */
export function findSignedInUser(userId: string, db: Db = getDb()): CurrentUser | null {
  const row = db
    .select(currentUserColumns)
    .from(t.users)
    .leftJoin(t.actors, eq(t.users.actorId, t.actors.id))
    .where(and(eq(t.users.id, userId), isNull(t.users.disabledAt)))
    .get();
  return row ? toCurrentUser(row) : null;
}

/** The list's order: enabled first, then by name whatever the case; the id keeps pages stable. */
const LIST_ORDER = [asc(t.users.disabledAt), sql`${t.users.name} COLLATE NOCASE`, asc(t.users.id)];

function selectUsers(tx: Tx | Db, where?: SQL): UserDto[] {
  const now = new Date().toISOString();
  return tx
    .select({
      ...currentUserColumns,
      isDemo: t.users.isDemo,
      disabledAt: t.users.disabledAt,
      createdAt: t.users.createdAt,
      hasPassword: sql<number>`EXISTS (SELECT 1 FROM ${t.accounts} WHERE ${t.accounts.userId} = ${t.users.id} AND ${t.accounts.providerId} = 'credential' AND ${t.accounts.password} IS NOT NULL)`,
      activeSessions: sql<number>`(SELECT count(*) FROM ${t.sessions} WHERE ${t.sessions.userId} = ${t.users.id} AND ${gt(t.sessions.expiresAt, now)})`,
    })
    .from(t.users)
    .leftJoin(t.actors, eq(t.users.actorId, t.actors.id))
    .where(where)
    .orderBy(...LIST_ORDER)
    .all()
    .map((row) => ({
      ...toCurrentUser(row),
      isDemo: row.isDemo,
      disabledAt: row.disabledAt,
      createdAt: row.createdAt,
      hasPassword: Boolean(row.hasPassword),
      activeSessions: Number(row.activeSessions),
    }));
}

/**
 * The ids of every user in the list's order (enabled first, by name), or of those whose name,
 * e-mail or actor holds `q`: what paging needs, without reading and mapping each whole user.
 * Admins only.
 */
export function listUserIds(
  callerId: string | null,
  filters: { q?: string } = {},
  db: Db = getDb(),
): { id: string }[] {
  requireAdmin(db, callerId, 'user.list');
  return db
    .select({ id: t.users.id })
    .from(t.users)
    .leftJoin(t.actors, eq(t.users.actorId, t.actors.id))
    .where(filters.q ? userContains(filters.q) : undefined)
    .orderBy(...LIST_ORDER)
    .all();
}

/** The users with these ids (a page of the list, or one user), in the list's order. Admins only. */
export function getUsers(
  callerId: string | null,
  ids: readonly string[],
  db: Db = getDb(),
): UserDto[] {
  requireAdmin(db, callerId, 'user.list');
  return ids.length === 0 ? [] : selectUsers(db, inArray(t.users.id, [...ids]));
}

function userContains(q: string): SQL {
  return containsText(
    [
      sql`${t.users.name}`,
      sql`${t.users.email}`,
      sql`coalesce(${t.actors.name}, '')`,
      sql`coalesce(${t.actors.shortName}, '')`,
    ],
    q,
  );
}

export type CreateUserResult =
  | { ok: true; user: UserDto; password: string; generated: boolean }
  | { ok: false; fieldErrors: UserFieldErrors; passwordProblem?: PasswordProblem };

/**
 * Creates a user with a password: the given one, or a strong generated one that the caller shows
 * once. Admins only. The user, its credential and the audit row are one immediate transaction.
 */
export async function createUser(
  callerId: string | null,
  input: unknown,
  options: { password?: string } = {},
  db: Db = getDb(),
): Promise<CreateUserResult> {
  requireAdmin(db, callerId, 'user.create'); // before the costly hash; checked again in the transaction
  return insertUser(db, () => requireAdmin(db, callerId, 'user.create'), input, options.password);
}

/**
 * The console's way in (`npm run user:create`), for the first admin: whoever can run it can
 * already write the database file. The audit row names no user and says so.
 */
export async function createUserFromConsole(
  input: unknown,
  options: { password?: string } = {},
  db: Db = getDb(),
): Promise<CreateUserResult> {
  return insertUser(db, () => null, input, options.password, 'console');
}

async function insertUser(
  db: Db,
  authorize: () => string | null,
  input: unknown,
  givenPassword: string | undefined,
  via: 'screen' | 'console' = 'screen',
): Promise<CreateUserResult> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: userFieldErrors(parsed.error) };
  if (givenPassword !== undefined) {
    const problem = passwordProblem(givenPassword);
    if (problem) return { ok: false, fieldErrors: {}, passwordProblem: problem };
  }
  const password = givenPassword ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const { email, name, role, actor } = parsed.data;

  return db.transaction(
    (tx): CreateUserResult => {
      const callerId = authorize();
      const actorId = actor ? resolveActor(tx, actor) : null;
      if (actor && actorId === null) return { ok: false, fieldErrors: { actor: 'actorUnknown' } };
      const taken = tx
        .select({ id: t.users.id })
        .from(t.users)
        .where(sql`lower(${t.users.email}) = ${email}`)
        .get();
      if (taken) return { ok: false, fieldErrors: { email: 'emailTaken' } };

      const id = randomUUID();
      const user = tx
        .insert(t.users)
        .values({ id, email, name, role, actorId, isDemo: false })
        .returning()
        .get();
      tx.insert(t.accounts)
        .values({
          id: randomUUID(),
          accountId: id,
          providerId: 'credential',
          userId: id,
          password: passwordHash,
        })
        .run();
      recordAudit(tx, {
        userId: callerId,
        action: 'user.create',
        entityType: 'user',
        entityId: id,
        after: { ...user, via },
      });
      const [dto] = selectUsers(tx, eq(t.users.id, id));
      return { ok: true, user: dto!, password, generated: givenPassword === undefined };
    },
    { behavior: 'immediate' },
  );
}

/** An actor that exists and is not archived, by id or ISO3 code. */
function resolveActor(tx: Tx, reference: ActorReference): number | null {
  const match =
    'id' in reference ? eq(t.actors.id, reference.id) : eq(t.actors.iso3, reference.iso3);
  return (
    tx
      .select({ id: t.actors.id })
      .from(t.actors)
      .where(and(match, isNull(t.actors.archivedAt)))
      .get()?.id ?? null
  );
}

export type DisableUserResult =
  | { ok: true; user: UserDto; sessionsEnded: number }
  | { ok: false; reason: 'invalid' | 'notFound' | 'self' | 'alreadyDisabled' };

const userIdSchema = z.string().trim().min(1).max(100);

/**
 * Disables a user and ends every session they hold, at once. Admins only; never oneself, so the
 * secretariat cannot lock itself out. Users are never deleted (trigger): `disabled_at` is the record.
 */
export function disableUser(
  callerId: string | null,
  userId: unknown,
  db: Db = getDb(),
): DisableUserResult {
  return db.transaction(
    (tx): DisableUserResult => {
      const adminId = requireAdmin(tx, callerId, 'user.disable');
      const id = userIdSchema.safeParse(userId);
      if (!id.success) return { ok: false, reason: 'invalid' };
      const before = tx.select().from(t.users).where(eq(t.users.id, id.data)).get();
      if (!before) return { ok: false, reason: 'notFound' };
      if (before.id === adminId) return { ok: false, reason: 'self' };
      if (before.disabledAt !== null) return { ok: false, reason: 'alreadyDisabled' };

      const at = new Date().toISOString();
      const after = tx
        .update(t.users)
        .set({ disabledAt: at, updatedAt: at })
        .where(eq(t.users.id, before.id))
        .returning()
        .get();
      const ended = tx.delete(t.sessions).where(eq(t.sessions.userId, before.id)).run().changes;
      recordAudit(tx, {
        userId: adminId,
        action: 'user.disable',
        entityType: 'user',
        entityId: before.id,
        before,
        after: { ...after, sessionsEnded: ended },
      });
      const [dto] = selectUsers(tx, eq(t.users.id, before.id));
      return { ok: true, user: dto!, sessionsEnded: ended };
    },
    { behavior: 'immediate' },
  );
}

export type EnableUserResult =
  { ok: true; user: UserDto } | { ok: false; reason: 'invalid' | 'notFound' | 'notDisabled' };

/**
 * Re-enables a disabled user: they may sign in again with their password (their sessions ended
 * when they were disabled, so nothing resumes by itself). Admins only; audited before and after.
 */
export function enableUser(
  callerId: string | null,
  userId: unknown,
  db: Db = getDb(),
): EnableUserResult {
  return db.transaction(
    (tx): EnableUserResult => {
      const adminId = requireAdmin(tx, callerId, 'user.enable');
      const id = userIdSchema.safeParse(userId);
      if (!id.success) return { ok: false, reason: 'invalid' };
      const before = tx.select().from(t.users).where(eq(t.users.id, id.data)).get();
      if (!before) return { ok: false, reason: 'notFound' };
      if (before.disabledAt === null) return { ok: false, reason: 'notDisabled' };

      const after = tx
        .update(t.users)
        .set({ disabledAt: null, updatedAt: new Date().toISOString() })
        .where(eq(t.users.id, before.id))
        .returning()
        .get();
      recordAudit(tx, {
        userId: adminId,
        action: 'user.enable',
        entityType: 'user',
        entityId: before.id,
        before,
        after,
      });
      const [dto] = selectUsers(tx, eq(t.users.id, before.id));
      return { ok: true, user: dto! };
    },
    { behavior: 'immediate' },
  );
}
