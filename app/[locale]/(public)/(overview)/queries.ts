import { queryOptions } from '@tanstack/react-query';
import { dashboardSearch } from '@/lib/dashboard-query';
import type { DashboardQuery } from '@/lib/query-params';
import { forOverview } from './overview-summary';
import { toMatrixView } from './matrix-view';
import type { MatrixPaging } from './view';

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

// The schemas are imported when the first answer arrives, so zod is not part of the page's first load.
const schemas = () => import('@/lib/summary-schema');

/** One factory per resource, shared by the server prefetch (same key) and useQuery. */
export function summaryQuery(filters: DashboardQuery) {
  return queryOptions({
    queryKey: ['summary', dashboardSearch(filters)],
    queryFn: async () =>
      forOverview(
        (await schemas()).summarySchema.parse(
          await fetchJson(`/api/v1/summary${dashboardSearch(filters)}`),
        ),
      ),
  });
}

/** A page of actors from /api/v1/matrix (every commitment of the view), kept as its page of commitments. */
export function matrixPageQuery(filters: DashboardQuery, { page, limit, columns }: MatrixPaging) {
  const params = new URLSearchParams(dashboardSearch(filters));
  params.set('page', String(page));
  params.set('limit', String(limit));
  return queryOptions({
    queryKey: ['matrix', dashboardSearch(filters), page, limit, columns],
    queryFn: async () =>
      toMatrixView(
        (await schemas()).matrixPageSchema.parse(
          await fetchJson(`/api/v1/matrix?${params.toString()}`),
        ),
        columns,
      ),
  });
}

/** A published entry's date, one-line summary and reporter, read when a matrix cell is opened. */
export function entryQuery(id: number) {
  return queryOptions({
    queryKey: ['entry', id],
    queryFn: async () => {
      const { publishedEntryResponseSchema } = await import('@/lib/api-schemas');
      const { entry } = publishedEntryResponseSchema.parse(
        await fetchJson(`/api/v1/entries/${id}`),
      );
      return {
        id: entry.id,
        asOf: entry.asOf,
        summary: entry.summary,
        reporter: entry.reporter.name,
      };
    },
    // A published entry's content never changes.
    staleTime: Infinity,
  });
}
