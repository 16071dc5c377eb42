import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from './client';
import { demoDatabases } from '../lib/testing/demo-database';
import { randomWriter } from '../lib/testing/random-writes';

/**
 * Migration 0012 rewrote the triggers that keep the read model's status changes over time (an
 * entry joining or leaving its pair's counted sequence) to look each neighbour up once. The
 * roll-up oracle (db/rollup-model.test.ts) compares figures and leaves out rows whose counts are
 * all zero; this proves more: the rewritten triggers leave exactly the rows migration 0009's left,
 * zeros included, through the same random writes.
 */

const TRIGGERS = ['rollup_entry_counted_insert', 'rollup_entry_counted_join', 'rollup_entry_counted_leave'];
const TABLES = ['rollup_status_changes', 'rollup_region_status_changes'];

/** A trigger's definition in a migration file, by name. */
function definitionIn(migration: string, name: string): string {
  const text = fs.readFileSync(path.join(process.cwd(), 'db/migrations', migration), 'utf8');
  const statement = text.split('--> statement-breakpoint').find((part) => part.includes(`CREATE TRIGGER \`${name}\``));
  if (!statement) throw new Error(`no trigger ${name} in ${migration}`);
  return statement.slice(statement.indexOf('CREATE TRIGGER'));
}

/** The database with migration 0009's version of the three triggers. */
function withOriginalTriggers(db: Db): Db {
  for (const name of TRIGGERS) {
    db.$client.exec(`DROP TRIGGER \`${name}\``);
    db.$client.exec(definitionIn('0009_rollup_read_model.sql', name));
  }
  return db;
}

const rows = (db: Db, table: string) => db.$client.prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3, 4, 5, 6`).raw().all();

const demo = demoDatabases();

describe('the status changes kept by migration 0012', () => {
  it('the database runs the rewritten triggers, and the comparison database the originals of migration 0009', () => {
    const db = demo();
    for (const name of TRIGGERS) {
      const current = db.$client.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(name) as string;
      expect(current).not.toBe(definitionIn('0009_rollup_read_model.sql', name).trim().replace(/;\s*$/, ''));
    }
    const original = withOriginalTriggers(demo());
    expect(original.$client.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rollup_entry_counted_%'").pluck().get()).toBe(3);
  });

  it('leave exactly the rows the original triggers leave, zeros included, through random publishes, drafts, corrections and withdrawals', () => {
    const rewritten = demo();
    const original = withOriginalTriggers(demo());
    const writeRewritten = randomWriter(rewritten, 12);
    const writeOriginal = randomWriter(original, 12);
    for (let step = 0; step < 300; step += 1) {
      writeRewritten(step);
      writeOriginal(step);
      if (step % 50 === 49) for (const table of TABLES) expect(rows(rewritten, table), `${table} after step ${step}`).toEqual(rows(original, table));
    }
    // The writes reached entries between two others of their pair and zero-count rows.
    expect(rewritten.$client.prepare('SELECT count(*) FROM rollup_status_changes WHERE not_started = 0 AND limited = 0 AND substantial = 0 AND complete = 0 AND regressed = 0 AND unable_to_assess = 0').pluck().get()).toBeGreaterThan(0);
    for (const table of TABLES) expect(rows(rewritten, table)).toEqual(rows(original, table));
  });
});
