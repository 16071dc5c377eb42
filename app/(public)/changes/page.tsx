import Link from 'next/link';
import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listPublicChanges } from '@/db/queries/entries';
import { PAGE_PARAMETERS, parseQuery } from '@/lib/query-params';
import { Pagination } from '@/app/_components/pagination';
import { QueryErrors } from '@/app/_components/query-errors';
import { StatusBadge } from '@/app/_components/status-badge';
import { dateOnly } from '@/lib/dates';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('changes'))('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Every publication, correction and withdrawal, newest first: nothing changes silently. */
export default async function ChangesPage({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const query = parseQuery(await searchParams, PAGE_PARAMETERS);
  const page = query.ok ? (query.value.page ?? 1) : 1;
  const log = listPublicChanges(page, 50);
  return (
    <>
      <h1>{t('changes.title')}</h1>
      <p className="lead">{t('changes.intro')}</p>
      {query.ok ? null : <QueryErrors errors={query.errors} />}
      <p className="result-count">{t('common.results', { count: log.total })}</p>
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
                        ? change.subjectName
                        : t('changes.byOn', {
                            reporter: change.reporterName,
                            subject: change.subjectName,
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
      <Pagination
        page={log.page}
        total={log.total}
        limit={log.limit}
        basePath="/changes"
        query={{}}
      />
    </>
  );
}
