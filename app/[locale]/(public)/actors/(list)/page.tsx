import { Link } from '@/lib/i18n/navigation';
import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listActorRegions, listActors } from '@/db/queries/actors';
import { lastReports, listStatuses } from '@/db/queries/list-status';
import {
  ACTOR_LIST_PARAMETERS,
  DEFAULT_PAGE_SIZE,
  PAGE_PARAMETERS,
  parseQuery,
} from '@/lib/query-params';
import { ACTOR_KINDS } from '@/lib/taxonomy';
import { QueryErrors } from '@/app/_components/query-errors';
import { DownloadLinks } from '@/app/_components/download-links';
import { keptQuery, Pagination } from '@/app/_components/pagination';
import { actorDisplayName } from '@/lib/actor-name';
import { actorNameIn } from '@/lib/country-names';
import { actorsInLocale } from '@/lib/actor-search';
import { pageLocale } from '@/app/_lib/localized-names';
import { regionName, regionOptions } from '@/lib/region-names';
import { dateOnly } from '@/lib/dates';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('actors'))('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ActorsPage({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations();
  const parsed = parseQuery(await searchParams, [...ACTOR_LIST_PARAMETERS, ...PAGE_PARAMETERS]);
  const { page: asked = 1, limit = DEFAULT_PAGE_SIZE, ...filters } = parsed.ok ? parsed.value : {};
  const locale = await pageLocale();
  // A page of the list: a few thousand rows on one screen would be slow to send and to read. In
  // another language than English, states are also found and sorted by the name the page shows.
  const matched = parsed.ok ? listActors(filters) : [];
  const all =
    parsed.ok && locale !== 'en'
      ? actorsInLocale(
          matched,
          filters.q ? listActors({ ...filters, q: undefined }) : [],
          filters.q,
          locale,
        )
      : matched;
  const page = Math.min(asked, Math.max(1, Math.ceil(all.length / limit)));
  const actors = all.slice((page - 1) * limit, page * limit);

  const statuses = listStatuses().byActor;
  const reports = lastReports(actors.map((actor) => actor.id));
  const format = await getFormatter();
  const regions = regionOptions(listActorRegions(), locale);
  const percent = (share: number) => format.number(share, { style: 'percent' });

  return (
    <>
      <h1>{t('actors.title')}</h1>
      <p className="lead">{t('actors.intro')}</p>
      <form className="filters" method="get" role="search" aria-label={t('common.filters')}>
        <fieldset>
          <legend>{t('common.filters')}</legend>
          <div className="field">
            <label htmlFor="filter-q">{t('actors.searchLabel')}</label>
            <input
              id="filter-q"
              type="search"
              name="q"
              defaultValue={filters.q ?? ''}
              maxLength={200}
            />
          </div>
          <div className="field">
            <label htmlFor="filter-kind">{t('actors.kind')}</label>
            <select id="filter-kind" name="kind" defaultValue={filters.kind ?? ''}>
              <option value="">{t('common.any')}</option>
              {ACTOR_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`actorKind.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-region">{t('actors.region')}</label>
            <select id="filter-region" name="region" defaultValue={filters.region ?? ''}>
              <option value="">{t('common.any')}</option>
              {regions.map((region) => (
                <option key={region.value} value={region.value}>
                  {region.label}
                </option>
              ))}
            </select>
          </div>
          <div className="actions">
            <button className="button" type="submit">
              {t('common.apply')}
            </button>
            <Link className="button secondary" href="/actors">
              {t('common.clear')}
            </Link>
          </div>
        </fieldset>
      </form>
      {parsed.ok ? null : <QueryErrors errors={parsed.errors} />}
      <p className="result-count" role="status">
        {t('common.results', { count: all.length })}
      </p>
      {parsed.ok ? <DownloadLinks datasets={['actors']} query={filters} /> : null}
      {parsed.ok && all.length === 0 ? (
        <p>{t('actors.empty')}</p>
      ) : actors.length > 0 ? (
        <div className="table-scroll">
          <table className="data">
            <caption>{t('actors.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('actors.name')}</th>
                <th scope="col">{t('actors.kind')}</th>
                <th scope="col">{t('actors.region')}</th>
                <th scope="col">{t('actors.subRegion')}</th>
                <th scope="col">{t('actors.iso3')}</th>
                <th scope="col">{t('listStatus.scoreHeader')}</th>
                <th scope="col">{t('listStatus.coverageHeader')}</th>
                <th scope="col">{t('listStatus.lastReportHeader')}</th>
              </tr>
            </thead>
            <tbody>
              {actors.map((actor) => {
                const status = statuses.get(actor.id);
                const lastReport = reports.get(actor.id);
                const subRegion = actor.intermediateRegion ?? actor.subRegion;
                return (
                  <tr key={actor.id}>
                    <th scope="row">
                      <Link href={`/actors/${actor.id}`}>
                        {actorDisplayName({ ...actor, name: actorNameIn(actor, locale) })}
                      </Link>
                    </th>
                    <td>{t(`actorKind.${actor.kind}`)}</td>
                    <td>{actor.region ? regionName(actor.region, locale) : '—'}</td>
                    <td>{subRegion ? regionName(subRegion, locale) : '—'}</td>
                    <td>{actor.iso3 ?? (actor.isDemo ? t('actors.demo') : '—')}</td>
                    <td>
                      {status?.score == null ? t('listStatus.noScore') : percent(status.score)}
                    </td>
                    <td>
                      {status && status.pairs > 0
                        ? t('listStatus.coverageCell', {
                            reported: status.reported,
                            pairs: status.pairs,
                            share: percent(status.reported / status.pairs),
                          })
                        : '—'}
                    </td>
                    <td>
                      {lastReport
                        ? t('listStatus.lastReport', {
                            date: format.dateTime(dateOnly(lastReport), {
                              dateStyle: 'medium',
                              timeZone: 'UTC',
                            }),
                          })
                        : t('listStatus.never')}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="meta">{t('listStatus.howComputed')}</p>
      <Pagination
        page={page}
        total={all.length}
        limit={limit}
        basePath="/actors"
        query={keptQuery({ ...filters, limit: parsed.ok ? parsed.value.limit : undefined })}
      />
    </>
  );
}
