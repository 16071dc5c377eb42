import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../client';
import { demoDatabases } from '../../test/support/demo-database';
import { randomWriter } from '../../test/support/random-writes';
import { listPublishedEntries, type EntryFilters } from './entries';
import { openEntriesExport, type EntryExportRow } from './entries-export';
import { listActors } from './actors';
import { ENTRY_COLUMNS, entryRecord } from '../../lib/entries-csv';

/**
 * An export reads every published entry a chunk at a time (openEntriesExport): the chunks must add
 * up to exactly the list's entries as export rows (entryRecord), in id order, whatever the chunk
 * size, and keep to one snapshot while other requests write.
 */

const demo = demoDatabases();
const useDb = (db: Db) =>
  ((globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = db);
const iso3 = () => new Map(listActors().map((actor) => [actor.id, actor.iso3]));
/** The list's entries as export rows in id order, and its count. */
function everything(filters: EntryFilters = {}) {
  const codes = iso3();
  const list = listPublishedEntries({ ...filters, page: 1, limit: Number.MAX_SAFE_INTEGER });
  const entries = list.entries.map((entry) => {
    const record = entryRecord({
      ...entry,
      subject: { ...entry.subject, iso3: codes.get(entry.subject.id) ?? null },
      reporter: { ...entry.reporter, iso3: codes.get(entry.reporter.id) ?? null },
    });
    return ENTRY_COLUMNS.map((column) => record[column]);
  });
  entries.sort((a, b) => (a[0] as number) - (b[0] as number));
  return { total: entries.length, entries };
}

function readAll(
  filters: EntryFilters,
  chunkSize: number,
): { total: number | null; entries: EntryExportRow[]; chunks: number } {
  const cursor = openEntriesExport(filters, iso3(), { chunkSize });
  const entries: EntryExportRow[] = [];
  let chunks = 0;
  try {
    for (let chunk = cursor.next(); chunk.length > 0; chunk = cursor.next()) {
      expect(chunk.length).toBeLessThanOrEqual(chunkSize);
      entries.push(...chunk);
      chunks += 1;
    }
  } finally {
    cursor.close();
  }
  return { total: cursor.total, entries, chunks };
}

const files: string[] = [];
afterEach(() => {
  for (const file of files.splice(0))
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
});

describe('the entries export, read a chunk at a time', () => {
  it('adds up to the whole list in id order, for any chunk size and filter', () => {
    useDb(demo());
    const all = everything();
    expect(all.total).toBeGreaterThan(500);
    expect(all.entries.some((row) => row[22] !== null)).toBe(true); // withdrawn entries too
    for (const size of [1, 7, 64, 1_000, 100_000]) {
      const read = readAll({}, size);
      expect(read.total).toBe(all.total);
      expect(read.entries.map((row) => row[0])).toEqual(all.entries.map((row) => row[0]));
      if (size === 7) expect(read.entries).toEqual(all.entries);
    }
    // A commitment's entries come through its index, sorted by id after.
    const filters: EntryFilters = {
      commitment: all.entries[0]?.[1] as string,
      perspective: 'self',
      from: '2021-01-01',
      to: '2025-12-31',
    };
    expect(readAll(filters, 3).entries).toEqual(everything(filters).entries);
    expect(readAll({ status: 'regressed' }, 5).entries).toEqual(
      everything({ status: 'regressed' }).entries,
    );
  });

  it('counts its rows only when asked (the CSV has no count to tell)', () => {
    useDb(demo());
    const cursor = openEntriesExport({}, iso3(), { count: false });
    expect(cursor.total).toBeNull();
    expect(cursor.next().length).toBeGreaterThan(0);
    cursor.close();
  });

  it('keeps to the snapshot it started with while the main connection writes, on a database file', () => {
    const source = demo();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-'));
    const file = path.join(dir, 'export.db');
    files.push(file);
    fs.writeFileSync(file, source.$client.serialize());
    const db = openDatabase(file);
    useDb(db);
    const before = everything();
    const cursor = openEntriesExport({}, iso3(), { chunkSize: 50 });
    const read: EntryExportRow[] = [...cursor.next()];
    // Writes between chunks: new entries published, corrections, withdrawals (test/support/random-writes.ts).
    const write = randomWriter(db, 5);
    for (let step = 0; step < 40; step += 1) write(step);
    expect(everything().total).not.toBe(before.total);
    for (let chunk = cursor.next(); chunk.length > 0; chunk = cursor.next()) read.push(...chunk);
    cursor.close();
    cursor.close(); // closing twice is harmless
    expect(cursor.total).toBe(before.total);
    expect(read).toEqual(before.entries);
    db.$client.close();
  });
});
