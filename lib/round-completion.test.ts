import { describe, expect, it } from 'vitest';
import {
  askedActors,
  cellStatus,
  completionTable,
  countByActor,
  countByCommitment,
  forEachTableCell,
  pairsOf,
  statusAt,
  type RoundActor,
  type RoundEntry,
  type RoundScope,
} from './round-completion';

const round: RoundScope = {
  opensOn: '2026-06-01',
  dueOn: '2026-11-30',
  closed: false,
  asks: 'all_states',
  region: null,
  actorIds: [],
};

const entry = (overrides: Partial<RoundEntry> = {}): RoundEntry => ({
  commitmentId: 1,
  actorId: 1,
  asOf: '2026-07-01',
  state: 'published',
  withdrawn: false,
  superseded: false,
  ...overrides,
});

describe('a cell of the completion table', () => {
  it('is reported by a published self-report dated on the opening day or on the due day', () => {
    expect(cellStatus(round, [entry({ asOf: '2026-06-01' })], '2026-07-01')).toBe('reported');
    expect(cellStatus(round, [entry({ asOf: '2026-11-30' })], '2026-12-05')).toBe('reported');
  });

  it('is not reported by an entry dated the day before the opening or the day after the due date', () => {
    expect(cellStatus(round, [entry({ asOf: '2026-05-31' })], '2026-07-01')).toBe('not_yet');
    expect(cellStatus(round, [entry({ asOf: '2026-12-01' })], '2026-12-05')).toBe('overdue');
  });

  it('is not yet on the due date itself, and overdue from the next day', () => {
    expect(cellStatus(round, [], '2026-11-30')).toBe('not_yet');
    expect(cellStatus(round, [], '2026-12-01')).toBe('overdue');
  });

  it('counts an entry dated in the round even when it is published after the due date', () => {
    // Only the as-of date decides: the entry table holds no publication date here on purpose.
    expect(cellStatus(round, [entry({ asOf: '2026-11-15' })], '2027-02-01')).toBe('reported');
  });

  it('does not count a withdrawn or a superseded entry as reported', () => {
    expect(cellStatus(round, [entry({ withdrawn: true })], '2026-12-05')).toBe('overdue');
    expect(cellStatus(round, [entry({ superseded: true })], '2026-12-05')).toBe('overdue');
  });

  it('counts the correction of a superseded entry when it is dated in the round', () => {
    const entries = [entry({ superseded: true }), entry({ asOf: '2026-08-01' })];
    expect(cellStatus(round, entries, '2026-12-05')).toBe('reported');
  });

  it('is in progress with a draft, submitted or returned entry dated in the round, even past due', () => {
    for (const state of ['draft', 'submitted', 'returned'] as const)
      expect(cellStatus(round, [entry({ state })], '2026-12-05'), state).toBe('in_progress');
  });

  it('is not in progress with a draft dated outside the round, which would not count once published', () => {
    expect(cellStatus(round, [entry({ state: 'draft', asOf: '2026-12-02' })], '2026-12-05')).toBe(
      'overdue',
    );
  });

  it('is missing, whatever is in progress, once the round is closed; reported stays reported', () => {
    const closed = { ...round, closed: true };
    expect(cellStatus(closed, [entry({ state: 'draft' })], '2026-12-05')).toBe('missing');
    expect(cellStatus(closed, [], '2026-07-01')).toBe('missing');
    expect(cellStatus(closed, [entry()], '2026-12-05')).toBe('reported');
  });
});

const actors: RoundActor[] = [
  { id: 1, kind: 'state', region: 'Europe', archived: false },
  { id: 2, kind: 'state', region: 'Africa', archived: false },
  { id: 3, kind: 'state', region: 'Europe', archived: true },
  { id: 4, kind: 'cso', region: null, archived: false },
];

describe('the actors a round asks', () => {
  const ids = (scope: Partial<RoundScope>) =>
    askedActors({ ...round, ...scope }, actors).map((actor) => actor.id);

  it('asks every state, or the states of one region, never an archived actor', () => {
    expect(ids({ asks: 'all_states' })).toEqual([1, 2]);
    expect(ids({ asks: 'region', region: 'Europe' })).toEqual([1]);
  });

  it('asks the listed actors of any kind, leaving out a listed actor archived since', () => {
    expect(ids({ asks: 'list', actorIds: [3, 4] })).toEqual([4]);
  });
});

describe('the completion table', () => {
  const tableOf = (
    scope: RoundScope,
    asked: readonly RoundActor[],
    entries: readonly RoundEntry[],
    today: string,
    of = commitments,
  ) => completionTable(scope, asked, of, pairsOf(scope, entries), today);
  const commitments = [
    { id: 1, dutyBearers: ['states'] as const, archived: false },
    { id: 2, dutyBearers: ['all_stakeholders'] as const, archived: false },
    { id: 3, dutyBearers: ['states'] as const, archived: true },
  ];

  it('has a cell for each asked actor and each commitment that applies to it, archived ones left out', () => {
    const list = { ...round, asks: 'list' as const, actorIds: [1, 4] };
    const table = completionTable(
      list,
      actors,
      commitments,
      pairsOf(list, [entry()]),
      '2026-07-01',
    );
    const cells: { actorId: number; commitmentId: number; status: string }[] = [];
    forEachTableCell(table, 0, table.actors.length, (actor, commitment, status) =>
      cells.push({ actorId: actor.id, commitmentId: commitment.id, status }),
    );
    expect(cells).toEqual([
      { actorId: 1, commitmentId: 1, status: 'reported' },
      { actorId: 1, commitmentId: 2, status: 'not_yet' },
      { actorId: 4, commitmentId: 2, status: 'not_yet' },
    ]);
  });

  it('takes from the entries the pairs dated in the round, counted or not yet published', () => {
    const pairs = pairsOf(round, [
      entry(),
      entry({ actorId: 2, withdrawn: true }),
      entry({ actorId: 3, state: 'submitted' }),
      entry({ actorId: 4, asOf: '2026-12-01' }),
      entry({ actorId: 5, state: 'returned', asOf: '2026-05-31' }),
    ]);
    expect(pairs.counted.map((pair) => pair.actorId)).toEqual([1]);
    expect(pairs.unpublished.map((pair) => pair.actorId)).toEqual([3]);
  });

  it('keeps a status for each cell, counts them, and has no cell where a commitment does not apply', () => {
    const list = { ...round, asks: 'list' as const, actorIds: [1, 2, 4] };
    const entries = [entry(), entry({ actorId: 2, commitmentId: 2, state: 'draft' })];
    const table = tableOf(list, actors, entries, '2026-07-01');
    expect(table.actors.map((actor) => actor.id)).toEqual([1, 2, 4]);
    expect(table.counts).toEqual({
      reported: 1,
      in_progress: 1,
      not_yet: 3,
      overdue: 0,
      missing: 0,
    });
    expect(table.size).toBe(5);
    expect(statusAt(table, 0, 0)).toBe('reported');
    expect(statusAt(table, 1, 1)).toBe('in_progress');
    // The organisation is asked only what applies to it; an archived commitment asks no one.
    expect(statusAt(table, 2, 0)).toBeUndefined();
    expect(statusAt(table, 2, 1)).toBe('not_yet');
    expect(statusAt(table, 0, 2)).toBeUndefined();
  });

  it('leaves out an asked actor to whom no round commitment applies', () => {
    const list = { ...round, asks: 'list' as const, actorIds: [1, 4] };
    const table = tableOf(list, actors, [], '2026-07-01', [commitments[0]!]);
    expect(table.actors.map((actor) => actor.id)).toEqual([1]);
    expect(table.size).toBe(1);
  });

  it('gives the cells of a range of actors only, in the table’s order', () => {
    const table = tableOf(round, actors, [entry()], '2026-12-05');
    const cells: string[] = [];
    forEachTableCell(table, 1, 5, (actor, commitment, status) =>
      cells.push(`${actor.id}:${commitment.id}:${status}`),
    );
    expect(cells).toEqual(['2:1:overdue', '2:2:overdue']);
  });

  it('counts the cells by actor or region, in the order first met', () => {
    const table = tableOf(round, actors, [entry()], '2026-12-05');
    const byActor = countByActor(table, 0, 2, (actor) => String(actor.id));
    expect([...byActor.keys()]).toEqual(['1', '2']);
    expect(byActor.get('1')).toMatchObject({ reported: 1, overdue: 1 });
    expect(byActor.get('2')).toMatchObject({ reported: 0, overdue: 2 });
    expect(countByActor(table, 1, 2, (actor) => String(actor.id)).has('1')).toBe(false);
    const byRegion = countByActor(table, 0, 2, (actor) => actor.region ?? '');
    expect([...byRegion.keys()]).toEqual(['Europe', 'Africa']);
  });

  it('counts the cells by commitment in the order their cells are first met, row by row', () => {
    // The organisation comes first and is asked only the commitment for all stakeholders.
    const list = { ...round, asks: 'list' as const, actorIds: [4, 1] };
    const table = tableOf(list, [actors[3]!, actors[0]!], [entry()], '2026-12-05');
    const byCommitment = countByCommitment(table, () => true);
    expect([...byCommitment.keys()].map((commitment) => commitment.id)).toEqual([2, 1]);
    expect(byCommitment.get(commitments[0]!)).toMatchObject({ reported: 1, overdue: 0 });
    expect(byCommitment.get(commitments[1]!)).toMatchObject({ reported: 0, overdue: 2 });
    const kept = countByCommitment(table, (commitment) => commitment.id === 1);
    expect([...kept.keys()]).toEqual([commitments[0]]);
  });
});
