import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import * as t from '../schema';
import { enqueueMail } from '../queries/outbox';
import { actorNameIn } from '../../lib/country-names';
import { digestWeek } from '../../lib/mail';
import type { StatusKey } from '../../lib/status-scale';

/** The most entries one digest lists; the change log has the rest. */
const DIGEST_LIMIT = 50;
/** The last week whose digests were all queued, so later runs in the same week do nothing. */
const DONE_KEY = 'mail:digest-week';

interface DigestEntry {
  id: number;
  summary: string;
  status: StatusKey;
  commitment: string;
  subject: string;
  subjectIso3: string | null;
}

/**
 * The weekly digest (README, E-mail): for each user following commitments or actors, the entries
 * published last week (Monday to Monday, UTC) on what they follow now, one message per user and
 * ISO week, queued on the first run of the following week, in the follower's language. Nothing
 * published, no message.
 */
export function scheduleDigests(db: Db, today: string): number {
  const week = digestWeek(today);
  const done = db.select().from(t.settings).where(eq(t.settings.key, DONE_KEY)).get();
  if (done?.value === week.key) return 0;
  const followers = db
    .selectDistinct({ userId: t.follows.userId })
    .from(t.follows)
    .where(sql`${t.follows.endedAt} IS NULL`)
    .all();
  const entriesFor = db.$client.prepare(`
    SELECT e.id, e.summary, e.status, c.code AS commitment, a.name AS subject, a.iso3 AS subjectIso3
    FROM progress_entries e
    JOIN commitments c ON c.id = e.commitment_id
    JOIN actors a ON a.id = e.subject_id
    WHERE e.state = 'published' AND e.withdrawn_at IS NULL
      AND e.published_at >= @from AND e.published_at < @to
      AND (e.commitment_id IN (SELECT target_id FROM follows WHERE user_id = @user
             AND target_kind = 'commitment' AND ended_at IS NULL)
        OR e.subject_id IN (SELECT target_id FROM follows WHERE user_id = @user
             AND target_kind = 'actor' AND ended_at IS NULL)
        OR e.reporter_id IN (SELECT target_id FROM follows WHERE user_id = @user
             AND target_kind = 'actor' AND ended_at IS NULL))
    ORDER BY e.published_at, e.id`);
  let queued = 0;
  for (const { userId } of followers) {
    const entries = entriesFor.all({ from: week.from, to: week.to, user: userId }) as DigestEntry[];
    if (entries.length === 0) continue;
    const shown = entries.slice(0, DIGEST_LIMIT);
    const added = db.transaction(
      () =>
        enqueueMail(db, {
          kind: 'digest',
          userId,
          subjectKey: week.key,
          compose: ({ t: mailT, locale, day, status }, url) => ({
            subject: mailT('digest.subject', {
              count: entries.length,
              week: week.key.slice('digest:'.length),
            }),
            paragraphs: [
              mailT('digest.body', { from: day(week.from.slice(0, 10)), to: day(week.lastDay) }),
            ],
            list: shown.map(
              (entry) =>
                `${mailT('digest.item', {
                  commitment: entry.commitment,
                  subject: actorNameIn({ name: entry.subject, iso3: entry.subjectIso3 }, locale),
                  status: status(entry.status),
                  summary: entry.summary,
                })} ${url(`/entries/${entry.id}`)}`,
            ),
            link: { label: mailT('digest.link'), url: url('/changes') },
          }),
        }),
      { behavior: 'immediate' },
    );
    if (added) queued += 1;
  }
  db.insert(t.settings)
    .values({ key: DONE_KEY, value: week.key })
    .onConflictDoUpdate({ target: t.settings.key, set: { value: week.key } })
    .run();
  return queued;
}
