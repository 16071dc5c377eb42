import 'server-only';
import { and, eq, inArray, isNull, lte } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '../client';
import { cachedRead } from '../cache';
import * as t from '../schema';
import { currentStatuses, isContested, isStale, pairKey, staleBefore, type CurrentStatus, type PairStatus, type RollupEntry } from '../../lib/rollup';
import type { Perspective } from '../../lib/taxonomy';
import type { MatrixDto } from '../../lib/summary-types';
import { todayUtc } from '../../lib/dates';
import { loadScope, viewKey, type DashboardFilters } from './view-scope';

/** Current statuses now (kept table) or as of a past date (latest entry per pair by index). */
function loadStatuses(asOf: string | undefined): Map<string, PairStatus> {
  const db = getDb();
  const result = new Map<string, PairStatus>();
  const put = (commitmentId: number, subjectId: number, perspective: Perspective, status: CurrentStatus) => {
    const key = pairKey(commitmentId, subjectId);
    const pair = result.get(key) ?? { self: null, independent: null };
    pair[perspective] = status;
    result.set(key, pair);
  };
  if (asOf === undefined) {
    // The kept table, read as plain arrays: at 400,000 pairs object mapping dominated the read.
    const rows = db.$client
      .prepare('SELECT commitment_id, subject_id, perspective, entry_id, status, as_of, published_at, adverse_effects FROM current_status')
      .raw()
      .all() as [number, number, Perspective, number, CurrentStatus['status'], string, string, number][];
    for (const [commitmentId, subjectId, perspective, entryId, status, statusAsOf, publishedAt, adverseEffects] of rows) {
      put(commitmentId, subjectId, perspective, { entryId, status, asOf: statusAsOf, publishedAt, adverseEffects: adverseEffects === 1 });
    }
    return result;
  }
  return currentStatuses(loadEntries(asOf), asOf);
}

/** Published entries that take part in roll-ups, with as_of on or before the date. */
function loadEntries(asOf: string): RollupEntry[] {
  return getDb()
    .select({
      id: t.progressEntries.id,
      commitmentId: t.progressEntries.commitmentId,
      subjectId: t.progressEntries.subjectId,
      perspective: t.progressEntries.perspective,
      status: t.progressEntries.status,
      asOf: t.progressEntries.asOf,
      publishedAt: t.progressEntries.publishedAt,
      adverseEffects: t.progressEntries.adverseEffects,
    })
    .from(t.progressEntries)
    .where(
      and(
        eq(t.progressEntries.state, 'published'),
        isNull(t.progressEntries.withdrawnAt),
        isNull(t.progressEntries.supersededById),
        lte(t.progressEntries.asOf, asOf),
      ),
    )
    .all()
    .map((row) => ({ ...row, publishedAt: row.publishedAt ?? '', withdrawn: false, superseded: false }));
}

const reporter = alias(t.actors, 'reporter');

/** The matrix of a view, cached until the next write to the data it comes from (db/cache.ts). */
export function getMatrix(filters: DashboardFilters): MatrixDto {
  return cachedRead(getDb(), viewKey('matrix', filters), () => computeMatrix(filters));
}

export function computeMatrix(filters: DashboardFilters): MatrixDto {
  const asOf = filters.asOf ?? todayUtc();
  const before = staleBefore(asOf);
  const scope = loadScope(filters);
  const statuses = loadStatuses(filters.asOf);
  const entryIds = [...statuses.values()].flatMap((pair) => [pair.self?.entryId, pair.independent?.entryId]).filter((id): id is number => id !== undefined);
  const details = new Map<number, { summary: string; reporter: string }>();
  for (let start = 0; start < entryIds.length; start += 500) {
    const rows = getDb()
      .select({ id: t.progressEntries.id, summary: t.progressEntries.summary, reporter: reporter.name })
      .from(t.progressEntries)
      .innerJoin(reporter, eq(t.progressEntries.reporterId, reporter.id))
      .where(inArray(t.progressEntries.id, entryIds.slice(start, start + 500)))
      .all();
    for (const row of rows) details.set(row.id, { summary: row.summary, reporter: row.reporter });
  }
  const cell = (status: CurrentStatus | null) =>
    status
      ? {
          status: status.status,
          asOf: status.asOf,
          entryId: status.entryId,
          stale: isStale(status, before),
          summary: details.get(status.entryId)?.summary ?? '',
          reporter: details.get(status.entryId)?.reporter ?? '',
        }
      : null;
  const codes = new Map(scope.commitments.map((commitment) => [commitment.id, commitment.code]));
  const actorsWithPairs = new Set(scope.pairs.map((pair) => pair.actorId));
  return {
    asOf,
    actors: scope.actors.filter((actor) => actorsWithPairs.has(actor.id)).map(({ id, name }) => ({ id, name })),
    commitments: scope.commitments.map(({ code, title }) => ({ code, title })),
    cells: scope.pairs.map((pair) => {
      const both = statuses.get(pairKey(pair.commitmentId, pair.actorId));
      return {
        actorId: pair.actorId,
        code: codes.get(pair.commitmentId) ?? '',
        self: cell(both?.self ?? null),
        independent: cell(both?.independent ?? null),
        contested: isContested(both?.self?.status, both?.independent?.status),
      };
    }),
  };
}
