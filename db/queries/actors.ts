import 'server-only';
import { and, asc, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../client';
import { memoByDataVersion } from '../cache';
import * as t from '../schema';
import { containsText } from './commitments';
import type { ActorKind } from '../../lib/taxonomy';
import type { ActorDto } from '../../lib/api-schemas';

export interface ActorFilters {
  kind?: ActorKind;
  region?: string;
  q?: string;
}

const columns = {
  id: t.actors.id,
  kind: t.actors.kind,
  name: t.actors.name,
  shortName: t.actors.shortName,
  iso3: t.actors.iso3,
  region: t.actors.region,
  subRegion: t.actors.subRegion,
  intermediateRegion: t.actors.intermediateRegion,
  isDemo: t.actors.isDemo,
};

export function listActors(filters: ActorFilters = {}): ActorDto[] {
  const conditions: SQL[] = [sql`${t.actors.archivedAt} IS NULL`];
  if (filters.kind) conditions.push(eq(t.actors.kind, filters.kind));
  if (filters.region) conditions.push(eq(t.actors.region, filters.region));
  if (filters.q)
    conditions.push(
      containsText(
        [
          sql`${t.actors.name}`,
          sql`coalesce(${t.actors.shortName}, '')`,
          sql`coalesce(${t.actors.iso3}, '')`,
        ],
        filters.q,
      ),
    );
  return getDb()
    .select(columns)
    .from(t.actors)
    .where(and(...conditions))
    .orderBy(sql`${t.actors.name} COLLATE NOCASE`, asc(t.actors.id))
    .all();
}

export function getActor(id: number): ActorDto | null {
  return getDb().select(columns).from(t.actors).where(eq(t.actors.id, id)).get() ?? null;
}

/** The M49 regions that have at least one actor, for the region filter. */
export function listActorRegions(): string[] {
  return getDb()
    .selectDistinct({ region: t.actors.region })
    .from(t.actors)
    .where(isNotNull(t.actors.region))
    .orderBy(asc(t.actors.region))
    .all()
    .map((row) => row.region as string);
}

/**
 * Every actor with an ISO 3166 code (a state), archived ones too since their pages stay: what a
 * page looks up to show a state's name in its locale (lib/localized-labels.ts actorNamesIn).
 */
export function listStateCodes(): { name: string; iso3: string | null }[] {
  return memoByDataVersion(
    getDb(),
    'actors|state-codes',
    () =>
      getDb()
        .select({ name: t.actors.name, iso3: t.actors.iso3 })
        .from(t.actors)
        .where(isNotNull(t.actors.iso3))
        .all(),
    (rows) => rows.length,
  );
}
