import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '../client';
import * as t from '../schema';
import { listCommitments } from './commitments';
import type { CurrentUser } from './users';

type EntryRow = typeof t.progressEntries.$inferSelect;

/** The choices of the form for this user: every commitment; its own actor, and states when it may assess them. */
export function formOptions(user: CurrentUser) {
  const db = getDb();
  const own =
    user.actorId === null
      ? null
      : db.select().from(t.actors).where(eq(t.actors.id, user.actorId)).get();
  // Archived states are not offered (createEntry refuses them too); their pages and past entries stay.
  const states =
    own && own.kind !== 'state'
      ? db
          .select({ id: t.actors.id, name: t.actors.name })
          .from(t.actors)
          .where(and(eq(t.actors.kind, 'state'), isNull(t.actors.archivedAt)))
          .orderBy(t.actors.name)
          .all()
      : [];
  return {
    commitments: listCommitments().map(({ code, title }) => ({ code, title })),
    subjects: own
      ? [
          { id: own.id, name: own.name, self: true },
          ...states.map((state) => ({ ...state, self: false })),
        ]
      : [],
  };
}

/** An entry with its commitment code, if the user's actor reported it. */
export function ownEntry(user: CurrentUser, id: number): { entry: EntryRow; code: string } | null {
  const row = getDb()
    .select({ entry: t.progressEntries, code: t.commitments.code })
    .from(t.progressEntries)
    .innerJoin(t.commitments, eq(t.progressEntries.commitmentId, t.commitments.id))
    .where(eq(t.progressEntries.id, id))
    .get();
  return row && user.actorId !== null && row.entry.reporterId === user.actorId ? row : null;
}
