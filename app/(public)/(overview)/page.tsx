import type { Metadata } from 'next';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { getTranslations } from 'next-intl/server';
import { listActorRegions } from '@/db/queries/actors';
import { listGcmObjectives } from '@/db/queries/reference';
import { getMatrixPage } from '@/db/queries/matrix';
import { getSummary } from '@/db/queries/summary';
import { parseQuery } from '@/lib/query-params';
import type { Theme } from '@/lib/taxonomy';
import { QueryErrors } from '@/app/_components/query-errors';
import { ClientMessages } from '@/lib/i18n/client-messages';
import { Dashboard } from './dashboard';
import { forOverview } from './overview-summary';
import { matrixPageQuery, summaryQuery } from './queries';
import { toMatrixView } from './matrix-view';
import { MATRIX_PAGE_SIZE, OVERVIEW_PARAMETERS, parseColumns } from './view';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard'))('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Server-rendered with the view's data already in the react-query cache: no loading flash. The
 * matrix comes one page of actors at a time, and the per-actor chart keeps both ends of the
 * ranking, so the page stays light whatever the number of actors.
 */
export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations();
  const { columns: rawColumns, ...params } = await searchParams;
  const parsed = parseQuery(params, OVERVIEW_PARAMETERS);
  const { columns, error } = parseColumns(rawColumns);
  const errors = [...(parsed.ok ? [] : parsed.errors), ...(error ? [error] : [])];
  const { page = 1, limit = MATRIX_PAGE_SIZE, ...filters } = parsed.ok && !error ? parsed.value : {};
  const paging = { page, limit, columns: error ? 1 : columns };
  const queryClient = new QueryClient();
  queryClient.setQueryData(summaryQuery(filters).queryKey, forOverview(getSummary(filters, { theme: (theme: Theme) => t(`theme.${theme}`) })));
  queryClient.setQueryData(matrixPageQuery(filters, paging).queryKey, toMatrixView(getMatrixPage(filters, { page, limit }), paging.columns));

  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <p className="lead">{t('dashboard.intro')}</p>
      {errors.length === 0 ? null : <QueryErrors errors={errors} />}
      <ClientMessages screen="overview">
        <HydrationBoundary state={dehydrate(queryClient)}>
          <Dashboard options={{ objectives: listGcmObjectives(), regions: listActorRegions() }} />
        </HydrationBoundary>
      </ClientMessages>
    </>
  );
}
