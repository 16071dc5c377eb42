import { Link } from '@/lib/i18n/navigation';
import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { actorNamer } from '@/app/_lib/localized-names';
import { pageParam, pageReviewQueue, WORK_PAGE_SIZE } from '@/db/queries/workspace-home';
import { Pagination } from '@/app/_components/pagination';
import { StatusBadge } from '@/app/_components/status-badge';
import { dateOnly } from '@/lib/dates';
import { requireUser } from '@/app/_lib/guard';
import { ActionNotice } from '../notice';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('workflow'))('reviewTitle') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The focal point's queue: what its actor's contributors submitted, each with its key facts, who
 * wrote it and when; publishing and returning happen on the entry's own review page, where the
 * whole entry is read first. Paged, the longest waiting first, so the page stays the same size
 * however many wait; the page number is in the URL so links and the back button keep it.
 */
export default async function ReviewPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser('/entries/review');
  const [t, format, name] = await Promise.all([getTranslations(), getFormatter(), actorNamer()]);
  const query = await searchParams;
  const queue = pageReviewQueue(user, pageParam(query.page));
  const day = (value: string) => format.dateTime(dateOnly(value), { dateStyle: 'medium' });
  const moment = (value: string) =>
    t('entryDetail.dateTime', {
      date: format.dateTime(new Date(value), {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'UTC',
      }),
    });
  return (
    <>
      <h1>{t('workflow.reviewTitle')}</h1>
      <ActionNotice query={query} />
      {user.role !== 'focal_point' ? <p>{t('workflow.reviewOnlyFocal')}</p> : null}
      {user.role === 'focal_point' && queue.total === 0 ? <p>{t('workflow.queueEmpty')}</p> : null}
      {queue.total > 0 ? (
        <p>
          {t(queue.totalIsLowerBound ? 'workflow.queueCountMore' : 'workflow.queueCount', {
            count: queue.total,
          })}{' '}
          {t('entryReview.queueIntro')}
        </p>
      ) : null}
      <ul className="card-list">
        {queue.entries.map((entry) => (
          <li key={entry.id} className="card">
            <h2>
              <span className="user-text" dir="auto">
                {entry.summary}
              </span>
            </h2>
            <p className="meta">
              <span className="code">{entry.commitmentCode}</span> {entry.commitmentTitle}
            </p>
            <p className="meta">
              <StatusBadge status={entry.status} /> {t('workflow.asOf', { date: day(entry.asOf) })}{' '}
              ·{' '}
              {entry.perspective === 'self'
                ? t('entry.selfReport', { reporter: name(entry.subjectName) })
                : t('entry.assessment', {
                    subject: name(entry.subjectName),
                    reporter: name(user.actorName ?? ''),
                  })}
            </p>
            <p className="meta">
              {t('entryReview.submittedBy', {
                author: entry.authorName,
                date: entry.submittedAt ? moment(entry.submittedAt) : '—',
              })}
            </p>
            {entry.supersedesId !== null || entry.adverseEffects ? (
              <ul className="entry-flags">
                {entry.supersedesId !== null ? (
                  <li className="flag">
                    {t('entryReview.correctsEntry', { id: entry.supersedesId })}
                  </li>
                ) : null}
                {entry.adverseEffects ? (
                  <li className="flag warning">⚠ {t('entryReview.adverseEffects')}</li>
                ) : null}
              </ul>
            ) : null}
            <p>
              <Link
                className="button"
                href={`/entries/${entry.id}/review`}
                aria-label={t('entryReview.reviewNamed', { summary: entry.summary })}
              >
                {t('entryReview.review')}
              </Link>
            </p>
          </li>
        ))}
      </ul>
      <Pagination
        page={queue.page}
        total={queue.total}
        totalIsLowerBound={queue.totalIsLowerBound}
        limit={WORK_PAGE_SIZE}
        basePath="/entries/review"
        query={{}}
      />
    </>
  );
}
