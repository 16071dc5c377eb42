import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import * as t from '../schema';
import { demoDatabases } from '../../test/support/demo-database';
import { DEMO_ADMIN_ID } from '../../seed/demo';
import { disableUser } from './users';
import {
  currentTranslations,
  saveCommitmentTranslation,
  translationHistory,
} from './commitment-translations';
import { getCommitmentByCode, listCommitments } from './commitments';
import type { AdminWriteResult } from './admin-write';

const FOCAL_ALDORIA = 'demo-user-focal-aldoria';
const CONTRIBUTOR_ALDORIA = 'demo-user-contributor-aldoria';

let db: Db;
const freshDemoDatabase = demoDatabases();
beforeEach(() => {
  db = freshDemoDatabase();
  // The public reads (getCommitmentByCode, listCommitments) use the process-wide connection.
  (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = db;
});

const firstCommitment = () =>
  db
    .select({ id: t.commitments.id, code: t.commitments.code, title: t.commitments.title })
    .from(t.commitments)
    .orderBy(t.commitments.position)
    .get()!;

const french = {
  locale: 'fr',
  title: 'Ériger en infraction le trafic illicite de migrants',
  text: 'Les États devraient ériger en infraction le trafic illicite de migrants.',
};

/** Every row these writes touch, so "nothing changed" is checked, not assumed. */
const checksum = () =>
  JSON.stringify(
    ['commitment_translations', 'audit_log', 'data_version'].map((table) =>
      db.$client.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(),
    ),
  );

const audits = (commitmentId: number) =>
  db
    .select()
    .from(t.auditLog)
    .where(
      and(
        eq(t.auditLog.action, 'commitment.translate'),
        eq(t.auditLog.entityId, String(commitmentId)),
      ),
    )
    .orderBy(t.auditLog.id)
    .all();

function ok(result: AdminWriteResult): number {
  if (!result.ok) throw new Error(`expected success, got ${result.status} ${result.message}`);
  return result.id;
}

describe('an admin translating a commitment', () => {
  it('adds a translation, with who and when, and its audit row', () => {
    const commitment = firstCommitment();
    ok(saveCommitmentTranslation(DEMO_ADMIN_ID, commitment.id, french, { requestId: 'r1' }, db));

    const [version] = translationHistory(commitment.id, db);
    expect(version).toMatchObject({
      locale: 'fr',
      version: 1,
      title: french.title,
      text: french.text,
      addedBy: 'Demo Secretariat Admin',
    });
    expect(version!.addedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const [audit] = audits(commitment.id);
    expect(audit).toMatchObject({ userId: DEMO_ADMIN_ID, entityType: 'commitment', before: null });
    expect(audit!.requestId).toBe('r1');
    expect(JSON.parse(audit!.after!)).toEqual({ ...french, version: 1 });
  });

  it('keeps the verbatim original and carries the translation beside it', () => {
    const commitment = firstCommitment();
    ok(saveCommitmentTranslation(DEMO_ADMIN_ID, commitment.id, french, {}, db));
    const read = getCommitmentByCode(commitment.code)!;
    expect(read.title).toBe(commitment.title);
    expect(read.language).toBe('en');
    expect(read.translations).toEqual({
      fr: { title: french.title, text: french.text, version: 1, addedAt: expect.any(String) },
    });
    const listed = listCommitments().find((one) => one.code === commitment.code)!;
    expect(Object.keys(listed.translations)).toEqual(['fr']);
    expect(listCommitments().find((one) => one.code !== commitment.code)!.translations).toEqual({});
  });

  it('keeps every earlier version when a translation changes; the current one is the latest', () => {
    const commitment = firstCommitment();
    ok(saveCommitmentTranslation(DEMO_ADMIN_ID, commitment.id, french, {}, db));
    const revised = { ...french, title: 'Incriminer le trafic illicite de migrants' };
    ok(saveCommitmentTranslation(DEMO_ADMIN_ID, commitment.id, revised, {}, db));

    expect(translationHistory(commitment.id, db).map((row) => [row.version, row.title])).toEqual([
      [2, revised.title],
      [1, french.title],
    ]);
    expect(currentTranslations([commitment.id], db).get(commitment.id)?.fr).toMatchObject({
      version: 2,
      title: revised.title,
    });
    const [, second] = audits(commitment.id);
    expect(JSON.parse(second!.before!)).toMatchObject({ version: 1, title: french.title });
    expect(JSON.parse(second!.after!)).toMatchObject({ version: 2, title: revised.title });
  });

  it('adds nothing when the wording is the same as the current version (a repeated submit)', () => {
    const commitment = firstCommitment();
    ok(saveCommitmentTranslation(DEMO_ADMIN_ID, commitment.id, french, {}, db));
    const before = checksum();
    expect(saveCommitmentTranslation(DEMO_ADMIN_ID, commitment.id, french, {}, db)).toEqual({
      ok: true,
      id: commitment.id,
    });
    expect(checksum()).toBe(before);
  });

  it('keeps each language apart', () => {
    const commitment = firstCommitment();
    ok(saveCommitmentTranslation(DEMO_ADMIN_ID, commitment.id, french, {}, db));
    ok(
      saveCommitmentTranslation(
        DEMO_ADMIN_ID,
        commitment.id,
        {
          locale: 'ar',
          title: 'تجريم تهريب المهاجرين',
          text: 'ينبغي للدول تجريم تهريب المهاجرين.',
        },
        {},
        db,
      ),
    );
    const current = currentTranslations([commitment.id], db).get(commitment.id)!;
    expect(Object.keys(current).sort()).toEqual(['ar', 'fr']);
    expect(current.ar).toMatchObject({ version: 1, title: 'تجريم تهريب المهاجرين' });
  });

  it('moves the data version, so cached API answers and exports show the translation', () => {
    const commitment = firstCommitment();
    const version = () =>
      db.$client.prepare('SELECT version FROM data_version').pluck().get() as number;
    const before = version();
    ok(saveCommitmentTranslation(DEMO_ADMIN_ID, commitment.id, french, {}, db));
    expect(version()).toBe(before + 1);
  });
});

describe('who may translate: admins only, whatever the entry point', () => {
  it.each([
    ['a focal point', FOCAL_ALDORIA],
    ['a contributor', CONTRIBUTOR_ALDORIA],
    ['someone signed out', null],
    ['an unknown user', 'no-such-user'],
  ])('refuses %s with a 403, and writes nothing', (_who, userId) => {
    const commitment = firstCommitment();
    const before = checksum();
    expect(saveCommitmentTranslation(userId, commitment.id, french, {}, db)).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(checksum()).toBe(before);
  });

  it('refuses a disabled admin', () => {
    db.insert(t.users)
      .values({ id: 'second-admin', email: 'second@example.org', name: 'Second', role: 'admin' })
      .run();
    expect(disableUser(DEMO_ADMIN_ID, 'second-admin', db)).toMatchObject({ ok: true });
    const before = checksum();
    expect(
      saveCommitmentTranslation('second-admin', firstCommitment().id, french, {}, db),
    ).toMatchObject({ ok: false, status: 403 });
    expect(checksum()).toBe(before);
  });

  it('refuses bad input only after the caller is known to be an admin (no probing)', () => {
    expect(
      saveCommitmentTranslation(FOCAL_ALDORIA, firstCommitment().id, { locale: 'en' }, {}, db),
    ).toMatchObject({ ok: false, status: 403 });
  });
});

describe('bad input', () => {
  it.each([
    ["the commitment's own language", { ...french, locale: 'en' }, ['locale'], /must not be en/],
    ['a language that is not a UN language', { ...french, locale: 'de' }, ['locale'], /UN/],
    ['no language', { title: french.title, text: french.text }, ['locale'], /required/],
    ['an empty title', { ...french, title: '   ' }, ['title'], /required/],
    ['a title too long', { ...french, title: 'x'.repeat(301) }, ['title'], /at most 300/],
    ['an empty text', { ...french, text: '' }, ['text'], /required/],
    ['a field that is not a translation', { ...french, version: 7 }, ['version'], /not a field/],
  ])(
    'refuses %s with a 400 that names the field, and writes nothing',
    (_what, input, fields, says) => {
      const before = checksum();
      const result = saveCommitmentTranslation(DEMO_ADMIN_ID, firstCommitment().id, input, {}, db);
      expect(result).toMatchObject({ ok: false, status: 400 });
      if (result.ok) return;
      expect(Object.keys(result.fieldErrors ?? {})).toEqual(fields);
      expect(result.message).toMatch(says);
      for (const field of fields) expect(result.message).toContain(field);
      expect(checksum()).toBe(before);
    },
  );

  it('answers 404 for a commitment that does not exist, and writes nothing', () => {
    const before = checksum();
    for (const id of [999_999, 'abc', -1])
      expect(saveCommitmentTranslation(DEMO_ADMIN_ID, id, french, {}, db)).toMatchObject({
        ok: false,
        status: 404,
      });
    expect(checksum()).toBe(before);
  });

  it('writes nothing when the audit row cannot be written: one transaction', () => {
    db.$client.exec(
      `CREATE TRIGGER test_break_audit BEFORE INSERT ON audit_log WHEN NEW.action = 'commitment.translate' BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END;`,
    );
    const before = checksum();
    expect(() =>
      saveCommitmentTranslation(DEMO_ADMIN_ID, firstCommitment().id, french, {}, db),
    ).toThrow(/audit unavailable/);
    expect(checksum()).toBe(before);
  });
});

describe('the database keeps the history', () => {
  it('refuses to change or delete a version, whoever asks', () => {
    const commitment = firstCommitment();
    ok(saveCommitmentTranslation(DEMO_ADMIN_ID, commitment.id, french, {}, db));
    expect(() =>
      db.$client.exec(`UPDATE commitment_translations SET title = 'Autre' WHERE id = 1`),
    ).toThrow(/never changed/);
    expect(() => db.$client.exec('DELETE FROM commitment_translations')).toThrow(/never deleted/);
    expect(translationHistory(commitment.id, db)).toHaveLength(1);
  });
});
