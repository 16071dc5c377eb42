import { beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { applyPragmas, type Db } from '../client';
import * as t from '../schema';
import { demoDatabases } from '../../test/support/demo-database';
import { importEntriesCsv, type ImportResult } from './csv-import';
import {
  createRehearsalTable,
  importStore,
  REHEARSAL_TABLE,
  RehearsalUnsupported,
  refusingInsertTriggers,
} from './import-store';
import { createIn, publishIn } from '../queries/entry-workflow';
import { reviewQueueOf } from '../../test/support/work-lists';
import { entryInputSchema } from '../../lib/entry-input';
import { listPublicChanges, listPublishedEntries } from '../queries/entries';
import { toCsv, type CsvCell } from '../../lib/csv';
import { csvValue, ENTRY_COLUMNS, entryRecord } from '../../lib/entries-csv';

const ADMIN = 'demo-user-admin';
const ALDORIA_FOCAL = 'demo-user-focal-aldoria';
const ALDORIA_CONTRIBUTOR = 'demo-user-contributor-aldoria';
const BRAVONIA_FOCAL = 'demo-user-focal-bravonia';

let db: Db;

function actorId(name: string): number {
  const row = db.select({ id: t.actors.id }).from(t.actors).where(eq(t.actors.name, name)).get();
  if (!row) throw new Error(`no actor ${name}`);
  return row.id;
}

/** Commitments that ask states to act, so they apply to every demo state. */
function stateCommitments(): string[] {
  return (
    db.$client
      .prepare(
        `SELECT c.code FROM commitments c JOIN commitment_duty_bearers d ON d.commitment_id = c.id WHERE d.duty_bearer = 'states' ORDER BY c.position`,
      )
      .all() as { code: string }[]
  ).map((row) => row.code);
}

const COLUMNS = [
  'commitment_code',
  'subject_id',
  'status',
  'as_of',
  'summary',
  'narrative',
  'measures',
  'evidence',
  'confidence',
] as const;

function csv(
  rows: Partial<Record<(typeof COLUMNS)[number] | 'reporter_id' | 'id', CsvCell>>[],
  columns: readonly string[] = COLUMNS,
): string {
  return toCsv(
    columns,
    rows.map((row) => columns.map((column) => (row as Record<string, CsvCell>)[column] ?? '')),
  );
}

function row(subject: number, index: number, overrides: Record<string, CsvCell> = {}) {
  const codes = stateCommitments();
  return {
    commitment_code: codes[index % codes.length],
    subject_id: subject,
    status: 'substantial',
    as_of: `2025-${String((index % 12) + 1).padStart(2, '0')}-15`,
    summary: `Imported statement ${index}`,
    narrative: 'From the ministry spreadsheet.',
    measures: 'policy;budget',
    evidence: JSON.stringify([
      { url: 'https://example.org/report', title: 'Annual report', relation: 'supports' },
    ]),
    ...overrides,
  };
}

function checksum(): string {
  return JSON.stringify(
    ['progress_entries', 'audit_log', 'current_status'].map((table) =>
      db.$client.prepare(`SELECT count(*) AS n, coalesce(max(rowid), 0) AS m FROM ${table}`).get(),
    ),
  );
}

function imported(result: ImportResult): ImportResult {
  if (!result.ok)
    throw new Error(
      `expected success, got ${result.status} ${result.message} ${JSON.stringify([result.fileErrors, result.rows.filter((r) => r.errors.length).slice(0, 3)])}`,
    );
  return result;
}

function switchTo(target: Db): void {
  db = target;
  (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = target;
}

/** A copy of the database as it is now, on its own connection. */
function copyOf(source: Db): Db {
  const sqlite = new Database(source.$client.serialize());
  applyPragmas(sqlite);
  return drizzle(sqlite, { schema: t }) as Db;
}

const CLOCK = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g;

/** Everything an import writes (entries, audit rows, current statuses, id sequences), the clock's readings blanked. */
function written(): unknown {
  const queries = {
    progress_entries: 'SELECT * FROM progress_entries ORDER BY id',
    audit_log: 'SELECT * FROM audit_log ORDER BY id',
    current_status: 'SELECT * FROM current_status ORDER BY commitment_id, subject_id, perspective',
    sqlite_sequence:
      "SELECT * FROM sqlite_sequence WHERE name IN ('progress_entries', 'audit_log') ORDER BY name",
  };
  return JSON.parse(
    JSON.stringify(
      Object.fromEntries(
        Object.entries(queries).map(([name, query]) => [name, db.$client.prepare(query).all()]),
      ),
    ).replace(CLOCK, 'T'),
  );
}

const dataVersion = () =>
  (db.$client.prepare('SELECT version FROM data_version').get() as { version: number }).version;

/**
 * Imports the same file into two copies of the database: through the batched import store, and
 * row by row through the one-entry store (the form's path). Returns both results and what each
 * left in its database.
 */
async function bothWays(
  userId: string,
  file: string,
  options: { publish?: boolean; dryRun?: boolean } = {},
) {
  const base = db;
  const reference = copyOf(base);
  const before = { batched: 0, oneByOne: 0 };
  before.batched = dataVersion();
  const batched = await importEntriesCsv(userId, file, options);
  const batchedWrote = written();
  const batchedVersion = dataVersion();
  switchTo(reference);
  before.oneByOne = dataVersion();
  const oneByOne = await importEntriesCsv(userId, file, { ...options, oneByOne: true });
  const oneByOneWrote = written();
  const oneByOneVersion = dataVersion();
  switchTo(base);
  return {
    batched,
    oneByOne,
    batchedWrote,
    oneByOneWrote,
    versionsMoved: [batchedVersion > before.batched, oneByOneVersion > before.oneByOne],
  };
}

const demoDatabase = demoDatabases();
beforeEach(() => {
  switchTo(demoDatabase());
});

describe('importing progress entries from CSV', () => {
  it('a preview shows every row with its errors by row and column, and writes nothing', async () => {
    const aldoria = actorId('Republic of Aldoria');
    const before = checksum();
    const file = csv([
      row(aldoria, 0),
      row(aldoria, 1, { status: 'done', as_of: '2025-02-30' }),
      row(aldoria, 2, { commitment_code: 'XX-99', measures: 'policy;magic' }),
      row(aldoria, 3),
    ]);
    const result = await importEntriesCsv(ALDORIA_FOCAL, file, { dryRun: true, publish: true });
    expect(checksum()).toBe(before);
    expect(result).toMatchObject({ ok: false, status: 400, dryRun: true });
    expect(result.rows.map((r) => [r.line, r.outcome])).toEqual([
      [2, 'new'],
      [3, 'error'],
      [4, 'error'],
      [5, 'new'],
    ]);
    expect(result.rows[1]?.errors.map((e) => e.column).sort()).toEqual(['as_of', 'status']);
    expect(result.rows[1]?.errors.find((e) => e.column === 'status')?.message).toMatch(
      /must be one of/,
    );
    expect(result.rows[2]?.errors.map((e) => e.column)).toEqual(['measures']);
    // Once the schema passes, the workflow's own checks speak: an unknown commitment code.
    const unknownCode = await importEntriesCsv(
      ALDORIA_FOCAL,
      csv([row(aldoria, 0, { commitment_code: 'XX-99' })]),
      { dryRun: true },
    );
    expect(unknownCode.rows[0]?.errors).toEqual([
      {
        column: 'commitment_code',
        message: 'is not a commitment of this workspace',
        code: 'invalid_choice',
        params: {},
      },
    ]);
    expect(result.rows.every((r) => r.entryId === null)).toBe(true);
    expect(checksum()).toBe(before);
  });

  it('refuses a file with unknown or missing columns, naming them', async () => {
    const result = await importEntriesCsv(
      ALDORIA_FOCAL,
      toCsv(['commitment_code', 'status', 'colour'], [['TIP-01', 'complete', 'red']]),
      { dryRun: true },
    );
    expect(result.status).toBe(400);
    expect(result.fileErrors.map((e) => e.column).sort()).toEqual([
      'as_of',
      'colour',
      'subject_id',
      'summary',
    ]);
  });

  it('codes each file error beside its English, with the columns and limits as arguments', async () => {
    const result = await importEntriesCsv(
      ALDORIA_FOCAL,
      toCsv(['commitment_code', 'status', 'colour'], []),
      { dryRun: true },
    );
    const byColumn = new Map(result.fileErrors.map((e) => [e.column, e]));
    expect(byColumn.get('colour')).toMatchObject({
      line: 1,
      code: 'unknown_column',
      params: { columns: expect.stringContaining('commitment_code, ') },
      message: expect.stringMatching(/^is not a column of an entries file/),
    });
    expect(byColumn.get('summary')).toMatchObject({ code: 'required', message: 'is required' });
    expect(byColumn.get('subject_id')).toMatchObject({
      code: 'required_or',
      params: { other: 'subject_iso3' },
    });
    expect(byColumn.get(null)).toMatchObject({ code: 'no_rows', message: 'The file has no rows.' });
    const latin1 = await importEntriesCsv(ALDORIA_FOCAL, new Uint8Array([0x63, 0xe9, 0x0a]), {
      dryRun: true,
    });
    expect(latin1.fileErrors).toMatchObject([{ code: 'not_utf8', params: {} }]);
  });

  it('codes each cell error beside its English, naming the actor and the limit', async () => {
    const aldoria = actorId('Republic of Aldoria');
    const bravonia = actorId('Kingdom of Bravonia');
    const before = checksum();
    const columns = [...COLUMNS, 'reporter_id'];
    const result = await importEntriesCsv(
      ALDORIA_FOCAL,
      csv(
        [
          row(aldoria, 0, { subject_id: 99_999_999 }),
          row(aldoria, 1, { subject_id: 'seven' }),
          { ...row(aldoria, 2), reporter_id: bravonia },
          row(aldoria, 3, { summary: 'x'.repeat(301) }),
          row(aldoria, 4, { evidence: 'see the annex' }),
        ],
        columns,
      ),
      { dryRun: true },
    );
    expect(result.status).toBe(400);
    expect(
      result.rows.map((r) =>
        r.errors.map(({ column, code, params }) => ({ column, code, params })),
      ),
    ).toEqual([
      [{ column: 'subject_id', code: 'unknown_actor', params: {} }],
      [
        { column: 'subject_id', code: 'not_positive_integer', params: {} },
        { column: 'subject_id', code: 'required_or', params: { other: 'subject_iso3' } },
      ],
      [{ column: 'reporter_id', code: 'not_own_actor', params: { actor: 'Republic of Aldoria' } }],
      [{ column: 'summary', code: 'too_long', params: { max: 300 } }],
      [{ column: 'evidence', code: 'not_json_links', params: {} }],
    ]);
    // The English stays as scripts read it.
    expect(result.rows[2]?.errors[0]?.message).toMatch(
      /^must be your own actor \(Republic of Aldoria\)/,
    );
    expect(checksum()).toBe(before);
  });

  it('a focal point imports and publishes in one transaction; the same file again adds nothing', async () => {
    const aldoria = actorId('Republic of Aldoria');
    const file = csv([row(aldoria, 0), row(aldoria, 1), row(aldoria, 2)]);
    const publishedBefore = listPublishedEntries({ subject: aldoria, limit: 1 }).total;
    const first = imported(await importEntriesCsv(ALDORIA_FOCAL, file, { publish: true }));
    expect(first.counts).toMatchObject({ total: 3, new: 3, written: 3, duplicate: 0 });
    expect(listPublishedEntries({ subject: aldoria, limit: 1 }).total).toBe(publishedBefore + 3);
    const entry = db
      .select()
      .from(t.progressEntries)
      .where(eq(t.progressEntries.id, first.rows[0]!.entryId!))
      .get();
    expect(entry).toMatchObject({
      state: 'published',
      reporterId: aldoria,
      createdBy: ALDORIA_FOCAL,
      approvedBy: ALDORIA_FOCAL,
      measures: '["policy","budget"]',
    });
    // Created and published in one transaction, never seen as a draft: ONE audit row, the
    // publication, holding the entry as stored; the public change log lists it.
    const audit = db
      .select()
      .from(t.auditLog)
      .where(eq(t.auditLog.entityId, String(entry!.id)))
      .all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'entry.publish',
      entityType: 'progress_entry',
      userId: ALDORIA_FOCAL,
      before: null,
    });
    expect(JSON.parse(audit[0]!.after!)).toEqual(entry);
    expect(listPublicChanges({}, 3).changes).toContainEqual(
      expect.objectContaining({ entryId: entry!.id, action: 'publish' }),
    );

    const before = checksum();
    const again = imported(await importEntriesCsv(ALDORIA_FOCAL, file, { publish: true }));
    expect(again.counts).toMatchObject({ total: 3, new: 0, duplicate: 3, written: 0 });
    expect(again.rows.map((r) => r.entryId)).toEqual(first.rows.map((r) => r.entryId));
    expect(checksum()).toBe(before);
  });

  it('refuses rows about another state, and nothing of the file is written', async () => {
    const aldoria = actorId('Republic of Aldoria');
    const bravonia = actorId('Kingdom of Bravonia');
    const before = checksum();
    const result = await importEntriesCsv(ALDORIA_FOCAL, csv([row(aldoria, 0), row(bravonia, 1)]), {
      publish: true,
    });
    expect(result).toMatchObject({ ok: false, status: 403 });
    expect(result.rows[1]).toMatchObject({ line: 3, outcome: 'error' });
    expect(result.rows[1]?.errors[0]?.column).toBe('subject_id');
    expect(result.counts.written).toBe(0);
    expect(checksum()).toBe(before);
  });

  it('refuses a row naming another reporter, and contributors may not import at all', async () => {
    const aldoria = actorId('Republic of Aldoria');
    const bravonia = actorId('Kingdom of Bravonia');
    const result = await importEntriesCsv(
      ALDORIA_FOCAL,
      csv([{ ...row(bravonia, 0), reporter_id: bravonia }], [...COLUMNS, 'reporter_id']),
      { dryRun: true },
    );
    expect(result.rows[0]?.errors).toEqual([
      expect.objectContaining({
        column: 'reporter_id',
        message: expect.stringMatching(/must be your own actor/),
      }),
    ]);
    const before = checksum();
    expect(await importEntriesCsv(ALDORIA_CONTRIBUTOR, csv([row(aldoria, 0)]), {})).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(checksum()).toBe(before);
  });

  it("an admin's import names each row's reporter and lands in that actor's review queue", async () => {
    const aldoria = actorId('Republic of Aldoria');
    const columns = [...COLUMNS, 'reporter_id'];
    const missing = await importEntriesCsv(ADMIN, csv([row(aldoria, 0)]), { dryRun: true });
    expect(missing.fileErrors.map((e) => e.column)).toEqual(['reporter_id']);
    expect(
      await importEntriesCsv(ADMIN, csv([{ ...row(aldoria, 0), reporter_id: aldoria }], columns), {
        publish: true,
      }),
    ).toMatchObject({ ok: false, status: 400 });
    const result = imported(
      await importEntriesCsv(
        ADMIN,
        csv([{ ...row(aldoria, 0), reporter_id: aldoria }], columns),
        {},
      ),
    );
    expect(result.state).toBe('submitted');
    expect(reviewQueueOf(ALDORIA_FOCAL).map((entry) => entry.id)).toContain(
      result.rows[0]?.entryId,
    );
    // Not published: its import is audited as such, the entry as it awaits review.
    const audit = db
      .select()
      .from(t.auditLog)
      .where(eq(t.auditLog.entityId, String(result.rows[0]!.entryId)))
      .all();
    expect(audit.map((a) => [a.action, a.before])).toEqual([['entry.import', null]]);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ state: 'submitted', reporterId: aldoria });
  });

  it('an exported file comes back unchanged: the round trip adds nothing', async () => {
    const aldoria = actorId('Republic of Aldoria');
    const entries = listPublishedEntries({
      subject: aldoria,
      reporter: aldoria,
      limit: 200,
    }).entries.filter((entry) => !entry.withdrawal);
    expect(entries.length).toBeGreaterThan(0);
    const records = entries.map((entry) =>
      entryRecord({
        ...entry,
        subject: { ...entry.subject, iso3: null },
        reporter: { ...entry.reporter, iso3: null },
      }),
    );
    const file = toCsv(
      ENTRY_COLUMNS,
      records.map((record) => ENTRY_COLUMNS.map((column) => csvValue(record[column]))),
    );
    const before = checksum();
    const result = imported(await importEntriesCsv(ALDORIA_FOCAL, file, { publish: true }));
    expect(result.counts).toMatchObject({
      total: entries.length,
      unchanged: entries.length,
      new: 0,
    });
    expect(checksum()).toBe(before);
  });

  it("a row naming another actor's entry by id is answered as one naming no entry at all", async () => {
    const aldoria = actorId('Republic of Aldoria');
    const bravonia = actorId('Kingdom of Bravonia');
    const entryOf = (reporter: number) =>
      (
        db.$client
          .prepare(
            `SELECT id FROM progress_entries WHERE reporter_id = ? AND state = 'published' LIMIT 1`,
          )
          .get(reporter) as { id: number }
      ).id;
    const columns = [...COLUMNS, 'id'];
    const answer = async (id: number) =>
      (
        await importEntriesCsv(ALDORIA_FOCAL, csv([{ ...row(aldoria, 0), id }], columns), {
          dryRun: true,
        })
      ).rows[0]?.errors;
    const none = [
      {
        column: 'id',
        message: 'is no such entry of yours; leave it empty for a new entry',
        code: 'no_such_entry',
        params: {},
      },
    ];
    expect(await answer(entryOf(bravonia))).toEqual(none);
    expect(await answer(99_999_999)).toEqual(none);
    // The importer's own entry is named as such.
    expect((await answer(entryOf(aldoria)))?.[0]?.message).toMatch(
      /^names entry \d+, which says something else/,
    );
  });

  it('refuses broken text, prototype keys and bidirectional controls in a row by column, and writes nothing', async () => {
    const aldoria = actorId('Republic of Aldoria');
    const before = checksum();
    const link = (title: string) =>
      `[{"url":"https://example.org/a","title":"${title}","relation":"supports"}]`;
    const result = await importEntriesCsv(
      ALDORIA_FOCAL,
      csv([
        row(aldoria, 0, { evidence: link('\\ud800x') }),
        row(aldoria, 1, {
          evidence:
            '[{"url":"https://example.org/a","title":"t","relation":"supports","__proto__":{"x":1}}]',
        }),
        row(aldoria, 2, { summary: 'Adopted \u202Eetadpu\u202C' }),
        row(aldoria, 3, { evidence: link('Decree \u2067signed\u2069') }),
        row(aldoria, 4, { narrative: 'Quoted: \u202Bعربي\u202C, isolated where shown.' }),
      ]),
      { publish: true },
    );
    expect(result).toMatchObject({ ok: false, status: 400, counts: { error: 4, written: 0 } });
    expect(result.rows.map((entry) => entry.errors)).toEqual([
      [
        {
          column: 'evidence',
          message: 'must be valid Unicode text: it contains a broken character (a lone surrogate)',
          code: 'invalid_text',
          params: { link: 1 },
        },
      ],
      [
        {
          column: 'evidence',
          message: 'has a field named "__proto__", which is not allowed',
          code: 'unknown_field',
          params: { link: 1 },
        },
      ],
      [
        {
          column: 'summary',
          message:
            'must not contain bidirectional control characters (U+202A to U+202E, U+2066 to U+2069)',
          code: 'control_characters',
          params: {},
        },
      ],
      [
        {
          column: 'evidence',
          message:
            'must not contain bidirectional control characters (U+202A to U+202E, U+2066 to U+2069)',
          code: 'control_characters',
          params: { link: 1 },
        },
      ],
      [],
    ]);
    expect(checksum()).toBe(before);
  });

  it('imports 10,000 rows in one transaction, reporting progress, and prints the time', async () => {
    const aldoria = actorId('Republic of Aldoria');
    const rows = Array.from({ length: 10_000 }, (_, index) => row(aldoria, index));
    const file = csv(rows);
    const phases = new Set<string>();
    const started = performance.now();
    const preview = imported(
      await importEntriesCsv(ALDORIA_FOCAL, file, {
        dryRun: true,
        publish: true,
        onProgress: (p) => phases.add(p.phase),
      }),
    );
    const previewed = performance.now();
    const result = imported(await importEntriesCsv(ALDORIA_FOCAL, file, { publish: true }));
    const done = performance.now();
    console.log(
      `10,000-row import (${(file.length / 1e6).toFixed(1)} MB): preview ${((previewed - started) / 1000).toFixed(2)} s, import and publish ${((done - previewed) / 1000).toFixed(2)} s`,
    );
    expect(preview.counts.new).toBe(10_000);
    expect(result.counts.written).toBe(10_000);
    expect([...phases]).toEqual(['checking', 'writing', 'done']);
    // A guard against pathological regressions only: the printed time is the measurement (on a
    // quiet machine a few seconds; on the shared 2-core test machine under load, about a minute).
    expect(done - previewed).toBeLessThan(180_000);
  }, 420_000);

  describe('the batched write is the one-entry write', () => {
    const FILE_COLUMNS = [...ENTRY_COLUMNS, 'idempotency_key'] as const;
    const file = (rows: Record<string, CsvCell>[]) =>
      toCsv(
        FILE_COLUMNS,
        rows.map((record) => FILE_COLUMNS.map((column) => record[column] ?? '')),
      );

    /** Aldoria's current self-report on a commitment: what a correction may supersede. */
    function currentOwnEntry(aldoria: number): { id: number; code: string } {
      return db.$client
        .prepare(
          `SELECT e.id, c.code FROM progress_entries e JOIN commitments c ON c.id = e.commitment_id
           WHERE e.subject_id = ? AND e.reporter_id = ? AND e.state = 'published' AND e.withdrawn_at IS NULL AND e.superseded_by_id IS NULL
           ORDER BY e.id LIMIT 1`,
        )
        .get(aldoria, aldoria) as { id: number; code: string };
    }

    it('a focal point publishing a file (new rows over several batches, duplicates, an unchanged export row, a correction, adverse effects) writes exactly the same entries, audit rows, current statuses and read model', async () => {
      const aldoria = actorId('Republic of Aldoria');
      // An entry already on record from an earlier import: the file repeats it.
      imported(await importEntriesCsv(ALDORIA_FOCAL, csv([row(aldoria, 1000)]), { publish: true }));
      const exported = listPublishedEntries({ subject: aldoria, reporter: aldoria, limit: 1 })
        .entries[0]!;
      const exportRecord = entryRecord({
        ...exported,
        subject: { ...exported.subject, iso3: null },
        reporter: { ...exported.reporter, iso3: null },
      });
      const original = currentOwnEntry(aldoria);
      const rows: Record<string, CsvCell>[] = Array.from({ length: 450 }, (_, index) =>
        row(aldoria, index),
      );
      rows.splice(5, 0, row(aldoria, 1000)); // on record already
      rows.splice(300, 0, row(aldoria, 7)); // twice in the file
      rows.splice(
        420,
        0,
        Object.fromEntries(ENTRY_COLUMNS.map((column) => [column, csvValue(exportRecord[column])])),
      );
      rows.push(
        row(aldoria, 451, {
          commitment_code: original.code,
          supersedes_id: original.id,
          summary: 'Corrected figures',
        }),
      );
      rows.push(
        row(aldoria, 452, {
          adverse_effects: 'true',
          adverse_effects_description: 'Returns without screening.',
        }),
      );

      // The preview is rehearsed (the stand-in table, no derived data; the corrected entry marked for
      // real, rolled back): it says of every row what the one-entry path says when it really writes
      // and rolls back, and what the import then does.
      const before = written();
      const preview = await bothWays(ALDORIA_FOCAL, file(rows), { publish: true, dryRun: true });
      expect(preview.batched.rows).toEqual(preview.oneByOne.rows);
      expect(preview.batched.counts).toMatchObject({
        total: 455,
        new: 452,
        duplicate: 2,
        unchanged: 1,
        error: 0,
        written: 0,
      });
      expect([preview.batchedWrote, preview.oneByOneWrote]).toEqual([before, before]);
      expect(db.$client.pragma('defer_foreign_keys', { simple: true })).toBe(0);
      const both = await bothWays(ALDORIA_FOCAL, file(rows), { publish: true });
      imported(both.batched);
      expect(preview.batched.rows).toEqual(
        both.batched.rows.map((result) => ({
          ...result,
          entryId: result.outcome === 'new' ? null : result.entryId,
        })),
      );
      expect(both.batched.counts).toMatchObject({
        total: 455,
        new: 452,
        duplicate: 2,
        unchanged: 1,
        error: 0,
        written: 452,
      });
      expect(both.batched.rows).toEqual(both.oneByOne.rows);
      expect(both.batched.counts).toEqual(both.oneByOne.counts);
      expect(both.batchedWrote).toEqual(both.oneByOneWrote);
      expect(both.versionsMoved).toEqual([true, true]);
      // The batched write deferred the current statuses of its inserts and caught up before the
      // correction's update and the commit: the same rows as row by row (written() above),
      // and the row that defers them is never committed.
      expect(db.$client.prepare('SELECT count(*) FROM current_status_deferred').pluck().get()).toBe(
        0,
      );
      // And what was written is what a publication writes: the entry, its one audit row (the publication), the superseded original.
      const correction = both.batched.rows.at(-2)!;
      const entry = db
        .select()
        .from(t.progressEntries)
        .where(eq(t.progressEntries.id, correction.entryId!))
        .get();
      expect(entry).toMatchObject({
        state: 'published',
        supersedesId: original.id,
        approvedBy: ALDORIA_FOCAL,
      });
      expect(
        db.select().from(t.progressEntries).where(eq(t.progressEntries.id, original.id)).get()
          ?.supersededById,
      ).toBe(entry!.id);
      const actions = (id: number) =>
        db
          .select({ action: t.auditLog.action })
          .from(t.auditLog)
          .where(eq(t.auditLog.entityId, String(id)))
          .all()
          .map((audit) => audit.action);
      expect(actions(entry!.id)).toEqual(['entry.publish']);
      expect(actions(original.id).at(-1)).toBe('entry.supersede');
      const status = db.$client
        .prepare(
          `SELECT entry_id FROM current_status WHERE commitment_id = ? AND subject_id = ? AND perspective = 'self'`,
        )
        .get(entry!.commitmentId, aldoria) as { entry_id: number };
      expect(status.entry_id).not.toBe(original.id);
    }, 120_000);

    it("an admin's file (drafts submitted to each reporter, an independent assessment) and its preview: the same results and rows either way", async () => {
      const aldoria = actorId('Republic of Aldoria');
      const bravonia = actorId('Kingdom of Bravonia');
      const bridgewell = actorId('Bridgewell Migrant Rights Network (demo)');
      const rows: Record<string, CsvCell>[] = [
        ...Array.from({ length: 250 }, (_, index) => ({
          ...row(bravonia, index),
          reporter_id: bravonia,
        })),
        { ...row(aldoria, 3), reporter_id: bridgewell, confidence: 'high' },
        {
          ...row(aldoria, 4),
          reporter_id: bridgewell,
          confidence: 'low',
          narrative: 'Second assessment.',
        },
      ];
      const preview = await bothWays(ADMIN, file(rows), { dryRun: true });
      expect(preview.batched.rows).toEqual(preview.oneByOne.rows);
      expect(preview.batched.counts).toMatchObject({ new: 252, written: 0 });
      expect(preview.batchedWrote).toEqual(written());
      const both = await bothWays(ADMIN, file(rows));
      imported(both.batched);
      expect(both.batched.rows).toEqual(both.oneByOne.rows);
      expect(both.batchedWrote).toEqual(both.oneByOneWrote);
      expect(both.batched.rows.every((result) => result.entryId !== null)).toBe(true);
      expect(reviewQueueOf(BRAVONIA_FOCAL).length).toBeGreaterThanOrEqual(250);
    }, 120_000);

    it('a row refused while writing, after whole batches were written, rolls the whole file back, with the same errors either way', async () => {
      const aldoria = actorId('Republic of Aldoria');
      const bravonia = actorId('Kingdom of Bravonia');
      // A key another reporter already used: found only by the write, at row 431.
      const taken = imported(
        await importEntriesCsv(
          ADMIN,
          csv([{ ...row(bravonia, 0), reporter_id: bravonia }], [...COLUMNS, 'reporter_id']),
          {},
        ),
      ).rows[0]!;
      const takenKey = db
        .select({ key: t.progressEntries.idempotencyKey })
        .from(t.progressEntries)
        .where(eq(t.progressEntries.id, taken.entryId!))
        .get()!.key;
      const rows: Record<string, CsvCell>[] = Array.from({ length: 450 }, (_, index) =>
        row(aldoria, index),
      );
      rows[430] = { ...rows[430]!, idempotency_key: takenKey };
      rows[440] = { ...rows[440]!, commitment_code: 'ZZ-404' };
      const before = checksum();
      const versionBefore = dataVersion();
      const both = await bothWays(ALDORIA_FOCAL, file(rows), { publish: true });
      expect(both.batched).toMatchObject({
        ok: false,
        status: 400,
        counts: { error: 2, written: 0 },
      });
      expect(both.batched.rows).toEqual(both.oneByOne.rows);
      expect(both.batched.rows[430]?.errors).toEqual([
        {
          column: 'idempotency_key',
          message: 'is already used by an entry of another reporter',
          code: 'key_taken',
          params: {},
        },
      ]);
      expect(both.batched.rows[440]?.errors).toEqual([
        {
          column: 'commitment_code',
          message: 'is not a commitment of this workspace',
          code: 'invalid_choice',
          params: {},
        },
      ]);
      expect(both.batched.rows.every((result) => result.entryId === null)).toBe(true);
      expect(checksum()).toBe(before);
      expect(dataVersion()).toBe(versionBefore);
      expect(both.batchedWrote).toEqual(both.oneByOneWrote);
    }, 120_000);

    it('a preview that cannot be rehearsed (a row correcting an entry of the same file) is run through the real write and says what the import does', async () => {
      const aldoria = actorId('Republic of Aldoria');
      const nextId = (
        db.$client.prepare('SELECT max(id) + 1 AS id FROM progress_entries').get() as { id: number }
      ).id;
      const first = row(aldoria, 0);
      const rows = [
        first,
        row(aldoria, 1, {
          commitment_code: first.commitment_code,
          supersedes_id: nextId,
          summary: 'Corrected in the same file',
        }),
      ];
      const before = written();
      const preview = await bothWays(ALDORIA_FOCAL, file(rows), { publish: true, dryRun: true });
      expect(preview.batched.rows).toEqual(preview.oneByOne.rows);
      expect(preview.batched.counts).toMatchObject({ new: 2, error: 0, written: 0 });
      expect(written()).toEqual(before);
      const both = await bothWays(ALDORIA_FOCAL, file(rows), { publish: true });
      // What the preview said of each row is what the import did (the entries it would make have no id yet).
      expect(preview.batched.rows).toEqual(
        both.batched.rows.map((result) => ({
          ...result,
          entryId: result.outcome === 'new' ? null : result.entryId,
        })),
      );
      expect(both.batchedWrote).toEqual(both.oneByOneWrote);
      expect(
        db.select().from(t.progressEntries).where(eq(t.progressEntries.id, nextId)).get()
          ?.supersededById,
      ).toBe(nextId + 1);
    }, 120_000);

    it("the stand-in a preview writes to has the entries table's columns and constraints, and is not made when a trigger could refuse an entry", () => {
      const sqlite = db.$client;
      // Today no trigger an entry's insert sets off refuses anything: previews are rehearsed. (Should a
      // migration add one, previews still say exactly what the import does, but cost as much as it.)
      expect(refusingInsertTriggers(sqlite)).toEqual([]);
      const rolledBack = new Error('rolled back, as a preview is');
      expect(() =>
        db.transaction(
          (tx) => {
            expect(importStore(tx, sqlite, { rehearse: true }).rehearsing).toBe(true);
            const columns = (schema: string, table: string) =>
              sqlite
                .prepare(
                  'SELECT name, type, "notnull", dflt_value, pk, hidden FROM pragma_table_xinfo(?, ?)',
                )
                .all(table, schema);
            expect(columns('temp', REHEARSAL_TABLE)).toEqual(columns('main', 'progress_entries'));
            const entry = sqlite
              .prepare('SELECT * FROM progress_entries ORDER BY id LIMIT 1')
              .get() as Record<string, unknown>;
            const insert = (changes: Record<string, unknown>) => {
              const values = {
                ...entry,
                id: null,
                perspective: undefined,
                idempotency_key: `stand-in-${Math.random()}`,
                ...changes,
              };
              const names = Object.keys(values).filter(
                (name) => values[name as keyof typeof values] !== undefined,
              );
              return () =>
                sqlite
                  .prepare(
                    `INSERT INTO temp.${REHEARSAL_TABLE} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
                  )
                  .run(names.map((name) => values[name as keyof typeof values]));
            };
            expect(insert({})).not.toThrow();
            expect(insert({ summary: '   ' })).toThrow(
              /CHECK constraint failed: progress_entries_summary_present/,
            );
            expect(insert({ as_of: '2025-02-30' })).toThrow(/CHECK constraint failed/);
            expect(insert({ status: null })).toThrow(/NOT NULL/);
            expect(
              insert({ idempotency_key: entry.idempotency_key, commitment_id: 999_999 }),
            ).not.toThrow(); // no foreign keys: the rules look them up
            expect(insert({ idempotency_key: 'twice' })).not.toThrow();
            expect(insert({ idempotency_key: 'twice' })).toThrow(/UNIQUE/);
            throw rolledBack;
          },
          { behavior: 'immediate' },
        ),
      ).toThrow(rolledBack);
      // A correction of an entry on record is rehearsed (the entry marked for real, its reference to the
      // file's entry checked by the store); a correction of one of the file's own entries is not.
      const aldoria = actorId('Republic of Aldoria');
      const original = currentOwnEntry(aldoria);
      const input = (supersedes: number | null, index: number) =>
        entryInputSchema.parse({
          idempotencyKey: `rehearsal-${index}`,
          commitment: original.code,
          subject: aldoria,
          status: 'complete',
          asOf: '2025-06-01',
          summary: `Correction ${index}`,
          supersedes,
        });
      expect(() =>
        db.transaction(
          (tx) => {
            const store = importStore(tx, sqlite, { rehearse: true });
            const correct = (supersedes: number, index: number) => {
              const created = createIn(
                store,
                ALDORIA_FOCAL,
                input(supersedes, index),
                {},
                { reporterId: aldoria, state: 'draft' },
              );
              return created.ok ? publishIn(store, ALDORIA_FOCAL, created.entryId, {}) : created;
            };
            const first = correct(original.id, 0);
            expect(first.ok).toBe(true);
            expect(store.entry(original.id)?.supersededById).toBe(first.ok ? first.entryId : null);
            expect(sqlite.pragma('defer_foreign_keys', { simple: true })).toBe(0);
            expect(() => correct(first.ok ? first.entryId : 0, 1)).toThrow(RehearsalUnsupported);
            throw rolledBack;
          },
          { behavior: 'immediate' },
        ),
      ).toThrow(rolledBack);
      expect(sqlite.prepare('SELECT count(*) FROM sqlite_temp_master').pluck().get()).toBe(0);
      expect(
        db.select().from(t.progressEntries).where(eq(t.progressEntries.id, original.id)).get()
          ?.supersededById,
      ).toBeNull();

      // A trigger that refuses: on the entries' insert, or on a table their triggers write to.
      sqlite.exec(
        `CREATE TRIGGER refuse_entry BEFORE INSERT ON progress_entries WHEN NEW.summary = 'No' BEGIN SELECT RAISE(ABORT, 'no'); END`,
      );
      sqlite.exec(
        `CREATE TRIGGER refuse_count BEFORE INSERT ON current_status WHEN NEW.status = 'regressed' AND NEW.as_of < '1990-01-01' BEGIN SELECT RAISE(ABORT, 'too old'); END`,
      );
      expect(refusingInsertTriggers(sqlite).sort()).toEqual(['refuse_count', 'refuse_entry']);
      db.transaction(
        (tx) => {
          expect(createRehearsalTable(sqlite)).toBe(false);
          expect(importStore(tx, sqlite, { rehearse: true }).rehearsing).toBe(false);
        },
        { behavior: 'immediate' },
      );
    });

    it('with a trigger that refuses an entry, the preview writes for real and fails as the import does', async () => {
      const aldoria = actorId('Republic of Aldoria');
      db.$client.exec(
        `CREATE TRIGGER refuse_entry BEFORE INSERT ON progress_entries WHEN NEW.summary = 'Refused by a trigger' BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END`,
      );
      const file = csv([row(aldoria, 0), row(aldoria, 1, { summary: 'Refused by a trigger' })]);
      const before = checksum();
      await expect(
        importEntriesCsv(ALDORIA_FOCAL, file, { publish: true, dryRun: true }),
      ).rejects.toThrow(/refused by a trigger/);
      await expect(importEntriesCsv(ALDORIA_FOCAL, file, { publish: true })).rejects.toThrow(
        /refused by a trigger/,
      );
      expect(checksum()).toBe(before);
    });

    it('refuses a file an entry of which the database stored otherwise than the rules gave it: nothing is kept', () => {
      const aldoria = actorId('Republic of Aldoria');
      const {
        id: _id,
        perspective: _perspective,
        ...onRecord
      } = db
        .select()
        .from(t.progressEntries)
        .where(eq(t.progressEntries.subjectId, aldoria))
        .limit(1)
        .get()!;
      const before = checksum();
      expect(() =>
        db.transaction(
          (tx) => {
            const store = importStore(tx, db.$client);
            store.insertEntry({ ...onRecord, idempotencyKey: 'stored-as-given', summary: 'Kept' });
            // A number in a text column: the table's affinity stores it as text, not as the rules gave it.
            store.insertEntry({
              ...onRecord,
              idempotencyKey: 'stored-otherwise',
              summary: 42 as unknown as string,
            });
            store.flush();
          },
          { behavior: 'immediate' },
        ),
      ).toThrow(/import: entry \d+ was not written as the rules saw it/);
      expect(checksum()).toBe(before);
      expect(db.$client.prepare('SELECT count(*) FROM sqlite_temp_master').pluck().get()).toBe(0);
    });

    it("puts the connection's page cache and temp store back after a file, written or refused", async () => {
      const aldoria = actorId('Republic of Aldoria');
      const settings = () => [
        db.$client.pragma('cache_size', { simple: true }),
        db.$client.pragma('temp_store', { simple: true }),
      ];
      const before = settings();
      imported(await importEntriesCsv(ALDORIA_FOCAL, csv([row(aldoria, 0)]), { publish: true }));
      expect(settings()).toEqual(before);
      expect(
        (
          await importEntriesCsv(
            ALDORIA_FOCAL,
            csv([row(aldoria, 1, { commitment_code: 'ZZ-404' })]),
            { publish: true },
          )
        ).ok,
      ).toBe(false);
      expect(settings()).toEqual(before);
    });
  });
});
