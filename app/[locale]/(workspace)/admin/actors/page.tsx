import type { Metadata } from 'next';
import { getPathname, Link } from '@/lib/i18n/navigation';
import { getTranslations } from 'next-intl/server';
import {
  getActorForAdmin,
  getActorsForAdmin,
  listActorIdsForAdmin,
} from '@/db/queries/admin-actors';
import { archiveFilterSchema } from '@/lib/admin-input';
import { PARAMETERS } from '@/lib/query-params';
import { ACTOR_KINDS } from '@/lib/taxonomy';
import { regionName } from '@/lib/region-names';
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
import { archiveActorAction, restoreActorAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.actors'))('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Every actor, archived ones included and marked; filter by name, kind and archived. Admins only. */
export default async function AdminActorsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin('/admin/actors');
  const [t, tKind, archiveText, query, locale] = await Promise.all([
    getTranslations('admin.actors'),
    getTranslations('actorKind'),
    getArchiveText(),
    searchParams,
    pageLocale(),
  ]);
  const q = PARAMETERS.q.catch('').parse(query.q ?? '');
  const kind = PARAMETERS.kind
    .optional()
    .catch(undefined)
    .parse(query.kind || undefined);
  const archived = archiveFilterSchema.parse(query.archived);
  // Every id for the paging and the count, whole actors only for the fifty shown.
  const ids = listActorIdsForAdmin({ q: q || undefined, kind, archived });
  const shown = adminPage(ids, query);
  const actors = getActorsForAdmin(shown.items.map(({ id }) => id));

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <AdminNotice query={query} nameOf={(id) => getActorForAdmin(id)?.name} />
      <p>
        <Link className="button" href="/admin/actors/new">
          {t('newTitle')}
        </Link>
      </p>
      <AdminFilters
        basePath="/admin/actors"
        q={q}
        archived={archived}
        select={{
          name: 'kind',
          label: t('fields.kind'),
          value: kind ?? '',
          options: ACTOR_KINDS.map((value) => ({ value, label: tKind(value) })),
        }}
      />
      <p className="result-count">{t('count', { count: ids.length })}</p>
      <div className="table-scroll">
        <table className="data admin-table">
          <caption className="visually-hidden">{t('caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fields.name')}</th>
              <th scope="col">{t('fields.kind')}</th>
              <th scope="col">{t('fields.iso3')}</th>
              <th scope="col">{t('fields.region')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {actors.map((actor) => (
              <tr key={actor.id} className={actor.archivedAt ? 'archived' : undefined}>
                <th scope="row">
                  {/* A plain link: next-intl's Link awaits the locale, a lazy chunk in every row. */}
                  <a
                    href={getPathname({ href: `/admin/actors/${actor.id}`, locale })}
                    aria-label={t('editLabel', { name: actor.name })}
                  >
                    {actor.name}
                  </a>
                  {actor.isDemo ? <span className="tag">{t('demo')}</span> : null}
                </th>
                <td>{tKind(actor.kind)}</td>
                <td>{actor.iso3 ?? '—'}</td>
                <td>
                  {[actor.region, actor.subRegion]
                    .filter((part): part is string => Boolean(part))
                    .map((part) => regionName(part, locale))
                    .join(' · ') || '—'}
                </td>
                <td>
                  <ArchiveStatus archivedAt={actor.archivedAt} text={archiveText} />
                </td>
                <td>
                  <ArchiveButton
                    archive={archiveActorAction}
                    restore={restoreActorAction}
                    id={actor.id}
                    name={actor.name}
                    archivedAt={actor.archivedAt}
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
        basePath="/admin/actors"
        query={{ q: q || undefined, kind, archived }}
      />
    </>
  );
}
