/**
 * Every route a person or program uses, as bench scenarios (issue 19, point 1): pages, the read
 * API with each filter and a deep page, each export, and the write paths. Deep pages are found by
 * following the route's own `rel="next"` links, so a route that moves from page numbers to a
 * cursor is measured the same way before and after.
 */
import { ACTOR_KINDS, THEMES } from '../lib/taxonomy';
import { STATUS_KEYS } from '../lib/status-scale';
import { REGIONS, type Workspace } from './generate';
import type { BenchRequest } from './load';
import type { ScenarioGroup } from './report';

export interface Scenario {
  name: string;
  group: ScenarioGroup;
  /** The n-th request of a run; null ends the run (a pool of drafts used up). */
  request: (n: number) => BenchRequest | null;
  concurrency?: number[];
  minRequests?: number;
  maxRequests?: number;
  /** 0: exactly minRequests requests. */
  durationMs?: number;
  timeoutMs?: number;
  status?: number;
  /** Measured at the growth size too (the read API). */
  growth?: boolean;
  /** The page to load in the browser pass, with the signed-in user's cookie if any. */
  browser?: { path: string; cookie?: string };
  /** SQL-bound: its route handler is called in-process to capture its SQL (like for like). */
  sql?: true;
  /** A request running while the load runs; the run ends when it has been answered. */
  during?: BenchRequest;
}

export interface Context {
  workspace: Workspace;
  /** Actors with a typical number of entries, and the one with the most. */
  typicalActors: number[];
  heaviestActor: number;
  publishedEntryIds: number[];
  /** Distinct deep pages (deepChain). */
  deep: { entriesApi: string[]; changes: string[] };
  users?: {
    focalCookie: string;
    contributorCookie: string;
    /** An admin of the run: the admin lists. */
    adminCookie: string;
    focalToken: string;
    contributorToken: string;
    actorId: number;
    /** Drafts of the contributor, submitted by the submit scenario, published by the next. */
    drafts: number[];
    /** Open rounds over every commitment: asking every state, and asking the users' actor. */
    rounds: { allStates: number; oneActor: number; commitmentCount: number; stateCount: number };
  };
}

type Filters = Record<string, string | number>;

export function search(filters: Filters): string {
  const text = new URLSearchParams(
    Object.entries(filters).map(([key, value]) => [key, String(value)]),
  ).toString();
  return text ? `?${text}` : '';
}

/** Deterministic shuffle: consecutive requests differ in every dimension. */
function interleave<T>(items: T[]): T[] {
  return items
    .map((item, index) => ({ item, key: (index * 7919) % items.length }))
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item);
}

/** Distinct dashboard views, never the unfiltered one: each request asks what none asked before. */
export function distinctViews(): Filters[] {
  const views: Filters[] = [];
  for (const perspective of ['self', 'independent'])
    for (const objective of [undefined, 1, 5, 9, 13, 17, 21])
      for (const region of [undefined, ...REGIONS])
        for (const kind of [undefined, ...ACTOR_KINDS])
          for (const theme of [undefined, ...THEMES]) {
            const view: Filters = {};
            if (theme) view.theme = theme;
            if (kind) view.kind = kind;
            if (region) view.region = region;
            if (objective) view.objective = objective;
            if (perspective !== 'self') view.perspective = perspective;
            if (Object.keys(view).length > 0) views.push(view);
          }
  return interleave(views);
}

export function pastDates(): string[] {
  const dates: string[] = [];
  for (let day = Date.UTC(2020, 0, 1); day < Date.UTC(2026, 9, 1); day += 86_400_000)
    dates.push(new Date(day).toISOString().slice(0, 10));
  return interleave(dates);
}

/**
 * The path of the next page: from a `Link: <…>; rel="next"` header, else from an `<a rel="next">`
 * in the HTML; relative to the site (path and query), `&amp;` decoded. Null when there is none.
 */
export function nextLink(linkHeader: string | null, html = ''): string | null {
  const fromHeader = linkHeader
    ?.split(/,(?=\s*<)/)
    .map((part) => /<([^>]+)>\s*;(?:[^,]*;)?\s*rel="?next"?/.exec(part)?.[1])
    .find(Boolean);
  const anchor = /<a\b[^>]*\brel="next"[^>]*>/.exec(html)?.[0];
  const fromHtml = anchor ? /\bhref="([^"]+)"/.exec(anchor)?.[1]?.replace(/&amp;/g, '&') : null;
  const link = fromHeader ?? fromHtml;
  if (!link) return null;
  const url = new URL(link, 'http://bench.invalid');
  return `${url.pathname}${url.search}`;
}

function withParam(path: string, name: string, value: string | number): string {
  const url = new URL(path, 'http://bench.invalid');
  url.searchParams.set(name, String(value));
  return `${url.pathname}${url.search}`;
}

/**
 * Distinct deep pages of a paged route, as a client reaches them: the deepest of `page`, `page/2`,
 * `page/4`... that the route accepts as a page number, then the pages after it by the route's own
 * next links (or page numbers, where it gives none). Distinct, so no answer comes from a cache.
 */
export async function deepChain(
  base: string,
  first: string,
  page: number,
  count: number,
  budgetMs = 30_000,
): Promise<string[]> {
  const started = performance.now();
  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(120_000) });
    const next = nextLink(response.headers.get('link'), await response.text());
    return { ok: response.ok, next };
  };
  let start = { path: first, page: 1, next: null as string | null };
  for (let candidate = page; candidate >= 2; candidate = Math.floor(candidate / 2)) {
    const path = withParam(first, 'page', candidate);
    const answer = await get(path);
    if (answer.ok) {
      start = { path, page: candidate, next: answer.next };
      break;
    }
  }
  const chain = [start.path];
  let next = start.next ?? withParam(first, 'page', start.page + 1);
  while (chain.length < count && performance.now() - started < budgetMs) {
    const answer = await get(next);
    if (!answer.ok) break;
    chain.push(next);
    next = answer.next ?? withParam(first, 'page', start.page + chain.length);
  }
  return chain;
}

/** Requests along a list of paths, shared by the runs of a scenario: each path asked once. */
function along(
  paths: readonly string[],
): Pick<Scenario, 'request' | 'maxRequests' | 'minRequests'> {
  let next = 0;
  const perRun = Math.max(1, Math.floor(paths.length / 2));
  return {
    request: () => (next < paths.length ? { path: paths[next++] as string } : null),
    maxRequests: perRun,
    minRequests: Math.min(20, perRun),
  };
}

const cycle =
  <T>(items: readonly T[], path: (item: T) => string) =>
  (n: number): BenchRequest => ({ path: path(items[n % items.length] as T) });
const fixed = (path: string) => () => ({ path });

/**
 * The route handler that answers an API path, called in the bench process (no HTTP) to capture
 * the SQL it runs: the route's own code, so the capture follows any change to it.
 */
export async function callRoute(path: string): Promise<Response> {
  const url = new URL(path, 'http://bench.invalid');
  const [, , , resource, key] = url.pathname.split('/');
  type Params = { params: Promise<Record<string, string>> };
  type Handler = (request: Request, context: Params) => unknown;
  const modules: Record<string, () => Promise<unknown>> = {
    entries: () => import('../app/api/v1/entries/route'),
    'entries/': () => import('../app/api/v1/entries/[id]/route'),
    matrix: () => import('../app/api/v1/matrix/route'),
    commitments: () => import('../app/api/v1/commitments/route'),
    'commitments/': () => import('../app/api/v1/commitments/[code]/route'),
    actors: () => import('../app/api/v1/actors/route'),
    'actors/': () => import('../app/api/v1/actors/[id]/route'),
  };
  const load = modules[`${resource}${key ? '/' : ''}`];
  if (!load) throw new Error(`no route handler for ${path}`);
  const params = Promise.resolve({ id: key ?? '', code: key ?? '' });
  const route = (await load()) as { GET: Handler };
  return (await route.GET(new Request(url), { params })) as Response;
}

/**
 * The read API keeps its answers by ETag (the data version and the exact query), so a repeated
 * request measures that cache: each scenario asks distinct queries (another value of its filter,
 * another page, another limit of a list sliced in memory) of the same cost, and the like-for-like
 * SQL is the first request's.
 */
const OBJECTIVES = Array.from({ length: 23 }, (_, index) => index + 1);
const NUMBERS = Array.from({ length: 200 }, (_, index) => index + 1);

export function readApiScenarios(context: Context): Scenario[] {
  const { workspace } = context;
  const views = distinctViews();
  const dates = pastDates();
  const states = workspace.stateIds.length > 0 ? workspace.stateIds : workspace.actorIds;
  const reporters = workspace.stakeholderIds.length > 0 ? workspace.stakeholderIds : states;
  const api = (name: string, path: (n: number) => string, sql?: true): Scenario => ({
    name,
    group: 'api',
    request: (n) => ({ path: path(n) }),
    sql,
  });
  const pick = <T>(items: readonly T[], n: number) => items[n % items.length] as T;
  const [entries, matrix, commitments, actors] = [true, true, true, true] as const;
  // Pages 1-20 of a filter with few values, so that each request is another query.
  const paged = (values: readonly string[], n: number) =>
    `${pick(values, n)}&page=${1 + (Math.floor(n / values.length) % 20)}`;
  // A list sliced in memory: its SQL is the same whatever the page size.
  const sized = (n: number) => `limit=${200 - (n % 200)}`;
  const listOf = (list: string, name: string, values: readonly (string | number)[], n: number) =>
    `/api/v1/${list}?${name}=${pick(values, n)}&${sized(n)}`;
  const deep = context.deep.entriesApi;
  const scenarios: Scenario[] = [
    api('API summary, no filters (repeat)', () => '/api/v1/summary'),
    api('API summary, distinct filters', (n) => `/api/v1/summary${search(pick(views, n))}`),
    api('API summary, distinct past dates', (n) => `/api/v1/summary?asOf=${pick(dates, n)}`),
    api('API matrix, pages', (n) => `/api/v1/matrix?page=${1 + (n % 40)}`, matrix),
    api(
      'API matrix, filtered',
      (n) =>
        `/api/v1/matrix?kind=state&${paged(
          THEMES.map((t) => `theme=${t}`),
          n,
        )}`,
      matrix,
    ),
    api('API entries, first pages', (n) => `/api/v1/entries?page=${1 + (n % 20)}`, entries),
    api(
      'API entries, commitment',
      (n) => `/api/v1/entries?commitment=${pick(workspace.commitmentCodes, n)}`,
      entries,
    ),
    api('API entries, subject', (n) => `/api/v1/entries?subject=${pick(states, n)}`, entries),
    api('API entries, reporter', (n) => `/api/v1/entries?reporter=${pick(reporters, n)}`, entries),
    api(
      'API entries, status',
      (n) =>
        `/api/v1/entries?${paged(
          STATUS_KEYS.map((k) => `status=${k}`),
          n,
        )}`,
      entries,
    ),
    api(
      'API entries, perspective',
      (n) => `/api/v1/entries?${paged(['perspective=independent', 'perspective=self'], n)}`,
      entries,
    ),
    api('API entries, from', (n) => `/api/v1/entries?from=${pick(dates, n)}`, entries),
    api('API entries, to', (n) => `/api/v1/entries?to=${pick(dates, n)}`, entries),
    api('API entries, asOf', (n) => `/api/v1/entries?asOf=${pick(dates, n)}`, entries),
    api(
      'API entries, subject and perspective',
      // The heaviest actor first: its few independent assessments among 100,000 entries.
      (n) =>
        `/api/v1/entries?subject=${pick([context.heaviestActor, ...states], n)}` +
        '&perspective=independent',
      entries,
    ),
    api(
      'API entries, status and perspective',
      (n) =>
        `/api/v1/entries?perspective=independent&${paged(
          STATUS_KEYS.map((k) => `status=${k}`),
          n,
        )}`,
      entries,
    ),
    api(
      'API entries, perspective and from',
      (n) => `/api/v1/entries?perspective=independent&from=${pick(dates, n)}`,
      entries,
    ),
    {
      ...api('API entries, deep page', () => deep[0] ?? '/api/v1/entries', entries),
      ...along(deep),
    },
    api('API commitments', (n) => `/api/v1/commitments?${sized(n)}`, commitments),
    api('API commitments, theme', (n) => listOf('commitments', 'theme', THEMES, n), commitments),
    api(
      'API commitments, objective',
      (n) => listOf('commitments', 'objective', OBJECTIVES, n),
      commitments,
    ),
    api('API commitments, sdg', (n) => listOf('commitments', 'sdg', ['10.7'], n), commitments),
    api(
      'API commitments, dutyBearer',
      (n) => listOf('commitments', 'dutyBearer', ['states'], n),
      commitments,
    ),
    api('API commitments, q', (n) => listOf('commitments', 'q', NUMBERS, n), commitments),
    api('API actors', (n) => `/api/v1/actors?${sized(n)}`, actors),
    api('API actors, kind', (n) => listOf('actors', 'kind', ACTOR_KINDS, n), actors),
    api('API actors, region', (n) => listOf('actors', 'region', REGIONS, n), actors),
    api('API actors, q', (n) => listOf('actors', 'q', NUMBERS, n), actors),
    api(
      'API commitment by code',
      (n) => `/api/v1/commitments/${pick(workspace.commitmentCodes, n)}`,
      true,
    ),
    api('API actor by id', (n) => `/api/v1/actors/${pick(workspace.actorIds, n)}`, true),
    api('API entry by id', (n) => `/api/v1/entries/${pick(context.publishedEntryIds, n)}`, true),
    api(
      'Atom feed of entries, commitment',
      (n) => `/api/v1/feeds/entries.atom?commitment=${pick(workspace.commitmentCodes, n)}`,
    ),
    api(
      'Atom feed of entries, subject',
      (n) => `/api/v1/feeds/entries.atom?subject=${pick(states, n)}`,
    ),
    api('API OpenAPI document', () => '/api/v1/openapi.json'),
    api('API health', () => '/api/health'),
  ];
  scenarios.push(api('Atom feed of entries', () => '/api/v1/feeds/entries.atom'));
  const rounds = context.users?.rounds;
  if (rounds) {
    const asked = `${rounds.stateCount} states × ${rounds.commitmentCount} commitments`;
    scenarios.push(
      api('API rounds', () => '/api/v1/rounds'),
      api(`API round by id, ${asked} (repeat)`, () => `/api/v1/rounds/${rounds.allStates}`),
      api(
        `Atom feed of entries, round of ${asked}`,
        () => `/api/v1/feeds/entries.atom?round=${rounds.allStates}`,
      ),
    );
  }
  return scenarios.map((scenario) => ({ ...scenario, growth: true }));
}

export function pageScenarios(context: Context): Scenario[] {
  const { workspace, users } = context;
  const views = distinctViews();
  const code = workspace.commitmentCodes[0] as string;
  const page = (name: string, path: string, cookie?: string): Scenario => ({
    name,
    group: 'page',
    request: () => ({ path, headers: cookie ? { cookie } : undefined }),
    browser: { path, cookie },
  });
  const pages: Scenario[] = [
    page('overview, anonymous', '/'),
    {
      name: 'overview, anonymous, distinct filters',
      group: 'page',
      request: (n) => ({ path: `/${search(views[views.length - 1 - (n % views.length)]!)}` }),
    },
    {
      ...page('commitment page', `/commitments/${code}`),
      request: cycle(workspace.commitmentCodes, (c) => `/commitments/${c}`),
    },
    {
      ...page('actor page, typical', `/actors/${context.typicalActors[0]}`),
      request: cycle(context.typicalActors, (id) => `/actors/${id}`),
    },
    page('actor page, heaviest actor', `/actors/${context.heaviestActor}`),
    page('commitments list', '/commitments'),
    page('actors list', '/actors'),
    page('change log, first page', '/changes'),
    {
      ...page('change log, deep page', context.deep.changes[0] ?? '/changes'),
      ...along(context.deep.changes),
    },
    {
      ...page('entry page', `/entries/${context.publishedEntryIds[0]}`),
      request: cycle(context.publishedEntryIds, (id) => `/entries/${id}`),
    },
    page('meeting mode (/present)', '/present'),
    page('API docs', '/api-docs'),
    page('sign-in', '/sign-in'),
  ];
  if (users) {
    pages.splice(
      1,
      0,
      page('overview, signed in', '/', users.focalCookie),
      page('your work (/home), focal point', '/home', users.focalCookie),
      page('my entries, contributor (1,000 submitted)', '/entries/mine', users.contributorCookie),
      page('review queue, 1,000 waiting', '/entries/review', users.focalCookie),
      page('log progress form', '/entries/new', users.contributorCookie),
    );
    const { allStates, commitmentCount, stateCount } = users.rounds;
    const asked = `${stateCount} states × ${commitmentCount} commitments`;
    pages.push(
      page('reporting rounds list', '/rounds'),
      page(`round page, ${asked}`, `/rounds/${allStates}`),
      page(`round page by commitment, ${asked}`, `/rounds/${allStates}?by=commitment`),
      page('overview filtered to a round', `/?round=${allStates}`),
      page('admin: actors list', '/admin/actors', users.adminCookie),
      page('admin: commitments list', '/admin/commitments', users.adminCookie),
      page('admin: users list', '/admin/users', users.adminCookie),
      page('admin: create a user', '/admin/users/new', users.adminCookie),
      page('admin: audit log', '/admin/audit', users.adminCookie),
    );
  }
  return pages;
}

/**
 * The first view of a round after a write: any write moves the data version, so the round's kept
 * completion is computed again for the next view. Each request publishes an entry first (not
 * timed; its CPU and event-loop time count in the scenario's), then asks the round, at c=1.
 */
export function afterWriteScenarios(context: Context): Scenario[] {
  const { users, workspace } = context;
  if (!users) return [];
  const runId = Date.now().toString(36);
  const codes = workspace.commitmentCodes;
  let n = 0;
  const publish = () => ({
    path: '/api/v1/entries',
    method: 'POST' as const,
    headers: {
      authorization: `Bearer ${users.focalToken}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      idempotencyKey: `bench-before-view-${runId}-${n}`,
      commitment: codes[n++ % codes.length],
      subject: users.actorId,
      status: 'limited',
      asOf: '2026-10-31',
      summary: `Benchmark write before a view ${n}`,
      action: 'publish',
    }),
  });
  const { allStates, commitmentCount, stateCount } = users.rounds;
  const asked = `${stateCount} states × ${commitmentCount} commitments`;
  const after = (name: string, group: ScenarioGroup, path: string): Scenario => ({
    name: `${name}, first view after a write`,
    group,
    concurrency: [1],
    request: () => ({ path, before: publish() }),
  });
  return [
    after('reporting rounds list', 'page', '/rounds'),
    after(`round page, ${asked}`, 'page', `/rounds/${allStates}`),
    after(`API round by id, ${asked}`, 'api', `/api/v1/rounds/${allStates}`),
  ];
}

/** Exports: the heavy ones (every entry, the whole matrix) once at c=1. */
export function exportScenarios(): Scenario[] {
  const scenarios: Scenario[] = [];
  for (const dataset of ['commitments', 'actors', 'summary', 'matrix', 'entries'])
    for (const format of ['csv', 'json']) {
      const heavy = dataset === 'entries' || dataset === 'matrix';
      scenarios.push({
        name: `export ${dataset}.${format}`,
        group: 'export',
        request: fixed(`/api/v1/exports/${dataset}.${format}`),
        ...(heavy ? { concurrency: [1], minRequests: 1, maxRequests: 1, durationMs: 0 } : {}),
        timeoutMs: 600_000,
      });
    }
  scenarios.push({
    name: 'API health during an entries.csv export',
    group: 'export',
    request: fixed('/api/health'),
    concurrency: [1],
    during: { path: '/api/v1/exports/entries.csv' },
  });
  return scenarios;
}

/** Entries per request of the batched publishing scenario (POST /api/v1/entries/batch). */
export const PUBLISH_BATCH = 50;

export function writeScenarios(context: Context): Scenario[] {
  const { users, workspace } = context;
  if (!users) return [];
  const runId = Date.now().toString(36);
  const codes = workspace.commitmentCodes;
  const entry = (n: number, label: string) => ({
    idempotencyKey: `bench-${label}-${runId}-${n}`,
    commitment: codes[n % codes.length],
    subject: users.actorId,
    status: 'substantial',
    asOf: '2026-10-31',
    summary: `Benchmark ${label} ${n}`,
    action: 'publish',
  });
  const json = (token: string) => ({
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
  });
  const drafts = users.drafts;
  const submitted: number[] = [];
  let nextDraft = 0;
  let batchN = 0;
  let singleN = 0;
  return [
    {
      name: 'publish one entry (POST /api/v1/entries)',
      group: 'write',
      request: () => ({
        path: '/api/v1/entries',
        method: 'POST',
        headers: json(users.focalToken),
        body: JSON.stringify(entry(singleN++, 'publish')),
      }),
    },
    {
      name: `publish ${PUBLISH_BATCH} entries a request (POST /api/v1/entries/batch)`,
      group: 'write',
      request: () => {
        const first = PUBLISH_BATCH * batchN++;
        return {
          path: '/api/v1/entries/batch',
          method: 'POST',
          headers: json(users.focalToken),
          body: JSON.stringify({
            entries: Array.from({ length: PUBLISH_BATCH }, (_, i) => entry(first + i, 'batch')),
          }),
        };
      },
    },
    {
      name: 'submit a draft (POST /api/v1/entries/{id}/submit)',
      group: 'write',
      maxRequests: Math.floor(drafts.length / 2),
      request: () => {
        const id = drafts[nextDraft++];
        if (id === undefined) return null;
        submitted.push(id);
        const headers = json(users.contributorToken);
        return { path: `/api/v1/entries/${id}/submit`, method: 'POST', headers };
      },
    },
    {
      name: 'publish a submitted entry (POST /api/v1/entries/{id}/publish)',
      group: 'write',
      request: () => {
        const id = submitted.shift();
        if (id === undefined) return null;
        const headers = json(users.focalToken);
        return { path: `/api/v1/entries/${id}/publish`, method: 'POST', headers };
      },
    },
  ];
}
