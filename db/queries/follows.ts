import 'server-only';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { getDb, type Db, type Tx } from '../client';
import * as t from '../schema';
import { recordAudit } from '../audit';
import { authorizeFollow, type FollowAction } from '../authz';
import { loadPrincipal } from './principal';
import { positiveId } from './admin-write';

/**
 * A signed-in user follows a commitment or an actor for themselves (db/authz.ts FOLLOW_RULES):
 * the weekly digest reads these rows, the account page lists them. Following twice, or
 * unfollowing what is not followed, changes nothing; unfollowing ends the row, never deletes it.
 */
export type FollowTargetKind = (typeof t.FOLLOW_TARGET_KINDS)[number];

export interface FollowInput {
  targetKind: unknown;
  targetId: unknown;
  /** Whose follow this is; the signed-in user by default, and no one else is allowed. */
  followerId?: string;
}

export type FollowResult =
  | { ok: true; id: number | null; changed: boolean }
  | { ok: false; status: 400 | 403 | 404; message: string };

export interface FollowDto {
  id: number;
  targetKind: FollowTargetKind;
  targetId: number;
  /** The commitment's code, or null for an actor. */
  code: string | null;
  /** The commitment's title or the actor's name. */
  label: string;
  startedAt: number;
}

const isTargetKind = (value: unknown): value is FollowTargetKind =>
  (t.FOLLOW_TARGET_KINDS as readonly unknown[]).includes(value);

const activeFollow = (db: Db | Tx, userId: string, kind: FollowTargetKind, targetId: number) =>
  db
    .select()
    .from(t.follows)
    .where(
      and(
        eq(t.follows.userId, userId),
        eq(t.follows.targetKind, kind),
        eq(t.follows.targetId, targetId),
        isNull(t.follows.endedAt),
      ),
    )
    .get();

function followWrite(
  action: FollowAction,
  userId: string | null | undefined,
  input: FollowInput,
  context: { requestId?: string | null },
  db: Db,
): FollowResult {
  if (!isTargetKind(input.targetKind))
    return { ok: false, status: 400, message: 'targetKind must be "commitment" or "actor".' };
  const targetKind = input.targetKind;
  const targetId = positiveId(input.targetId);
  if (targetId === null)
    return { ok: false, status: 400, message: 'targetId must be a positive whole number.' };
  return db.transaction(
    (tx) => {
      const principal = loadPrincipal(tx, userId);
      const decision = authorizeFollow(
        principal,
        action,
        input.followerId ?? principal?.userId ?? '',
      );
      if (!principal || !decision.allowed)
        return {
          ok: false,
          status: 403,
          message: decision.allowed ? 'Sign in to follow.' : decision.reason,
        } as const;
      const table = targetKind === 'commitment' ? t.commitments : t.actors;
      if (!tx.select({ id: table.id }).from(table).where(eq(table.id, targetId)).get())
        return {
          ok: false,
          status: 404,
          message: `The ${targetKind} ${targetId} was not found.`,
        } as const;
      const active = activeFollow(tx, principal.userId, targetKind, targetId);
      const now = Date.now();
      let before: typeof active = undefined;
      let after: typeof active;
      if (action === 'follow.start') {
        if (active) return { ok: true, id: active.id, changed: false } as const;
        after = tx
          .insert(t.follows)
          .values({ userId: principal.userId, targetKind, targetId, startedAt: now })
          .returning()
          .get();
      } else {
        if (!active) return { ok: true, id: null, changed: false } as const;
        before = active;
        after = tx
          .update(t.follows)
          .set({ endedAt: now })
          .where(eq(t.follows.id, active.id))
          .returning()
          .get();
      }
      recordAudit(tx, {
        userId: principal.userId,
        action,
        entityType: 'follow',
        entityId: after!.id,
        before,
        after,
        requestId: context.requestId,
      });
      return { ok: true, id: after!.id, changed: true } as const;
    },
    { behavior: 'immediate' },
  );
}

const followWriter =
  (action: FollowAction) =>
  (
    userId: string | null | undefined,
    input: FollowInput,
    context: { requestId?: string | null } = {},
    db: Db = getDb(),
  ): FollowResult =>
    followWrite(action, userId, input, context, db);

/** Starts following (nothing changes when already followed). */
export const followTarget = followWriter('follow.start');
/** Ends the active follow, keeping its row (nothing changes when not followed). */
export const unfollowTarget = followWriter('follow.end');

/** What the user follows now, commitments first, each in the order it was followed. */
export function listFollows(userId: string, db: Db = getDb()): FollowDto[] {
  return db
    .select({
      id: t.follows.id,
      targetKind: t.follows.targetKind,
      targetId: t.follows.targetId,
      code: t.commitments.code,
      commitmentTitle: t.commitments.title,
      actorName: t.actors.name,
      startedAt: t.follows.startedAt,
    })
    .from(t.follows)
    .leftJoin(
      t.commitments,
      and(eq(t.follows.targetKind, 'commitment'), eq(t.commitments.id, t.follows.targetId)),
    )
    .leftJoin(t.actors, and(eq(t.follows.targetKind, 'actor'), eq(t.actors.id, t.follows.targetId)))
    .where(and(eq(t.follows.userId, userId), isNull(t.follows.endedAt)))
    .orderBy(desc(t.follows.targetKind), asc(t.follows.startedAt), asc(t.follows.id))
    .all()
    .map(({ commitmentTitle, actorName, ...row }) => ({
      ...row,
      label: commitmentTitle ?? actorName ?? '',
    }));
}

/** Whether the user follows this commitment or actor now (the follow button's state). */
export function isFollowing(
  userId: string,
  targetKind: FollowTargetKind,
  targetId: number,
  db: Db = getDb(),
): boolean {
  return activeFollow(db, userId, targetKind, targetId) !== undefined;
}

/** A commitment's id by its code (the follow button of its page, which knows the code). */
export function commitmentIdByCode(code: string, db: Db = getDb()): number | null {
  return (
    db
      .select({ id: t.commitments.id })
      .from(t.commitments)
      .where(eq(t.commitments.code, code))
      .get()?.id ?? null
  );
}
