import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { type Db } from './client';
import * as t from './schema';
import { demoDatabases } from '../test/support/demo-database';
import {
  createAndAdvanceEntry,
  createEntry,
  publishEntry,
  returnEntry,
  submitEntry,
  updateEntry,
  withdrawEntry,
  type WriteResult,
} from './queries/entry-workflow';
import { createAndAdvanceEntries } from './queries/entry-batch';
import { importEntriesCsv } from './import/csv-import';
import { toCsv } from '../lib/csv';

/**
 * An archived actor speaks no more (issue 16.7): on every write path (the form's functions, the
 * API's create-and-advance and batch, the import), its members are refused with 409 naming the
 * reporter, and nothing of the refused write is in the database.
 */
const ADMIN = 'demo-user-admin';
const BRIDGEWELL_FOCAL = 'demo-user-focal-bridgewell';
const BRIDGEWELL_CONTRIBUTOR = 'demo-user-contributor-bridgewell';
const BRIDGEWELL = 'Bridgewell Migrant Rights Network (demo)';
const REFUSAL = {
  ok: false,
  status: 409,
  message: `Reporter: ${BRIDGEWELL} is archived; its members cannot write entries.`,
  fieldErrors: { reporter: 'is archived: its members cannot write entries' },
  fieldCodes: { reporter: 'archived' },
};

let db: Db;
let keyCounter = 0;

const actorId = (name: string) =>
  db.select({ id: t.actors.id }).from(t.actors).where(eq(t.actors.name, name)).get()!.id;
const aldoria = () => actorId('Republic of Aldoria');
const stateCommitment = () =>
  (
    db.$client
      .prepare(
        `SELECT c.code FROM commitments c JOIN commitment_duty_bearers d ON d.commitment_id = c.id WHERE d.duty_bearer = 'states' ORDER BY c.position LIMIT 1`,
      )
      .get() as { code: string }
  ).code;

/** An independent assessment of Aldoria, as Bridgewell's members write it. */
function assessment(overrides: Record<string, unknown> = {}) {
  keyCounter += 1;
  return {
    idempotencyKey: `archived-test-${keyCounter}`,
    commitment: stateCommitment(),
    subject: aldoria(),
    status: 'complete',
    asOf: '2026-06-30',
    summary: 'The referral mechanism works in every region',
    confidence: 'high',
    ...overrides,
  };
}

function created(result: WriteResult): number {
  if (!result.ok) throw new Error(`expected success, got ${result.status} ${result.message}`);
  return result.entryId;
}

/** Every row of what a write changes: entries, their audit rows, current statuses. */
function contents(): string {
  return JSON.stringify(
    ['progress_entries', 'audit_log', 'current_status'].map((table) =>
      db.$client.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(),
    ),
  );
}

function archive(name: string): void {
  db.update(t.actors)
    .set({ archivedAt: '2026-11-02T00:00:00.000Z' })
    .where(eq(t.actors.name, name))
    .run();
}

const demoDatabase = demoDatabases();
beforeEach(() => {
  db = demoDatabase();
  (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = db;
});

describe('members of an archived actor cannot write entries', () => {
  it('refuses create (the form), create-and-publish (the API) and a batch, and writes nothing', () => {
    // Before the archiving, the same assessment is accepted.
    expect(createEntry(BRIDGEWELL_CONTRIBUTOR, assessment()).ok).toBe(true);
    archive(BRIDGEWELL);
    const before = contents();
    expect(createEntry(BRIDGEWELL_CONTRIBUTOR, assessment())).toEqual(REFUSAL);
    expect(
      createEntry(BRIDGEWELL_FOCAL, assessment({ subject: actorId(BRIDGEWELL), confidence: null })),
    ).toEqual(REFUSAL);
    for (const action of ['draft', 'submit', 'publish'] as const)
      expect(createAndAdvanceEntry(BRIDGEWELL_FOCAL, assessment(), action)).toEqual(REFUSAL);
    expect(
      createAndAdvanceEntries(BRIDGEWELL_FOCAL, [{ input: assessment(), action: 'publish' }]),
    ).toEqual({
      ...REFUSAL,
      message: `entries.0: ${REFUSAL.message}`,
      fieldErrors: { 'entries.0.reporter': REFUSAL.fieldErrors.reporter },
    });
    expect(contents()).toBe(before);
  });

  it('refuses edit, submit, publish and return of entries written before the archiving, and writes nothing; an admin still withdraws', () => {
    const draft = created(createEntry(BRIDGEWELL_CONTRIBUTOR, assessment()));
    const submitted = created(createEntry(BRIDGEWELL_CONTRIBUTOR, assessment()));
    created(submitEntry(BRIDGEWELL_CONTRIBUTOR, submitted));
    const own = created(createEntry(BRIDGEWELL_FOCAL, assessment()));
    const published = created(createAndAdvanceEntry(BRIDGEWELL_FOCAL, assessment(), 'publish'));
    archive(BRIDGEWELL);
    const before = contents();
    expect(
      updateEntry(
        BRIDGEWELL_CONTRIBUTOR,
        draft,
        assessment({ summary: 'Changed after the archiving' }),
      ),
    ).toEqual(REFUSAL);
    expect(submitEntry(BRIDGEWELL_CONTRIBUTOR, draft)).toEqual(REFUSAL);
    expect(publishEntry(BRIDGEWELL_FOCAL, submitted)).toEqual(REFUSAL);
    expect(publishEntry(BRIDGEWELL_FOCAL, own)).toEqual(REFUSAL);
    expect(returnEntry(BRIDGEWELL_FOCAL, submitted, 'Please add a source.')).toEqual(REFUSAL);
    expect(contents()).toBe(before);
    // The public record stays correctable by the secretariat.
    expect(withdrawEntry(ADMIN, published, 'Published in error.')).toEqual({
      ok: true,
      entryId: published,
    });
  });

  it("an archived reporter's assessment never becomes a state's current independent status", () => {
    archive(BRIDGEWELL);
    const current = () =>
      db.$client
        .prepare(
          `SELECT * FROM current_status WHERE subject_id = ? AND perspective = 'independent' ORDER BY commitment_id`,
        )
        .all(aldoria());
    const before = current();
    expect(
      createAndAdvanceEntry(BRIDGEWELL_FOCAL, assessment({ asOf: '2026-11-01' }), 'publish'),
    ).toMatchObject({ ok: false, status: 409 });
    expect(current()).toEqual(before);
  });

  it('still names the subject when it is the subject that was archived', () => {
    const draft = created(createEntry(BRIDGEWELL_CONTRIBUTOR, assessment()));
    archive('Republic of Aldoria');
    expect(submitEntry(BRIDGEWELL_CONTRIBUTOR, draft)).toMatchObject({
      ok: false,
      status: 409,
      fieldErrors: { subject: 'was archived' },
    });
  });

  it('refuses the import of a focal point of an archived actor before any row, and an admin import in its name, writing nothing', async () => {
    const file = (columns: string[], values: (string | number)[]) => toCsv(columns, [values]);
    const columns = ['commitment_code', 'subject_id', 'status', 'as_of', 'summary', 'confidence'];
    const values = [
      stateCommitment(),
      aldoria(),
      'complete',
      '2026-06-30',
      'Imported assessment',
      'high',
    ];
    // Before the archiving, both files are accepted (as a preview).
    expect(
      await importEntriesCsv(BRIDGEWELL_FOCAL, file(columns, values), { dryRun: true }),
    ).toMatchObject({ ok: true, status: 200 });
    archive(BRIDGEWELL);
    const before = contents();
    for (const options of [{}, { publish: true }, { dryRun: true }]) {
      expect(
        await importEntriesCsv(BRIDGEWELL_FOCAL, file(columns, values), options),
      ).toMatchObject({ ok: false, status: 409, message: REFUSAL.message, rows: [] });
    }
    const adminFile = file([...columns, 'reporter_id'], [...values, actorId(BRIDGEWELL)]);
    const refused = await importEntriesCsv(ADMIN, adminFile);
    expect(refused).toMatchObject({ ok: false, status: 409, counts: { error: 1, written: 0 } });
    expect(refused.rows[0]?.errors).toEqual([
      {
        column: 'reporter_id',
        message: `is archived: ${BRIDGEWELL} no longer reports, so no entry can be imported in its name`,
        // What the import page words in its language (db/import/import-errors.ts).
        code: 'archived_reporter',
        params: { actor: BRIDGEWELL },
      },
    ]);
    expect(contents()).toBe(before);
  });
});
