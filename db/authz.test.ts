import { describe, expect, it } from 'vitest';
import {
  authorize,
  authorizeWorkspace,
  ENTRY_ACTIONS,
  WORKSPACE_ACTIONS,
  type EntryAction,
  type EntryResource,
  type Principal,
} from './authz';
import type { ActorKind, EntryState, Role } from '../lib/taxonomy';

/**
 * The authorization matrix: every role, from its own actor or another, on entries by and about
 * states and non-state actors, in every workflow state, for every action. Expected answers are
 * written from docs/design.md#who-may-do-what and the issue, independently of the rules table.
 */
const STATE_A = 1; // a state
const STATE_B = 2; // another state
const CSO = 3; // a civil society organisation
const CSO_2 = 4; // another one
const KINDS: Record<number, ActorKind> = {
  [STATE_A]: 'state',
  [STATE_B]: 'state',
  [CSO]: 'cso',
  [CSO_2]: 'cso',
};

const AUTHOR = 'user-author';

function principal(role: Role | 'unknown', actorId: number | null, userId = 'user-1'): Principal {
  return {
    userId,
    role: role as Role,
    actorId,
    actorKind: actorId === null ? null : (KINDS[actorId] ?? null),
  };
}

function entry(
  reporterId: number,
  subjectId: number,
  state: EntryResource['state'],
  overrides: Partial<EntryResource> = {},
): EntryResource {
  return {
    reporterId,
    reporterKind: KINDS[reporterId] as ActorKind,
    subjectId,
    subjectKind: KINDS[subjectId] as ActorKind,
    applies: true,
    state,
    createdBy: AUTHOR,
    withdrawn: false,
    superseded: false,
    ...overrides,
  };
}

type Who = { label: string; principal: Principal; author: boolean };
const PEOPLE: Who[] = [
  { label: 'admin', principal: principal('admin', null), author: false },
  {
    label: 'focal point of state A (author)',
    principal: principal('focal_point', STATE_A, AUTHOR),
    author: true,
  },
  { label: 'focal point of state A', principal: principal('focal_point', STATE_A), author: false },
  {
    label: 'contributor of state A (author)',
    principal: principal('contributor', STATE_A, AUTHOR),
    author: true,
  },
  { label: 'contributor of state A', principal: principal('contributor', STATE_A), author: false },
  { label: 'focal point of state B', principal: principal('focal_point', STATE_B), author: false },
  {
    label: 'contributor of state B (author)',
    principal: principal('contributor', STATE_B, AUTHOR),
    author: true,
  },
  {
    label: 'focal point of the CSO (author)',
    principal: principal('focal_point', CSO, AUTHOR),
    author: true,
  },
  {
    label: 'contributor of the CSO (author)',
    principal: principal('contributor', CSO, AUTHOR),
    author: true,
  },
  { label: 'contributor of the CSO', principal: principal('contributor', CSO), author: false },
  {
    label: 'focal point of another CSO',
    principal: principal('focal_point', CSO_2),
    author: false,
  },
  {
    label: 'unknown role of state A',
    principal: principal('unknown', STATE_A, AUTHOR),
    author: true,
  },
];

const ENTRIES: { label: string; reporter: number; subject: number }[] = [
  { label: 'self-report of state A', reporter: STATE_A, subject: STATE_A },
  { label: 'state A reporting on state B', reporter: STATE_A, subject: STATE_B },
  { label: 'self-report of the CSO', reporter: CSO, subject: CSO },
  { label: 'CSO assessment of state A', reporter: CSO, subject: STATE_A },
  { label: 'CSO assessment of another CSO', reporter: CSO, subject: CSO_2 },
];

const STATES: (EntryState | 'new')[] = ['new', 'draft', 'submitted', 'returned', 'published'];

/** The rules of the issue, spelled out case by case. */
function expected(
  who: Who,
  target: (typeof ENTRIES)[number],
  state: EntryState | 'new',
  action: EntryAction,
): boolean {
  const { role, actorId } = who.principal;
  const member = (role === 'focal_point' || role === 'contributor') && actorId === target.reporter;
  const focal = role === 'focal_point' && actorId === target.reporter;
  const reporterIsState = KINDS[target.reporter] === 'state';
  const lawful =
    target.reporter === target.subject || (!reporterIsState && KINDS[target.subject] === 'state');
  const editable = state === 'draft' || state === 'returned';
  switch (action) {
    case 'entry.create':
      return state === 'new' && member && lawful;
    case 'entry.import':
      return state === 'new' && lawful && (focal || role === 'admin');
    case 'entry.edit':
      return editable && lawful && (focal || (member && who.author));
    case 'entry.submit':
      return editable && lawful && member && who.author;
    case 'entry.publish':
      return lawful && focal && (state === 'submitted' || (editable && who.author));
    case 'entry.return':
      return state === 'submitted' && focal;
    case 'entry.withdraw':
      return role === 'admin' && state === 'published';
  }
}

describe('authorization matrix', () => {
  const cases: [string, Who, (typeof ENTRIES)[number], EntryState | 'new', EntryAction][] = [];
  for (const who of PEOPLE)
    for (const target of ENTRIES)
      for (const state of STATES)
        for (const action of ENTRY_ACTIONS)
          cases.push([
            `${who.label} · ${action} · ${target.label} · ${state}`,
            who,
            target,
            state,
            action,
          ]);

  it(`covers ${PEOPLE.length} people x ${ENTRIES.length} entries x ${STATES.length} states x ${ENTRY_ACTIONS.length} actions = ${PEOPLE.length * ENTRIES.length * STATES.length * ENTRY_ACTIONS.length} cases`, () => {
    expect(cases.length).toBe(
      PEOPLE.length * ENTRIES.length * STATES.length * ENTRY_ACTIONS.length,
    );
  });

  it.each(cases)('%s', (_label, who, target, state, action) => {
    const decision = authorize(
      who.principal,
      action,
      entry(target.reporter, target.subject, state),
    );
    expect(decision.allowed).toBe(expected(who, target, state, action));
  });

  it('denies an unknown action to everyone, admins included', () => {
    for (const who of PEOPLE)
      expect(
        authorize(who.principal, 'entry.delete', entry(STATE_A, STATE_A, 'published')).allowed,
      ).toBe(false);
  });

  it('denies everything to nobody (signed out or disabled)', () => {
    for (const action of ENTRY_ACTIONS)
      expect(authorize(null, action, entry(STATE_A, STATE_A, 'draft')).allowed).toBe(false);
  });

  it('denies a report on a commitment that does not apply to the subject', () => {
    const focal = principal('focal_point', STATE_A, AUTHOR);
    expect(
      authorize(focal, 'entry.create', entry(STATE_A, STATE_A, 'new', { applies: false })).allowed,
    ).toBe(false);
    expect(
      authorize(focal, 'entry.publish', entry(STATE_A, STATE_A, 'draft', { applies: false }))
        .allowed,
    ).toBe(false);
  });

  it('never withdraws twice', () => {
    expect(
      authorize(
        principal('admin', null),
        'entry.withdraw',
        entry(STATE_A, STATE_A, 'published', { withdrawn: true }),
      ).allowed,
    ).toBe(false);
  });
});

describe('workspace rules: actors, source documents, commitments and reporting rounds', () => {
  const cases: [string, Who, string][] = [];
  for (const who of PEOPLE)
    for (const action of WORKSPACE_ACTIONS) cases.push([`${who.label} · ${action}`, who, action]);

  it(`covers ${PEOPLE.length} people x ${WORKSPACE_ACTIONS.length} actions = ${PEOPLE.length * WORKSPACE_ACTIONS.length} cases`, () => {
    expect(cases.length).toBe(PEOPLE.length * WORKSPACE_ACTIONS.length);
  });

  // The secretariat manages the workspace; no member of an actor does, whatever their role.
  it.each(cases)('%s', (_label, who, action) => {
    expect(authorizeWorkspace(who.principal, action).allowed).toBe(who.principal.role === 'admin');
  });

  it('denies every action to nobody (signed out, or a disabled admin, whom loadPrincipal returns as null)', () => {
    for (const action of WORKSPACE_ACTIONS)
      expect(authorizeWorkspace(null, action).allowed).toBe(false);
  });

  it('denies deleting, or any unknown action, to everyone, admins included', () => {
    for (const who of PEOPLE) {
      for (const action of [
        'actor.delete',
        'commitment.delete',
        'source.delete',
        'commitment.purge',
        'round.delete',
        'entry.withdraw',
        '',
      ]) {
        expect(authorizeWorkspace(who.principal, action).allowed).toBe(false);
      }
    }
  });

  it('keeps the two tables apart: an entry action is not a workspace action, nor the reverse', () => {
    const admin = principal('admin', null);
    expect(authorize(admin, 'commitment.edit', entry(STATE_A, STATE_A, 'published')).allowed).toBe(
      false,
    );
    expect(authorizeWorkspace(admin, 'entry.withdraw').allowed).toBe(false);
  });
});
