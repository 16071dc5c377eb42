import { queryOptions } from '@tanstack/react-query';
import { dashboardSearch, type DashboardQuery } from '@/lib/query-params';
import { matrixSchema, summarySchema } from '@/lib/summary-schema';

async function fetchJson<T>(url: string, parse: (body: unknown) => T): Promise<T> {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return parse(await response.json());
}

/** One factory per resource, shared by the server prefetch (same key) and useQuery. */
export function summaryQuery(filters: DashboardQuery) {
  return queryOptions({
    queryKey: ['summary', dashboardSearch(filters)],
    queryFn: () => fetchJson(`/api/v1/summary${dashboardSearch(filters)}`, (body) => summarySchema.parse(body)),
  });
}

export function matrixQuery(filters: DashboardQuery) {
  return queryOptions({
    queryKey: ['matrix', dashboardSearch(filters)],
    queryFn: () => fetchJson(`/api/v1/matrix${dashboardSearch(filters)}`, (body) => matrixSchema.parse(body)),
  });
}
