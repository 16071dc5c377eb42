import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { pageNumber } from '@/lib/page-of';
import { listOutbox } from '@/db/queries/outbox';
import { Pagination } from '@/app/_components/pagination';
import { requireAdmin } from '../_components/require-admin';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('mail'))('outbox.title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Every e-mail the app has queued, newest first (README, E-mail): without SMTP_URL nothing is
 * sent and this is where the messages are read. Admins only: checked in the data layer too.
 */
export default async function OutboxPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireAdmin('/admin/outbox');
  const [t, format] = await Promise.all([getTranslations('mail'), getFormatter()]);
  const outbox = listOutbox(user.id, pageNumber.parse((await searchParams).page));
  if (!outbox) forbidden();
  const when = (value: string) =>
    format.dateTime(new Date(value), { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });
  return (
    <>
      <h1>{t('outbox.title')}</h1>
      <p>{t('outbox.intro')}</p>
      <p className="notice" role="status">
        {process.env.SMTP_URL?.trim() ? t('outbox.smtpOn') : t('outbox.smtpOff')}
      </p>
      <p className="result-count">{t('outbox.count', { count: outbox.total })}</p>
      {outbox.rows.length === 0 ? null : (
        <div className="table-scroll">
          <table className="data">
            <caption className="visually-hidden">{t('outbox.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outbox.subject')}</th>
                <th scope="col">{t('outbox.recipient')}</th>
                <th scope="col">{t('outbox.kind')}</th>
                <th scope="col">{t('outbox.created')}</th>
                <th scope="col">{t('outbox.sentAt')}</th>
                <th scope="col">{t('outbox.attempts')}</th>
                <th scope="col">{t('outbox.lastError')}</th>
              </tr>
            </thead>
            <tbody>
              {outbox.rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <details>
                      <summary>{row.subject}</summary>
                      <pre className="audit-json user-text" dir="auto">
                        {row.bodyText}
                      </pre>
                    </details>
                  </th>
                  <td>{row.recipient}</td>
                  <td>{t(`kinds.${row.kind}`)}</td>
                  <td>{when(row.createdAt)}</td>
                  <td>
                    {row.sentAt
                      ? when(row.sentAt)
                      : row.droppedAt
                        ? t('outbox.dropped', { date: when(row.droppedAt) })
                        : t('outbox.waiting')}
                  </td>
                  <td>{row.attempts}</td>
                  <td>{row.lastError ?? t('outbox.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={outbox.page}
        total={outbox.total}
        limit={outbox.limit}
        basePath="/admin/outbox"
        query={{}}
      />
    </>
  );
}
