import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb, openDatabase, type Db } from '../client';
import * as t from '../schema';
import { seedDatabase } from '../../seed';
import { loadScope, type DashboardFilters } from './view-scope';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'view-scope-test-'));
const file = path.join(dir, 'scope.db');

/** What a view covers, asked of the database directly: the SQL the scope used to run per view. */
function expectedScope(
  db: Db,
  filters: DashboardFilters,
): { commitments: string[]; actors: number[] } {
  const sqlite = db.$client;
  const commitmentWhere = ['c.archived_at IS NULL'];
  const commitmentArgs: unknown[] = [];
  if (filters.commitment) {
    commitmentWhere.push('c.code = ?');
    commitmentArgs.push(filters.commitment);
  }
  if (filters.theme) {
    commitmentWhere.push('c.theme = ?');
    commitmentArgs.push(filters.theme);
  }
  if (filters.objective !== undefined) {
    commitmentWhere.push(
      'c.id IN (SELECT commitment_id FROM commitment_objectives WHERE objective = ?)',
    );
    commitmentArgs.push(filters.objective);
  }
  if (filters.sdg) {
    commitmentWhere.push(
      'c.id IN (SELECT commitment_id FROM commitment_sdg_targets WHERE sdg_target = ?)',
    );
    commitmentArgs.push(filters.sdg);
  }
  const actorWhere = ['a.archived_at IS NULL'];
  const actorArgs: unknown[] = [];
  if (filters.subject !== undefined) {
    actorWhere.push('a.id = ?');
    actorArgs.push(filters.subject);
  }
  if (filters.kind) {
    actorWhere.push('a.kind = ?');
    actorArgs.push(filters.kind);
  }
  if (filters.region) {
    actorWhere.push('a.region = ?');
    actorArgs.push(filters.region);
  }
  return {
    commitments: sqlite
      .prepare(
        `SELECT c.code FROM commitments c WHERE ${commitmentWhere.join(' AND ')} ORDER BY c.position`,
      )
      .pluck()
      .all(...commitmentArgs) as string[],
    actors: sqlite
      .prepare(
        `SELECT a.id FROM actors a WHERE ${actorWhere.join(' AND ')} ORDER BY a.name COLLATE NOCASE, a.id`,
      )
      .pluck()
      .all(...actorArgs) as number[],
  };
}

function scopeOf(filters: DashboardFilters) {
  const scope = loadScope(filters);
  return {
    commitments: scope.commitments.map((commitment) => commitment.code),
    actors: scope.actors.map((actor) => actor.id),
  };
}

describe("a view's scope, filtered from the catalogue read once per data version", () => {
  let db: Db;
  beforeAll(() => {
    const seeding = openDatabase(file);
    seedDatabase(seeding, 'demo', '2026-11-01T00:00:00.000Z');
    seeding.$client.close();
    process.env.DATABASE_PATH = file;
    db = getDb();
  });
  afterAll(() => {
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('covers exactly the commitments and actors the filters name, in the same order as SQL would', () => {
    const sqlite = db.$client;
    const code = sqlite
      .prepare('SELECT code FROM commitments ORDER BY position LIMIT 1 OFFSET 3')
      .pluck()
      .get() as string;
    const sdg = sqlite
      .prepare('SELECT sdg_target FROM commitment_sdg_targets LIMIT 1')
      .pluck()
      .get() as DashboardFilters['sdg'];
    const region = sqlite
      .prepare('SELECT region FROM actors WHERE region IS NOT NULL LIMIT 1')
      .pluck()
      .get() as string;
    const subject = sqlite
      .prepare("SELECT id FROM actors WHERE kind = 'state' LIMIT 1")
      .pluck()
      .get() as number;
    const views: DashboardFilters[] = [
      {},
      { theme: 'trafficking' },
      { objective: 10 },
      { objective: 23, kind: 'state' },
      { sdg },
      { commitment: code },
      { commitment: 'NONE-01' },
      { subject },
      { subject, theme: 'smuggling' },
      { kind: 'cso', region },
      { region },
      { region: 'Nowhere' },
      { theme: 'trafficking', objective: 10, kind: 'state', region, sdg },
    ];
    for (const view of views)
      expect(scopeOf(view), JSON.stringify(view)).toEqual(expectedScope(db, view));
    expect(scopeOf({ region }).actors.length).toBeGreaterThan(0);
  });

  it('sees a write to the catalogue at once: an actor archived, another moved to a region', () => {
    const sqlite = db.$client;
    const before = scopeOf({ kind: 'state' });
    const [archived, moved] = before.actors as [number, number];
    db.update(t.actors)
      .set({ archivedAt: '2026-11-02T00:00:00.000Z' })
      .where(eq(t.actors.id, archived))
      .run();
    db.update(t.actors).set({ region: 'Oceania' }).where(eq(t.actors.id, moved)).run();
    expect(scopeOf({ kind: 'state' }).actors).not.toContain(archived);
    expect(scopeOf({ region: 'Oceania' }).actors).toContain(moved);
    expect(scopeOf({ kind: 'state' })).toEqual(expectedScope(db, { kind: 'state' }));
    expect(sqlite.prepare('SELECT region FROM actors WHERE id = ?').pluck().get(moved)).toBe(
      'Oceania',
    );
  });
});
