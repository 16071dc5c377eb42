import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listReviewQueue } from '@/db/queries/entry-workflow';
import { StatusBadge } from '@/app/_components/status-badge';
import { dateOnly } from '@/lib/dates';
import { requireUser } from '@/app/_lib/guard';
import { publishAction, returnAction } from '../actions';
import { ActionNotice } from '../notice';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('workflow'))('reviewTitle') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The focal point's queue: publish what its actor's contributors submitted, or return it with a note. */
export default async function ReviewPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser('/entries/review');
  const t = await getTranslations('workflow');
  const format = await getFormatter();
  const queue = listReviewQueue(user.id);
  return (
    <>
      <h1>{t('reviewTitle')}</h1>
      <ActionNotice query={await searchParams} />
      {user.role !== 'focal_point' ? <p>{t('reviewOnlyFocal')}</p> : null}
      {user.role === 'focal_point' && queue.length === 0 ? <p>{t('queueEmpty')}</p> : null}
      <ul className="card-list">
        {queue.map((entry) => (
          <li key={entry.id} className="card">
            <h2>
              <span className="code">{entry.commitmentCode}</span> {entry.summary}
            </h2>
            <p className="meta">
              <StatusBadge status={entry.status} /> {t('asOf', { date: format.dateTime(dateOnly(entry.asOf), { dateStyle: 'medium' }) })} · {entry.subjectName}
            </p>
            <div className="actions">
              <form action={publishAction.bind(null, entry.id, '/entries/review')}>
                <button className="button" type="submit">
                  {t('publish')}
                </button>
              </form>
            </div>
            <form action={returnAction.bind(null, entry.id)} className="return-form">
              <label htmlFor={`note-${entry.id}`}>{t('returnNoteLabel')}</label>
              <textarea id={`note-${entry.id}`} name="note" rows={2} required maxLength={2000} />
              <button className="button secondary" type="submit">
                {t('return')}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </>
  );
}
