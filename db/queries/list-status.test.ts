import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb, openDatabase, type Db } from '../client';
import * as t from '../schema';
import { seedDatabase } from '../../seed';
import { computeSummary } from './summary';
import { listStatuses } from './list-status';

const labels = { theme: (theme: string) => theme };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'list-status-test-'));
const file = path.join(dir, 'list-status.db');

describe('the status the commitment and actor lists carry', () => {
  let app: Db;
  beforeAll(() => {
    const seeding = openDatabase(file);
    seedDatabase(seeding, 'demo', '2026-11-01T00:00:00.000Z');
    seeding.$client.close();
    process.env.DATABASE_PATH = file;
    app = getDb();
  });
  afterAll(() => {
    app.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("gives each commitment and actor the overview's coverage and score of that commitment or actor", () => {
    const { byCommitment, byActor } = listStatuses();
    expect(byCommitment.size).toBeGreaterThan(0);
    for (const [code, status] of byCommitment) {
      const { figures } = computeSummary({ commitment: code }, labels);
      expect({ ...status, code }).toMatchObject({
        code,
        pairs: figures.pairs,
        reported: figures.reported,
        score: figures.score,
      });
      expect(Object.values(status.counts).reduce((sum, n) => sum + n, 0)).toBe(status.pairs);
    }
    for (const [id, status] of [...byActor].slice(0, 12)) {
      const { figures } = computeSummary({ subject: id }, labels);
      expect({ ...status, id }).toMatchObject({
        id,
        pairs: figures.pairs,
        reported: figures.reported,
        score: figures.score,
      });
    }
  });

  it('gives each actor the latest as-of date of the entries it published, not withdrawn', () => {
    const latest = new Map<number, string>();
    for (const entry of app.select().from(t.progressEntries).all()) {
      if (entry.state !== 'published' || entry.withdrawnAt !== null) continue;
      if ((latest.get(entry.reporterId) ?? '') < entry.asOf)
        latest.set(entry.reporterId, entry.asOf);
    }
    const { byActor } = listStatuses();
    expect(latest.size).toBeGreaterThan(0);
    for (const [id, status] of byActor)
      expect(status.lastReport, String(id)).toBe(latest.get(id) ?? null);
  });
});
