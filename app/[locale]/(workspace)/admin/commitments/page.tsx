import type { Metadata } from 'next';
import { getPathname, Link } from '@/lib/i18n/navigation';
import { getTranslations } from 'next-intl/server';
import {
  countEntriesOf,
  getCommitmentForAdmin,
  listCommitmentsForAdmin,
} from '@/db/queries/admin-commitments';
import { archiveFilterSchema } from '@/lib/admin-input';
import { PARAMETERS } from '@/lib/query-params';
import { THEMES } from '@/lib/taxonomy';
import { pageLocale } from '@/app/_lib/localized-names';
import {
  adminPage,
  AdminFilters,
  AdminPageLinks,
  AdminNotice,
  ArchiveButton,
  ArchiveStatus,
  getArchiveText,
} from '../_components/admin-parts';
import { requireAdmin } from '../_components/require-admin';
import { archiveCommitmentAction, restoreCommitmentAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.commitments'))('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Every commitment, archived ones included and marked; filter by text, theme and archived. Admins only. */
export default async function AdminCommitmentsPage({
  searchParams,
}: {
  searchParams: SearchParams;
}) {
  await requireAdmin('/admin/commitments');
  const [t, tTheme, archiveText, query, locale] = await Promise.all([
    getTranslations('admin.commitments'),
    getTranslations('theme'),
    getArchiveText(),
    searchParams,
    pageLocale(),
  ]);
  const q = PARAMETERS.q.catch('').parse(query.q ?? '');
  const theme = PARAMETERS.theme
    .optional()
    .catch(undefined)
    .parse(query.theme || undefined);
  const archived = archiveFilterSchema.parse(query.archived);
  const commitments = listCommitmentsForAdmin({ q: q || undefined, theme, archived });
  const shown = adminPage(commitments, query);
  const entries = countEntriesOf(shown.items.map((commitment) => commitment.id));

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <AdminNotice query={query} nameOf={(id) => getCommitmentForAdmin(id)?.code} />
      <p>
        <Link className="button" href="/admin/commitments/new">
          {t('newTitle')}
        </Link>
      </p>
      <AdminFilters
        basePath="/admin/commitments"
        q={q}
        archived={archived}
        select={{
          name: 'theme',
          label: t('fields.theme'),
          value: theme ?? '',
          options: THEMES.map((value) => ({ value, label: tTheme(value) })),
        }}
      />
      <p className="result-count">{t('count', { count: commitments.length })}</p>
      <div className="table-scroll">
        <table className="data admin-table">
          <caption className="visually-hidden">{t('caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fields.code')}</th>
              <th scope="col">{t('fields.title')}</th>
              <th scope="col">{t('fields.theme')}</th>
              <th scope="col">{t('fields.paragraphs')}</th>
              <th scope="col">{t('entriesColumn')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.items.map((commitment) => (
              <tr key={commitment.id} className={commitment.archivedAt ? 'archived' : undefined}>
                <th scope="row">
                  {/* A plain link: next-intl's Link awaits the locale, a lazy chunk in every row. */}
                  <a
                    href={getPathname({ href: `/admin/commitments/${commitment.id}`, locale })}
                    aria-label={t('editLabel', { code: commitment.code })}
                  >
                    {commitment.code}
                  </a>
                </th>
                <td>{commitment.title}</td>
                <td>{tTheme(commitment.theme)}</td>
                <td>{commitment.paragraphs}</td>
                <td>{entries.get(commitment.id) ?? 0}</td>
                <td>
                  <ArchiveStatus archivedAt={commitment.archivedAt} text={archiveText} />
                </td>
                <td>
                  <ArchiveButton
                    archive={archiveCommitmentAction}
                    restore={restoreCommitmentAction}
                    id={commitment.id}
                    name={commitment.code}
                    archivedAt={commitment.archivedAt}
                    text={archiveText}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <AdminPageLinks
        shown={shown}
        basePath="/admin/commitments"
        query={{ q: q || undefined, theme, archived }}
      />
    </>
  );
}
