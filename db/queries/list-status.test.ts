import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../client';
import * as t from '../schema';
import { demoDatabases } from '../../test/support/demo-database';
import { computeSummary } from './summary';
import { lastReports, listStatuses } from './list-status';

const labels = { theme: (theme: string) => theme };

describe('the status the commitment and actor lists carry', () => {
  let app: Db;
  beforeAll(() => {
    app = demoDatabases()();
    // The read functions use the process-wide connection.
    (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = app;
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
    const ids = [...listStatuses().byActor.keys()];
    const reports = lastReports(ids);
    expect(latest.size).toBeGreaterThan(0);
    for (const id of ids) expect(reports.get(id), String(id)).toBe(latest.get(id) ?? null);
  });
});
