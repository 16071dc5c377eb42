/**
 * The overview's view in its URL: the dashboard filters, and the page of the matrix. Without zod,
 * so it stays off the page's first load: the server parsed the URL with lib/query-params.ts and
 * named any bad value; here a value none of the page's controls could write leaves the view
 * unfiltered, as the server did.
 */
import { DASHBOARD_PARAMETERS, dashboardSearch } from '@/lib/dashboard-query';
import type { DashboardQuery, ParameterError } from '@/lib/query-params';
import { isCalendarDate } from '@/lib/dates';
import { ACTOR_KINDS, PERSPECTIVES, SDG_TARGETS, THEMES } from '@/lib/taxonomy';

/** What lib/query-params.ts parses for the overview; `columns` (the matrix's page of commitments) is the overview's own. */
export const OVERVIEW_PARAMETERS = [...DASHBOARD_PARAMETERS, 'page', 'limit'] as const;

/** Actors per page of the matrix: a screenful on a projector by default (each row holds every commitment of the view). */
export const MATRIX_PAGE_SIZES = [10, 25, 50] as const;
export const MATRIX_PAGE_SIZE = 10;
/** Commitments per page of the matrix's columns: what a projector shows side by side (200 commitments make five pages). */
export const MATRIX_COLUMNS = 40;

export interface MatrixPaging {
  page: number;
  limit: number;
  /** The page of commitments (columns of MATRIX_COLUMNS). */
  columns: number;
}

export const FIRST_PAGE: MatrixPaging = { page: 1, limit: MATRIX_PAGE_SIZE, columns: 1 };

/** The URL's query of a view: the filters' canonical query, then the page and page size when not the defaults. */
export function overviewSearch(filters: DashboardQuery, paging: MatrixPaging): string {
  const params = new URLSearchParams(dashboardSearch(filters));
  if (paging.page > 1) params.set('page', String(paging.page));
  if (paging.limit !== MATRIX_PAGE_SIZE) params.set('limit', String(paging.limit));
  if (paging.columns > 1) params.set('columns', String(paging.columns));
  const search = params.toString();
  return search ? `?${search}` : '';
}

const wholeNumber = (raw: string, min: number, max: number) =>
  /^\d{1,6}$/.test(raw) && Number(raw) >= min && Number(raw) <= max ? Number(raw) : undefined;

const READERS: Record<(typeof OVERVIEW_PARAMETERS)[number] | 'columns', (raw: string) => unknown> =
  {
    theme: (raw) => ((THEMES as readonly string[]).includes(raw) ? raw : undefined),
    objective: (raw) => wholeNumber(raw, 1, 23),
    sdg: (raw) => ((SDG_TARGETS as readonly string[]).includes(raw) ? raw : undefined),
    kind: (raw) => ((ACTOR_KINDS as readonly string[]).includes(raw) ? raw : undefined),
    region: (raw) => (raw.trim().length > 0 && raw.trim().length <= 100 ? raw.trim() : undefined),
    round: (raw) => wholeNumber(raw, 1, 999999),
    perspective: (raw) => ((PERSPECTIVES as readonly string[]).includes(raw) ? raw : undefined),
    asOf: (raw) =>
      isCalendarDate(raw) && raw >= '1900-01-01' && raw <= '2999-12-31' ? raw : undefined,
    page: (raw) => wholeNumber(raw, 1, 100000),
    limit: (raw) => wholeNumber(raw, 1, 200),
    columns: (raw) => wholeNumber(raw, 1, 1000),
  };

/** The server's reading of `columns` (the other parameters go through lib/query-params.ts): a bad value is named, as theirs are. */
export function parseColumns(raw: string | string[] | undefined): {
  columns: number;
  error?: ParameterError;
} {
  if (raw === undefined || raw === '') return { columns: 1 };
  const value = Array.isArray(raw) ? undefined : READERS.columns(raw.trim());
  if (typeof value === 'number') return { columns: value };
  return {
    columns: 1,
    error: {
      parameter: 'columns',
      message: Array.isArray(raw)
        ? 'is given more than once'
        : 'must be a whole number from 1 to 1000',
    },
  };
}

/** The view the URL names; the unfiltered first page when any parameter is unknown, repeated or bad. */
export function readView(params: URLSearchParams): {
  filters: DashboardQuery;
  paging: MatrixPaging;
} {
  const view: Record<string, unknown> = {};
  const seen = new Set<string>();
  let valid = true;
  params.forEach((raw, name) => {
    const read = READERS[name as keyof typeof READERS];
    if (!read || seen.has(name)) valid = false;
    seen.add(name);
    if (!read || raw.trim() === '') return;
    const value = read(raw);
    if (value === undefined) valid = false;
    else view[name] = value;
  });
  if (!valid) return { filters: {}, paging: FIRST_PAGE };
  const { page, limit, columns, ...filters } = view as DashboardQuery & Partial<MatrixPaging>;
  return {
    filters,
    paging: { page: page ?? 1, limit: limit ?? MATRIX_PAGE_SIZE, columns: columns ?? 1 },
  };
}
