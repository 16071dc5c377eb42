import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import * as t from '../schema';
import { completionDto, getRoundCompletion, listRounds } from '../queries/rounds';
import { enqueueMail } from '../queries/outbox';
import { currentTranslations } from '../queries/commitment-translations';
import { actorNameIn } from '../../lib/country-names';
import { translationIn } from '../../lib/commitment-translations';
import { reminderDue } from '../../lib/mail';

/**
 * Queues the reminders of open reporting rounds that are due today (lib/mail.ts reminderDue): one
 * message per focal point of each asked actor that has not reported on every commitment of the
 * round, naming those commitments, in the focal point's language (a commitment by its translated
 * title where it has one). Run as often as you like: the outbox's key sends each once.
 */
export function scheduleReminders(db: Db, today: string, days: number): number {
  let queued = 0;
  for (const round of listRounds({ status: 'open' }, db)) {
    const due = reminderDue(round, today, days);
    if (!due) continue;
    const unreported = new Map<number, string[]>();
    for (const cell of completionDto(getRoundCompletion(round, today, db)).cells) {
      if (cell.status === 'reported') continue;
      const codes = unreported.get(cell.actor) ?? [];
      codes.push(cell.commitment);
      unreported.set(cell.actor, codes);
    }
    if (unreported.size === 0) continue;
    const focalPoints = db
      .select({
        id: t.users.id,
        actorId: t.users.actorId,
        actor: { name: t.actors.name, iso3: t.actors.iso3 },
      })
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
    const ids = new Map(
      db
        .select({ id: t.commitments.id, code: t.commitments.code })
        .from(t.commitments)
        .where(
          inArray(
            t.commitments.code,
            round.commitments.map((c) => c.code),
          ),
        )
        .all()
        .map((row) => [row.code, row.id]),
    );
    const translations = currentTranslations([...ids.values()], db);
    const titleIn = (code: string, locale: string) => {
      const commitment = round.commitments.find((c) => c.code === code);
      if (!commitment) return code;
      const translated = translationIn(translations.get(ids.get(code)!) ?? {}, locale);
      return `${code} ${translated?.title ?? commitment.title}`;
    };
    db.transaction(
      () => {
        for (const focalPoint of focalPoints) {
          const added = enqueueMail(db, {
            kind: 'round_reminder',
            userId: focalPoint.id,
            subjectKey: due.key,
            compose: ({ t: mailT, locale, day }, url) => {
              const values = {
                round: round.title,
                dueOn: day(round.dueOn),
                actor: actorNameIn(focalPoint.actor, locale),
              };
              return {
                subject:
                  due.stage === 'soon'
                    ? mailT('roundReminder.subjectSoon', values)
                    : mailT('roundReminder.subjectDue', values),
                paragraphs: [
                  due.stage === 'soon'
                    ? mailT('roundReminder.bodySoon', values)
                    : mailT('roundReminder.bodyDue', values),
                ],
                list: (unreported.get(focalPoint.actorId!) ?? []).map((code) =>
                  titleIn(code, locale),
                ),
                link: { label: mailT('roundReminder.link'), url: url(`/rounds/${round.id}`) },
              };
            },
          });
          if (added) queued += 1;
        }
      },
      { behavior: 'immediate' },
    );
  }
  return queued;
}
