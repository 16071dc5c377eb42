import { describe, expect, it } from 'vitest';
import {
  askedActors,
  cellStatus,
  completion,
  countBy,
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
  const commitments = [
    { id: 1, dutyBearers: ['states'] as const, archived: false },
    { id: 2, dutyBearers: ['all_stakeholders'] as const, archived: false },
    { id: 3, dutyBearers: ['states'] as const, archived: true },
  ];

  it('has a cell for each asked actor and each commitment that applies to it, archived ones left out', () => {
    const list = { ...round, asks: 'list' as const, actorIds: [1, 4] };
    const cells = completion(list, actors, commitments, [entry()], '2026-07-01');
    expect(cells).toEqual([
      { actorId: 1, commitmentId: 1, status: 'reported' },
      { actorId: 1, commitmentId: 2, status: 'not_yet' },
      { actorId: 4, commitmentId: 2, status: 'not_yet' },
    ]);
  });

  it('counts the cells by any grouping', () => {
    const cells = completion(round, actors, commitments, [entry()], '2026-12-05');
    const byActor = countBy(cells, (cell) => String(cell.actorId));
    expect(byActor.get('1')).toMatchObject({ reported: 1, overdue: 1 });
    expect(byActor.get('2')).toMatchObject({ reported: 0, overdue: 2 });
  });
});
