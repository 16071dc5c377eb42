import 'server-only';
import { asc } from 'drizzle-orm';
import { getDb } from '../client';
import { memoByDataVersion } from '../cache';
import { gcmObjectives, sdgTargets } from '../schema';
import { listActorRegions } from './actors';

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
 * The overview filters' choices (GCM objectives, actors' regions, SDG targets), read once per data version
 * instead of on every request: a write to the objectives or the actors bumps the version (a
 * trigger, db/migrations/0001_triggers.sql).
 */
export function filterOptions(): {
  objectives: { number: number; title: string }[];
  regions: string[];
  sdgTargets: { code: string; title: string }[];
} {
  return memoByDataVersion(getDb(), 'overview|filter-options', () => ({
    objectives: listGcmObjectives(),
    regions: listActorRegions(),
    sdgTargets: listSdgTargets(),
  }));
}
