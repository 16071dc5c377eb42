import 'server-only';
import { getDb } from '../client';
import { memoByDataVersion } from '../cache';
import { farApart, isContested, isStale, staleBefore, type PairFlag } from '../../lib/rollup';
import { todayUtc } from '../../lib/dates';
import type { PairListDto } from '../../lib/pair-schema';
import { DEFAULT_PAGE_SIZE } from '../../lib/query-params';
import type { StatusKey } from '../../lib/status-scale';
import { ACTOR_KINDS, type Perspective } from '../../lib/taxonomy';
import { flaggedPairs } from '../status-index/pairs';
import { cachedScope } from './matrix';
import { applicability, viewKey, type DashboardFilters } from './view-scope';

export interface PairListQuery extends DashboardFilters {
  flag?: PairFlag;
  page?: number;
  limit?: number;
}

type Entry = NonNullable<PairListDto['pairs'][number]['self']>;

/**
 * A page of the view's (actor, commitment) pairs that a headline figure counts, by commitment (in
 * the report's order) then actor name, each with both perspectives' current entries. Which pairs
 * match comes from the in-memory index of counted entries (db/status-index/pairs.ts), so the total
 * is the overview's figure; only the page's entries are read from the database.
 */
export function listPairs(query: PairListQuery): PairListDto {
  const { flag, page = 1, limit = DEFAULT_PAGE_SIZE, ...filters } = query;
  const db = getDb();
  return db.$client.transaction(() => {
    const asOf = filters.asOf ?? todayUtc();
    const perspective: Perspective = filters.perspective ?? 'self';
    const before = staleBefore(asOf);
    const scope = cachedScope(filters);
    const { byCommitment } = applicability(scope);
    // Whether a pair applies, as bit masks by id: the pass over every pair asks it of each.
    const kindBit = new Map(ACTOR_KINDS.map((kind, i) => [kind, 1 << i]));
    const commitmentIds = scope.commitments.map((commitment) => commitment.id);
    const commitmentKinds = new Int32Array(Math.max(0, ...commitmentIds) + 1);
    for (const [id, kinds] of byCommitment)
      for (const kind of kinds)
        commitmentKinds[id] = (commitmentKinds[id] as number) | (kindBit.get(kind) as number);
    const actorKind = new Int32Array(Math.max(0, ...scope.actors.map((actor) => actor.id)) + 1);
    for (const actor of scope.actors) actorKind[actor.id] = kindBit.get(actor.kind) as number;
    const matched = memoByDataVersion(
      db,
      viewKey('pairs', filters, flag ?? ''),
      () =>
        flaggedPairs(db, {
          asOf: filters.asOf,
          staleBefore: before,
          perspective,
          flag,
          inView: (commitmentId, subjectId) =>
            ((commitmentKinds[commitmentId] ?? 0) & (actorKind[subjectId] ?? 0)) !== 0,
        }),
      // The cache counts rows of a few hundred bytes; a match is 8 bytes in typed arrays.
      (value) => Math.ceil((value.commitment.byteLength + value.subject.byteLength) / 256),
    );

    // The page in order without sorting every match: count the matches per commitment, find the
    // commitments the page spans, and sort theirs only.
    // Ranks by id in typed arrays: Map lookups per match dominated a list of every pair.
    const commitmentRank = new Int32Array(commitmentKinds.length);
    scope.commitments.forEach((commitment, i) => (commitmentRank[commitment.id] = i));
    const actorRank = new Map(scope.actors.map((actor, i) => [actor.id, i]));
    const total = matched.commitment.length;
    const rankOf = (i: number) => commitmentRank[matched.commitment[i] as number] as number;
    const perCommitment = new Int32Array(scope.commitments.length);
    for (let i = 0; i < total; i += 1)
      perCommitment[rankOf(i)] = (perCommitment[rankOf(i)] as number) + 1;
    const offset = (page - 1) * limit;
    let skipped = 0;
    let from = 0;
    while (from < perCommitment.length && skipped + (perCommitment[from] as number) <= offset)
      skipped += perCommitment[from++] as number;
    let to = from;
    for (let taken = skipped; to < perCommitment.length && taken < offset + limit; to += 1)
      taken += perCommitment[to] as number;
    const chosen: number[] = [];
    for (let i = 0; i < total; i += 1) if (rankOf(i) >= from && rankOf(i) < to) chosen.push(i);
    chosen.sort(
      (a, b) =>
        rankOf(a) - rankOf(b) ||
        (actorRank.get(matched.subject[a] as number) as number) -
          (actorRank.get(matched.subject[b] as number) as number),
    );

    const current = db.$client
      .prepare(
        `SELECT id, status, as_of, adverse_effects
         FROM progress_entries INDEXED BY progress_entries_counted_idx
         WHERE perspective = ? AND commitment_id = ? AND subject_id = ? AND as_of <= ?
           AND state = 'published' AND withdrawn_at IS NULL AND superseded_by_id IS NULL
         ORDER BY as_of DESC, published_at DESC, id DESC LIMIT 1`,
      )
      .raw();
    const entry = (side: Perspective, commitmentId: number, subjectId: number): Entry | null => {
      const row = current.get(side, commitmentId, subjectId, asOf) as
        [number, StatusKey, string, number] | undefined;
      if (!row) return null;
      const [entryId, status, entryAsOf, adverse] = row;
      const stale = isStale({ asOf: entryAsOf }, before);
      return { entryId, status, asOf: entryAsOf, stale, adverseEffects: adverse === 1 };
    };
    const commitments = new Map(scope.commitments.map((commitment) => [commitment.id, commitment]));
    const actors = new Map(scope.actors.map((actor) => [actor.id, actor]));
    const pairs = chosen.slice(offset - skipped, offset - skipped + limit).map((i) => {
      const commitmentId = matched.commitment[i] as number;
      const subjectId = matched.subject[i] as number;
      const { code, title } = commitments.get(commitmentId) as (typeof scope.commitments)[number];
      const self = entry('self', commitmentId, subjectId);
      const independent = entry('independent', commitmentId, subjectId);
      return {
        actor: { id: subjectId, name: actors.get(subjectId)?.name ?? '' },
        commitment: { code, title },
        self,
        independent,
        contested: isContested(self?.status, independent?.status),
        farApart: self !== null && independent !== null && farApart(self.asOf, independent.asOf),
      };
    });
    return {
      asOf,
      perspective,
      staleBefore: before,
      flag: flag ?? null,
      total,
      adverseEntries: matched.adverseEntries,
      page,
      limit,
      pairs,
    };
  })();
}
