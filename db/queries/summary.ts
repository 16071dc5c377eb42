import 'server-only';
import { and, asc, eq, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '../client';
import * as t from '../schema';
import {
  currentStatuses,
  groupRows,
  isContested,
  isStale,
  pairKey,
  quarterEnds,
  staleBefore,
  statusOverTime,
  summarize,
  type CurrentStatus,
  type Pair,
  type PairStatus,
  type RollupEntry,
} from '../../lib/rollup';
import { appliesToKind, type ActorKind, type DutyBearer, type Perspective, type SdgTarget, type Theme } from '../../lib/taxonomy';
import type { MatrixDto, SummaryDto } from '../../lib/summary-types';
import { todayUtc } from '../../lib/dates';

export interface DashboardFilters {
  /** One commitment, by code (commitment page). */
  commitment?: string;
  /** One actor, by id (actor page). */
  subject?: number;
  theme?: Theme;
  objective?: number;
  sdg?: SdgTarget;
  kind?: ActorKind;
  region?: string;
  perspective?: Perspective;
  /** YYYY-MM-DD; absent means today, read from the kept current-status table. */
  asOf?: string;
}

/** The first quarter the over-time chart starts from: the GCM was adopted in December 2018. */
export const HISTORY_START = '2019-01-01';

interface ScopeCommitment {
  id: number;
  code: string;
  title: string;
  theme: Theme;
  dutyBearers: DutyBearer[];
  objectives: number[];
}

interface ScopeActor {
  id: number;
  name: string;
  kind: ActorKind;
}

interface Scope {
  commitments: ScopeCommitment[];
  actors: ScopeActor[];
  pairs: Pair[];
}

/** The commitments and actors a view covers, and the (commitment, actor) pairs that apply. */
function loadScope(filters: DashboardFilters): Scope {
  const db = getDb();
  const commitmentConditions: SQL[] = [isNull(t.commitments.archivedAt)];
  if (filters.commitment) commitmentConditions.push(eq(t.commitments.code, filters.commitment));
  if (filters.theme) commitmentConditions.push(eq(t.commitments.theme, filters.theme));
  if (filters.objective !== undefined) {
    commitmentConditions.push(
      inArray(t.commitments.id, db.select({ id: t.commitmentObjectives.commitmentId }).from(t.commitmentObjectives).where(eq(t.commitmentObjectives.objective, filters.objective))),
    );
  }
  if (filters.sdg) {
    commitmentConditions.push(
      inArray(t.commitments.id, db.select({ id: t.commitmentSdgTargets.commitmentId }).from(t.commitmentSdgTargets).where(eq(t.commitmentSdgTargets.sdgTarget, filters.sdg))),
    );
  }
  const rows = db
    .select({ id: t.commitments.id, code: t.commitments.code, title: t.commitments.title, theme: t.commitments.theme })
    .from(t.commitments)
    .where(and(...commitmentConditions))
    .orderBy(asc(t.commitments.position))
    .all();
  const bearers = new Map<number, DutyBearer[]>();
  for (const row of db.select().from(t.commitmentDutyBearers).all()) bearers.set(row.commitmentId, [...(bearers.get(row.commitmentId) ?? []), row.dutyBearer]);
  const objectives = new Map<number, number[]>();
  for (const row of db.select().from(t.commitmentObjectives).orderBy(asc(t.commitmentObjectives.objective)).all()) {
    objectives.set(row.commitmentId, [...(objectives.get(row.commitmentId) ?? []), row.objective]);
  }
  const commitments = rows.map((row) => ({ ...row, dutyBearers: bearers.get(row.id) ?? [], objectives: objectives.get(row.id) ?? [] }));

  const actorConditions: SQL[] = [isNull(t.actors.archivedAt)];
  if (filters.subject !== undefined) actorConditions.push(eq(t.actors.id, filters.subject));
  if (filters.kind) actorConditions.push(eq(t.actors.kind, filters.kind));
  if (filters.region) actorConditions.push(eq(t.actors.region, filters.region));
  const actors = db
    .select({ id: t.actors.id, name: t.actors.name, kind: t.actors.kind })
    .from(t.actors)
    .where(and(...actorConditions))
    .orderBy(sql`${t.actors.name} COLLATE NOCASE`)
    .all();

  const pairs: Pair[] = [];
  for (const actor of actors) {
    for (const commitment of commitments) {
      if (appliesToKind(commitment.dutyBearers, actor.kind)) pairs.push({ commitmentId: commitment.id, actorId: actor.id });
    }
  }
  return { commitments, actors, pairs };
}

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
    for (const row of db.select().from(t.currentStatus).all()) {
      put(row.commitmentId, row.subjectId, row.perspective, {
        entryId: row.entryId,
        status: row.status,
        asOf: row.asOf,
        publishedAt: row.publishedAt,
        adverseEffects: row.adverseEffects,
      });
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

export interface SummaryLabels {
  theme: (theme: Theme) => string;
}

export function getSummary(filters: DashboardFilters, labels: SummaryLabels): SummaryDto {
  const asOf = filters.asOf ?? todayUtc();
  const perspective = filters.perspective ?? 'self';
  const before = staleBefore(asOf);
  const scope = loadScope(filters);
  const statuses = loadStatuses(filters.asOf);
  const commitmentsById = new Map(scope.commitments.map((commitment) => [commitment.id, commitment]));
  const actorsById = new Map(scope.actors.map((actor) => [actor.id, actor]));
  const objectiveTitles = new Map(getDb().select().from(t.gcmObjectives).all().map((row) => [row.number, row.title]));

  const byActor = groupRows(scope.pairs, statuses, perspective, (pair) => {
    const actor = actorsById.get(pair.actorId);
    return actor ? [{ key: String(actor.id), label: actor.name }] : [];
  }).sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || b.reported - a.reported || a.label.localeCompare(b.label));
  const byTheme = groupRows(scope.pairs, statuses, perspective, (pair) => {
    const commitment = commitmentsById.get(pair.commitmentId);
    return commitment ? [{ key: commitment.theme, label: labels.theme(commitment.theme) }] : [];
  });
  const byObjective = groupRows(scope.pairs, statuses, perspective, (pair) =>
    (commitmentsById.get(pair.commitmentId)?.objectives ?? []).map((objective) => ({
      key: String(objective),
      label: `${objective}. ${objectiveTitles.get(objective) ?? ''}`,
    })),
  ).sort((a, b) => Number(a.key) - Number(b.key));

  return {
    asOf,
    perspective,
    staleBefore: before,
    figures: summarize(scope.pairs, statuses, { perspective, staleBefore: before }),
    byActor,
    byTheme,
    byObjective,
    overTime: statusOverTime(scope.pairs, loadEntries(asOf), perspective, quarterEnds(HISTORY_START, asOf)),
  };
}

const reporter = alias(t.actors, 'reporter');

export function getMatrix(filters: DashboardFilters): MatrixDto {
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
