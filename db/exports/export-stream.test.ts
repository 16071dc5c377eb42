import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../client';
import { demoDatabases } from '../../test/support/demo-database';
import { openExport, type ExportFormat } from './export-stream';
import type { StreamedName } from './datasets';

/**
 * Every entry and the whole matrix are written in a worker thread when the database is a file,
 * and on the app's thread for an in-memory one: the two must be the same bytes, for any filter.
 */
const demo = demoDatabases();
const connect = (db: Db) =>
  ((globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = db);
const labels = { theme: (theme: string) => theme };
let dir: string;
let file: Db;
let memory: Db;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-stream-'));
  memory = demo();
  fs.writeFileSync(path.join(dir, 'app.db'), memory.$client.serialize());
  file = openDatabase(path.join(dir, 'app.db'));
});

afterAll(() => {
  file.$client.close();
  memory.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function readAll(
  db: Db,
  name: StreamedName,
  format: ExportFormat,
  filters: Record<string, unknown>,
) {
  connect(db);
  const rows = await openExport(name, format, filters, labels);
  const parts: Uint8Array[] = [];
  for (let bytes = await rows.next(); bytes; bytes = await rows.next()) parts.push(bytes);
  return { count: rows.count, asOf: rows.asOf, parts, text: Buffer.concat(parts).toString() };
}

describe('openExport: a worker thread writes the same document as the app thread', () => {
  it.each([
    ['entries', {}],
    ['entries', { perspective: 'independent', from: '2022-01-01', status: 'substantial' }],
    ['entries', { asOf: '2023-06-30' }],
    ['matrix', {}],
    ['matrix', { asOf: '2023-06-30', kind: 'state', perspective: 'self' }],
  ] as const)('%s with %j, as CSV and JSON', async (name, filters) => {
    for (const format of ['csv', 'json'] as const) {
      const inProcess = await readAll(memory, name, format, filters);
      const inWorker = await readAll(file, name, format, filters);
      // The whole demo spans several chunks, so chunks are joined in their order.
      if (Object.keys(filters).length === 0) expect(inWorker.parts.length).toBeGreaterThan(1);
      // Only the JSON document tells the count: a CSV goes out without one.
      if (format === 'csv') expect(inProcess.count).toBeNull();
      else expect(inProcess.count).toBeGreaterThan(0);
      expect(inWorker.count).toBe(inProcess.count);
      expect(inWorker.asOf).toBe(inProcess.asOf);
      expect(inWorker.text === inProcess.text, `${name}.${format}`).toBe(true);
    }
  });

  it('ends the worker and its snapshot when the client leaves after the first chunk', async () => {
    // More entries than the worker writes ahead of the client, so it would still be reading.
    const columns = (file.$client.pragma('table_info(progress_entries)') as { name: string }[])
      .map((column) => column.name)
      .filter((name) => name !== 'id' && name !== 'idempotency_key');
    for (let copy = 0; copy < 3; copy += 1)
      file.$client.exec(`INSERT INTO progress_entries (idempotency_key, ${columns.join(', ')})
        SELECT idempotency_key || '-copy-${copy}', ${columns.join(', ')} FROM progress_entries
        WHERE state = 'published' AND supersedes_id IS NULL AND superseded_by_id IS NULL
        AND withdrawn_at IS NULL AND idempotency_key NOT LIKE '%-copy-%'`);
    connect(file);
    const rows = await openExport('entries', 'csv', {}, labels);
    expect((await rows.next())!.byteLength).toBeGreaterThan(0);
    rows.close();
    await new Promise((resolve) => setTimeout(resolve, 500));
    // A read transaction on an older snapshot would keep the checkpoint from copying this write.
    file.$client.exec('CREATE TABLE after_export (x)');
    file.$client.pragma('busy_timeout = 1000');
    const [checkpoint] = file.$client.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    expect(checkpoint!.busy).toBe(0);
  });
});
