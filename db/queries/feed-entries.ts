import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type Db } from '../client';

/**
 * The ids of the latest publications of the whole tracker, read in that order from the
 * publication index, so the unfiltered feed reads a handful of rows instead of sorting every
 * published entry. Named because without statistics SQLite would rather take the state index and
 * sort (drizzle has no INDEXED BY, hence SQL). A filtered feed sorts only its filter's rows.
 */
export function latestPublishedIds(limit: number, db: Db = getDb()): number[] {
  return db
    .all<{ id: number }>(
      sql`SELECT id FROM progress_entries INDEXED BY progress_entries_published_idx
        WHERE published_at IS NOT NULL AND state = 'published'
        ORDER BY published_at DESC, id DESC LIMIT ${limit}`,
    )
    .map((row) => row.id);
}
