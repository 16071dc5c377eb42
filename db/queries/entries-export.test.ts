import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../client';
import { demoDatabases } from '../../test/support/demo-database';
import { randomWriter } from '../../test/support/random-writes';
import { listPublishedEntries, openPublishedEntries, type EntryFilters } from './entries';
import type { PublishedEntryDto } from '../../lib/api-schemas';

/**
 * An export reads every published entry a chunk at a time (db/queries/entries.ts
 * openPublishedEntries): the chunks must add up to exactly the list, in its order, whatever the
 * chunk size, and keep to one snapshot while other requests write.
 */

const demo = demoDatabases();
const useDb = (db: Db) =>
  ((globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = db);
const everything = (filters: EntryFilters = {}) =>
  listPublishedEntries({ ...filters, page: 1, limit: Number.MAX_SAFE_INTEGER });

function readAll(
  filters: EntryFilters,
  chunkSize: number,
): { total: number; entries: PublishedEntryDto[]; chunks: number } {
  const cursor = openPublishedEntries(filters, chunkSize);
  const entries: PublishedEntryDto[] = [];
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
  it('adds up to the whole list in its order, for any chunk size and filter', () => {
    useDb(demo());
    const all = everything();
    expect(all.total).toBeGreaterThan(500);
    for (const size of [1, 7, 64, 1_000, 100_000]) {
      const read = readAll({}, size);
      expect(read.total).toBe(all.total);
      expect(read.entries.map((entry) => entry.id)).toEqual(all.entries.map((entry) => entry.id));
      if (size === 7) expect(read.entries).toEqual(all.entries);
    }
    // Ties of as-of date and publication time are common in a filter's entries: the id breaks them.
    const filters: EntryFilters = {
      commitment: all.entries[0]?.commitment.code,
      perspective: 'self',
      from: '2021-01-01',
      to: '2025-12-31',
    };
    expect(readAll(filters, 3).entries.map((entry) => entry.id)).toEqual(
      everything(filters).entries.map((entry) => entry.id),
    );
    expect(readAll({ status: 'regressed' }, 5).entries).toEqual(
      everything({ status: 'regressed' }).entries,
    );
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
    const cursor = openPublishedEntries({}, 50);
    const read: PublishedEntryDto[] = [...cursor.next()];
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
