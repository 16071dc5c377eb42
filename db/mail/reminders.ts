import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import * as t from '../schema';
import { getRoundCompletion, listRounds } from '../queries/rounds';
import { appUrl, enqueueMail } from '../queries/outbox';
import { mailT } from '../../lib/mail-layout';
import { reminderDue } from '../../lib/mail';

/**
 * Queues the reminders of open reporting rounds that are due today (lib/mail.ts reminderDue): one
 * message per focal point of each asked actor that has not reported on every commitment of the
 * round, naming those commitments. Run as often as you like: the outbox's key sends each once.
 */
export function scheduleReminders(db: Db, today: string, days: number): number {
  let queued = 0;
  for (const round of listRounds({ status: 'open' }, db)) {
    const due = reminderDue(round, today, days);
    if (!due) continue;
    const unreported = new Map<number, string[]>();
    for (const cell of getRoundCompletion(round, today, db).cells) {
      if (cell.status === 'reported') continue;
      const codes = unreported.get(cell.actor) ?? [];
      codes.push(cell.commitment);
      unreported.set(cell.actor, codes);
    }
    if (unreported.size === 0) continue;
    const focalPoints = db
      .select({ id: t.users.id, actorId: t.users.actorId, actor: t.actors.name })
      .from(t.users)
      .innerJoin(t.actors, eq(t.actors.id, t.users.actorId))
      .where(
        and(
          inArray(t.users.actorId, [...unreported.keys()]),
          eq(t.users.role, 'focal_point'),
          isNull(t.users.disabledAt),
        ),
      )
      .all();
    const titles = new Map(round.commitments.map((c) => [c.code, `${c.code} ${c.title}`]));
    db.transaction(
      () => {
        for (const focalPoint of focalPoints) {
          const values = { round: round.title, dueOn: round.dueOn, actor: focalPoint.actor };
          const added = enqueueMail(db, {
            kind: 'round_reminder',
            userId: focalPoint.id,
            subjectKey: due.key,
            compose: () => ({
              subject:
                due.stage === 'soon'
                  ? mailT('roundReminder.subjectSoon', values)
                  : mailT('roundReminder.subjectDue', values),
              paragraphs: [
                due.stage === 'soon'
                  ? mailT('roundReminder.bodySoon', values)
                  : mailT('roundReminder.bodyDue', values),
              ],
              list: (unreported.get(focalPoint.actorId!) ?? []).map(
                (code) => titles.get(code) ?? code,
              ),
              link: { label: mailT('roundReminder.link'), url: appUrl(`/rounds/${round.id}`) },
            }),
          });
          if (added) queued += 1;
        }
      },
      { behavior: 'immediate' },
    );
  }
  return queued;
}
