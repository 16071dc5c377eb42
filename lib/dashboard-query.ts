/**
 * The dashboard's view in the URL, without zod: the overview's client components use it, and
 * zod stays off the page's first load. Parsing and its messages are in lib/query-params.ts.
 */
export const DASHBOARD_PARAMETERS = [
  'theme',
  'objective',
  'sdg',
  'kind',
  'region',
  'round',
  'perspective',
  'asOf',
] as const;

/** The canonical query string of a dashboard view: the same filters always give the same URL. */
export function dashboardSearch(filters: {
  readonly [P in (typeof DASHBOARD_PARAMETERS)[number]]?: string | number;
}): string {
  const params = new URLSearchParams();
  for (const name of DASHBOARD_PARAMETERS) {
    const value = filters[name];
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** The pair list (/pairs) of a headline figure, keeping the dashboard's filters. */
export function pairListHref(flag: string, filters: Parameters<typeof dashboardSearch>[0]): string {
  const search = dashboardSearch(filters);
  return `/pairs?flag=${flag}${search ? `&${search.slice(1)}` : ''}`;
}
