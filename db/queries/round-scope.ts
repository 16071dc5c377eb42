import 'server-only';
import { getDb } from '../client';
import { memoByDataVersion } from '../cache';
import * as t from '../schema';
import { askedActors } from '../../lib/round-completion';
import type { ParameterError } from '../../lib/query-params';
import { getRound } from './rounds';

/**
 * A dashboard view narrowed to a reporting round (the overview's `round` filter): the round's
 * commitments and the actors it asks, read once per data version. Archived rounds are not
 * offered, so they name nothing here, like an unknown id.
 */
export interface RoundMembers {
  commitmentCodes: ReadonlySet<string>;
  actorIds: ReadonlySet<number>;
}

export function roundMembers(roundId: number): RoundMembers | null {
  const db = getDb();
  return memoByDataVersion(db, `round-members:${roundId}`, () => {
    const round = getRound(roundId, db);
    if (!round || round.archived) return { members: null };
    const actors = db
      .select({ id: t.actors.id, kind: t.actors.kind, region: t.actors.region })
      .from(t.actors)
      .all()
      .map((actor) => ({ ...actor, archived: false }));
    const asked = askedActors({ ...round, closed: round.status === 'closed' }, actors);
    return {
      members: {
        commitmentCodes: new Set(round.commitments.map((commitment) => commitment.code)),
        actorIds: new Set(asked.map((actor) => actor.id)),
      },
    };
  }).members;
}

/** The `round` parameter's fault, if it names no open or closed round. */
export function roundParameterErrors(roundId: number | undefined): ParameterError[] {
  return roundId === undefined || roundMembers(roundId)
    ? []
    : [{ parameter: 'round', message: `names no open or closed reporting round: ${roundId}` }];
}
