import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '../client';
import * as t from '../schema';
import type { CurrentUser } from './users';

/**
 * How many entries wait for this user's review: the submitted entries of a focal point's own
 * actor, the same rows as the review queue (`listReviewQueue`). Null for anyone who reviews
 * nothing, without a query, so the header of a contributor's or an admin's page costs nothing.
 */
export function countAwaitingReview(user: Pick<CurrentUser, 'role' | 'actorId'>): number | null {
  if (user.role !== 'focal_point' || user.actorId === null) return null;
  return (
    getDb()
      .select({ count: sql<number>`count(*)` })
      .from(t.progressEntries)
      .where(
        and(
          eq(t.progressEntries.reporterId, user.actorId),
          eq(t.progressEntries.state, 'submitted'),
        ),
      )
      .get()?.count ?? 0
  );
}
