import { beforeEach, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { type Db } from './client';
import * as t from './schema';
import { demoDatabases } from '../test/support/demo-database';
import { createAndAdvanceEntries, type BatchItem } from './queries/entry-batch';
import { createAndAdvanceEntry } from './queries/entry-workflow';

/** The API's batch of entries: each entry through the one-entry rules, and the batch all or nothing. */
const ALDORIA_FOCAL = 'demo-user-focal-aldoria';
const ALDORIA_CONTRIBUTOR = 'demo-user-contributor-aldoria';

let db: Db;
let keyCounter = 0;

const actorId = (name: string) =>
  db.select({ id: t.actors.id }).from(t.actors).where(eq(t.actors.name, name)).get()!.id;
const stateCommitments = () =>
  (
    db.$client
      .prepare(
        `SELECT c.code FROM commitments c JOIN commitment_duty_bearers d ON d.commitment_id = c.id WHERE d.duty_bearer = 'states' AND c.archived_at IS NULL ORDER BY c.position`,
      )
      .all() as { code: string }[]
  ).map((row) => row.code);

function item(
  index: number,
  action: BatchItem['action'] = 'publish',
  overrides: Record<string, unknown> = {},
): BatchItem {
  keyCounter += 1;
  const codes = stateCommitments();
  return {
    action,
    input: {
      idempotencyKey: `batch-key-${keyCounter}`,
      commitment: codes[index % codes.length],
      subject: actorId('Republic of Aldoria'),
      status: 'substantial',
      asOf: '2026-06-30',
      summary: `Batch entry ${index}`,
      ...overrides,
    },
  };
}

/** Every table a write touches, in full: equal before and after means nothing was written. */
const checksum = () =>
  JSON.stringify(
    ['progress_entries', 'audit_log', 'current_status'].map((table) =>
      db.$client.prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3`).all(),
    ),
  );
const auditActions = (ids: number[]) =>
  db
    .select({ entityId: t.auditLog.entityId, action: t.auditLog.action })
    .from(t.auditLog)
    .where(
      sql`${t.auditLog.entityType} = 'progress_entry' AND ${inArray(t.auditLog.entityId, ids.map(String))}`,
    )
    .orderBy(t.auditLog.id)
    .all();

const demoDatabase = demoDatabases();
beforeEach(() => {
  db = demoDatabase();
  (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = db;
});

describe('a batch of entries', () => {
  it('writes every entry as the one-entry path would, each with its own audit rows, in the order sent', () => {
    const items = [item(0), item(1, 'draft'), item(2, 'submit')];
    const result = createAndAdvanceEntries(ALDORIA_FOCAL, items);
    if (!result.ok) throw new Error(result.message);
    expect(result.entries.map((entry) => entry.duplicate)).toEqual([false, false, false]);
    const ids = result.entries.map((entry) => entry.entryId);
    const states = db
      .select({
        id: t.progressEntries.id,
        state: t.progressEntries.state,
        key: t.progressEntries.idempotencyKey,
      })
      .from(t.progressEntries)
      .where(inArray(t.progressEntries.id, ids))
      .all();
    expect(ids.map((id) => states.find((row) => row.id === id)?.state)).toEqual([
      'published',
      'draft',
      'submitted',
    ]);
    expect(ids.map((id) => states.find((row) => row.id === id)?.key)).toEqual(
      items.map((entry) => (entry.input as { idempotencyKey: string }).idempotencyKey),
    );
    const audit = auditActions(ids);
    expect(
      ids.map((id) => audit.filter((row) => row.entityId === String(id)).map((row) => row.action)),
    ).toEqual([
      ['entry.create', 'entry.publish'],
      ['entry.create'],
      ['entry.create', 'entry.submit'],
    ]);
  });

  it('is all or nothing: one refused entry (a field) leaves nothing of the batch, and the error names that entry and field', () => {
    const before = checksum();
    const result = createAndAdvanceEntries(ALDORIA_FOCAL, [
      item(0),
      item(1),
      item(2, 'publish', { asOf: '2099-01-01' }),
    ]);
    expect(result).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { 'entries.2.asOf': expect.any(String) },
    });
    expect(checksum()).toBe(before);
  });

  it('is all or nothing when authorization refuses one entry: a contributor may draft but not publish', () => {
    const before = checksum();
    const result = createAndAdvanceEntries(ALDORIA_CONTRIBUTOR, [
      item(0, 'draft'),
      item(1, 'publish'),
    ]);
    expect(result).toMatchObject({
      ok: false,
      status: 403,
      message: expect.stringMatching(/^entries\.1: /),
    });
    expect(checksum()).toBe(before);
  });

  it('answers a retried batch with the same entries and writes nothing more', () => {
    const items = [item(0), item(1)];
    const first = createAndAdvanceEntries(ALDORIA_FOCAL, items);
    if (!first.ok) throw new Error(first.message);
    const before = checksum();
    const again = createAndAdvanceEntries(ALDORIA_FOCAL, items);
    expect(again).toEqual({
      ok: true,
      entries: first.entries.map((entry) => ({ ...entry, duplicate: true })),
    });
    expect(checksum()).toBe(before);
  });

  it('refuses a key another user already used (409), naming the entry, and writes nothing', () => {
    const taken = item(0, 'draft');
    expect(createAndAdvanceEntry(ALDORIA_CONTRIBUTOR, taken.input, 'draft')).toMatchObject({
      ok: true,
    });
    const before = checksum();
    expect(createAndAdvanceEntries(ALDORIA_FOCAL, [item(1), taken])).toMatchObject({
      ok: false,
      status: 409,
      message: expect.stringMatching(/^entries\.1: /),
    });
    expect(checksum()).toBe(before);
  });

  it('counts each published entry in the figures exactly as one-by-one publishing does', () => {
    const items = [item(0), item(1), item(2, 'publish', { status: 'complete' })];
    const one = demoDatabase();
    const result = createAndAdvanceEntries(ALDORIA_FOCAL, items);
    if (!result.ok) throw new Error(result.message);
    (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = one;
    for (const { input, action } of items)
      expect(createAndAdvanceEntry(ALDORIA_FOCAL, input, action)).toMatchObject({ ok: true });
    const statuses = (target: Db) =>
      target.$client
        .prepare(
          'SELECT commitment_id, subject_id, perspective, status, as_of FROM current_status ORDER BY 1, 2, 3',
        )
        .all();
    expect(statuses(db)).toEqual(statuses(one));
  });
});
