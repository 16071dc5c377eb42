import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../client';
import { groupCommit } from '../group-commit';
import { createAndAdvanceEntry } from '../queries/entry-workflow';
import { demoDatabases } from '../../test/support/demo-database';
import { toCsv } from '../../lib/csv';
import {
  importEntriesCsv,
  resultLine,
  resultOf,
  startImport,
  type ImportProgress,
} from './csv-import';

/**
 * The import as the app runs it, on a database file: in a worker thread with its own connection,
 * so this thread keeps serving (timers fire, reads answer from the last commit) while a file is
 * written, and writes through the group commit wait for it instead of blocking.
 */
const demo = demoDatabases();
const FOCAL = 'demo-user-focal-aldoria';
const OTHER_FOCAL = 'demo-user-focal-bravonia';
let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-worker-'));
  const file = path.join(dir, 'app.db');
  const seeded = demo();
  fs.writeFileSync(file, seeded.$client.serialize());
  seeded.$client.close();
  db = openDatabase(file);
  (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = db;
});

afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const actorId = (name: string) =>
  db.$client.prepare('SELECT id FROM actors WHERE name = ?').pluck().get(name) as number;
const stateCommitments = () =>
  db.$client
    .prepare(
      `SELECT c.code FROM commitments c JOIN commitment_duty_bearers d ON d.commitment_id = c.id WHERE d.duty_bearer = 'states' ORDER BY c.position`,
    )
    .pluck()
    .all() as string[];
const count = (table: string) =>
  db.$client.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

/** `rows` self-reports of Aldoria; `id` on one line names an entry that does not exist. */
function file(rows: number, badIdOnLine?: number): string {
  const codes = stateCommitments();
  const subject = actorId('Republic of Aldoria');
  const columns = [
    'id',
    'idempotency_key',
    'commitment_code',
    'subject_id',
    'status',
    'as_of',
    'summary',
  ];
  return toCsv(
    columns,
    Array.from({ length: rows }, (_, n) => [
      n + 2 === badIdOnLine ? 999_999 : '',
      `worker-${n}`,
      codes[n % codes.length]!,
      subject,
      'substantial',
      `2025-${String((n % 12) + 1).padStart(2, '0')}-15`,
      `Imported in a worker ${n}`,
    ]),
  );
}

describe('an import on a database file', () => {
  it('writes in a worker: timers fire and reads see the last commit while it runs; then every row is there', async () => {
    const entries = count('progress_entries');
    const seenMeanwhile: number[] = [];
    let writing = false;
    let committed = false;
    let firedBeforeCommit: boolean | null = null;
    const result = await importEntriesCsv(FOCAL, file(3_000), {
      publish: true,
      onProgress(progress: ImportProgress) {
        // 'done' comes right after the commit.
        if (progress.phase === 'done') committed = true;
        if (progress.phase !== 'writing' || writing) return;
        writing = true;
        setTimeout(() => {
          firedBeforeCommit = !committed;
          seenMeanwhile.push(count('progress_entries'));
        }, 0);
      },
    });
    expect(firedBeforeCommit).toBe(true);
    expect(seenMeanwhile).toEqual([entries]);
    expect(result).toMatchObject({ ok: true, counts: { new: 3_000, written: 3_000 } });
    expect(count('progress_entries')).toBe(entries + 3_000);
    expect(result.rows.map((row) => row.line)).toEqual(
      Array.from({ length: 3_000 }, (_, n) => n + 2),
    );
    // Imported again: nothing new (idempotent).
    const again = await importEntriesCsv(FOCAL, file(3_000), { publish: true });
    expect(again.counts).toMatchObject({ new: 0, duplicate: 3_000, written: 0 });
    expect(count('progress_entries')).toBe(entries + 3_000);
  });

  it('writes nothing when a row is refused while writing, and names its line and column', async () => {
    const before = [count('progress_entries'), count('audit_log'), count('current_status')];
    const result = await importEntriesCsv(FOCAL, file(2_500, 2_400), { publish: true });
    expect(result.ok).toBe(false);
    expect(result.status).toBe(400);
    expect(result.rows.filter((row) => row.outcome === 'error')).toEqual([
      expect.objectContaining({
        line: 2_400,
        errors: [expect.objectContaining({ column: 'id' })],
      }),
    ]);
    expect([count('progress_entries'), count('audit_log'), count('current_status')]).toEqual(
      before,
    );
  });

  it('lets a write through the group commit wait for the import: both succeed, each with its audit rows', async () => {
    const entries = count('progress_entries');
    let single: Promise<ReturnType<typeof createAndAdvanceEntry>> | null = null;
    const imported = importEntriesCsv(FOCAL, file(2_000), {
      publish: true,
      onProgress(progress) {
        if (progress.phase !== 'writing' || single) return;
        single = groupCommit(() =>
          createAndAdvanceEntry(
            OTHER_FOCAL,
            {
              idempotencyKey: 'during-import',
              commitment: stateCommitments()[0],
              subject: actorId('Kingdom of Bravonia'),
              status: 'limited',
              asOf: '2026-10-31',
              summary: 'Written while a file is imported',
            },
            'publish',
            { requestId: 'api:during-import' },
          ),
        );
      },
    });
    const [result, written] = await Promise.all([imported, imported.then(() => single!)]);
    expect(result.counts.written).toBe(2_000);
    expect(written).toMatchObject({ ok: true });
    expect(count('progress_entries')).toBe(entries + 2_001);
    // Every entry of both writes with its own audit rows: the API's created, then published; the
    // import's created and published at once, audited once, as published.
    const audited = db.$client
      .prepare(
        `SELECT a.action, count(*) AS n FROM progress_entries e JOIN audit_log a ON a.entity_type = 'progress_entry' AND a.entity_id = CAST(e.id AS TEXT)
         WHERE e.idempotency_key LIKE 'worker-%' OR e.idempotency_key = 'during-import' GROUP BY a.action ORDER BY a.action`,
      )
      .all();
    expect(audited).toEqual([
      { action: 'entry.create', n: 1 },
      { action: 'entry.publish', n: 2_001 },
    ]);
  });

  it('answers a refusal of the whole file from the worker, reads uploaded bytes there, and streams the result line in pieces', async () => {
    // A small Buffer is a view of a shared pool: copied to the worker, not moved.
    const refused = await startImport('demo-user-contributor-aldoria', Buffer.from(file(3)));
    expect(refused).toMatchObject({ ok: false, result: { status: 403 } });

    // An upload's bytes, moved to the worker and read there.
    const started = await startImport(FOCAL, new TextEncoder().encode(file(5)), { dryRun: true });
    if (!started.ok) throw new Error('expected the file to be accepted');
    const report = await started.report;
    const line = Buffer.concat([...resultLine(report)]).toString('utf8');
    expect(line.endsWith('\n')).toBe(true);
    expect(JSON.parse(line)).toEqual({ type: 'result', result: await resultOf(report) });
    expect(JSON.parse(line).result).toMatchObject({ dryRun: true, counts: { new: 5 } });
  });

  it("reads the import screen's form in the worker: its file and its mode, or why it is refused", async () => {
    const upload = async (fields: Record<string, string>, csv?: string) => {
      const form = new FormData();
      if (csv !== undefined) form.set('file', new File([csv], 'entries.csv', { type: 'text/csv' }));
      for (const [name, value] of Object.entries(fields)) form.set(name, value);
      const encoded = new Response(form);
      const bytes = new Uint8Array(await encoded.arrayBuffer());
      return { form: bytes, contentType: encoded.headers.get('content-type')! };
    };
    const before = count('progress_entries');
    const imported = await startImport(
      FOCAL,
      await upload({ mode: 'import', publish: 'publish' }, file(4)),
    );
    if (!imported.ok) throw new Error('expected the form to be accepted');
    expect((await imported.report).result).toMatchObject({
      dryRun: false,
      state: 'published',
      counts: { new: 4, written: 4 },
    });
    expect(count('progress_entries')).toBe(before + 4);

    expect(await startImport(FOCAL, await upload({ mode: 'import' }))).toMatchObject({
      ok: false,
      refusal: { code: 'invalid_parameter', message: 'file: choose a CSV file to import.' },
    });
    const garbled = {
      form: new TextEncoder().encode('not a form'),
      contentType: 'multipart/form-data; boundary=x',
    };
    expect(await startImport(FOCAL, garbled)).toMatchObject({
      ok: false,
      refusal: { code: 'invalid_body' },
      result: { status: 400, message: 'file: send the CSV file as multipart/form-data.' },
    });
    expect(count('progress_entries')).toBe(before + 4);
  });
});
