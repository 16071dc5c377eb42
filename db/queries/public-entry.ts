import 'server-only';
import { cache } from 'react';
import { and, eq } from 'drizzle-orm';
import { getDb } from '../client';
import * as t from '../schema';
import { getEntryDetail, type EntryDetailDto } from './entry-detail';
import type { CurrentUser } from './users';
import type { StatusKey } from '../../lib/status-scale';
import type { Perspective } from '../../lib/taxonomy';

/** The entry a pair's perspective currently counts (the matrix's cell), or null when none is published. */
export interface CurrentEntryDto {
  perspective: Perspective;
  entryId: number;
  status: StatusKey;
  asOf: string;
  reporterName: string;
}

export interface EntryPageDto {
  entry: EntryDetailDto;
  /** Published entries are public; anything else is shown only to those who may see it, marked. */
  published: boolean;
  /** The current entry of each perspective on the same actor and commitment. */
  pair: Record<Perspective, CurrentEntryDto | null>;
}

/**
 * Who may see an entry that is not published: the members of its reporting actor, who write and
 * review it, and the secretariat. Everyone else is told nothing exists (a 404), so ids of drafts
 * and their contents never leak.
 */
function maySeeUnpublished(
  viewer: Pick<CurrentUser, 'role' | 'actorId'> | null,
  entry: EntryDetailDto,
): boolean {
  if (!viewer) return false;
  if (viewer.role === 'admin') return true;
  return viewer.actorId === entry.reporter.id;
}

/** The pair's current statuses from the table the matrix reads, so the links match its cells. */
function currentEntries(commitmentId: number, subjectId: number): EntryPageDto['pair'] {
  const rows = getDb()
    .select({
      perspective: t.currentStatus.perspective,
      entryId: t.currentStatus.entryId,
      status: t.currentStatus.status,
      asOf: t.currentStatus.asOf,
      reporterName: t.actors.name,
    })
    .from(t.currentStatus)
    .innerJoin(t.progressEntries, eq(t.progressEntries.id, t.currentStatus.entryId))
    .innerJoin(t.actors, eq(t.actors.id, t.progressEntries.reporterId))
    .where(
      and(eq(t.currentStatus.commitmentId, commitmentId), eq(t.currentStatus.subjectId, subjectId)),
    )
    .all();
  const of = (perspective: Perspective) =>
    rows.find((row) => row.perspective === perspective) ?? null;
  return { self: of('self'), independent: of('independent') };
}

/**
 * One entry's public page for `viewer`, or null when there is no such entry or the viewer may
 * not see it. Cached per request, so the page and its title read it once.
 */
export const getEntryPage = cache(
  (id: number, viewer: Pick<CurrentUser, 'role' | 'actorId'> | null): EntryPageDto | null => {
    const entry = getEntryDetail(id);
    if (!entry) return null;
    const published = entry.state === 'published';
    if (!published && !maySeeUnpublished(viewer, entry)) return null;
    return { entry, published, pair: currentEntries(entry.commitment.id, entry.subject.id) };
  },
);
