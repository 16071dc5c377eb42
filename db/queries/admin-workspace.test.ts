import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import * as t from '../schema';
import { demoDatabases } from '../../test/support/demo-database';
import { DEMO_ADMIN_ID } from '../../seed/demo';
import * as admin from './admin-actors';
import {
  archiveActor,
  createActor,
  getActorForAdmin,
  getActorsForAdmin,
  listActorIdsForAdmin,
  restoreActor,
  updateActor,
} from './admin-actors';
import {
  archiveSource,
  createSource,
  listSourcesForAdmin,
  restoreSource,
  updateSource,
} from './admin-sources';
import * as adminCommitments from './admin-commitments';
import {
  archiveCommitment,
  CODE_LOCKED_MESSAGE,
  createCommitment,
  getCommitmentForAdmin,
  restoreCommitment,
  updateCommitment,
} from './admin-commitments';
import * as adminSources from './admin-sources';
import type { AdminWriteResult } from './admin-write';
import { disableUser } from './users';
import { getActor, listActors } from './actors';
import { getCommitmentByCode, listCommitments } from './commitments';
import { listPublishedEntries } from './entries';
import { formOptions } from './entry-forms';
import { getMatrix } from './matrix';
import { createEntry } from './entry-workflow';

const FOCAL_ALDORIA = 'demo-user-focal-aldoria';
const CONTRIBUTOR_ALDORIA = 'demo-user-contributor-aldoria';
const FOCAL_BRIDGEWELL = 'demo-user-focal-bridgewell';

let db: Db;
const freshDemoDatabase = demoDatabases();
beforeEach(() => {
  db = freshDemoDatabase();
  // The public read functions (lists, matrix, entry form) use the process-wide connection.
  (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = db;
});

/** Every row of the tables these screens write, so "nothing changed" is checked, not assumed. */
function checksum(): string {
  const tables = [
    'actors',
    'source_documents',
    'commitments',
    'commitment_paragraphs',
    'commitment_duty_bearers',
    'commitment_rights_holders',
    'commitment_objectives',
    'commitment_sdg_targets',
    'audit_log',
  ];
  return JSON.stringify(
    tables.map((table) => db.$client.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()),
  );
}

function ok(result: AdminWriteResult): number {
  if (!result.ok) throw new Error(`expected success, got ${result.status} ${result.message}`);
  return result.id;
}

const audits = (action: string, entityId: number) =>
  db
    .select()
    .from(t.auditLog)
    .where(and(eq(t.auditLog.action, action), eq(t.auditLog.entityId, String(entityId))))
    .all();

const breakAuditFor = (action: string) =>
  db.$client.exec(
    `CREATE TRIGGER test_break_audit BEFORE INSERT ON audit_log WHEN NEW.action = '${action}' BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END;`,
  );

const actorId = (name: string) =>
  db.select({ id: t.actors.id }).from(t.actors).where(eq(t.actors.name, name)).get()!.id;
const sourceId = () => db.select({ id: t.sourceDocuments.id }).from(t.sourceDocuments).get()!.id;

/** A seeded commitment that asks states to act and has published entries. */
function commitmentWithEntries(): { id: number; code: string } {
  return db.$client
    .prepare(
      `SELECT c.id, c.code FROM commitments c JOIN commitment_duty_bearers d ON d.commitment_id = c.id AND d.duty_bearer = 'states'
       WHERE EXISTS (SELECT 1 FROM progress_entries e WHERE e.commitment_id = c.id AND e.state = 'published') ORDER BY c.position LIMIT 1`,
    )
    .get() as { id: number; code: string };
}

const newActor = {
  kind: 'cso',
  name: 'Harbour Watch',
  shortName: 'HW',
  iso3: '',
  region: '',
  subRegion: '',
  intermediateRegion: '',
};
const newSource = {
  slug: 'gcm-ts6-report',
  title: 'Sixth thematic session',
  author: 'Co-facilitators',
  publishedOn: '2017-10-12',
  place: 'Geneva',
  reference: '',
  url: 'https://example.org/ts6',
};
const newCommitment = () => ({
  code: 'SRC-01',
  title: 'Open regular pathways',
  text: 'States should expand regular pathways for migration.',
  paragraphs: '13–14, 9',
  theme: 'safe_regular_migration',
  dutyBearers: ['states'],
  rightsHolders: ['migrants', 'migrant_workers'],
  gcmObjectives: ['5', '23'],
  sdgTargets: ['10.7'],
  source: String(sourceId()),
});

describe('only an enabled admin changes actors, source documents and commitments', () => {
  const writes: [string, (userId: string | null) => AdminWriteResult][] = [
    ['create an actor', (userId) => createActor(userId, newActor, {}, db)],
    [
      'edit an actor',
      (userId) =>
        updateActor(
          userId,
          actorId('Republic of Aldoria'),
          { ...newActor, kind: 'state', name: 'Aldoria renamed' },
          {},
          db,
        ),
    ],
    ['archive an actor', (userId) => archiveActor(userId, actorId('Republic of Aldoria'), {}, db)],
    ['restore an actor', (userId) => restoreActor(userId, actorId('Republic of Aldoria'), {}, db)],
    ['create a source document', (userId) => createSource(userId, newSource, {}, db)],
    [
      'edit a source document',
      (userId) => updateSource(userId, sourceId(), { ...newSource, slug: 'renamed' }, {}, db),
    ],
    ['archive a source document', (userId) => archiveSource(userId, sourceId(), {}, db)],
    ['restore a source document', (userId) => restoreSource(userId, sourceId(), {}, db)],
    ['create a commitment', (userId) => createCommitment(userId, newCommitment(), {}, db)],
    [
      'edit a commitment',
      (userId) =>
        updateCommitment(
          userId,
          commitmentWithEntries().id,
          { ...newCommitment(), code: commitmentWithEntries().code },
          {},
          db,
        ),
    ],
    [
      'archive a commitment',
      (userId) => archiveCommitment(userId, commitmentWithEntries().id, {}, db),
    ],
    [
      'restore a commitment',
      (userId) => restoreCommitment(userId, commitmentWithEntries().id, {}, db),
    ],
  ];
  const callers: [string, string | null][] = [
    ['nobody', null],
    ['an empty id', ''],
    ['an unknown user', 'no-such-user'],
    ['a focal point of a state', FOCAL_ALDORIA],
    ['a contributor of a state', CONTRIBUTOR_ALDORIA],
    ['a focal point of a civil society organisation', FOCAL_BRIDGEWELL],
  ];

  for (const [what, write] of writes) {
    it.each(callers)(`refuses %s to ${what}, and writes nothing`, (_who, callerId) => {
      const before = checksum();
      expect(write(callerId)).toMatchObject({ ok: false, status: 403 });
      expect(checksum()).toBe(before);
    });
  }

  it('refuses a disabled admin everything', () => {
    db.insert(t.users)
      .values({ id: 'second-admin', email: 'second@example.org', name: 'Second', role: 'admin' })
      .run();
    ok(createActor('second-admin', { ...newActor, name: 'Made while enabled' }, {}, db));
    expect(disableUser(DEMO_ADMIN_ID, 'second-admin', db)).toMatchObject({ ok: true });
    const before = checksum();
    for (const [, write] of writes)
      expect(write('second-admin')).toMatchObject({ ok: false, status: 403 });
    expect(checksum()).toBe(before);
  });

  it('refuses bad input by field only after the caller is known to be an admin (no probing)', () => {
    expect(createActor(FOCAL_ALDORIA, { name: '' }, {}, db)).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(createActor(DEMO_ADMIN_ID, { name: '' }, {}, db)).toMatchObject({
      ok: false,
      status: 400,
    });
  });

  it('offers no way to delete, and the database refuses one', () => {
    for (const api of [admin, adminSources, adminCommitments])
      expect(Object.keys(api).filter((name) => /delete|remove|purge/i.test(name))).toEqual([]);
    for (const table of ['actors', 'source_documents', 'commitments'])
      expect(() => db.$client.exec(`DELETE FROM ${table} WHERE id = 1`)).toThrow(
        /never deleted|not deleted|delete/i,
      );
  });
});

describe('actors', () => {
  it('lists ids by name whatever the case, filtered, and whole actors for a page in that order', () => {
    const ids = listActorIdsForAdmin({}, db).map(({ id }) => id);
    const all = getActorsForAdmin(ids, db);
    expect(all.map((actor) => actor.id)).toEqual(ids);
    const names = all.map((actor) => actor.name.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const page = ids.slice(2, 6);
    expect(getActorsForAdmin([...page].reverse(), db).map((actor) => actor.id)).toEqual(page);
    expect(getActorsForAdmin([], db)).toEqual([]);
    const bravonia = actorId('Kingdom of Bravonia');
    expect(listActorIdsForAdmin({ q: 'BRAVONIA' }, db)).toContainEqual({ id: bravonia });
    expect(listActorIdsForAdmin({ q: 'no such actor anywhere' }, db)).toEqual([]);
    const states = listActorIdsForAdmin({ kind: 'state' }, db).map(({ id }) => id);
    expect(getActorsForAdmin(states, db).every((actor) => actor.kind === 'state')).toBe(true);
    expect(states.length).toBeLessThan(ids.length);
  });

  it('creates an actor with its audit row, the input trimmed and empty fields stored as none', () => {
    const id = ok(
      createActor(
        DEMO_ADMIN_ID,
        { ...newActor, name: '  Harbour Watch ' },
        { requestId: 'req-1' },
        db,
      ),
    );
    expect(getActorForAdmin(id, db)).toMatchObject({
      kind: 'cso',
      name: 'Harbour Watch',
      shortName: 'HW',
      iso3: null,
      region: null,
      isDemo: false,
      archivedAt: null,
    });
    const [audit] = audits('actor.create', id);
    expect(audit).toMatchObject({
      userId: DEMO_ADMIN_ID,
      entityType: 'actor',
      requestId: 'req-1',
      before: null,
    });
    expect(JSON.parse(audit!.after!)).toMatchObject({ id, name: 'Harbour Watch' });
  });

  it('edits an actor, auditing before and after', () => {
    const id = actorId('Republic of Aldoria');
    ok(
      updateActor(
        DEMO_ADMIN_ID,
        id,
        {
          kind: 'state',
          name: 'Republic of Aldoria',
          shortName: 'Aldoria',
          region: 'Europe',
          subRegion: 'Northern Europe',
        },
        {},
        db,
      ),
    );
    const [audit] = audits('actor.edit', id);
    expect(JSON.parse(audit!.before!).subRegion).not.toBe('Northern Europe');
    expect(JSON.parse(audit!.after!)).toMatchObject({
      subRegion: 'Northern Europe',
      intermediateRegion: null,
    });
  });

  it.each([
    [
      'a missing name and an unknown kind',
      { ...newActor, name: ' ', kind: 'club' },
      ['kind', 'name'],
    ],
    ['an ISO code for a non-state', { ...newActor, iso3: 'FRA' }, ['iso3']],
    ['a malformed ISO code', { ...newActor, kind: 'state', iso3: 'FR1' }, ['iso3']],
    [
      'fields nobody may set',
      { ...newActor, isDemo: true, archivedAt: '2020-01-01', id: 7 },
      ['archivedAt', 'id', 'isDemo'],
    ],
    ['a name already taken (in any case)', { ...newActor, name: 'republic of aldoria' }, ['name']],
    ['a name that is not text', { ...newActor, name: 42 }, ['name']],
    ['an oversized name', { ...newActor, name: 'x'.repeat(201) }, ['name']],
  ])('refuses %s with a 400 that names the field, and writes nothing', (_what, input, fields) => {
    const before = checksum();
    const result = createActor(DEMO_ADMIN_ID, input, {}, db);
    expect(result).toMatchObject({ ok: false, status: 400 });
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(fields);
    for (const field of fields) expect(result.message).toContain(field);
    expect(checksum()).toBe(before);
  });

  it('keeps a real ISO code off a fictitious demo actor (and the database CHECK never sees it)', () => {
    const result = updateActor(
      DEMO_ADMIN_ID,
      actorId('Republic of Aldoria'),
      { kind: 'state', name: 'Republic of Aldoria', iso3: 'FRA' },
      {},
      db,
    );
    expect(result).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { iso3: expect.any(String) },
    });
  });

  it('writes nothing when the audit row cannot be written: one transaction', () => {
    breakAuditFor('actor.create');
    const before = checksum();
    expect(() => createActor(DEMO_ADMIN_ID, newActor, {}, db)).toThrow(/audit unavailable/);
    expect(checksum()).toBe(before);
  });

  it('archives and restores, never twice, auditing each', () => {
    const id = actorId('Kingdom of Bravonia');
    ok(archiveActor(DEMO_ADMIN_ID, id, {}, db));
    expect(getActorForAdmin(id, db)?.archivedAt).toMatch(/^\d{4}-/);
    expect(archiveActor(DEMO_ADMIN_ID, id, {}, db)).toMatchObject({ ok: false, status: 409 });
    expect(listActorIdsForAdmin({ archived: 'archived' }, db)).toEqual([{ id }]);
    ok(restoreActor(DEMO_ADMIN_ID, id, {}, db));
    expect(restoreActor(DEMO_ADMIN_ID, id, {}, db)).toMatchObject({ ok: false, status: 409 });
    expect(getActorForAdmin(id, db)?.archivedAt).toBeNull();
    expect(JSON.parse(audits('actor.archive', id)[0]!.after!).archivedAt).toMatch(/^\d{4}-/);
    expect(JSON.parse(audits('actor.restore', id)[0]!.after!).archivedAt).toBeNull();
  });

  it('says 404 for an actor that does not exist and 400 for an id that is not one', () => {
    expect(archiveActor(DEMO_ADMIN_ID, 999999, {}, db)).toMatchObject({ ok: false, status: 404 });
    expect(archiveActor(DEMO_ADMIN_ID, '1; DROP TABLE actors', {}, db)).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { id: expect.any(String) },
    });
    expect(updateActor(DEMO_ADMIN_ID, 999999, newActor, {}, db)).toMatchObject({
      ok: false,
      status: 404,
    });
  });
});

describe('source documents', () => {
  it('creates and edits a source document, audited', () => {
    const id = ok(createSource(DEMO_ADMIN_ID, newSource, {}, db));
    expect(listSourcesForAdmin({}, db).find((source) => source.id === id)).toMatchObject({
      slug: 'gcm-ts6-report',
      reference: null,
      commitments: 0,
    });
    ok(updateSource(DEMO_ADMIN_ID, id, { ...newSource, reference: 'A/CONF.231/3' }, {}, db));
    expect(JSON.parse(audits('source.edit', id)[0]!.after!)).toMatchObject({
      reference: 'A/CONF.231/3',
    });
    expect(audits('source.create', id)).toHaveLength(1);
  });

  it.each([
    ['a taken slug', { ...newSource, slug: 'gcm-ts5-expert-report' }, ['slug']],
    [
      'an impossible date and a non-web address',
      { ...newSource, publishedOn: '2017-02-30', url: 'javascript:alert(1)' },
      ['publishedOn', 'url'],
    ],
    [
      'missing title, author and place',
      { slug: 'x', publishedOn: '2017-01-01' },
      ['author', 'place', 'title'],
    ],
  ])('refuses %s by field, and writes nothing', (_what, input, fields) => {
    const before = checksum();
    const result = createSource(DEMO_ADMIN_ID, input, {}, db);
    expect(result.ok ? [] : Object.keys(result.fieldErrors ?? {}).sort()).toEqual(fields);
    expect(checksum()).toBe(before);
  });

  it('archiving a source keeps its commitments, and stops new ones from citing it', () => {
    const cited = listSourcesForAdmin({}, db)[0]!;
    ok(archiveSource(DEMO_ADMIN_ID, cited.id, {}, db));
    expect(listSourcesForAdmin({ archived: 'archived' }, db)[0]).toMatchObject({
      id: cited.id,
      commitments: cited.commitments,
    });
    expect(listCommitments()).toHaveLength(cited.commitments);
    expect(createCommitment(DEMO_ADMIN_ID, newCommitment(), {}, db)).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { source: expect.any(String) },
    });
    // A commitment that already cites it may still be edited.
    const { id, code } = commitmentWithEntries();
    const current = getCommitmentForAdmin(id, db)!;
    ok(
      updateCommitment(
        DEMO_ADMIN_ID,
        id,
        { ...newCommitment(), code, source: String(current.sourceId) },
        {},
        db,
      ),
    );
  });
});

describe('commitments', () => {
  it('creates a commitment with all its tags, a normalised citation, the last position and an audit row', () => {
    const id = ok(
      createCommitment(DEMO_ADMIN_ID, { ...newCommitment(), code: ' src-01 ' }, {}, db),
    );
    const created = getCommitmentForAdmin(id, db)!;
    expect(created).toMatchObject({
      code: 'SRC-01',
      paragraphs: '9, 13-14',
      theme: 'safe_regular_migration',
      dutyBearers: ['states'],
      rightsHolders: expect.arrayContaining(['migrants', 'migrant_workers']),
      gcmObjectives: [5, 23],
      sdgTargets: ['10.7'],
      entries: 0,
    });
    expect(
      db
        .select()
        .from(t.commitmentParagraphs)
        .where(eq(t.commitmentParagraphs.commitmentId, id))
        .all()
        .map((row) => row.paragraph)
        .sort((a, b) => a - b),
    ).toEqual([9, 13, 14]);
    const last = db
      .select({ position: sql<number>`max(position)` })
      .from(t.commitments)
      .get()!.position;
    expect(db.select().from(t.commitments).where(eq(t.commitments.id, id)).get()!.position).toBe(
      last,
    );
    expect(JSON.parse(audits('commitment.create', id)[0]!.after!)).toMatchObject({
      code: 'SRC-01',
      gcmObjectives: [5, 23],
    });
    // The public side shows it at once.
    expect(getCommitmentByCode('SRC-01')).toMatchObject({
      title: 'Open regular pathways',
      paragraphNumbers: [9, 13, 14],
    });
  });

  it.each([
    ['a malformed code', { code: 'tip 3' }, ['code']],
    ['a code already taken', { code: 'TIP-01' }, ['code']],
    ['no duty bearer', { dutyBearers: [] }, ['dutyBearers']],
    ['a citation that is not paragraph numbers', { paragraphs: 'nine' }, ['paragraphs']],
    [
      'an unknown theme, objective 24 and an SDG target not in the list',
      { theme: 'weather', gcmObjectives: ['24'], sdgTargets: ['1.1'] },
      ['gcmObjectives', 'sdgTargets', 'theme'],
    ],
    ['a source that does not exist', { source: '999999' }, ['source']],
    ['a position smuggled in', { position: 1 }, ['position']],
  ])('refuses %s by field, and writes nothing', (_what, change, fields) => {
    const before = checksum();
    const result = createCommitment(DEMO_ADMIN_ID, { ...newCommitment(), ...change }, {}, db);
    expect(result.ok ? [] : Object.keys(result.fieldErrors ?? {}).sort()).toEqual(fields);
    expect(checksum()).toBe(before);
  });

  it('edits title, text and tags of a commitment with entries, keeping its code, audited before and after', () => {
    const { id, code } = commitmentWithEntries();
    const before = getCommitmentForAdmin(id, db)!;
    ok(
      updateCommitment(
        DEMO_ADMIN_ID,
        id,
        {
          ...newCommitment(),
          code,
          title: 'A clearer title',
          dutyBearers: ['states', 'international_community'],
        },
        {},
        db,
      ),
    );
    const after = getCommitmentForAdmin(id, db)!;
    expect(after).toMatchObject({
      code,
      title: 'A clearer title',
      dutyBearers: expect.arrayContaining(['states', 'international_community']),
      entries: before.entries,
    });
    const [audit] = audits('commitment.edit', id);
    expect(JSON.parse(audit!.before!)).toMatchObject({
      title: before.title,
      dutyBearers: before.dutyBearers,
    });
    expect(JSON.parse(audit!.after!)).toMatchObject({ title: 'A clearer title' });
  });

  it('never changes the code of a commitment with entries: the data layer names the field, the trigger is the last line of defence', () => {
    const { id, code } = commitmentWithEntries();
    const before = checksum();
    const result = updateCommitment(
      DEMO_ADMIN_ID,
      id,
      { ...newCommitment(), code: 'NEW-99' },
      {},
      db,
    );
    expect(result).toEqual({
      ok: false,
      status: 400,
      message: `Check code: code ${CODE_LOCKED_MESSAGE}`,
      fieldErrors: { code: CODE_LOCKED_MESSAGE },
      fieldCodes: { code: 'locked' },
    });
    expect(checksum()).toBe(before);
    expect(() =>
      db.$client.prepare('UPDATE commitments SET code = ? WHERE id = ?').run('NEW-99', id),
    ).toThrow(/immutable once it has entries/);
    expect(
      db
        .select({ code: t.commitments.code })
        .from(t.commitments)
        .where(eq(t.commitments.id, id))
        .get()!.code,
    ).toBe(code);
  });

  it('a draft is an entry too: it fixes the code as well', () => {
    const id = ok(createCommitment(DEMO_ADMIN_ID, newCommitment(), {}, db));
    const entry = createEntry(FOCAL_ALDORIA, {
      idempotencyKey: 'admin-test-draft-1',
      commitment: 'SRC-01',
      subject: actorId('Republic of Aldoria'),
      status: 'limited',
      asOf: '2026-01-01',
      summary: 'A draft',
    });
    expect(entry).toMatchObject({ ok: true });
    expect(getCommitmentForAdmin(id, db)?.entries).toBe(1);
    // The list counts it too, for the page's commitments it is asked about.
    const listed = adminCommitments.listCommitmentsForAdmin({ q: 'SRC-01' }, db);
    expect(listed.map((commitment) => commitment.id)).toEqual([id]);
    const other = adminCommitments.listCommitmentsForAdmin({}, db).find((row) => row.id !== id)!;
    const counts = adminCommitments.countEntriesOf([id, other.id], db);
    expect(counts.get(id)).toBe(1);
    expect(counts.get(other.id) ?? 0).toBe(
      db.$client
        .prepare('SELECT count(*) FROM progress_entries WHERE commitment_id = ?')
        .pluck()
        .get(other.id),
    );
    expect(adminCommitments.countEntriesOf([], db).size).toBe(0);
    expect(
      updateCommitment(DEMO_ADMIN_ID, id, { ...newCommitment(), code: 'SRC-02' }, {}, db),
    ).toMatchObject({ ok: false, status: 400, fieldErrors: { code: CODE_LOCKED_MESSAGE } });
  });

  it('changes the code of a commitment that has no entries yet', () => {
    const id = ok(createCommitment(DEMO_ADMIN_ID, newCommitment(), {}, db));
    ok(updateCommitment(DEMO_ADMIN_ID, id, { ...newCommitment(), code: 'SRC-02' }, {}, db));
    expect(getCommitmentByCode('SRC-02')).not.toBeNull();
    expect(getCommitmentByCode('SRC-01')).toBeNull();
  });
});

describe('archiving: out of lists, counts and the entry form; its page and past entries stay public', () => {
  it('an archived commitment', () => {
    const { id, code } = commitmentWithEntries();
    const pairsBefore = getMatrix({}).cells.filter((cell) => cell.code === code).length;
    const allPairs = getMatrix({}).cells.length;
    const entries = listPublishedEntries({ commitment: code }).total;
    expect(pairsBefore).toBeGreaterThan(0);
    expect(entries).toBeGreaterThan(0);

    ok(archiveCommitment(DEMO_ADMIN_ID, id, {}, db));
    expect(listCommitments().map((commitment) => commitment.code)).not.toContain(code);
    expect(getMatrix({}).cells).toHaveLength(allPairs - pairsBefore);
    expect(getMatrix({}).commitments.map((commitment) => commitment.code)).not.toContain(code);
    expect(
      formOptions({
        id: FOCAL_ALDORIA,
        email: '',
        name: '',
        role: 'focal_point',
        actorId: actorId('Republic of Aldoria'),
        actorName: null,
      }).commitments.map((c) => c.code),
    ).not.toContain(code);
    expect(
      createEntry(FOCAL_ALDORIA, {
        idempotencyKey: 'admin-test-archived-1',
        commitment: code,
        subject: actorId('Republic of Aldoria'),
        status: 'limited',
        asOf: '2026-01-01',
        summary: 'x',
      }),
    ).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { commitment: expect.any(String) },
    });
    // Still reachable, with its history.
    expect(getCommitmentByCode(code)?.code).toBe(code);
    expect(listPublishedEntries({ commitment: code }).total).toBe(entries);
    expect(db.select().from(t.commitments).where(eq(t.commitments.id, id)).get()).toBeDefined();

    ok(restoreCommitment(DEMO_ADMIN_ID, id, {}, db));
    expect(getMatrix({}).cells).toHaveLength(allPairs);
    expect(listCommitments().map((commitment) => commitment.code)).toContain(code);
  });

  it('an archived actor', () => {
    const bravonia = actorId('Kingdom of Bravonia');
    const entries = listPublishedEntries({ subject: bravonia }).total;
    expect(entries).toBeGreaterThan(0);
    ok(archiveActor(DEMO_ADMIN_ID, bravonia, {}, db));
    expect(listActors().map((actor) => actor.id)).not.toContain(bravonia);
    expect(getMatrix({}).cells.some((cell) => cell.actorId === bravonia)).toBe(false);
    // A civil-society member can no longer choose it, nor forge it.
    const bridgewell = db
      .select({ actorId: t.users.actorId })
      .from(t.users)
      .where(eq(t.users.id, FOCAL_BRIDGEWELL))
      .get()!.actorId!;
    const subjects = formOptions({
      id: FOCAL_BRIDGEWELL,
      email: '',
      name: '',
      role: 'focal_point',
      actorId: bridgewell,
      actorName: null,
    }).subjects.map((subject) => subject.id);
    expect(subjects).not.toContain(bravonia);
    expect(subjects).toContain(actorId('Republic of Aldoria'));
    expect(
      createEntry(FOCAL_BRIDGEWELL, {
        idempotencyKey: 'admin-test-archived-2',
        commitment: commitmentWithEntries().code,
        subject: bravonia,
        status: 'limited',
        asOf: '2026-01-01',
        summary: 'x',
        confidence: 'low',
      }),
    ).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { subject: expect.any(String) },
    });
    // Its page and entries stay.
    expect(getActor(bravonia)?.name).toBe('Kingdom of Bravonia');
    expect(listPublishedEntries({ subject: bravonia }).total).toBe(entries);
  });
});
