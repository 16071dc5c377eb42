import { Link } from '@/lib/i18n/navigation';
import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { actorNamer } from '@/app/_lib/localized-names';
import { pageOwnWork, pageParam, WORK_PAGE_SIZE } from '@/db/queries/workspace-home';
import { Pagination } from '@/app/_components/pagination';
import { listPublishedEntries } from '@/db/queries/entries';
import { StatusBadge } from '@/app/_components/status-badge';
import { dateOnly } from '@/lib/dates';
import { requireUser } from '@/app/_lib/guard';
import { submitAction } from '../actions';
import { ActionNotice } from '../notice';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('workflow'))('mineTitle') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** What the user has not yet had published: changed most recently first. */
const UNPUBLISHED = ['draft', 'returned', 'submitted'] as const;

/**
 * The user's own unpublished entries, paged (the page number in the URL) so the page stays the
 * same size however many they wrote, then the latest entries published for their actor.
 */
export default async function MyEntriesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser('/entries/mine');
  const t = await getTranslations('workflow');
  const format = await getFormatter();
  const name = await actorNamer();
  const query = await searchParams;
  const drafts = pageOwnWork(user.id, UNPUBLISHED, pageParam(query.page));
  const published =
    user.actorId === null ? null : listPublishedEntries({ reporter: user.actorId, limit: 20 });
  const day = (value: string) => format.dateTime(dateOnly(value), { dateStyle: 'medium' });
  return (
    <>
      <h1>{t('mineTitle')}</h1>
      <ActionNotice query={query} />
      {user.actorId !== null ? (
        <p>
          <Link className="button" href="/entries/new">
            {t('logProgress')}
          </Link>
        </p>
      ) : null}
      <h2>{t('drafts')}</h2>
      {drafts.total === 0 ? (
        <p>{t('noDrafts')}</p>
      ) : (
        <ul className="card-list">
          {drafts.entries.map((entry) => (
            <li key={entry.id} className="card">
              <h3>
                <span className="code">{entry.commitmentCode}</span> {entry.summary}
              </h3>
              <p className="meta">
                <StatusBadge status={entry.status} /> {t('asOf', { date: day(entry.asOf) })} ·{' '}
                {name(entry.subjectName)} · <strong>{t(`state.${entry.state}`)}</strong>
              </p>
              {entry.state === 'returned' && entry.returnNote ? (
                <div>
                  <strong>{t('returnNote')}:</strong>{' '}
                  <p className="user-text" dir="auto">
                    {entry.returnNote}
                  </p>
                </div>
              ) : null}
              {entry.state !== 'submitted' ? (
                <div className="actions">
                  <Link className="button secondary" href={`/entries/${entry.id}/edit`}>
                    {t('edit')}
                  </Link>
                  <form action={submitAction.bind(null, entry.id)}>
                    <button className="button" type="submit">
                      {t('submit')}
                    </button>
                  </form>
                  {user.role === 'focal_point' ? (
                    // Publishing is permanent: it is confirmed on a page of its own first.
                    <Link className="button" href={`/entries/${entry.id}/publish`}>
                      {t('publish')}
                    </Link>
                  ) : null}
                </div>
              ) : (
                <p className="meta">{t('awaitingReview')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={drafts.page}
        total={drafts.total}
        totalIsLowerBound={drafts.totalIsLowerBound}
        limit={WORK_PAGE_SIZE}
        basePath="/entries/mine"
        query={{}}
      />
      {published ? (
        <>
          <h2>{t('publishedByActor', { actor: name(user.actorName ?? '') })}</h2>
          {published.total === 0 ? (
            <p>{t('nonePublished')}</p>
          ) : (
            <ul className="card-list">
              {published.entries.map((entry) => (
                <li key={entry.id} className="card">
                  <h3>
                    <span className="code">{entry.commitment.code}</span> {entry.summary}
                  </h3>
                  <p className="meta">
                    <StatusBadge status={entry.status} /> {t('asOf', { date: day(entry.asOf) })} ·{' '}
                    {name(entry.subject.name)}
                    {entry.supersededById ? ` · ${t('superseded')}` : ''}
                    {entry.withdrawal ? ` · ${t('withdrawn')}` : ''}
                  </p>
                  {entry.supersededById || entry.withdrawal ? null : (
                    <Link href={`/entries/${entry.id}/correct`}>{t('correct')}</Link>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </>
  );
}
