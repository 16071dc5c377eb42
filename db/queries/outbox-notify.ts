import 'server-only';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import * as t from '../schema';
import { enqueueMail } from './outbox';
import { actorNameIn } from '../../lib/country-names';
import type { EntryRow } from './entry-store';

/**
 * The workflow's e-mails, queued inside the transaction of the transition that causes them
 * (db/queries/entry-workflow.ts): a submission tells the reporter's focal points, a return tells
 * the author. The subject key carries the transition's time, so a resubmission is news again.
 */
function names(db: Db | Tx, entry: EntryRow, userId: string) {
  const actorName = (id: number) =>
    db
      .select({ name: t.actors.name, iso3: t.actors.iso3 })
      .from(t.actors)
      .where(eq(t.actors.id, id))
      .get() ?? { name: '', iso3: null };
  return {
    commitment:
      db
        .select({ code: t.commitments.code })
        .from(t.commitments)
        .where(eq(t.commitments.id, entry.commitmentId))
        .get()?.code ?? '',
    reporter: actorName(entry.reporterId),
    user: db.select({ name: t.users.name }).from(t.users).where(eq(t.users.id, userId)).get()?.name,
  };
}

/** "Waiting for your review" to each enabled focal point of the reporter but the submitter. */
export function enqueueReviewWaiting(db: Db | Tx, entry: EntryRow, submitterId: string): void {
  const focalPoints = db
    .select({ id: t.users.id })
    .from(t.users)
    .where(
      and(
        eq(t.users.actorId, entry.reporterId),
        eq(t.users.role, 'focal_point'),
        isNull(t.users.disabledAt),
        ne(t.users.id, submitterId),
      ),
    )
    .all();
  if (focalPoints.length === 0) return;
  const { commitment, reporter, user } = names(db, entry, submitterId);
  for (const focalPoint of focalPoints)
    enqueueMail(db, {
      kind: 'review_waiting',
      userId: focalPoint.id,
      subjectKey: `entry:${entry.id}:submitted:${entry.submittedAt}`,
      compose: ({ t: mailT, locale }, url) => ({
        subject: mailT('reviewWaiting.subject', { summary: entry.summary }),
        paragraphs: [
          mailT('reviewWaiting.body', {
            submitter: user ?? '',
            reporter: actorNameIn(reporter, locale),
            commitment,
            summary: entry.summary,
          }),
        ],
        link: { label: mailT('reviewWaiting.link'), url: url(`/entries/${entry.id}/review`) },
      }),
    });
}

/** "Returned to you", with the reviewer's note, to the author unless they returned it themselves. */
export function enqueueReturned(db: Db | Tx, entry: EntryRow, reviewerId: string): void {
  if (entry.createdBy === reviewerId) return;
  const { commitment, user } = names(db, entry, reviewerId);
  enqueueMail(db, {
    kind: 'entry_returned',
    userId: entry.createdBy,
    subjectKey: `entry:${entry.id}:returned:${entry.returnedAt}`,
    compose: ({ t: mailT }, url) => ({
      subject: mailT('entryReturned.subject', { summary: entry.summary }),
      paragraphs: [
        mailT('entryReturned.body', { reviewer: user ?? '', commitment, summary: entry.summary }),
      ],
      quote: entry.returnNote ?? '',
      link: { label: mailT('entryReturned.link'), url: url(`/entries/${entry.id}/edit`) },
    }),
  });
}
