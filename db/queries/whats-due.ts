import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type Db } from '../client';
import * as t from '../schema';
import { todayUtc } from '../../lib/dates';
import {
  askedActors,
  completionTable,
  forEachTableCell,
  type CompletionKey,
  type RoundScope,
} from '../../lib/round-completion';
import { listRounds, roundCommitments, roundPairs } from './rounds';

/**
 * "What's due" on a focal point's and a contributor's home: the open rounds that ask their actor
 * and have opened, each with the commitments the actor has not yet reported in it, by the rules
 * of lib/round-completion.ts. One query reads the actor's own entries per round, never one per
 * commitment.
 */
export interface DueCommitment {
  code: string;
  title: string;
  status: Exclude<CompletionKey, 'reported' | 'missing'>;
}

export interface DueRound {
  id: number;
  title: string;
  opensOn: string;
  dueOn: string;
  /** The as-of date an entry started from here gets: today, or the due date once it has passed. */
  asOf: string;
  /** How many of the round's commitments that apply to the actor it has reported. */
  reported: number;
  commitments: DueCommitment[];
}

export function whatsDue(
  actorId: number,
  today: string = todayUtc(),
  db: Db = getDb(),
): DueRound[] {
  const actor = db
    .select({
      id: t.actors.id,
      kind: t.actors.kind,
      region: t.actors.region,
      archivedAt: t.actors.archivedAt,
    })
    .from(t.actors)
    .where(eq(t.actors.id, actorId))
    .get();
  if (!actor) return [];
  const subject = { ...actor, archived: actor.archivedAt !== null };
  const rounds = listRounds({ status: 'open' }, db)
    .filter((round) => round.opensOn <= today)
    .map((round) => ({ round, scope: { ...round, closed: false } satisfies RoundScope }))
    .filter(({ scope }) => askedActors(scope, [subject]).length > 0);
  if (rounds.length === 0) return [];

  const codes = new Set(rounds.flatMap(({ round }) => round.commitments.map((c) => c.code)));
  const byCode = new Map(roundCommitments([...codes], db).map((row) => [row.code, row]));

  return rounds.map(({ round, scope }) => {
    const commitments = round.commitments.flatMap((c) => {
      const row = byCode.get(c.code);
      return row ? [{ ...row, title: c.title }] : [];
    });
    // The actor's own pairs of this round's commitments with a report dated in it: one read per round.
    const pairs = roundPairs(
      round,
      commitments.map((c) => c.id),
      [actorId],
      db,
    );
    const table = completionTable(scope, [subject], commitments, pairs, today);
    const statusOf = new Map<number, CompletionKey>();
    forEachTableCell(table, 0, table.actors.length, (_actor, commitment, status) =>
      statusOf.set(commitment.id, status),
    );
    return {
      id: round.id,
      title: round.title,
      opensOn: round.opensOn,
      dueOn: round.dueOn,
      asOf: today > round.dueOn ? round.dueOn : today,
      reported: table.counts.reported,
      commitments: commitments.flatMap(({ id, code, title }) => {
        const status = statusOf.get(id);
        return status === 'in_progress' || status === 'not_yet' || status === 'overdue'
          ? [{ code, title, status }]
          : [];
      }),
    };
  });
}
