import 'server-only';
import { getDb } from '@/db/client';
import { memoByDataVersion } from '@/db/cache';
import { listActorRegions } from '@/db/queries/actors';
import { listGcmObjectives } from '@/db/queries/reference';
import type { FilterOptions } from './dashboard-filters';

/**
 * The filters' choices (GCM objectives, actors' regions), read once per data version instead of on
 * every request: a write to the objectives or the actors bumps the version (migration 0007).
 */
export function filterOptions(): FilterOptions {
  return memoByDataVersion(getDb(), 'overview|filter-options', () => ({ objectives: listGcmObjectives(), regions: listActorRegions() }));
}
