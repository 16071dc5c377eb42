import type { Metadata } from 'next';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { getMatrixPage } from '@/db/queries/matrix';
import { filterOptions } from '@/db/queries/reference';
import { getSummary } from '@/db/queries/summary';
import { roundParameterErrors } from '@/db/queries/round-scope';
import { parseQuery } from '@/lib/query-params';
import type { Theme } from '@/lib/taxonomy';
import { QueryErrors } from '@/app/_components/query-errors';
import { localActorNames } from '@/app/_lib/localized-names';
import { asLocale, labelRegions, localizeTitles } from '@/lib/localized-labels';
import { CLIENT_NAMESPACES, pickMessages } from '@/lib/i18n/client-namespaces';
import { Dashboard } from './dashboard';
import { forOverview } from './overview-summary';
import { OverviewProviders, type PrefetchedQuery } from './overview-providers';
import { matrixPageQuery, summaryQuery } from './queries';
import { toMatrixView } from './matrix-view';
import { MATRIX_PAGE_SIZE, OVERVIEW_PARAMETERS, parseColumns } from './view';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard'))('title') };
}

/** The overview's client messages as JSON, per locale: the catalogues are part of the build and never change while it runs. */
const clientMessages = new Map<string, string>();

async function overviewMessages(locale: string): Promise<string> {
  let json = clientMessages.get(locale);
  if (json === undefined) {
    json = JSON.stringify(pickMessages(await getMessages(), CLIENT_NAMESPACES.overview));
    clientMessages.set(locale, json);
  }
  return json;
}

/**
 * The overview's forms of a cached summary or matrix page, as the JSON the page sends, made once
 * per cached value: the data layer hands the same object to every request until the next write
 * (db/cache.ts).
 */
const derived = new WeakMap<object, Map<string, unknown>>();

function derive<T>(source: object, key: string, make: () => T): T {
  let values = derived.get(source);
  if (!values) derived.set(source, (values = new Map()));
  if (!values.has(key)) values.set(key, make());
  return values.get(key) as T;
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Server-rendered with the view's data already in the react-query cache: no loading flash. The
 * matrix comes one page of actors at a time, and the per-actor chart keeps both ends of the
 * ranking, so the page stays light whatever the number of actors.
 */
export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations();
  const locale = await getLocale();
  const { columns: rawColumns, ...params } = await searchParams;
  const parsed = parseQuery(params, OVERVIEW_PARAMETERS);
  const { columns, error } = parseColumns(rawColumns);
  const errors = [
    ...(parsed.ok ? roundParameterErrors(parsed.value.round) : parsed.errors),
    ...(error ? [error] : []),
  ];
  const {
    page = 1,
    limit = MATRIX_PAGE_SIZE,
    ...filters
  } = parsed.ok && errors.length === 0 ? parsed.value : {};
  const paging = { page, limit, columns: error ? 1 : columns };
  const summary = getSummary(filters, { theme: (theme: Theme) => t(`theme.${theme}`) });
  const matrix = getMatrixPage(filters, { page, limit });
  const queries: PrefetchedQuery[] = [
    [
      summaryQuery(filters).queryKey,
      derive(summary, 'overview', () => JSON.stringify(forOverview(summary))),
    ],
    [
      matrixPageQuery(filters, paging).queryKey,
      derive(matrix, `columns ${paging.columns}`, () =>
        JSON.stringify(toMatrixView(matrix, paging.columns)),
      ),
    ],
  ];

  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <p className="lead">{t('dashboard.intro')}</p>
      {errors.length === 0 ? null : <QueryErrors errors={errors} />}
      {/* The screen's messages as <ClientMessages screen="overview"> would give them, and the view's data, as JSON strings (overview-providers.tsx). */}
      <OverviewProviders
        locale={locale}
        messages={await overviewMessages(locale)}
        queries={queries}
      >
        <Dashboard
          options={labelRegions(
            localizeTitles(filterOptions(), asLocale(locale)),
            asLocale(locale),
          )}
          actorNames={await localActorNames()}
        />
      </OverviewProviders>
    </>
  );
}
