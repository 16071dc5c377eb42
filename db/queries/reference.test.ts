import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../client';
import { demoDatabases } from '../../test/support/demo-database';
import { listActorRegions } from './actors';
import { filterOptions, listGcmObjectives, listSdgTargets } from './reference';
import { listRounds } from './rounds';

let db: Db;
const freshDemoDatabase = demoDatabases();
beforeEach(() => {
  db = freshDemoDatabase();
  // The read functions use the process-wide connection.
  (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = db;
});

describe("the overview's filter options", () => {
  it('are the objectives, regions and SDG targets with titles; a write shows on the next read', () => {
    const before = filterOptions();
    expect(before).toEqual({
      objectives: listGcmObjectives(),
      regions: listActorRegions(),
      sdgTargets: listSdgTargets(),
      rounds: listRounds().map(({ id, title }) => ({ id, title })),
    });
    // The demo's rounds, for the overview's round filter.
    expect(before.rounds.length).toBeGreaterThan(0);
    expect(before.sdgTargets.find((target) => target.code === '16.5')?.title).toBe(
      'Substantially reduce corruption and bribery in all their forms',
    );
    expect(filterOptions()).toBe(before);

    const actorId = db.$client
      .prepare(`SELECT id FROM actors ORDER BY id LIMIT 1`)
      .pluck()
      .get() as number;
    db.$client
      .prepare(`UPDATE actors SET region = 'A region no actor had' WHERE id = ?`)
      .run(actorId);
    expect(filterOptions().regions).toContain('A region no actor had');

    db.$client.prepare(`UPDATE gcm_objectives SET title = 'A new title' WHERE number = 1`).run();
    expect(filterOptions().objectives.find((objective) => objective.number === 1)?.title).toBe(
      'A new title',
    );
    expect(filterOptions()).toEqual({
      objectives: listGcmObjectives(),
      regions: listActorRegions(),
      sdgTargets: listSdgTargets(),
      rounds: listRounds().map(({ id, title }) => ({ id, title })),
    });
  });
});
