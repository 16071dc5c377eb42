import { Link } from '@/lib/i18n/navigation';
import type { ReactNode } from 'react';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { WorkflowEntryDto } from '@/db/queries/entry-workflow';
import type { WorkPage } from '@/db/queries/workspace-home';
import { StatusBadge } from '@/app/_components/status-badge';
import { dateOnly } from '@/lib/dates';
import { actorNamer } from '@/app/_lib/localized-names';

/**
 * One kind of waiting work: a heading that says how many in words and digits (never a colour
 * alone), what to do with it, and its first entries, each with the one link that moves it on;
 * the whole list is on its own paged screen, linked under a preview that does not show it all.
 */
export async function WorkList({
  id,
  title,
  intro,
  empty,
  list,
  action,
  more,
}: {
  id: string;
  title: string;
  intro: string;
  empty: string;
  list: WorkPage<WorkflowEntryDto>;
  /** The link that moves one entry on (review, edit, open). */
  action: (entry: WorkflowEntryDto) => { href: string; label: string };
  /** A link under the list to the whole of it, e.g. the full queue. */
  more?: ReactNode;
}) {
  const t = await getTranslations('home');
  const format = await getFormatter();
  const name = await actorNamer();
  const { entries } = list;
  const day = (value: string) => format.dateTime(dateOnly(value), { dateStyle: 'medium' });
  return (
    <section className="work-list" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {t(list.totalIsLowerBound ? 'sectionTitleMore' : 'sectionTitle', {
          title,
          count: list.total,
        })}
      </h2>
      <p className="meta">{intro}</p>
      {entries.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className="card-list">
          {entries.map((entry) => {
            const next = action(entry);
            return (
              <li key={entry.id} className="card">
                <h3>
                  <span className="code">{entry.commitmentCode}</span>{' '}
                  <span dir="auto">{entry.summary}</span>
                </h3>
                <p className="meta">
                  <StatusBadge status={entry.status} /> {t('asOf', { date: day(entry.asOf) })} ·{' '}
                  {name(entry.subjectName)} ·{' '}
                  {t('updated', {
                    date: format.dateTime(new Date(entry.updatedAt), {
                      dateStyle: 'medium',
                      timeStyle: 'short',
                      timeZone: 'UTC',
                    }),
                  })}
                </p>
                {entry.state === 'returned' && entry.returnNote ? (
                  <div>
                    <strong>{t('returnNote')}</strong>
                    <p className="user-text" dir="auto">
                      {entry.returnNote}
                    </p>
                  </div>
                ) : null}
                <p>
                  <Link
                    href={next.href}
                    aria-label={t('actionNamed', { action: next.label, summary: entry.summary })}
                  >
                    {next.label}
                  </Link>
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {list.total > 0 ? (
        <p>
          {list.total > entries.length ? `${t('showingFirst', { shown: entries.length })} ` : null}
          {more}
        </p>
      ) : null}
    </section>
  );
}
