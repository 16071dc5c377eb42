import { beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { type Db } from './client';
import * as t from './schema';
import { demoDatabases } from '../test/support/demo-database';
import { ownWorkOf, reviewQueueOf } from '../test/support/work-lists';
import {
  createEntry,
  publishEntry,
  returnEntry,
  submitEntry,
  updateEntry,
  withdrawEntry,
  type WriteResult,
} from './queries/entry-workflow';

const ADMIN = 'demo-user-admin';
const ALDORIA_FOCAL = 'demo-user-focal-aldoria';
const ALDORIA_CONTRIBUTOR = 'demo-user-contributor-aldoria';
const BRAVONIA_FOCAL = 'demo-user-focal-bravonia';

let db: Db;
let keyCounter = 0;

function actorId(name: string): number {
  const row = db.select({ id: t.actors.id }).from(t.actors).where(eq(t.actors.name, name)).get();
  if (!row) throw new Error(`no actor ${name}`);
  return row.id;
}

function csoWithUsers(): { id: number; focal: string; contributor: string } {
  const row = db.$client
    .prepare(
      `SELECT a.id, f.id AS focal, c.id AS contributor FROM actors a JOIN users f ON f.actor_id = a.id AND f.role = 'focal_point'
              JOIN users c ON c.actor_id = a.id AND c.role = 'contributor' WHERE a.kind = 'cso' ORDER BY a.id LIMIT 1`,
    )
    .get() as { id: number; focal: string; contributor: string };
  return row;
}

/** A commitment that asks states to act, so it applies to every demo state. */
function stateCommitment(): string {
  return (
    db.$client
      .prepare(
        `SELECT c.code FROM commitments c JOIN commitment_duty_bearers d ON d.commitment_id = c.id WHERE d.duty_bearer = 'states' ORDER BY c.position LIMIT 1`,
      )
      .get() as { code: string }
  ).code;
}

function input(subject: number, overrides: Record<string, unknown> = {}) {
  keyCounter += 1;
  return {
    idempotencyKey: `test-key-${keyCounter}`,
    commitment: stateCommitment(),
    subject,
    status: 'substantial',
    asOf: '2026-06-30',
    summary: 'National referral mechanism adopted',
    narrative: 'The cabinet adopted the mechanism in June.',
    measures: ['policy'],
    evidence: [{ url: 'https://example.org/nrm', title: 'Cabinet decision', relation: 'supports' }],
    ...overrides,
  };
}

function created(result: WriteResult): number {
  if (!result.ok) throw new Error(`expected success, got ${result.status} ${result.message}`);
  return result.entryId;
}

function checksum(): string {
  return JSON.stringify(
    ['progress_entries', 'audit_log', 'current_status'].map((table) =>
      db.$client.prepare(`SELECT count(*) AS n, coalesce(max(rowid), 0) AS m FROM ${table}`).get(),
    ),
  );
}

function audited(entryId: number): string[] {
  return db
    .select({ action: t.auditLog.action })
    .from(t.auditLog)
    .where(
      sql`${t.auditLog.entityType} = 'progress_entry' AND ${t.auditLog.entityId} = ${String(entryId)}`,
    )
    .orderBy(t.auditLog.id)
    .all()
    .map((row) => row.action);
}

const demoDatabase = demoDatabases();
beforeEach(() => {
  db = demoDatabase();
  (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = db;
});

describe('the progress-entry workflow', () => {
  it('a contributor drafts, the focal point returns it, the contributor corrects and resubmits, the focal point publishes', () => {
    const aldoria = actorId('Republic of Aldoria');
    const id = created(createEntry(ALDORIA_CONTRIBUTOR, input(aldoria)));
    expect(ownWorkOf(ALDORIA_CONTRIBUTOR).map((entry) => entry.id)).toContain(id);
    expect(created(submitEntry(ALDORIA_CONTRIBUTOR, id))).toBe(id);
    expect(reviewQueueOf(ALDORIA_FOCAL).map((entry) => entry.id)).toContain(id);
    expect(returnEntry(ALDORIA_FOCAL, id, '   ')).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { note: 'is required' },
    });
    expect(created(returnEntry(ALDORIA_FOCAL, id, 'Add the cabinet decision number.'))).toBe(id);
    expect(ownWorkOf(ALDORIA_CONTRIBUTOR).find((entry) => entry.id === id)).toMatchObject({
      state: 'returned',
      returnNote: 'Add the cabinet decision number.',
    });
    created(
      updateEntry(ALDORIA_CONTRIBUTOR, id, {
        ...input(aldoria),
        summary: 'Referral mechanism adopted (decision 12/2026)',
      }),
    );
    created(submitEntry(ALDORIA_CONTRIBUTOR, id));
    expect(publishEntry(ALDORIA_CONTRIBUTOR, id)).toMatchObject({ ok: false, status: 403 });
    created(publishEntry(ALDORIA_FOCAL, id));
    const entry = db.select().from(t.progressEntries).where(eq(t.progressEntries.id, id)).get();
    expect(entry).toMatchObject({
      state: 'published',
      approvedBy: ALDORIA_FOCAL,
      summary: 'Referral mechanism adopted (decision 12/2026)',
    });
    expect(audited(id)).toEqual([
      'entry.create',
      'entry.submit',
      'entry.return',
      'entry.edit',
      'entry.submit',
      'entry.publish',
    ]);
    const current = db.select().from(t.currentStatus).where(eq(t.currentStatus.entryId, id)).get();
    expect(current?.status).toBe('substantial');
  });

  it('a draft whose commitment or subject was archived can no longer be changed, submitted or published', () => {
    const aldoria = actorId('Republic of Aldoria');
    const draft = created(createEntry(ALDORIA_CONTRIBUTOR, input(aldoria)));
    const id = created(createEntry(ALDORIA_CONTRIBUTOR, input(aldoria)));
    created(submitEntry(ALDORIA_CONTRIBUTOR, id));
    const code = stateCommitment();
    db.update(t.commitments)
      .set({ archivedAt: '2026-07-01T00:00:00.000Z' })
      .where(eq(t.commitments.code, code))
      .run();
    const before = checksum();
    expect(submitEntry(ALDORIA_CONTRIBUTOR, draft)).toMatchObject({
      ok: false,
      status: 409,
      fieldErrors: { commitment: 'was archived' },
    });
    expect(updateEntry(ALDORIA_CONTRIBUTOR, draft, input(aldoria))).toMatchObject({
      ok: false,
      status: 409,
    });
    expect(publishEntry(ALDORIA_FOCAL, id)).toMatchObject({ ok: false, status: 409 });
    expect(checksum()).toBe(before);
    db.update(t.commitments).set({ archivedAt: null }).where(eq(t.commitments.code, code)).run();
    db.update(t.actors)
      .set({ archivedAt: '2026-07-01T00:00:00.000Z' })
      .where(eq(t.actors.id, aldoria))
      .run();
    // A self-report's subject is its reporter: the refusal names the archived reporter (db/archived-reporter.test.ts).
    expect(publishEntry(ALDORIA_FOCAL, id)).toMatchObject({
      ok: false,
      status: 409,
      fieldErrors: { reporter: 'is archived: its members cannot write entries' },
    });
    db.update(t.actors).set({ archivedAt: null }).where(eq(t.actors.id, aldoria)).run();
    expect(created(publishEntry(ALDORIA_FOCAL, id))).toBe(id);
  });

  it('publishes only the version the reviewer was shown: an entry changed since is refused and left as it was', () => {
    const aldoria = actorId('Republic of Aldoria');
    const id = created(createEntry(ALDORIA_CONTRIBUTOR, input(aldoria)));
    created(submitEntry(ALDORIA_CONTRIBUTOR, id));
    const shown = db.select().from(t.progressEntries).where(eq(t.progressEntries.id, id)).get()!;
    // Returned, edited and submitted again after the reviewer opened the confirmation.
    created(returnEntry(ALDORIA_FOCAL, id, 'Name the decree.'));
    created(
      updateEntry(ALDORIA_CONTRIBUTOR, id, {
        ...input(aldoria),
        summary: 'Mechanism adopted by decree 4/2026',
      }),
    );
    created(submitEntry(ALDORIA_CONTRIBUTOR, id));
    const before = checksum();
    expect(publishEntry(ALDORIA_FOCAL, id, { version: shown.updatedAt })).toMatchObject({
      ok: false,
      status: 409,
      fieldErrors: { version: 'changed after it was shown' },
    });
    expect(checksum()).toBe(before);
    const current = db.select().from(t.progressEntries).where(eq(t.progressEntries.id, id)).get()!;
    expect(created(publishEntry(ALDORIA_FOCAL, id, { version: current.updatedAt }))).toBe(id);
  });

  it('a focal point may publish its own entry directly', () => {
    const aldoria = actorId('Republic of Aldoria');
    const id = created(createEntry(ALDORIA_FOCAL, input(aldoria)));
    created(publishEntry(ALDORIA_FOCAL, id));
    expect(audited(id)).toEqual(['entry.create', 'entry.publish']);
  });

  it('a state delegate cannot log progress for another state, and nothing is written', () => {
    const bravonia = actorId('Kingdom of Bravonia');
    const before = checksum();
    expect(createEntry(ALDORIA_FOCAL, input(bravonia))).toMatchObject({ ok: false, status: 403 });
    expect(checksum()).toBe(before);
  });

  it('a reporter, state or timestamp smuggled into the input is refused by name, and nothing is written', () => {
    const aldoria = actorId('Republic of Aldoria');
    const bravonia = actorId('Kingdom of Bravonia');
    const before = checksum();
    const result = createEntry(ALDORIA_CONTRIBUTOR, {
      ...input(aldoria),
      reporter: bravonia,
      state: 'published',
      publishedAt: '2026-01-01',
    });
    expect(result).toMatchObject({ ok: false, status: 400 });
    if (!result.ok)
      expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual([
        'publishedAt',
        'reporter',
        'state',
      ]);
    expect(checksum()).toBe(before);
  });

  it('a civil-society member publishes an independent assessment of a state, with a confidence', () => {
    const cso = csoWithUsers();
    const aldoria = actorId('Republic of Aldoria');
    const before = checksum();
    const noConfidence = {
      ok: false,
      status: 400,
      fieldErrors: { confidence: 'is required for an independent assessment' },
      fieldCodes: { confidence: 'required' },
    };
    expect(createEntry(cso.contributor, input(aldoria, { status: 'limited' }))).toMatchObject(
      noConfidence,
    );
    expect(checksum()).toBe(before);
    const id = created(
      createEntry(cso.contributor, input(aldoria, { status: 'limited', confidence: 'low' })),
    );
    expect(
      updateEntry(cso.contributor, id, input(aldoria, { status: 'limited', confidence: null })),
    ).toMatchObject(noConfidence);
    // A draft saved before confidence was required at every save is still refused at submission.
    db.update(t.progressEntries)
      .set({ confidence: null })
      .where(eq(t.progressEntries.id, id))
      .run();
    expect(submitEntry(cso.contributor, id)).toMatchObject(noConfidence);
    expect(publishEntry(cso.focal, id)).toMatchObject({ ok: false, status: 403 });
    created(
      updateEntry(cso.contributor, id, input(aldoria, { status: 'limited', confidence: 'medium' })),
    );
    created(submitEntry(cso.contributor, id));
    created(publishEntry(cso.focal, id));
    expect(
      db.select().from(t.progressEntries).where(eq(t.progressEntries.id, id)).get(),
    ).toMatchObject({ perspective: 'independent', confidence: 'medium' });
  });

  it('hides another actor’s draft (IDOR) and refuses another actor’s published entry', () => {
    const aldoria = actorId('Republic of Aldoria');
    const draft = created(createEntry(ALDORIA_CONTRIBUTOR, input(aldoria)));
    for (const attempt of [
      () => submitEntry(BRAVONIA_FOCAL, draft),
      () => publishEntry(BRAVONIA_FOCAL, draft),
      () => updateEntry(BRAVONIA_FOCAL, draft, input(aldoria)),
      () => returnEntry(BRAVONIA_FOCAL, draft, 'no'),
    ]) {
      expect(attempt()).toMatchObject({ ok: false, status: 404 });
    }
    created(submitEntry(ALDORIA_CONTRIBUTOR, draft));
    created(publishEntry(ALDORIA_FOCAL, draft));
    expect(withdrawEntry(BRAVONIA_FOCAL, draft, 'not ours')).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(updateEntry(ALDORIA_FOCAL, draft, input(aldoria))).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it('a retry with the same idempotency key never makes a duplicate', () => {
    const aldoria = actorId('Republic of Aldoria');
    const payload = input(aldoria);
    const first = created(createEntry(ALDORIA_CONTRIBUTOR, payload));
    const count = db
      .select({ n: sql<number>`count(*)` })
      .from(t.progressEntries)
      .get()?.n;
    expect(createEntry(ALDORIA_CONTRIBUTOR, payload)).toEqual({
      ok: true,
      entryId: first,
      duplicate: true,
    });
    expect(
      db
        .select({ n: sql<number>`count(*)` })
        .from(t.progressEntries)
        .get()?.n,
    ).toBe(count);
    expect(createEntry(ALDORIA_FOCAL, payload)).toMatchObject({ ok: false, status: 409 });
  });

  it('a correction supersedes the published entry, and the current status follows it', () => {
    const aldoria = actorId('Republic of Aldoria');
    const original = created(
      createEntry(ALDORIA_FOCAL, input(aldoria, { asOf: '2026-10-01', status: 'complete' })),
    );
    created(publishEntry(ALDORIA_FOCAL, original));
    const correction = created(
      createEntry(
        ALDORIA_CONTRIBUTOR,
        input(aldoria, { asOf: '2026-10-01', status: 'limited', supersedes: original }),
      ),
    );
    created(submitEntry(ALDORIA_CONTRIBUTOR, correction));
    created(publishEntry(ALDORIA_FOCAL, correction));
    const row = db.select().from(t.progressEntries).where(eq(t.progressEntries.id, original)).get();
    expect(row).toMatchObject({
      state: 'published',
      status: 'complete',
      supersededById: correction,
    });
    expect(audited(original)).toEqual(['entry.create', 'entry.publish', 'entry.supersede']);
    expect(createEntry(ALDORIA_FOCAL, input(aldoria, { supersedes: original }))).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { supersedes: expect.any(String) },
    });
  });

  it('only an admin withdraws a published entry, with a reason, once', () => {
    const aldoria = actorId('Republic of Aldoria');
    const id = created(createEntry(ALDORIA_FOCAL, input(aldoria)));
    created(publishEntry(ALDORIA_FOCAL, id));
    expect(withdrawEntry(ALDORIA_FOCAL, id, 'mine')).toMatchObject({ ok: false, status: 403 });
    expect(withdrawEntry(ADMIN, id, '')).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { reason: 'is required' },
    });
    created(withdrawEntry(ADMIN, id, 'Published for the wrong commitment'));
    expect(withdrawEntry(ADMIN, id, 'again')).toMatchObject({ ok: false, status: 403 });
    expect(
      db.select().from(t.currentStatus).where(eq(t.currentStatus.entryId, id)).get(),
    ).toBeUndefined();
  });

  it('a disabled user can do nothing', () => {
    const aldoria = actorId('Republic of Aldoria');
    db.$client
      .prepare(`UPDATE users SET disabled_at = ? WHERE id = ?`)
      .run(Date.now(), ALDORIA_FOCAL);
    expect(createEntry(ALDORIA_FOCAL, input(aldoria))).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses bad input by field and writes nothing', () => {
    const aldoria = actorId('Republic of Aldoria');
    const before = checksum();
    const cases: [Record<string, unknown>, string][] = [
      [{ status: 'done' }, 'status'],
      [{ asOf: '2026-02-30' }, 'asOf'],
      [{ asOf: '2999-01-01' }, 'asOf'],
      [{ summary: '' }, 'summary'],
      [{ summary: 'x'.repeat(301) }, 'summary'],
      [{ summary: 42 }, 'summary'],
      [{ measures: ['prayer'] }, 'measures.0'],
      [
        { evidence: [{ url: 'javascript:alert(1)', title: 'x', relation: 'supports' }] },
        'evidence.0.url',
      ],
      [{ adverseEffects: true, adverseEffectsDescription: '' }, 'adverseEffectsDescription'],
      [{ commitment: 'NOPE-99' }, 'commitment'],
      [{ subject: 'abc' }, 'subject'],
      [{ subject: 999999 }, 'subject'],
      [{ narrative: 'a\u0000b' }, 'narrative'],
    ];
    for (const [change, field] of cases) {
      const result = createEntry(ALDORIA_CONTRIBUTOR, { ...input(aldoria), ...change });
      expect(result.ok, JSON.stringify(change)).toBe(false);
      if (!result.ok) {
        expect(result.status, JSON.stringify(change)).toBe(400);
        expect(Object.keys(result.fieldErrors ?? {}), JSON.stringify(change)).toContain(field);
      }
    }
    expect(checksum()).toBe(before);
  });
});
