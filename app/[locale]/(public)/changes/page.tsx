import { Link } from '@/lib/i18n/navigation';
import type { Metadata } from 'next';
import { feedAlternates } from '@/app/_lib/feed-link';
import { FeedLink } from '@/app/_components/feed-link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { decodeChangeCursor, lastNumberedPage, listPublicChanges } from '@/db/queries/entries';
import {
  CHANGE_LOG_PARAMETERS,
  CURSOR_MESSAGE,
  parseQuery,
  type ParameterError,
} from '@/lib/query-params';
import { PageLinks } from '@/app/_components/pagination';
import { QueryErrors } from '@/app/_components/query-errors';
import { StatusBadge } from '@/app/_components/status-badge';
import { dateOnly } from '@/lib/dates';
import { actorNamer } from '@/app/_lib/localized-names';

export async function generateMetadata(): Promise<Metadata> {
  return {
    title: (await getTranslations('changes'))('title'),
    alternates: await feedAlternates(),
  };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const PAGE_SIZE = 50;

/** Every publication, correction and withdrawal, newest first: nothing changes silently. */
export default async function ChangesPage({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const name = await actorNamer();
  const query = parseQuery(await searchParams, CHANGE_LOG_PARAMETERS);
  const { page, cursor } = query.ok ? query.value : {};
  const position = cursor === undefined ? undefined : decodeChangeCursor(cursor);
  const errors: ParameterError[] = query.ok ? [] : query.errors;
  if (position === null) errors.push({ parameter: 'cursor', message: CURSOR_MESSAGE });
  if ((page ?? 1) > lastNumberedPage(PAGE_SIZE))
    errors.push({ parameter: 'page', message: 'is too deep: go further with the next page link' });
  // Any bad parameter shows the newest page under the message.
  const log = listPublicChanges(
    errors.length > 0 ? {} : position ? { position } : { page },
    PAGE_SIZE,
  );
  const href = (to: string | null) => (to ? `/changes?cursor=${to}` : null);
  return (
    <>
      <h1>{t('changes.title')}</h1>
      <p className="lead">{t('changes.intro')}</p>
      <FeedLink />
      {errors.length === 0 ? null : <QueryErrors errors={errors} />}
      <p className="result-count">
        {t(log.totalIsLowerBound ? 'common.moreResults' : 'common.results', { count: log.total })}
      </p>
      {log.total === 0 ? (
        <p>{t('changes.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data">
            <caption className="visually-hidden">{t('changes.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('changes.when')}</th>
                <th scope="col">{t('changes.what')}</th>
                <th scope="col">{t('changes.entry')}</th>
                <th scope="col">{t('entry.status')}</th>
              </tr>
            </thead>
            <tbody>
              {log.changes.map((change) => (
                <tr key={`${change.entryId}-${change.action}-${change.at}`}>
                  <td>
                    {format.dateTime(new Date(change.at), {
                      dateStyle: 'medium',
                      timeStyle: 'short',
                      timeZone: 'UTC',
                    })}
                  </td>
                  <td>
                    {t(`changes.actions.${change.action}`)}
                    {change.reason ? (
                      <>
                        :{' '}
                        <span className="user-text" dir="auto">
                          {change.reason}
                        </span>
                      </>
                    ) : null}
                  </td>
                  <th scope="row">
                    <Link href={`/commitments/${change.commitmentCode}`}>
                      <span className="code">{change.commitmentCode}</span>
                    </Link>{' '}
                    <Link href={`/entries/${change.entryId}`} dir="auto">
                      {change.summary}
                    </Link>
                    <span className="meta">
                      {' '}
                      ·{' '}
                      {change.subjectName === change.reporterName
                        ? name(change.subjectName)
                        : t('changes.byOn', {
                            reporter: name(change.reporterName),
                            subject: name(change.subjectName),
                          })}
                      {' · '}
                      {t('entry.asOf', {
                        date: format.dateTime(dateOnly(change.asOf), { dateStyle: 'medium' }),
                      })}
                    </span>
                  </th>
                  <td>
                    <StatusBadge status={change.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PageLinks previous={href(log.newer)} next={href(log.older)} />
    </>
  );
}
