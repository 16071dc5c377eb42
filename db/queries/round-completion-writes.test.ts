import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../client';
import { demoDatabases } from '../../test/support/demo-database';
import { randomWriter } from '../../test/support/random-writes';
import { DEMO_ADMIN_ID } from '../../seed/demo';
import { mulberry32 } from '../../lib/prng';
import { STATUS_KEYS } from '../../lib/status-scale';
import { askedActors, cellStatus, type RoundEntry } from '../../lib/round-completion';
import { appliesToKind, type ActorKind, type EntryState } from '../../lib/taxonomy';
import { createRound } from './admin-rounds';
import {
  createAndAdvanceEntry,
  publishEntry,
  returnEntry,
  submitEntry,
  withdrawEntry,
  type WriteResult,
} from './entry-workflow';
import { completionDto, getRoundCompletion, listRounds, roundCommitments } from './rounds';
import { countedIndex } from '../status-index/status-index';

/**
 * A round's completion comes from the in-memory index of counted entries and a read of the
 * unpublished self-reports (db/queries/rounds.ts). It must stay exactly what the rules of
 * lib/round-completion.ts give from every self-report of the round's commitments, read whole from
 * the table, through every kind of write made after the index was built: drafts, submissions,
 * returns, publications, corrections, withdrawals, entries dated outside the round, independent
 * assessments, and actors changing kind, region or archive state.
 */

const TODAY = '2026-12-05';
const demo = demoDatabases();
let db: Db;
beforeEach(() => {
  db = demo();
  (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = db;
});

/** The completion by the rules alone, from every self-report of the round's commitments. */
function oracle(round: ReturnType<typeof listRounds>[number]) {
  const commitments = roundCommitments(
    round.commitments.map((commitment) => commitment.code),
    db,
  );
  const actors = (
    db.$client.prepare('SELECT id, kind, region, archived_at FROM actors').all() as {
      id: number;
      kind: ActorKind;
      region: string | null;
      archived_at: string | null;
    }[]
  ).map((actor) => ({ ...actor, archived: actor.archived_at !== null }));
  const entries = (
    db.$client
      .prepare(
        `SELECT commitment_id, subject_id, as_of, state, withdrawn_at, superseded_by_id
         FROM progress_entries WHERE perspective = 'self'`,
      )
      .all() as {
      commitment_id: number;
      subject_id: number;
      as_of: string;
      state: EntryState;
      withdrawn_at: string | null;
      superseded_by_id: number | null;
    }[]
  ).map((row): RoundEntry => ({
    commitmentId: row.commitment_id,
    actorId: row.subject_id,
    asOf: row.as_of,
    state: row.state,
    withdrawn: row.withdrawn_at !== null,
    superseded: row.superseded_by_id !== null,
  }));
  // The rule cell by cell, as first written: each asked actor's self-reports of each commitment.
  const scope = { ...round, closed: round.status === 'closed' };
  const cells: string[] = [];
  for (const actor of askedActors(scope, actors))
    for (const commitment of commitments) {
      if (commitment.archived || !appliesToKind(commitment.dutyBearers, actor.kind)) continue;
      const own = entries.filter(
        (entry) => entry.actorId === actor.id && entry.commitmentId === commitment.id,
      );
      cells.push(`${actor.id}|${commitment.code}|${cellStatus(scope, own, TODAY)}`);
    }
  return cells.sort();
}

function expectSameCompletion(when: string) {
  for (const round of listRounds({}, db)) {
    const table = getRoundCompletion(round, TODAY, db);
    const cells = completionDto(table).cells.map(
      (cell) => `${cell.actor}|${cell.commitment}|${cell.status}`,
    );
    expect(cells.sort(), `${when}: round ${round.title}`).toEqual(oracle(round));
    const counted = Object.values(table.counts).reduce((sum, n) => sum + n, 0);
    expect(counted, `${when}: counts of ${round.title}`).toBe(cells.length);
  }
}

/**
 * False when the rules refuse it: a random commitment may not apply to the actor's kind, and the
 * other writes archive actors, which then cannot write or be written about. Each kind of write is
 * counted only when it happened.
 */
const allowed = (result: WriteResult) => result.ok;

describe('a round’s completion through writes', () => {
  it(
    'equals the rules applied to every self-report after each kind of write',
    { timeout: 180_000 },
    () => {
      const commitmentIds = db.$client
        .prepare('SELECT id FROM commitments WHERE archived_at IS NULL ORDER BY id')
        .pluck()
        .all() as number[];
      const round = (input: Record<string, unknown>) => {
        const created = createRound(
          DEMO_ADMIN_ID,
          { title: 'Test round', note: '', commitments: commitmentIds.map(String), ...input },
          {},
          db,
        );
        if (!created.ok) throw new Error(`round refused: ${JSON.stringify(created)}`);
      };
      round({ opensOn: '2025-07-01', dueOn: '2027-06-30', asks: 'all_states' });
      round({ opensOn: '2026-01-01', dueOn: '2026-09-30', asks: 'region', region: 'Europe' });
      const members = db.$client
        .prepare(
          `SELECT u.id AS userId, u.role, u.actor_id AS actorId FROM users u
           WHERE u.actor_id IS NOT NULL AND u.role IN ('focal_point', 'contributor')`,
        )
        .all() as { userId: string; role: string; actorId: number }[];
      const listed = [...new Set(members.map((member) => member.actorId))];
      round({ opensOn: '2026-03-01', dueOn: '2026-12-31', asks: 'list', actors: listed });
      const codes = db.$client
        .prepare('SELECT code FROM commitments WHERE archived_at IS NULL')
        .pluck()
        .all() as string[];
      const liveActors = () =>
        db.$client
          .prepare('SELECT id FROM actors WHERE archived_at IS NULL')
          .pluck()
          .all() as number[];

      // Built before the writes, so each later read catches up with them.
      expectSameCompletion('after the seed');
      const built = countedIndex(db);

      const next = mulberry32(19);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
      const focalOf = new Map(
        members.filter((m) => m.role === 'focal_point').map((m) => [m.actorId, m.userId]),
      );
      const reporters = members.filter((m) => focalOf.has(m.actorId));
      // As of dates from 2024 to a few days before today (never later): many outside each round.
      const date = () =>
        new Date(Date.UTC(2024, 0, 1) + Math.floor(next() * 1065) * 86_400_000)
          .toISOString()
          .slice(0, 10);
      // The entries of the members in one state, with who may move them on.
      const inState = (state: string) =>
        db.$client
          .prepare(
            `SELECT id, created_by AS author, reporter_id AS reporter FROM progress_entries
             WHERE state = ? AND created_by IN (${reporters.map(() => '?').join(', ')})
             ORDER BY id`,
          )
          .all(state, ...reporters.map((m) => m.userId)) as {
          id: number;
          author: string;
          reporter: number;
        }[];
      const otherWrites = randomWriter(db, 5);
      const kinds = new Map<string, number>();
      let key = 0;
      for (let step = 0; step < 240; step += 1) {
        const roll = next();
        const member = pick(reporters);
        const focal = focalOf.get(member.actorId)!;
        const input = (subject = next() < 0.85 ? member.actorId : pick(liveActors())) => ({
          idempotencyKey: `round-writes-${step}-${key++}`,
          commitment: pick(codes),
          // Mostly self-reports; now and then an assessment of another actor.
          subject,
          status: pick(STATUS_KEYS),
          asOf: date(),
          summary: `Round test entry ${step}`,
          confidence: subject === member.actorId ? null : 'medium',
        });
        let kind: string;
        if (roll < 0.2) {
          kind = 'draft';
          if (!allowed(createAndAdvanceEntry(member.userId, input(), 'draft'))) continue;
        } else if (roll < 0.35) {
          kind = 'submit';
          const draft = inState('draft').at(-1);
          if (draft === undefined) continue;
          if (!allowed(submitEntry(draft.author, draft.id))) continue;
        } else if (roll < 0.45) {
          kind = 'return';
          const submitted = inState('submitted').at(0);
          if (submitted === undefined) continue;
          const reviewer = focalOf.get(submitted.reporter)!;
          if (!allowed(returnEntry(reviewer, submitted.id, 'Please add the decision number.')))
            continue;
        } else if (roll < 0.6) {
          kind = 'publish a submitted entry';
          const submitted = inState('submitted').at(-1);
          if (submitted === undefined) continue;
          if (!allowed(publishEntry(focalOf.get(submitted.reporter)!, submitted.id))) continue;
        } else if (roll < 0.72) {
          kind = 'publish';
          if (!allowed(createAndAdvanceEntry(focal, input(), 'publish'))) continue;
        } else if (roll < 0.82) {
          kind = 'supersede';
          const counted = db.$client
            .prepare(
              `SELECT id, commitment_id, subject_id FROM progress_entries
               WHERE reporter_id = ? AND state = 'published' AND withdrawn_at IS NULL
                 AND superseded_by_id IS NULL ORDER BY id DESC LIMIT 5`,
            )
            .all(member.actorId) as { id: number; commitment_id: number; subject_id: number }[];
          const old = counted.length > 0 ? pick(counted) : undefined;
          if (!old) continue;
          const code = db.$client
            .prepare('SELECT code FROM commitments WHERE id = ?')
            .pluck()
            .get(old.commitment_id) as string;
          const correction = { ...input(old.subject_id), commitment: code, supersedes: old.id };
          if (!allowed(createAndAdvanceEntry(focal, correction, 'publish'))) continue;
        } else if (roll < 0.9) {
          kind = 'withdraw';
          const live = db.$client
            .prepare(
              `SELECT id FROM progress_entries WHERE state = 'published' AND withdrawn_at IS NULL
               AND perspective = 'self' ORDER BY id DESC LIMIT 50`,
            )
            .pluck()
            .all() as number[];
          if (!allowed(withdrawEntry(DEMO_ADMIN_ID, pick(live), 'Published for the wrong actor.')))
            continue;
        } else {
          kind = 'other';
          otherWrites(step);
        }
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        if (step % 12 === 11) expectSameCompletion(`after step ${step} (${kind})`);
      }
      expectSameCompletion('at the end');
      // Every kind of write happened, and the index caught up in place rather than being rebuilt.
      for (const kind of [
        'draft',
        'submit',
        'return',
        'publish a submitted entry',
        'publish',
        'supersede',
        'withdraw',
        'other',
      ])
        expect(kinds.get(kind) ?? 0, kind).toBeGreaterThan(2);
      expect(countedIndex(db)).toBe(built);
    },
  );
});
