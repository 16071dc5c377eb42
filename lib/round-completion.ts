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

/** Bits of what a pair's entries dated in the round hold. */
const COUNTED = 1;
const UNPUBLISHED = 2;

/** An actor and a commitment: the self-reports of one cell. */
export interface RoundPair {
  commitmentId: number;
  actorId: number;
}

/**
 * What decides the cells (the rule of cellStatus): the pairs with a counted self-report dated in
 * the round, and the pairs with one dated in it not yet published. Kept as pairs rather than
 * entries: a round of every state has thousands of reported pairs, made again after every write.
 */
export interface RoundPairs {
  counted: readonly RoundPair[];
  unpublished: readonly RoundPair[];
}

/** The pairs of the entries dated in the round, by what they hold. */
export function pairsOf(
  round: Pick<RoundScope, 'opensOn' | 'dueOn'>,
  entries: readonly RoundEntry[],
): RoundPairs {
  const dated = entries.filter((entry) => inRound(round, entry.asOf));
  return {
    counted: dated.filter(isCounted),
    unpublished: dated.filter((entry) => entry.state !== 'published'),
  };
}

/** The status byte of a cell whose commitment does not apply to its actor. */
const NOT_ASKED = 255;

/**
 * A round's completion table kept compact: one status byte (an index into COMPLETION_KEYS) per
 * asked actor and round commitment, and the counts. A round of every state has tens of thousands
 * of cells, made again after every write, while a page shows a few hundred of them: cells are
 * made only for the actors a page shows (statusAt, forEachTableCell) and grouped counts from the
 * bytes (countByActor, countByCommitment).
 */
export interface CompletionTable<A extends RoundActor, C extends RoundCommitment> {
  /** The asked actors that have a cell (a round commitment applies to them), in the order given. */
  actors: A[];
  /** The round commitments as given: every row's columns. */
  commitments: readonly C[];
  /** A row of `commitments.length` status bytes per actor; NOT_ASKED where it does not apply. */
  statuses: Uint8Array;
  counts: CompletionCounts;
  /** How many cells the table has. */
  size: number;
}

/**
 * The table of every asked actor with every round commitment that applies to it
 * (docs/design.md#applies-to), by the rule of cellStatus: rows are the actors as given, columns
 * the commitments as given. Whether a commitment applies is decided once per kind of actor.
 */
export function completionTable<A extends RoundActor, C extends RoundCommitment>(
  round: RoundScope,
  actors: readonly A[],
  commitments: readonly C[],
  pairs: RoundPairs,
  today: string,
): CompletionTable<A, C> {
  const width = commitments.length;
  const applying = new Map<ActorKind, Uint8Array>();
  const applyingTo = (kind: ActorKind) => {
    let columns = applying.get(kind);
    if (!columns) {
      columns = Uint8Array.from(commitments, (commitment) =>
        !commitment.archived && appliesToKind(commitment.dutyBearers, kind) ? 1 : 0,
      );
      applying.set(kind, columns);
    }
    return columns;
  };
  const rows = askedActors(round, actors).filter((actor) => applyingTo(actor.kind).includes(1));
  const rowOf = new Map(rows.map((actor, row) => [actor.id, row]));
  const columnOf = new Map(commitments.map((commitment, column) => [commitment.id, column]));
  const statuses = new Uint8Array(rows.length * width);
  // First what each pair's entries dated in the round hold, then, in place, the cell's status.
  const mark = (held: readonly RoundPair[], bit: number) => {
    for (const pair of held) {
      const row = rowOf.get(pair.actorId);
      const column = columnOf.get(pair.commitmentId);
      if (row !== undefined && column !== undefined) statuses[row * width + column]! |= bit;
    }
  };
  mark(pairs.counted, COUNTED);
  mark(pairs.unpublished, UNPUBLISHED);
  // For one round on one day, a cell's status follows from those two bits alone.
  const statusOfBits = [0, 1, 2, 3].map((bits) =>
    COMPLETION_KEYS.indexOf(
      pairStatus(round, (bits & COUNTED) !== 0, (bits & UNPUBLISHED) !== 0, today),
    ),
  );
  const tally = COMPLETION_KEYS.map(() => 0);
  for (let row = 0; row < rows.length; row += 1) {
    const columns = applyingTo(rows[row]!.kind);
    for (let column = 0, cell = row * width; column < width; column += 1, cell += 1) {
      if (columns[column] === 0) {
        statuses[cell] = NOT_ASKED;
        continue;
      }
      const status = statusOfBits[statuses[cell]!]!;
      statuses[cell] = status;
      tally[status]! += 1;
    }
  }
  const counts = emptyCounts();
  COMPLETION_KEYS.forEach((key, status) => (counts[key] = tally[status]!));
  return {
    actors: rows,
    commitments,
    statuses,
    counts,
    size: tally.reduce((sum, n) => sum + n, 0),
  };
}

/** The status of the cell of one row and column, or undefined where the commitment does not apply. */
export function statusAt(
  table: CompletionTable<RoundActor, RoundCommitment>,
  row: number,
  column: number,
): CompletionKey | undefined {
  const status = table.statuses[row * table.commitments.length + column];
  return status === undefined || status === NOT_ASKED ? undefined : COMPLETION_KEYS[status];
}

/** Each cell of the rows from `from` up to `to`, row by row, its columns in order. */
export function forEachTableCell<A extends RoundActor, C extends RoundCommitment>(
  table: CompletionTable<A, C>,
  from: number,
  to: number,
  visit: (actor: A, commitment: C, status: CompletionKey) => void,
): void {
  const { actors, commitments, statuses } = table;
  const width = commitments.length;
  for (let row = Math.max(0, from); row < Math.min(to, actors.length); row += 1)
    for (let column = 0; column < width; column += 1) {
      const status = statuses[row * width + column]!;
      if (status !== NOT_ASKED) visit(actors[row]!, commitments[column]!, COMPLETION_KEYS[status]!);
    }
}

export type CompletionCounts = Record<CompletionKey, number>;

export const emptyCounts = (): CompletionCounts => ({
  reported: 0,
  in_progress: 0,
  not_yet: 0,
  overdue: 0,
  missing: 0,
});

/**
 * Counts per status of the rows from `from` up to `to`, by a grouping of their actors (the actor,
 * its region), in the order first met.
 */
export function countByActor<A extends RoundActor>(
  table: CompletionTable<A, RoundCommitment>,
  from: number,
  to: number,
  keyOf: (actor: A) => string,
): Map<string, CompletionCounts> {
  const { actors, statuses } = table;
  const width = table.commitments.length;
  const groups = new Map<string, CompletionCounts>();
  for (let row = Math.max(0, from); row < Math.min(to, actors.length); row += 1) {
    const key = keyOf(actors[row]!);
    let counts = groups.get(key);
    if (!counts) groups.set(key, (counts = emptyCounts()));
    for (let cell = row * width; cell < (row + 1) * width; cell += 1) {
      const status = statuses[cell]!;
      if (status !== NOT_ASKED) counts[COMPLETION_KEYS[status]!] += 1;
    }
  }
  return groups;
}

/**
 * Counts per status of the commitments kept, over every row, in the order their cells are first
 * met (row by row).
 */
export function countByCommitment<C extends RoundCommitment>(
  table: CompletionTable<RoundActor, C>,
  keep: (commitment: C) => boolean,
): Map<C, CompletionCounts> {
  const { commitments, statuses } = table;
  const width = commitments.length;
  const kept = commitments.map(keep);
  const groups = new Map<C, CompletionCounts>();
  for (let row = 0; row < table.actors.length; row += 1)
    for (let column = 0; column < width; column += 1) {
      const status = statuses[row * width + column]!;
      if (status === NOT_ASKED || !kept[column]) continue;
      const commitment = commitments[column]!;
      let counts = groups.get(commitment);
      if (!counts) groups.set(commitment, (counts = emptyCounts()));
      counts[COMPLETION_KEYS[status]!] += 1;
    }
  return groups;
}
