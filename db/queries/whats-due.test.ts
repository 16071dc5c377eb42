import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../client';
import { demoDatabases } from '../../test/support/demo-database';
import { completionDto, getRound, getRoundCompletion, listRounds } from './rounds';
import { whatsDue } from './whats-due';
import { countedIndex } from '../status-index/status-index';

const demo = demoDatabases();
const ALDORIA_FOCAL = 'demo-user-focal-aldoria';

const actorOf = (db: Db, userId: string) =>
  db.$client.prepare('SELECT actor_id FROM users WHERE id = ?').pluck().get(userId) as number;

describe("what's due for an actor", () => {
  it('lists the open rounds that ask it, with the commitments the round table shows unreported', () => {
    const db = demo();
    const actorId = actorOf(db, ALDORIA_FOCAL);
    const today = '2026-12-05';
    const due = whatsDue(actorId, today, db);
    expect(due.length).toBeGreaterThan(0);
    for (const round of due) {
      const dto = getRound(round.id, db)!;
      expect(dto.status).toBe('open');
      const cells = completionDto(getRoundCompletion(dto, today, db)).cells.filter(
        (cell) => cell.actor === actorId,
      );
      const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
      expect([...round.commitments].sort(byCode)).toEqual(
        cells
          .filter((cell) => cell.status !== 'reported')
          .map((cell) => ({
            code: cell.commitment,
            title: dto.commitments.find((c) => c.code === cell.commitment)!.title,
            status: cell.status,
          }))
          .sort(byCode),
      );
      expect(round.reported).toBe(cells.filter((cell) => cell.status === 'reported').length);
      expect(round.asOf).toBe(today > round.dueOn ? round.dueOn : today);
    }
  });

  it('moves a commitment to in progress once a draft dated in the round exists', () => {
    const db = demo();
    const actorId = actorOf(db, ALDORIA_FOCAL);
    const [round] = whatsDue(actorId, '2026-12-05', db);
    const open = round!.commitments.find((c) => c.status !== 'in_progress')!;
    db.$client
      .prepare(
        `INSERT INTO progress_entries (idempotency_key, commitment_id, subject_id, reporter_id,
           status, as_of, summary, state, created_by)
         VALUES ('whats-due-draft', (SELECT id FROM commitments WHERE code = ?), ?, ?, 'limited',
           ?, 'Draft', 'draft', ?)`,
      )
      .run(open.code, actorId, actorId, round!.asOf, ALDORIA_FOCAL);
    const after = whatsDue(actorId, '2026-12-05', db).find((r) => r.id === round!.id)!;
    expect(after.commitments.find((c) => c.code === open.code)?.status).toBe('in_progress');
  });

  it('reads the entries once per round, not once per commitment', () => {
    const db = demo();
    const actorId = actorOf(db, ALDORIA_FOCAL);
    countedIndex(db); // built once per process, for every view
    const prepare = vi.spyOn(db.$client, 'prepare');
    const due = whatsDue(actorId, '2026-12-05', db);
    // The index checks that it is up to date by the greatest entry id: not a read of entries.
    const reads = prepare.mock.calls.filter(
      ([text]) => /from "?progress_entries"?/i.test(text) && !/max\(id\)/i.test(text),
    );
    prepare.mockRestore();
    // One read a round (its pairs with an unpublished report); the counted ones are in the index.
    expect(reads).toHaveLength(due.length);
    expect(due.reduce((sum, round) => sum + round.commitments.length, 0)).toBeGreaterThan(
      due.length,
    );
  });

  it('shows nothing for an actor no open round asks, nor for closed or archived rounds', () => {
    const db = demo();
    const open = new Set(listRounds({ status: 'open' }, db).map((round) => round.id));
    for (const actorId of [1, 2, 3, 4, 5]) {
      for (const round of whatsDue(actorId, '2026-12-05', db))
        expect(open.has(round.id)).toBe(true);
    }
    expect(whatsDue(99_999_999, '2026-12-05', db)).toEqual([]);
  });
});
