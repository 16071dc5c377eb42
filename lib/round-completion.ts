/**
 * Reporting rounds (docs/design.md#reporting-rounds): who a round asks, and for each asked actor
 * and commitment whether the actor has reported in it. Pure: the caller loads the round, the
 * actors, the commitments and the actors' own entries of the round's commitments.
 */
import { appliesToKind, type ActorKind, type DutyBearer, type EntryState } from './taxonomy';

/** Whom a round asks: every state, the states of one UN M49 region, or a list of actors. */
export const ROUND_ASKS = ['all_states', 'region', 'list'] as const;
export type RoundAsks = (typeof ROUND_ASKS)[number];

/** A round is open until an admin closes it; the API filters by this. */
export const ROUND_STATUSES = ['open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/**
 * Where one asked actor stands on one commitment: `missing` is what an unreported cell becomes
 * once the round is closed; `overdue` is an open round's unreported cell after its due date.
 */
export const COMPLETION_KEYS = [
  'reported',
  'in_progress',
  'not_yet',
  'overdue',
  'missing',
] as const;
export type CompletionKey = (typeof COMPLETION_KEYS)[number];

/** Colour-blind safe, each with a symbol, so colour never carries the meaning alone. */
export const COMPLETION_SCALE: Record<CompletionKey, { colour: string; symbol: string }> = {
  reported: { colour: '#1b7837', symbol: '✓' },
  in_progress: { colour: '#762a83', symbol: '…' },
  not_yet: { colour: '#6b6b6b', symbol: '○' },
  overdue: { colour: '#b35806', symbol: '!' },
  missing: { colour: '#2d004b', symbol: '✗' },
};

export interface RoundScope {
  opensOn: string;
  dueOn: string;
  closed: boolean;
  asks: RoundAsks;
  region: string | null;
  /** The listed actors (`asks` = list). */
  actorIds: readonly number[];
}

export interface RoundActor {
  id: number;
  kind: ActorKind;
  region: string | null;
  archived: boolean;
}

export interface RoundCommitment {
  id: number;
  dutyBearers: readonly DutyBearer[];
  archived: boolean;
}

/** An actor's own entry (a self-report) on one of the round's commitments. */
export interface RoundEntry {
  commitmentId: number;
  actorId: number;
  asOf: string;
  state: EntryState;
  withdrawn: boolean;
  superseded: boolean;
}

/**
 * The actors a round asks. Archived actors are left out, as they are of every count (an archived
 * actor no longer reports); so are archived commitments, in `completion`.
 */
export function askedActors<A extends RoundActor>(round: RoundScope, actors: readonly A[]): A[] {
  const listed = new Set(round.actorIds);
  return actors.filter((actor) => {
    if (actor.archived) return false;
    if (round.asks === 'list') return listed.has(actor.id);
    if (actor.kind !== 'state') return false;
    return round.asks === 'all_states' || actor.region === round.region;
  });
}

/** Whether an as-of date is in the round: from its opening to its due date, both included. */
export const inRound = (round: Pick<RoundScope, 'opensOn' | 'dueOn'>, asOf: string) =>
  round.opensOn <= asOf && asOf <= round.dueOn;

/**
 * One cell: reported when the actor has a counted self-report (published, not withdrawn, not
 * superseded) dated in the round, whenever it was published; in progress when a draft,
 * submitted or returned self-report dated in the round would count once published; otherwise
 * not yet, overdue after the due date, or missing once the round is closed.
 */
export function cellStatus(
  round: RoundScope,
  entries: readonly RoundEntry[],
  today: string,
): CompletionKey {
  const dated = entries.filter((entry) => inRound(round, entry.asOf));
  if (dated.some((e) => e.state === 'published' && !e.withdrawn && !e.superseded))
    return 'reported';
  if (round.closed) return 'missing';
  if (dated.some((e) => e.state !== 'published')) return 'in_progress';
  return today > round.dueOn ? 'overdue' : 'not_yet';
}

export interface CompletionCell {
  actorId: number;
  commitmentId: number;
  status: CompletionKey;
}

/** Every asked actor with every round commitment that applies to it (docs/design.md#applies-to). */
export function completion(
  round: RoundScope,
  actors: readonly RoundActor[],
  commitments: readonly RoundCommitment[],
  entries: readonly RoundEntry[],
  today: string,
): CompletionCell[] {
  const byPair = new Map<string, RoundEntry[]>();
  for (const entry of entries) {
    const key = `${entry.actorId}:${entry.commitmentId}`;
    const list = byPair.get(key);
    if (list) list.push(entry);
    else byPair.set(key, [entry]);
  }
  const cells: CompletionCell[] = [];
  for (const actor of askedActors(round, actors)) {
    for (const commitment of commitments) {
      if (commitment.archived || !appliesToKind(commitment.dutyBearers, actor.kind)) continue;
      const pairEntries = byPair.get(`${actor.id}:${commitment.id}`) ?? [];
      cells.push({
        actorId: actor.id,
        commitmentId: commitment.id,
        status: cellStatus(round, pairEntries, today),
      });
    }
  }
  return cells;
}

export type CompletionCounts = Record<CompletionKey, number>;

export const emptyCounts = (): CompletionCounts => ({
  reported: 0,
  in_progress: 0,
  not_yet: 0,
  overdue: 0,
  missing: 0,
});

/** Counts per status by a grouping of the cells (actor, commitment, region), first seen first. */
export function countBy<Cell extends { status: CompletionKey }>(
  cells: readonly Cell[],
  keyOf: (cell: Cell) => string,
): Map<string, CompletionCounts> {
  const groups = new Map<string, CompletionCounts>();
  for (const cell of cells) {
    const key = keyOf(cell);
    let counts = groups.get(key);
    if (!counts) groups.set(key, (counts = emptyCounts()));
    counts[cell.status] += 1;
  }
  return groups;
}
