import { getPathname, Link } from '@/lib/i18n/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import {
  ACTOR_TABLE_PAGE_SIZES,
  ACTOR_TABLE_SORTS,
  type ActorTableQuery,
  type CommitmentActors,
} from '@/db/queries/commitment-page';
import { listActorRegions } from '@/db/queries/actors';
import { asLocale } from '@/lib/localized-labels';
import { actorNamer } from '@/app/_lib/localized-names';
import { regionOptions } from '@/lib/region-names';
import { parseQuery, type ParameterError } from '@/lib/query-params';
import { CELL_KEYS } from '@/lib/summary-types';
import { PERSPECTIVES, type ActorKind } from '@/lib/taxonomy';
import { PairPages, PairTable } from '@/app/_components/pair-table';
import { QueryErrors } from '@/app/_components/query-errors';

type Search = Record<string, string | string[] | undefined>;

/** Where the table starts: filtering and paging land on it rather than the top of the page. */
const ANCHOR = 'actors';

/**
 * The table's query: the shared vocabulary (lib/query-params.ts) for the name, kind, region,
 * perspective, page and page size; `status` also takes `no_report`, and `sort` is the table's own.
 */
export function parseActorTableQuery(search: Search): {
  query: ActorTableQuery;
  errors: ParameterError[];
} {
  const { status, sort, ...rest } = search;
  const parsed = parseQuery(rest, ['q', 'kind', 'region', 'perspective', 'page', 'limit']);
  const errors = parsed.ok ? [] : [...parsed.errors];
  const oneOf = <V extends string>(
    parameter: string,
    value: Search[string],
    allowed: readonly V[],
  ) => {
    if (value === undefined || value === '') return undefined;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
      return value as V;
    errors.push({
      parameter,
      message: Array.isArray(value)
        ? 'is given more than once'
        : `must be one of: ${allowed.join(', ')}`,
    });
    return undefined;
  };
  return {
    query: {
      ...(parsed.ok ? parsed.value : {}),
      status: oneOf('status', status, CELL_KEYS),
      sort: oneOf('sort', sort, ACTOR_TABLE_SORTS),
    },
    errors,
  };
}

/**
 * One commitment's actors: a search form, one page of the table and links to the other pages, all
 * state in the URL, so a filtered page can be shared and the back button returns to it. Rendered
 * on the server: it works without JavaScript.
 */
export async function CommitmentActorTable({
  code,
  kinds,
  query,
  errors,
  actors,
}: {
  code: string;
  /** The kinds of actor the commitment applies to. */
  kinds: ActorKind[];
  query: ActorTableQuery;
  errors: ParameterError[];
  actors: CommitmentActors;
}) {
  const t = await getTranslations();
  const format = await getFormatter();
  const basePath = `/commitments/${encodeURIComponent(code)}`;
  const locale = await getLocale();
  const name = await actorNamer();
  const { page, limit, total } = actors;
  const hrefOf = (target: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...query, page: target > 1 ? target : undefined }))
      if (value !== undefined && value !== '') params.set(key, String(value));
    const search = params.toString();
    return `${basePath}${search ? `?${search}` : ''}#${ANCHOR}`;
  };
  return (
    <section id={ANCHOR} className="dashboard-section" aria-labelledby="commitment-pairs-title">
      <h2 id="commitment-pairs-title">{t('pairs.commitment.tableTitle')}</h2>
      <p className="meta">{t('pairs.commitment.tableIntro')}</p>
      <form
        className="filters"
        method="get"
        action={getPathname({ href: `${basePath}#${ANCHOR}`, locale })}
        role="search"
        aria-label={t('commitments.actorFilters')}
      >
        <fieldset>
          <legend>{t('commitments.actorFilters')}</legend>
          <div className="field">
            <label htmlFor="actors-q">{t('commitments.actorSearch')}</label>
            <input
              id="actors-q"
              type="search"
              name="q"
              defaultValue={query.q ?? ''}
              maxLength={200}
            />
          </div>
          {kinds.length > 1 ? (
            <div className="field">
              <label htmlFor="actors-kind">{t('actors.kind')}</label>
              <select id="actors-kind" name="kind" defaultValue={query.kind ?? ''}>
                <option value="">{t('common.any')}</option>
                {kinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`actorKind.${kind}`)}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="actors-region">{t('actors.region')}</label>
            <select id="actors-region" name="region" defaultValue={query.region ?? ''}>
              <option value="">{t('common.any')}</option>
              {regionOptions(listActorRegions(), asLocale(locale)).map((region) => (
                <option key={region.value} value={region.value}>
                  {region.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="actors-status">{t('commitments.actorStatus')}</label>
            <select id="actors-status" name="status" defaultValue={query.status ?? ''}>
              <option value="">{t('common.any')}</option>
              {CELL_KEYS.map((key) => (
                <option key={key} value={key}>
                  {key === 'no_report' ? t('pairs.noReport') : t(`status.${key}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="actors-perspective">{t('commitments.actorPerspective')}</label>
            <select
              id="actors-perspective"
              name="perspective"
              defaultValue={query.perspective ?? 'self'}
            >
              {PERSPECTIVES.map((perspective) => (
                <option key={perspective} value={perspective}>
                  {t(`pairs.${perspective}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="actors-sort">{t('commitments.actorSort')}</label>
            <select id="actors-sort" name="sort" defaultValue={query.sort ?? 'name'}>
              {ACTOR_TABLE_SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`commitments.actorSorts.${sort}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="actors-limit">{t('commitments.actorsPerPage')}</label>
            <select id="actors-limit" name="limit" defaultValue={String(limit)}>
              {[...new Set([...ACTOR_TABLE_PAGE_SIZES, limit])]
                .sort((a, b) => a - b)
                .map((size) => (
                  <option key={size} value={size}>
                    {format.number(size)}
                  </option>
                ))}
            </select>
          </div>
          <div className="actions">
            <button className="button" type="submit">
              {t('common.apply')}
            </button>
            <Link className="button secondary" href={`${basePath}#${ANCHOR}`}>
              {t('common.clear')}
            </Link>
          </div>
        </fieldset>
      </form>
      <QueryErrors errors={errors} />
      <p className="result-count" role="status">
        {total === 0
          ? t('commitments.actorsNone', { pairs: actors.pairs })
          : t('commitments.actorsShowing', {
              from: (page - 1) * limit + 1,
              to: Math.min(total, page * limit),
              total,
              pairs: actors.pairs,
            })}
      </p>
      {actors.pairs === 0 ? (
        <p>{t('pairs.commitment.empty')}</p>
      ) : (
        <PairTable
          mode="commitment"
          rows={actors.rows.map((row) => ({
            ...row,
            key: String(row.actorId),
            href: `/actors/${row.actorId}`,
            label: name(row.name),
          }))}
        />
      )}
      <PairPages
        page={page}
        pages={Math.ceil(total / limit)}
        label={t('commitments.actorPages')}
        hrefOf={hrefOf}
      />
    </section>
  );
}
