import type { Metadata } from 'next';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { getTranslations } from 'next-intl/server';
import { listActorRegions } from '@/db/queries/actors';
import { listGcmObjectives } from '@/db/queries/reference';
import { getMatrix } from '@/db/queries/matrix';
import { getSummary } from '@/db/queries/summary';
import { DASHBOARD_PARAMETERS, parseQuery } from '@/lib/query-params';
import type { Theme } from '@/lib/taxonomy';
import { QueryErrors } from '@/app/_components/query-errors';
import { Dashboard } from './dashboard';
import { matrixQuery, summaryQuery } from './queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard'))('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Server-rendered with the view's data already in the react-query cache: no loading flash. */
export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations();
  const parsed = parseQuery(await searchParams, DASHBOARD_PARAMETERS);
  const filters = parsed.ok ? parsed.value : {};
  const queryClient = new QueryClient();
  queryClient.setQueryData(summaryQuery(filters).queryKey, getSummary(filters, { theme: (theme: Theme) => t(`theme.${theme}`) }));
  queryClient.setQueryData(matrixQuery(filters).queryKey, getMatrix(filters));

  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <p className="lead">{t('dashboard.intro')}</p>
      {parsed.ok ? null : <QueryErrors errors={parsed.errors} />}
      <HydrationBoundary state={dehydrate(queryClient)}>
        <Dashboard options={{ objectives: listGcmObjectives(), regions: listActorRegions() }} />
      </HydrationBoundary>
    </>
  );
}
