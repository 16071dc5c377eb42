import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import * as t from '../schema';
import { demoDatabases } from '../../test/support/demo-database';
import { DEMO_ADMIN_ID } from '../../seed/demo';
import type { AdminWriteResult } from './admin-write';
import {
  archiveRound,
  closeRound,
  createRound,
  listRoundsForAdmin,
  restoreRound,
  updateRound,
} from './admin-rounds';
import { completionDto, getRound, getRoundCompletion, listRounds } from './rounds';
import { withdrawEntry } from './entry-workflow';
import { archiveActor } from './admin-actors';

const FOCAL_ALDORIA = 'demo-user-focal-aldoria';
const CONTRIBUTOR_ALDORIA = 'demo-user-contributor-aldoria';
const TODAY = '2026-12-05';

let db: Db;
const freshDemoDatabase = demoDatabases();
beforeEach(() => {
  db = freshDemoDatabase();
  (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = db;
});

/** Every row the round screens write, so "nothing changed" is checked, not assumed. */
const checksum = () =>
  JSON.stringify(
    ['reporting_rounds', 'reporting_round_commitments', 'reporting_round_actors', 'audit_log'].map(
      (table) => db.$client.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(),
    ),
  );

const ok = (result: AdminWriteResult) => {
  if (!result.ok) throw new Error(`expected success, got ${result.status} ${result.message}`);
  return result.id;
};

const idOf = (table: typeof t.commitments | typeof t.actors, where: ReturnType<typeof eq>) =>
  db.select({ id: table.id }).from(table).where(where).get()!.id;
const commitment = (code: string) => idOf(t.commitments, eq(t.commitments.code, code));
const actor = (name: string) => idOf(t.actors, eq(t.actors.name, name));

const validInput = () => ({
  title: 'Regional review 2027',
  opensOn: '2026-01-01',
  dueOn: '2026-12-31',
  asks: 'region',
  region: 'Europe',
  commitments: [String(commitment('TIP-01')), String(commitment('SMG-01'))],
  note: 'For the European regional review.',
});

const statusOf = (roundId: number, actorName: string, code: string) =>
  completionDto(getRoundCompletion(getRound(roundId, db)!, TODAY, db)).cells.find(
    (cell) => cell.actor === actor(actorName) && cell.commitment === code,
  )?.status;

describe('the demo rounds', () => {
  it('are a closed round and an open one with reported, in progress, missing and overdue cells', () => {
    const [open, closed] = listRounds({}, db);
    expect(open).toMatchObject({ status: 'open' });
    expect(closed).toMatchObject({ status: 'closed' });
    const counts = (round: typeof open) => getRoundCompletion(round!, TODAY, db).counts;
    expect(counts(closed)).toMatchObject({ in_progress: 0, not_yet: 0, overdue: 0 });
    expect(counts(closed).reported).toBeGreaterThan(5);
    expect(counts(closed).missing).toBeGreaterThan(counts(closed).reported);
    expect(counts(open).reported).toBeGreaterThan(5);
    expect(counts(open).in_progress).toBeGreaterThan(5);
    expect(counts(open).overdue).toBeGreaterThan(5);
    expect(listRounds({ status: 'open' }, db).map((round) => round.id)).toEqual([open!.id]);
    expect(listRounds({ status: 'closed' }, db).map((round) => round.id)).toEqual([closed!.id]);
  });
});

describe('defining a round', () => {
  it('an admin defines a round; it is listed and audited with its commitments', () => {
    const id = ok(createRound(DEMO_ADMIN_ID, validInput(), {}, db));
    const round = getRound(id, db)!;
    expect(round).toMatchObject({ status: 'open', asks: 'region', region: 'Europe' });
    expect(round.commitments.map((c) => c.code).sort()).toEqual(['SMG-01', 'TIP-01']);
    const audit = db.select().from(t.auditLog).where(eq(t.auditLog.action, 'round.create')).all();
    const mine = audit.find((row) => row.entityId === String(id))!;
    expect(mine.userId).toBe(DEMO_ADMIN_ID);
    expect(JSON.parse(mine.after!)).toMatchObject({ title: 'Regional review 2027' });
    // A region round asks that region's states only.
    const asked = getRoundCompletion(round, TODAY, db).actors;
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((a) => a.kind === 'state' && a.region === 'Europe')).toBe(true);
  });

  it('a focal point, a contributor or nobody cannot define, edit, close or archive a round', () => {
    const existing = listRounds({}, db)[0]!.id;
    const before = checksum();
    for (const user of [FOCAL_ALDORIA, CONTRIBUTOR_ALDORIA, null]) {
      for (const result of [
        createRound(user, validInput(), {}, db),
        updateRound(user, existing, validInput(), {}, db),
        closeRound(user, existing, {}, db),
        archiveRound(user, existing, {}, db),
      ]) {
        expect(result).toMatchObject({ ok: false, status: 403 });
      }
    }
    expect(checksum()).toBe(before);
  });

  it('refuses bad input with 400 naming the field, and changes nothing', () => {
    const before = checksum();
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '' }, 'title'],
      [{ opensOn: '2026-02-30' }, 'opensOn'],
      [{ dueOn: '2025-12-31' }, 'dueOn'],
      [{ asks: 'everyone' }, 'asks'],
      [{ region: '' }, 'region'],
      [{ asks: 'all_states' }, 'region'],
      [{ asks: 'list', region: '' }, 'actors'],
      [{ commitments: [] }, 'commitments'],
      [{ commitments: ['999999'] }, 'commitments'],
      [{ region: 'Atlantis' }, 'region'],
      [{ closedAt: '2026-01-01T00:00:00.000Z' }, 'closedAt'],
    ];
    for (const [change, field] of cases) {
      const result = createRound(DEMO_ADMIN_ID, { ...validInput(), ...change }, {}, db);
      expect(result, JSON.stringify(change)).toMatchObject({ ok: false, status: 400 });
      if (!result.ok) expect(Object.keys(result.fieldErrors ?? {}), field).toContain(field);
    }
    expect(checksum()).toBe(before);
  });

  it('edits a round, its commitments and listed actors, audited before and after', () => {
    const id = ok(createRound(DEMO_ADMIN_ID, validInput(), {}, db));
    const aldoria = actor('Republic of Aldoria');
    ok(
      updateRound(
        DEMO_ADMIN_ID,
        id,
        {
          ...validInput(),
          asks: 'list',
          region: '',
          actors: [String(aldoria)],
          commitments: [String(commitment('TIP-02'))],
        },
        {},
        db,
      ),
    );
    expect(getRound(id, db)).toMatchObject({
      asks: 'list',
      region: null,
      actorIds: [aldoria],
      commitments: [{ code: 'TIP-02' }],
    });
    const edit = db.select().from(t.auditLog).where(eq(t.auditLog.action, 'round.edit')).get()!;
    expect(JSON.parse(edit.before!)).toMatchObject({ asks: 'region', actors: [] });
    expect(JSON.parse(edit.after!)).toMatchObject({ asks: 'list', actors: [aldoria] });
  });
});

describe('closing and archiving', () => {
  it('closing turns unreported cells into missing, once; a second close is a 409 that changes nothing', () => {
    const open = listRounds({ status: 'open' }, db)[0]!;
    const cells = getRoundCompletion(open, TODAY, db).counts;
    ok(closeRound(DEMO_ADMIN_ID, open.id, {}, db));
    const closed = getRoundCompletion(getRound(open.id, db)!, TODAY, db).counts;
    expect(closed.reported).toBe(cells.reported);
    expect(closed.missing).toBe(cells.in_progress + cells.overdue + cells.not_yet);
    const before = checksum();
    expect(closeRound(DEMO_ADMIN_ID, open.id, {}, db)).toMatchObject({ ok: false, status: 409 });
    expect(checksum()).toBe(before);
  });

  it('an archived round leaves the public list but keeps its page, and can be restored', () => {
    const round = listRounds({}, db)[0]!;
    ok(archiveRound(DEMO_ADMIN_ID, round.id, {}, db));
    expect(listRounds({}, db).map((r) => r.id)).not.toContain(round.id);
    expect(getRound(round.id, db)).toMatchObject({ archived: true });
    expect(listRoundsForAdmin({ archived: 'archived' }, db).map((r) => r.id)).toEqual([round.id]);
    ok(restoreRound(DEMO_ADMIN_ID, round.id, {}, db));
    expect(listRounds({}, db).map((r) => r.id)).toContain(round.id);
  });
});

describe('the completion table follows the entries', () => {
  it('a withdrawn entry no longer reports; an archived actor leaves the table', () => {
    const open = listRounds({ status: 'open' }, db)[0]!;
    const reported = completionDto(getRoundCompletion(open, TODAY, db)).cells.find(
      (cell) => cell.status === 'reported',
    )!;
    const code = reported.commitment;
    const entry = db.$client
      .prepare(
        `SELECT e.id FROM progress_entries e JOIN commitments c ON c.id = e.commitment_id
         WHERE c.code = ? AND e.subject_id = ? AND e.reporter_id = e.subject_id
           AND e.state = 'published' AND e.withdrawn_at IS NULL AND e.superseded_by_id IS NULL
           AND e.as_of BETWEEN ? AND ?`,
      )
      .all(code, reported.actor, open.opensOn, open.dueOn) as { id: number }[];
    for (const { id } of entry)
      expect(withdrawEntry(DEMO_ADMIN_ID, id, 'Published by mistake.').ok).toBe(true);
    const name = db.select().from(t.actors).where(eq(t.actors.id, reported.actor)).get()!.name;
    expect(statusOf(open.id, name, code)).toBe('overdue');
    ok(archiveActor(DEMO_ADMIN_ID, reported.actor, {}, db));
    expect(statusOf(open.id, name, code)).toBeUndefined();
  });
});
