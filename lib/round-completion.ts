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
  return pairStatus(
    round,
    dated.some(isCounted),
    dated.some((e) => e.state !== 'published'),
    today,
  );
}

const isCounted = (e: RoundEntry) => e.state === 'published' && !e.withdrawn && !e.superseded;

/** A cell's status from what its entries dated in the round hold (the rule of cellStatus). */
export function pairStatus(
  round: Pick<RoundScope, 'closed' | 'dueOn'>,
  counted: boolean,
  unpublished: boolean,
  today: string,
): CompletionKey {
  if (counted) return 'reported';
  if (round.closed) return 'missing';
  if (unpublished) return 'in_progress';
  return today > round.dueOn ? 'overdue' : 'not_yet';
}

export interface CompletionCell {
  actorId: number;
  commitmentId: number;
  status: CompletionKey;
}

/** Bits of what a pair's entries dated in the round hold. */
const COUNTED = 1;
const UNPUBLISHED = 2;

/**
 * Every asked actor with every round commitment that applies to it (docs/design.md#applies-to),
 * visited in order: actors as given, commitments as given. A round of every state has tens of
 * thousands of cells, so pairs are keyed by number, whether a commitment applies is decided once
 * per kind of actor, and the caller makes of each cell only what it keeps.
 */
export function forEachCell<C extends RoundCommitment>(
  round: RoundScope,
  actors: readonly RoundActor[],
  commitments: readonly C[],
  entries: readonly RoundEntry[],
  today: string,
  visit: (actorId: number, commitment: C, status: CompletionKey) => void,
): void {
  const held = new Map<number, number>();
  for (const entry of entries) {
    if (!inRound(round, entry.asOf)) continue;
    const bits = (isCounted(entry) ? COUNTED : 0) | (entry.state !== 'published' ? UNPUBLISHED : 0);
    if (bits === 0) continue;
    const key = pairKey(entry.commitmentId, entry.actorId);
    held.set(key, (held.get(key) ?? 0) | bits);
  }
  const applying = new Map<ActorKind, C[]>();
  for (const actor of askedActors(round, actors)) {
    let list = applying.get(actor.kind);
    if (!list) {
      list = commitments.filter(
        (commitment) => !commitment.archived && appliesToKind(commitment.dutyBearers, actor.kind),
      );
      applying.set(actor.kind, list);
    }
    for (const commitment of list) {
      const bits = held.get(pairKey(commitment.id, actor.id)) ?? 0;
      visit(
        actor.id,
        commitment,
        pairStatus(round, (bits & COUNTED) !== 0, (bits & UNPUBLISHED) !== 0, today),
      );
    }
  }
}

/** The cells of forEachCell, as a list. */
export function completion(
  round: RoundScope,
  actors: readonly RoundActor[],
  commitments: readonly RoundCommitment[],
  entries: readonly RoundEntry[],
  today: string,
): CompletionCell[] {
  const cells: CompletionCell[] = [];
  forEachCell(round, actors, commitments, entries, today, (actorId, commitment, status) =>
    cells.push({ actorId, commitmentId: commitment.id, status }),
  );
  return cells;
}

const pairKey = (commitmentId: number, actorId: number) => commitmentId * 2 ** 32 + actorId;

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
