import type { Metadata } from 'next';
import { getPathname, Link } from '@/lib/i18n/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getSourceForAdmin, listSourcesForAdmin } from '@/db/queries/admin-sources';
import { archiveFilterSchema } from '@/lib/admin-input';
import { dateOnly } from '@/lib/dates';
import { PARAMETERS } from '@/lib/query-params';
import { pageLocale } from '@/app/_lib/localized-names';
import {
  AdminFilters,
  AdminNotice,
  ArchiveButton,
  ArchiveStatus,
  getArchiveText,
} from '../_components/admin-parts';
import { requireAdmin } from '../_components/require-admin';
import { archiveSourceAction, restoreSourceAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.sources'))('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Every source document, archived ones included and marked. Admins only. */
export default async function AdminSourcesPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin('/admin/sources');
  const [t, format, archiveText, query, locale] = await Promise.all([
    getTranslations('admin.sources'),
    getFormatter(),
    getArchiveText(),
    searchParams,
    pageLocale(),
  ]);
  const q = PARAMETERS.q.catch('').parse(query.q ?? '');
  const archived = archiveFilterSchema.parse(query.archived);
  const sources = listSourcesForAdmin({ q: q || undefined, archived });

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <AdminNotice query={query} nameOf={(id) => getSourceForAdmin(id)?.title} />
      <p>
        <Link className="button" href="/admin/sources/new">
          {t('newTitle')}
        </Link>
      </p>
      <AdminFilters basePath="/admin/sources" q={q} archived={archived} />
      <p className="result-count">{t('count', { count: sources.length })}</p>
      <div className="table-scroll">
        <table className="data admin-table">
          <caption className="visually-hidden">{t('caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fields.title')}</th>
              <th scope="col">{t('fields.author')}</th>
              <th scope="col">{t('fields.publishedOn')}</th>
              <th scope="col">{t('commitments')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((source) => (
              <tr key={source.id} className={source.archivedAt ? 'archived' : undefined}>
                <th scope="row">
                  {/* A plain link: next-intl's Link awaits the locale, a lazy chunk in every row. */}
                  <a
                    href={getPathname({ href: `/admin/sources/${source.id}`, locale })}
                    aria-label={t('editLabel', { title: source.title })}
                  >
                    {source.title}
                  </a>
                </th>
                <td>{source.author}</td>
                <td>
                  {format.dateTime(dateOnly(source.publishedOn), {
                    dateStyle: 'medium',
                    timeZone: 'UTC',
                  })}
                </td>
                <td>{source.commitments}</td>
                <td>
                  <ArchiveStatus archivedAt={source.archivedAt} text={archiveText} />
                </td>
                <td>
                  <ArchiveButton
                    archive={archiveSourceAction}
                    restore={restoreSourceAction}
                    id={source.id}
                    name={source.title}
                    archivedAt={source.archivedAt}
                    text={archiveText}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
