import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import { getDb } from '../client';
import * as t from '../schema';
import { loadScope } from './view-scope';
import { isContested, isStale, perspectiveRows, staleBefore } from '../../lib/rollup';
import { CELL_KEYS, type CellKey, type GroupRow } from '../../lib/summary-types';
import type { StatusKey } from '../../lib/status-scale';
import type { ActorKind, Perspective } from '../../lib/taxonomy';
import { todayUtc } from '../../lib/dates';
import { searchFold } from '../../lib/actor-search';
import type { Locale } from '../../lib/i18n/locales';

/** The per-actor table's orders: by name, by either perspective's status, contested first. */
export const ACTOR_TABLE_SORTS = ['name', 'self', 'independent', 'contested'] as const;
export type ActorTableSort = (typeof ACTOR_TABLE_SORTS)[number];

/** Rows of the per-actor table on one page unless the query asks for another number. */
export const ACTOR_TABLE_PAGE_SIZE = 50;
/** The page sizes the table offers. */
export const ACTOR_TABLE_PAGE_SIZES = [25, 50, 100] as const;

export interface ActorTableQuery {
  q?: string;
  kind?: ActorKind;
  region?: string;
  /** A status (or no report) of `perspective`'s current statuses. */
  status?: CellKey;
  perspective?: Perspective;
  sort?: ActorTableSort;
  page?: number;
  limit?: number;
}

export interface PairStatus {
  status: StatusKey;
  asOf: string;
  entryId: number;
  stale: boolean;
}

export interface ActorPairRow {
  actorId: number;
  name: string;
  self: PairStatus | null;
  independent: (PairStatus & { reporter: string }) | null;
  contested: boolean;
}

export interface CommitmentActors {
  asOf: string;
  /** Every applicable pair's status tallied per perspective, whatever the table's filters. */
  distribution: GroupRow[];
  /** Applicable pairs (actors the commitment asks to act). */
  pairs: number;
  /** Actors matching the table's filters: what its pages divide. */
  total: number;
  page: number;
  limit: number;
  rows: ActorPairRow[];
}

/**
 * One commitment's actors for its page: the distribution of every pair's current status, and one
 * page of the actors matching the table's filters. The commitment's current statuses come from
 * the kept table by its primary key (one row per actor and perspective, a few thousand at most);
 * the independent assessments' reporters are read for the page's rows only.
 */
export function getCommitmentActors(
  code: string,
  query: ActorTableQuery,
  labels: Record<Perspective, string>,
  /**
   * The page's language and its names of states by stored name (app/_lib/localized-names.ts):
   * a search also finds a state by the name shown, and the table is in that language's order.
   */
  display?: { locale: Locale; names: Readonly<Record<string, string>> },
): CommitmentActors {
  const asOf = todayUtc();
  const before = staleBefore(asOf);
  const commitmentId = loadScope({ commitment: code }).commitments[0]?.id ?? 0;
  const statuses = new Map<number, { self?: PairStatus; independent?: PairStatus }>();
  for (const row of getDb()
    .select({
      actorId: t.currentStatus.subjectId,
      perspective: t.currentStatus.perspective,
      entryId: t.currentStatus.entryId,
      status: t.currentStatus.status,
      asOf: t.currentStatus.asOf,
    })
    .from(t.currentStatus)
    .where(eq(t.currentStatus.commitmentId, commitmentId))
    .all()) {
    const pair = statuses.get(row.actorId) ?? {};
    pair[row.perspective] = {
      status: row.status,
      asOf: row.asOf,
      entryId: row.entryId,
      stale: isStale(row, before),
    };
    statuses.set(row.actorId, pair);
  }
  const rowsOf = (filters: { kind?: ActorKind; region?: string }) => {
    const scope = loadScope({ commitment: code, ...filters });
    const applies = new Set(scope.pairs.map((pair) => pair.actorId));
    return scope.actors
      .filter((actor) => applies.has(actor.id))
      .map((actor) => {
        const pair = statuses.get(actor.id);
        return {
          actorId: actor.id,
          name: actor.name,
          self: pair?.self ?? null,
          independent: pair?.independent ?? null,
          contested: isContested(pair?.self?.status, pair?.independent?.status),
        };
      });
  };
  const all = rowsOf({});
  const narrowed = query.kind || query.region;
  let rows = narrowed ? rowsOf({ kind: query.kind, region: query.region }) : all;
  if (display && display.locale !== 'en') {
    const { locale, names } = display;
    const nameOf = (name: string) => names[name] ?? name;
    const collator = new Intl.Collator(locale);
    rows = [...rows].sort((a, b) => collator.compare(nameOf(a.name), nameOf(b.name)));
    if (query.q) {
      const needle = searchFold(query.q, locale);
      rows = rows.filter(
        (row) =>
          row.name.toLowerCase().includes(query.q!.toLowerCase()) ||
          searchFold(nameOf(row.name), locale).includes(needle),
      );
    }
  } else if (query.q) {
    const needle = query.q.toLowerCase();
    rows = rows.filter((row) => row.name.toLowerCase().includes(needle));
  }
  if (query.status) {
    const perspective = query.perspective ?? 'self';
    rows = rows.filter((row) => (row[perspective]?.status ?? 'no_report') === query.status);
  }
  const rank = (status: PairStatus | null) => CELL_KEYS.indexOf(status?.status ?? 'no_report');
  // The scope lists actors by name: a stable sort keeps that order within a status.
  const sort = query.sort ?? 'name';
  if (sort === 'self' || sort === 'independent')
    rows = [...rows].sort((a, b) => rank(a[sort]) - rank(b[sort]));
  if (sort === 'contested')
    rows = [...rows].sort((a, b) => Number(b.contested) - Number(a.contested));

  const limit = query.limit ?? ACTOR_TABLE_PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(rows.length / limit));
  const page = Math.min(query.page ?? 1, pages);
  const shown = rows.slice((page - 1) * limit, page * limit);
  const reporters = reporterNames(
    shown.flatMap((row) => (row.independent ? [row.independent.entryId] : [])),
  );
  return {
    asOf,
    distribution: perspectiveRows(all, labels),
    pairs: all.length,
    total: rows.length,
    page,
    limit,
    rows: shown.map((row) => ({
      ...row,
      independent: row.independent
        ? { ...row.independent, reporter: reporters.get(row.independent.entryId) ?? '' }
        : null,
    })),
  };
}

/** The reporter's name of each of these entries (a page of them). */
function reporterNames(entryIds: number[]): Map<number, string> {
  if (entryIds.length === 0) return new Map();
  const rows = getDb()
    .select({ id: t.progressEntries.id, reporter: t.actors.name })
    .from(t.progressEntries)
    .innerJoin(t.actors, eq(t.progressEntries.reporterId, t.actors.id))
    .where(inArray(t.progressEntries.id, entryIds))
    .all();
  return new Map(rows.map((row) => [row.id, row.reporter]));
}
