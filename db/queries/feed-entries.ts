import 'server-only';
import { desc, sql } from 'drizzle-orm';
import { getDb } from '../client';
import * as t from '../schema';
import type { PublishedEntryDto } from '../../lib/api-schemas';
import { listPublishedEntries, publishedWhere, type EntryFilters } from './entries';

/**
 * The Atom feeds' entries: the latest publications first, whatever their as-of dates, so an entry
 * dated in the past but published today is new to a feed reader. The ids come first, in order,
 * from an index alone (the whole feed from the publication index, named because without
 * statistics SQLite would rather take the state index and sort every entry; drizzle has no INDEXED
 * BY, hence SQL; a filtered feed from its filter's index), then those entries by their ids.
 */
export function latestPublishedEntries(filters: EntryFilters, limit: number): PublishedEntryDto[] {
  const db = getDb();
  const where = publishedWhere(filters);
  const ids = Object.values(filters).every((value) => value === undefined)
    ? db
        .all<{ id: number }>(
          sql`SELECT id FROM progress_entries INDEXED BY progress_entries_published_idx
              WHERE published_at IS NOT NULL AND state = 'published'
              ORDER BY published_at DESC, id DESC LIMIT ${limit}`,
        )
        .map((row) => row.id)
    : db
        .select({ id: t.progressEntries.id })
        .from(t.progressEntries)
        .where(where)
        .orderBy(desc(t.progressEntries.publishedAt), desc(t.progressEntries.id))
        .limit(limit)
        .all()
        .map((row) => row.id);
  const byId = new Map(
    listPublishedEntries({ ids, limit, countCap: 1 }).entries.map((entry) => [entry.id, entry]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}
