import 'server-only';
import { asc, isNull, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { memoByDataVersion } from '../cache';
import * as t from '../schema';
import type { Pair } from '../../lib/rollup';
import {
  appliesToKind,
  type ActorKind,
  type DutyBearer,
  type Perspective,
  type SdgTarget,
  type Theme,
} from '../../lib/taxonomy';
import { todayUtc } from '../../lib/dates';
import { roundMembers } from './round-scope';

/** The commitments and actors a dashboard view covers: shared by the summary and the matrix. */
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
  /** A reporting round's id: its commitments and the actors it asks (db/queries/round-scope.ts). */
  round?: number;
  perspective?: Perspective;
  /** YYYY-MM-DD; absent means today, read from the kept current-status table. */
  asOf?: string;
}

export interface ScopeCommitment {
  id: number;
  code: string;
  title: string;
  theme: Theme;
  dutyBearers: DutyBearer[];
  objectives: number[];
}

export interface ScopeActor {
  id: number;
  name: string;
  kind: ActorKind;
}

export interface Scope {
  commitments: ScopeCommitment[];
  actors: ScopeActor[];
  /** Every applicable pair, enumerated (the matrix needs them; the summary only counts them). */
  readonly pairs: Pair[];
}

/**
 * Every live commitment and actor with what a view filters them by, read once per data version
 * (db/cache.ts) and shared by every view's scope: a view asked for the first time filters these in
 * memory instead of querying and sorting every actor again (most of an uncached summary's time
 * before). The objects are shared between scopes: nothing may change them.
 */
interface Catalogue {
  commitments: ScopeCommitment[];
  sdgTargets: Map<number, string[]>;
  actors: ScopeActor[];
  regions: Map<number, string | null>;
}

function loadCatalogue(): Catalogue {
  const db = getDb();
  const bearers = new Map<number, DutyBearer[]>();
  for (const row of db.select().from(t.commitmentDutyBearers).all())
    bearers.set(row.commitmentId, [...(bearers.get(row.commitmentId) ?? []), row.dutyBearer]);
  const objectives = new Map<number, number[]>();
  for (const row of db
    .select()
    .from(t.commitmentObjectives)
    .orderBy(asc(t.commitmentObjectives.objective))
    .all()) {
    objectives.set(row.commitmentId, [...(objectives.get(row.commitmentId) ?? []), row.objective]);
  }
  const sdgTargets = new Map<number, string[]>();
  for (const row of db.select().from(t.commitmentSdgTargets).all())
    sdgTargets.set(row.commitmentId, [...(sdgTargets.get(row.commitmentId) ?? []), row.sdgTarget]);
  const commitments = db
    .select({
      id: t.commitments.id,
      code: t.commitments.code,
      title: t.commitments.title,
      theme: t.commitments.theme,
    })
    .from(t.commitments)
    .where(isNull(t.commitments.archivedAt))
    .orderBy(asc(t.commitments.position))
    .all()
    .map((row) => ({
      ...row,
      dutyBearers: bearers.get(row.id) ?? [],
      objectives: objectives.get(row.id) ?? [],
    }));
  const rows = db
    .select({ id: t.actors.id, name: t.actors.name, kind: t.actors.kind, region: t.actors.region })
    .from(t.actors)
    .where(isNull(t.actors.archivedAt))
    .orderBy(sql`${t.actors.name} COLLATE NOCASE`, asc(t.actors.id))
    .all();
  return {
    commitments,
    sdgTargets,
    actors: rows.map(({ id, name, kind }) => ({ id, name, kind })),
    regions: new Map(rows.map((row) => [row.id, row.region])),
  };
}

/** The commitments and actors a view covers, and the (commitment, actor) pairs that apply. */
export function loadScope(filters: DashboardFilters): Scope {
  const catalogue = memoByDataVersion(getDb(), 'catalogue', loadCatalogue, scopeRows);
  // An unknown round narrows to nothing; the routes name it first (roundParameterErrors).
  const round = filters.round === undefined ? undefined : roundMembers(filters.round);
  const commitments = catalogue.commitments.filter(
    (commitment) =>
      (!filters.commitment || commitment.code === filters.commitment) &&
      (!filters.theme || commitment.theme === filters.theme) &&
      (filters.objective === undefined || commitment.objectives.includes(filters.objective)) &&
      (!filters.sdg || (catalogue.sdgTargets.get(commitment.id) ?? []).includes(filters.sdg)) &&
      (round === undefined || (round?.commitmentCodes.has(commitment.code) ?? false)),
  );
  const actors = catalogue.actors.filter(
    (actor) =>
      (filters.subject === undefined || actor.id === filters.subject) &&
      (!filters.kind || actor.kind === filters.kind) &&
      (!filters.region || catalogue.regions.get(actor.id) === filters.region) &&
      (round === undefined || (round?.actorIds.has(actor.id) ?? false)),
  );

  let pairs: Pair[] | undefined;
  return {
    commitments,
    actors,
    get pairs() {
      if (!pairs) {
        pairs = [];
        for (const actor of actors) {
          for (const commitment of commitments) {
            if (appliesToKind(commitment.dutyBearers, actor.kind))
              pairs.push({ commitmentId: commitment.id, actorId: actor.id });
          }
        }
      }
      return pairs;
    },
  };
}

/** A scope's or the catalogue's rows, for the cache's bound (a scope's lazy `pairs` are not counted). */
export const scopeRows = (scope: { actors: unknown[]; commitments: unknown[] }): number =>
  scope.actors.length + scope.commitments.length;

/** One view's key: the filters in a fixed order, the effective date and the label language. */
export function viewKey(kind: string, filters: DashboardFilters, extra = ''): string {
  const ordered = Object.keys(filters)
    .sort()
    .map((key) => [key, filters[key as keyof DashboardFilters]])
    .filter(([, value]) => value !== undefined);
  return `${kind}|${filters.asOf ?? todayUtc()}|${JSON.stringify(ordered)}|${extra}`;
}

/** Which kinds of actor each scope commitment applies to, and the SQL condition for "the pair applies". */
export function applicability(scope: Scope) {
  const kinds = [...new Set(scope.actors.map((actor) => actor.kind))];
  const byCommitment = new Map(
    scope.commitments.map((commitment) => [
      commitment.id,
      kinds.filter((kind) => appliesToKind(commitment.dutyBearers, kind)),
    ]),
  );
  const everywhere = [...byCommitment.values()].every((ofKinds) => ofKinds.length === kinds.length);
  // Unary + keeps SQLite from turning long lists into 200 x 2,000 primary-key seeks (one scan, set
  // lookups instead); a short list (one actor's or one commitment's page) is left to the indexes.
  const plus = (length: number) => (length > 20 ? '+' : '');
  const where = `${plus(scope.commitments.length)}s.commitment_id IN (SELECT value FROM json_each(?)) AND ${plus(scope.actors.length)}s.subject_id IN (SELECT value FROM json_each(?))${
    everywhere
      ? ''
      : ` AND (s.commitment_id || '|' || (SELECT kind FROM actors WHERE id = s.subject_id)) IN (SELECT value FROM json_each(?))`
  }`;
  const params: unknown[] = [
    JSON.stringify(scope.commitments.map((commitment) => commitment.id)),
    JSON.stringify(scope.actors.map((actor) => actor.id)),
  ];
  if (!everywhere)
    params.push(
      JSON.stringify(
        [...byCommitment].flatMap(([id, ofKinds]) => ofKinds.map((kind) => `${id}|${kind}`)),
      ),
    );
  return { byCommitment, where, params };
}
