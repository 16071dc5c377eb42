import { beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { type Db } from './client';
import * as t from './schema';
import { demoDatabases } from '../test/support/demo-database';
import { createAndAdvanceEntry, createEntry, publishEntry } from './queries/entry-workflow';

/** The API's one-step "create and submit/publish": the same rules as in steps, and all or nothing. */
const ALDORIA_FOCAL = 'demo-user-focal-aldoria';
const ALDORIA_CONTRIBUTOR = 'demo-user-contributor-aldoria';

let db: Db;
let keyCounter = 0;

const actorId = (name: string) =>
  db.select({ id: t.actors.id }).from(t.actors).where(eq(t.actors.name, name)).get()!.id;
const stateCommitment = () =>
  (
    db.$client
      .prepare(
        `SELECT c.code FROM commitments c JOIN commitment_duty_bearers d ON d.commitment_id = c.id WHERE d.duty_bearer = 'states' ORDER BY c.position LIMIT 1`,
      )
      .get() as { code: string }
  ).code;

function input(subject: number, overrides: Record<string, unknown> = {}) {
  keyCounter += 1;
  return {
    idempotencyKey: `advance-key-${keyCounter}`,
    commitment: stateCommitment(),
    subject,
    status: 'limited',
    asOf: '2026-05-31',
    summary: 'Inter-ministerial working group set up',
    ...overrides,
  };
}

const checksum = () =>
  JSON.stringify(
    ['progress_entries', 'audit_log', 'current_status'].map((table) =>
      db.$client.prepare(`SELECT count(*) AS n, coalesce(max(rowid), 0) AS m FROM ${table}`).get(),
    ),
  );
const audited = (entryId: number) =>
  db
    .select({ action: t.auditLog.action })
    .from(t.auditLog)
    .where(
      sql`${t.auditLog.entityType} = 'progress_entry' AND ${t.auditLog.entityId} = ${String(entryId)}`,
    )
    .orderBy(t.auditLog.id)
    .all()
    .map((row) => row.action);
const stateOf = (entryId: number) =>
  db
    .select({ state: t.progressEntries.state })
    .from(t.progressEntries)
    .where(eq(t.progressEntries.id, entryId))
    .get()?.state;

const demoDatabase = demoDatabases();
beforeEach(() => {
  db = demoDatabase();
  (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = db;
});

describe('creating an entry and advancing it in one transaction', () => {
  it.each([
    ['draft', ALDORIA_CONTRIBUTOR, 'draft', ['entry.create']],
    ['submit', ALDORIA_CONTRIBUTOR, 'submitted', ['entry.create', 'entry.submit']],
    ['publish', ALDORIA_FOCAL, 'published', ['entry.create', 'entry.publish']],
  ] as const)(
    '%s by an allowed member gives the entry that state with each step audited',
    (action, userId, state, actions) => {
      const result = createAndAdvanceEntry(userId, input(actorId('Republic of Aldoria')), action);
      if (!result.ok) throw new Error(result.message);
      expect(stateOf(result.entryId)).toBe(state);
      expect(audited(result.entryId)).toEqual(actions);
    },
  );

  it('a contributor may not publish: the refusal rolls the new draft back too', () => {
    const before = checksum();
    expect(
      createAndAdvanceEntry(ALDORIA_CONTRIBUTOR, input(actorId('Republic of Aldoria')), 'publish'),
    ).toMatchObject({ ok: false, status: 403 });
    expect(checksum()).toBe(before);
  });

  it('an independent assessment without confidence cannot be submitted, and nothing is written', () => {
    const cso = db.$client
      .prepare(
        `SELECT u.id FROM users u JOIN actors a ON a.id = u.actor_id WHERE a.kind = 'cso' AND u.role = 'focal_point' ORDER BY a.id LIMIT 1`,
      )
      .get() as { id: string };
    const before = checksum();
    expect(
      createAndAdvanceEntry(cso.id, input(actorId('Republic of Aldoria')), 'publish'),
    ).toMatchObject({ ok: false, status: 400, fieldErrors: { confidence: expect.any(String) } });
    expect(checksum()).toBe(before);
    expect(
      createAndAdvanceEntry(
        cso.id,
        input(actorId('Republic of Aldoria'), { confidence: 'medium' }),
        'publish',
      ),
    ).toMatchObject({ ok: true });
  });

  it('a retry with the same idempotency key returns the first entry and writes nothing, whatever the action', () => {
    const body = input(actorId('Republic of Aldoria'));
    const first = createAndAdvanceEntry(ALDORIA_FOCAL, body, 'publish');
    if (!first.ok) throw new Error(first.message);
    const before = checksum();
    expect(createAndAdvanceEntry(ALDORIA_FOCAL, body, 'publish')).toEqual({
      ok: true,
      entryId: first.entryId,
      duplicate: true,
    });
    expect(createAndAdvanceEntry(ALDORIA_FOCAL, body, 'draft')).toEqual({
      ok: true,
      entryId: first.entryId,
      duplicate: true,
    });
    expect(checksum()).toBe(before);
    expect(createAndAdvanceEntry(ALDORIA_CONTRIBUTOR, body, 'draft')).toMatchObject({
      ok: false,
      status: 409,
    });
  });

  it('a correction published in one step supersedes the original; a second one is refused and rolled back', () => {
    const aldoria = actorId('Republic of Aldoria');
    const original = createEntry(ALDORIA_FOCAL, input(aldoria, { status: 'complete' }));
    if (!original.ok) throw new Error(original.message);
    publishEntry(ALDORIA_FOCAL, original.entryId);
    const correction = createAndAdvanceEntry(
      ALDORIA_FOCAL,
      input(aldoria, { supersedes: original.entryId }),
      'publish',
    );
    expect(correction).toMatchObject({ ok: true });
    const before = checksum();
    expect(
      createAndAdvanceEntry(
        ALDORIA_FOCAL,
        input(aldoria, { supersedes: original.entryId }),
        'publish',
      ),
    ).toMatchObject({ ok: false, status: 400, fieldErrors: { supersedes: expect.any(String) } });
    expect(checksum()).toBe(before);
  });
});
