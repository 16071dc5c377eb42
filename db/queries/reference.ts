import 'server-only';
import { asc } from 'drizzle-orm';
import { getDb } from '../client';
import { memoByDataVersion } from '../cache';
import { gcmObjectives, sdgTargets } from '../schema';
import { listActorRegions } from './actors';
import { listRounds } from './rounds';

export function listGcmObjectives(): { number: number; title: string }[] {
  return getDb().select().from(gcmObjectives).orderBy(asc(gcmObjectives.number)).all();
}

export function listSdgTargets(): { code: string; title: string }[] {
  return getDb()
    .select()
    .from(sdgTargets)
    .all()
    .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
}

/**
 * The overview filters' choices (GCM objectives, actors' regions, SDG targets, reporting rounds that
 * are not archived), read once per data version
 * instead of on every request: a write to the objectives or the actors bumps the version (a
 * trigger, db/migrations/0001_triggers.sql).
 */
export function filterOptions(): {
  objectives: { number: number; title: string }[];
  regions: string[];
  sdgTargets: { code: string; title: string }[];
  rounds: { id: number; title: string }[];
} {
  return memoByDataVersion(getDb(), 'overview|filter-options', () => ({
    objectives: listGcmObjectives(),
    regions: listActorRegions(),
    sdgTargets: listSdgTargets(),
    rounds: listRounds().map(({ id, title }) => ({ id, title })),
  }));
}
