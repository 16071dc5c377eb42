import 'server-only';
import { and, asc, desc, eq, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm';
import { getDb, type Db } from '../client';
import { memoByDataVersion } from '../cache';
import { countedSelfReportPairs } from '../status-index/status-index';
import * as t from '../schema';
import { todayUtc } from '../../lib/dates';
import type { RoundCompletionDto, RoundDto } from '../../lib/api-schemas';
import {
  completionTable,
  forEachTableCell,
  type CompletionCounts,
  type CompletionTable,
  type RoundActor,
  type RoundCommitment,
  type RoundPair,
  type RoundPairs,
  type RoundScope,
  type RoundStatus,
} from '../../lib/round-completion';
import { ENTRY_STATES, type DutyBearer } from '../../lib/taxonomy';

/**
 * Reporting rounds as everyone reads them (docs/design.md#reporting-rounds): the rounds, and a
 * round's completion table by the rules of lib/round-completion.ts. Archived rounds keep their
 * page but are no longer listed.
 */
type RoundRow = typeof t.reportingRounds.$inferSelect;

function roundDtos(db: Db, rows: RoundRow[]): RoundDto[] {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const commitments = db
    .select({
      roundId: t.reportingRoundCommitments.roundId,
      code: t.commitments.code,
      title: t.commitments.title,
    })
    .from(t.reportingRoundCommitments)
    .innerJoin(t.commitments, eq(t.commitments.id, t.reportingRoundCommitments.commitmentId))
    .where(inArray(t.reportingRoundCommitments.roundId, ids))
    .orderBy(asc(t.commitments.position))
    .all();
  const actors = db
    .select()
    .from(t.reportingRoundActors)
    .where(inArray(t.reportingRoundActors.roundId, ids))
    .orderBy(asc(t.reportingRoundActors.actorId))
    .all();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    opensOn: row.opensOn,
    dueOn: row.dueOn,
    status: row.closedAt === null ? 'open' : 'closed',
    closedAt: row.closedAt,
    archived: row.archivedAt !== null,
    asks: row.asks,
    region: row.region,
    actorIds: actors.filter((actor) => actor.roundId === row.id).map((actor) => actor.actorId),
    commitments: commitments
      .filter((commitment) => commitment.roundId === row.id)
      .map(({ code, title }) => ({ code, title })),
    note: row.note,
  }));
}

/** Rounds that are not archived, the latest due first. */
export function listRounds(filters: { status?: RoundStatus } = {}, db: Db = getDb()): RoundDto[] {
  const conditions: SQL[] = [isNull(t.reportingRounds.archivedAt)];
  if (filters.status === 'open') conditions.push(isNull(t.reportingRounds.closedAt));
  if (filters.status === 'closed') conditions.push(isNotNull(t.reportingRounds.closedAt));
  const rows = db
    .select()
    .from(t.reportingRounds)
    .where(and(...conditions))
    .orderBy(desc(t.reportingRounds.dueOn), desc(t.reportingRounds.id))
    .all();
  return roundDtos(db, rows);
}

/** Any round by id, archived ones included (their page stays). */
export function getRound(id: number, db: Db = getDb()): RoundDto | null {
  const row = db.select().from(t.reportingRounds).where(eq(t.reportingRounds.id, id)).get();
  return row ? roundDtos(db, [row])[0]! : null;
}

/**
 * A round's completion as of a day: the table kept compact (lib/round-completion.ts
 * completionTable), its counts, and its asked actors by name, in the table's row order.
 */
export interface RoundCompletion {
  asOf: string;
  counts: CompletionCounts;
  actors: RoundCompletionDto['actors'];
  table: CompletionTable<RoundActor, RoundCommitment & { code: string }>;
}

/** The completion table of a round as of today, kept per data version and day. */
export function getRoundCompletion(
  round: RoundDto,
  today: string = todayUtc(),
  db: Db = getDb(),
): RoundCompletion {
  return memoByDataVersion(
    db,
    `round-completion:${round.id}:${today}`,
    () => computeCompletion(round, today, db),
    // A status byte a cell: counted whole as rows, a round of every state would not be kept.
    (value) => value.actors.length + Math.ceil(value.table.statuses.length / 64),
  );
}

/**
 * The completion as the API answers it: the whole table's counts and the asked actors from `from`
 * up to `to` (all by default), each with a cell for every round commitment that applies to it.
 */
export function completionDto(
  completion: RoundCompletion,
  from = 0,
  to = completion.actors.length,
): RoundCompletionDto {
  const cells: RoundCompletionDto['cells'] = [];
  forEachTableCell(completion.table, from, to, (actor, commitment, status) =>
    cells.push({ actor: actor.id, commitment: commitment.code, status }),
  );
  return {
    asOf: completion.asOf,
    counts: completion.counts,
    actors: completion.actors.slice(from, to),
    cells,
  };
}

/** Round commitments by code, with what the completion rules need of each (lib/round-completion.ts). */
export function roundCommitments(
  codes: readonly string[],
  db: Db,
): (RoundCommitment & { code: string })[] {
  const commitmentRows = db
    .select({
      id: t.commitments.id,
      code: t.commitments.code,
      archivedAt: t.commitments.archivedAt,
    })
    .from(t.commitments)
    .where(inArray(t.commitments.code, [...codes]))
    .all();
  const bearers = db
    .select()
    .from(t.commitmentDutyBearers)
    .where(
      inArray(
        t.commitmentDutyBearers.commitmentId,
        commitmentRows.map((row) => row.id),
      ),
    )
    .all();
  const bearersOf = new Map<number, DutyBearer[]>();
  for (const bearer of bearers) {
    const list = bearersOf.get(bearer.commitmentId) ?? [];
    list.push(bearer.dutyBearer as DutyBearer);
    bearersOf.set(bearer.commitmentId, list);
  }
  return commitmentRows.map((row) => ({
    id: row.id,
    code: row.code,
    archived: row.archivedAt !== null,
    dutyBearers: bearersOf.get(row.id) ?? [],
  }));
}

/** The states of an entry not yet published: in a round, they make a cell "in progress". */
const UNPUBLISHED = ENTRY_STATES.filter((state) => state !== 'published');

/**
 * Only self-reports dated in the round decide a cell: those of the asked actors (one, for what's
 * due) on its commitments. What decides a cell (lib/round-completion.ts cellStatus) is whether a
 * pair has a counted report and whether it has an unpublished one, so the pairs of each kind are
 * all it takes. The counted ones come from the in-memory index of counted entries, which a write
 * brings up to date by reading again only the pairs it touched: a round of every state has
 * hundreds of thousands of counted reports, and reading them again after each write held the
 * event loop for most of a second. The unpublished ones are few, read from their own index.
 */
export function roundPairs(
  round: Pick<RoundDto, 'opensOn' | 'dueOn'>,
  commitmentIds: readonly number[],
  actorIds: readonly number[],
  db: Db,
): RoundPairs {
  if (commitmentIds.length === 0 || actorIds.length === 0) return { counted: [], unpublished: [] };
  const asked = new Set(actorIds);
  // A few actors (what's due) are named to SQL; the actors of a big round are kept in memory.
  const few = actorIds.length <= 16;
  // One read transaction: the index and the unpublished reports are of the same data.
  return db.$client.transaction(() => ({
    counted: countedSelfReportPairs(db, commitmentIds, actorIds, round.opensOn, round.dueOn),
    unpublished: (
      db.$client
        .prepare(
          `SELECT DISTINCT commitment_id AS commitmentId, subject_id AS actorId
           FROM progress_entries
           WHERE state IN (${UNPUBLISHED.map((state) => `'${state}'`).join(', ')})
             AND perspective = 'self' AND as_of BETWEEN ? AND ?
             AND commitment_id IN (${commitmentIds.map(() => '?').join(', ')})
             ${few ? `AND subject_id IN (${actorIds.map(() => '?').join(', ')})` : ''}`,
        )
        .all(round.opensOn, round.dueOn, ...commitmentIds, ...(few ? actorIds : [])) as RoundPair[]
    ).filter((pair) => asked.has(pair.actorId)),
  }))();
}

function computeCompletion(round: RoundDto, today: string, db: Db): RoundCompletion {
  const commitments = roundCommitments(
    round.commitments.map((commitment) => commitment.code),
    db,
  );
  const actorRows = db
    .select({
      id: t.actors.id,
      name: t.actors.name,
      kind: t.actors.kind,
      region: t.actors.region,
      archivedAt: t.actors.archivedAt,
    })
    .from(t.actors)
    .where(
      round.asks === 'list'
        ? inArray(t.actors.id, round.actorIds)
        : round.asks === 'region'
          ? eq(t.actors.region, round.region ?? '')
          : eq(t.actors.kind, 'state'),
    )
    .orderBy(asc(t.actors.name), asc(t.actors.id))
    .all();
  const actors = actorRows.map(({ archivedAt, ...row }) => ({
    ...row,
    archived: archivedAt !== null,
  }));
  const scope: RoundScope = { ...round, closed: round.status === 'closed' };
  const pairs = roundPairs(
    round,
    commitments.map((commitment) => commitment.id),
    actors.map((actor) => actor.id),
    db,
  );
  const table = completionTable(scope, actors, commitments, pairs, today);
  return {
    asOf: today,
    counts: table.counts,
    actors: table.actors.map(({ id, name, kind, region }) => ({ id, name, kind, region })),
    table,
  };
}
