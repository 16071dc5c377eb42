import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';

/**
 * The schema the migrations build, the way the app and every script open the database
 * (db/client.ts). Each table with the indexes and triggers the app relies on, listed by hand: a
 * missing object, and one no longer needed left behind, both fail here. A new migration that adds
 * or drops an object updates this list.
 */
const SCHEMA: Record<string, { indexes?: string[]; triggers?: string[] }> = {
  accounts: { indexes: ['accounts_provider_account_unique', 'accounts_user_idx'] },
  actors: {
    indexes: ['actors_iso3_unique', 'actors_kind_idx', 'actors_name_unique', 'actors_region_idx'],
    triggers: ['actors_no_delete', 'data_version_actors_insert', 'data_version_actors_update'],
  },
  api_tokens: {
    indexes: ['api_tokens_hash_unique', 'api_tokens_user_idx'],
    triggers: ['api_tokens_immutable', 'api_tokens_no_delete'],
  },
  audit_log: {
    indexes: ['audit_log_at_idx', 'audit_log_entity_idx', 'audit_log_public_changes_idx'],
    triggers: ['audit_log_no_delete', 'audit_log_no_update'],
  },
  commitment_duty_bearers: { triggers: dataVersionTriggers('commitment_duty_bearers', true) },
  commitment_objectives: {
    indexes: ['commitment_objectives_objective_idx'],
    triggers: dataVersionTriggers('commitment_objectives', true),
  },
  commitment_paragraphs: {},
  commitment_rights_holders: {},
  commitment_translations: {
    indexes: ['commitment_translations_version_unique'],
    triggers: [
      'commitment_translations_no_delete',
      'commitment_translations_no_update',
      'data_version_commitment_translations_insert',
    ],
  },
  commitment_sdg_targets: {
    indexes: ['commitment_sdg_targets_target_idx'],
    triggers: dataVersionTriggers('commitment_sdg_targets', true),
  },
  commitments: {
    indexes: ['commitments_code_unique', 'commitments_theme_idx'],
    triggers: [
      'commitments_code_immutable_with_entries',
      'commitments_no_delete',
      ...dataVersionTriggers('commitments', false),
    ],
  },
  counted_entry_changes: {},
  current_status: {
    indexes: [
      'current_status_commitment_idx',
      'current_status_matrix_idx',
      'current_status_subject_idx',
    ],
  },
  current_status_deferred: {},
  data_version: {},
  follows: { indexes: ['follows_active_unique'], triggers: ['follows_no_delete'] },
  gcm_objectives: { triggers: dataVersionTriggers('gcm_objectives', true) },
  mail_settings: {
    indexes: ['mail_settings_token_unique'],
    triggers: ['mail_settings_no_delete'],
  },
  outbox: {
    indexes: ['outbox_created_idx', 'outbox_message_unique', 'outbox_pending_idx'],
    triggers: ['outbox_message_immutable', 'outbox_no_delete', 'outbox_sent_once'],
  },
  progress_entries: {
    indexes: [
      'progress_entries_author_idx',
      'progress_entries_commitment_idx',
      'progress_entries_counted_idx',
      'progress_entries_idempotency_key_unique',
      'progress_entries_perspective_idx',
      'progress_entries_published_idx',
      'progress_entries_public_pair_idx',
      'progress_entries_reporter_idx',
      'progress_entries_reporter_perspective_idx',
      'progress_entries_state_idx',
      'progress_entries_status_idx',
      'progress_entries_status_perspective_idx',
      'progress_entries_subject_idx',
      'progress_entries_subject_perspective_idx',
    ],
    triggers: [
      'counted_entry_changes_update',
      'current_status_after_insert',
      'current_status_after_update',
      ...dataVersionTriggers('progress_entries', false),
      'progress_entries_no_delete',
      'progress_entries_published_immutable',
    ],
  },
  rate_limits: { indexes: ['rate_limits_key_unique'] },
  reporting_round_actors: {
    triggers: [
      'data_version_reporting_round_actors_delete',
      'data_version_reporting_round_actors_insert',
    ],
  },
  reporting_round_commitments: {
    triggers: [
      'data_version_reporting_round_commitments_delete',
      'data_version_reporting_round_commitments_insert',
    ],
  },
  reporting_rounds: {
    triggers: [...dataVersionTriggers('reporting_rounds', false), 'reporting_rounds_no_delete'],
  },
  sdg_targets: {},
  sessions: { indexes: ['sessions_token_unique', 'sessions_user_idx'] },
  settings: {},
  sign_in_attempts: { indexes: ['sign_in_attempts_window_idx'] },
  source_documents: {
    indexes: ['source_documents_slug_unique'],
    triggers: ['source_documents_no_delete'],
  },
  users: { indexes: ['users_email_unique'], triggers: ['users_no_delete'] },
  verifications: { indexes: ['verifications_identifier_idx'] },
  workspace: {},
};

function dataVersionTriggers(table: string, withDelete: boolean): string[] {
  return ['insert', 'update', ...(withDelete ? ['delete'] : [])].map(
    (event) => `data_version_${table}_${event}`,
  );
}

function objects(
  db: ReturnType<typeof openDatabase>,
  type: string,
): { name: string; table: string }[] {
  return db.$client
    .prepare(
      "SELECT name, tbl_name AS \"table\" FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations'",
    )
    .all(type) as { name: string; table: string }[];
}

const byTable = (rows: { name: string; table: string }[]) => {
  const grouped: Record<string, string[]> = {};
  for (const row of rows) (grouped[row.table] ??= []).push(row.name);
  return Object.fromEntries(Object.entries(grouped).map(([table, names]) => [table, names.sort()]));
};
const expected = (kind: 'indexes' | 'triggers') =>
  Object.fromEntries(
    Object.entries(SCHEMA).flatMap(([table, parts]) =>
      parts[kind] ? [[table, [...parts[kind]].sort()]] : [],
    ),
  );

/** The least a published entry needs: a source, a commitment, an actor reporting on itself and its user. */
function workspaceWithOnePair() {
  const db = openDatabase(':memory:');
  db.$client.exec(`
    INSERT INTO source_documents (slug, title, author, published_on, place) VALUES ('src', 'Source', 'Author', '2017-09-01', 'Place');
    INSERT INTO commitments (code, source_id, title, text, paragraphs, theme, position) VALUES ('CT-01', 1, 'T', 'Text', '1', 'smuggling', 1);
    INSERT INTO actors (kind, name, is_demo) VALUES ('cso', 'Demo actor', 1);
    INSERT INTO users (id, email, name, role, actor_id) VALUES ('u1', 'u1@example.org', 'U', 'focal_point', 1);
  `);
  const publish = (key: string, status: string, asOf: string) =>
    db.$client
      .prepare(
        `INSERT INTO progress_entries (idempotency_key, commitment_id, subject_id, reporter_id, status, as_of, summary, state, created_by, published_at)
         VALUES (?, 1, 1, 1, ?, ?, 'Summary', 'published', 'u1', '2026-01-01T00:00:00.000Z') RETURNING id`,
      )
      .pluck()
      .get(key, status, asOf) as number;
  const currentStatus = () =>
    db.$client
      .prepare('SELECT status FROM current_status WHERE commitment_id = 1 AND subject_id = 1')
      .pluck()
      .get();
  return { db, sqlite: db.$client, publish, currentStatus };
}

describe('the database the migrations build', () => {
  const db = openDatabase(':memory:');

  it('has every table the app relies on, and no other', () => {
    expect(
      objects(db, 'table')
        .map((row) => row.name)
        .sort(),
    ).toEqual(Object.keys(SCHEMA).sort());
  });

  it('has every index the app relies on, and no other', () => {
    expect(byTable(objects(db, 'index'))).toEqual(expected('indexes'));
  });

  it('has every trigger the app relies on, and no other', () => {
    expect(byTable(objects(db, 'trigger'))).toEqual(expected('triggers'));
  });

  it('bumps the data version on a write to any table the figures are computed from, and on no other', () => {
    const { sqlite, publish } = workspaceWithOnePair();
    const version = () =>
      sqlite.prepare('SELECT version FROM data_version WHERE id = 1').pluck().get() as number;
    const bumps = (statement: string) => {
      const before = version();
      sqlite.exec(statement);
      return version() - before;
    };
    const entry = publish('e1', 'limited', '2026-01-01');
    expect(version()).toBeGreaterThan(0);
    expect(bumps(`INSERT INTO sdg_targets (code, title) VALUES ('10.7', 'Target')`)).toBe(0);
    for (const statement of [
      `INSERT INTO actors (kind, name, is_demo) VALUES ('cso', 'Another actor', 1)`,
      `UPDATE actors SET region = 'Europe' WHERE id = 2`,
      `UPDATE commitments SET title = 'New title' WHERE id = 1`,
      `INSERT INTO gcm_objectives (number, title) VALUES (1, 'Objective')`,
      `UPDATE gcm_objectives SET title = 'Objective 1' WHERE number = 1`,
      `INSERT INTO commitment_objectives (commitment_id, objective) VALUES (1, 1)`,
      `DELETE FROM commitment_objectives WHERE commitment_id = 1`,
      `INSERT INTO commitment_duty_bearers (commitment_id, duty_bearer) VALUES (1, 'states')`,
      `UPDATE commitment_duty_bearers SET duty_bearer = 'all_stakeholders' WHERE commitment_id = 1`,
      `DELETE FROM commitment_duty_bearers WHERE commitment_id = 1`,
      `INSERT INTO commitment_sdg_targets (commitment_id, sdg_target) VALUES (1, '10.7')`,
      `DELETE FROM commitment_sdg_targets WHERE commitment_id = 1`,
      `INSERT INTO commitment_translations (commitment_id, locale, version, title, text, created_by) VALUES (1, 'fr', 1, 'Titre', 'Texte', 'u1')`,
      `UPDATE progress_entries SET withdrawn_at = '2026-02-01T00:00:00.000Z', withdrawn_by = 'u1', withdrawal_reason = 'Wrong pair' WHERE id = ${entry}`,
      `INSERT INTO reporting_rounds (title, opens_on, due_on, asks) VALUES ('Round', '2026-01-01', '2026-06-30', 'all_states')`,
      `UPDATE reporting_rounds SET closed_at = '2026-07-01T00:00:00.000Z' WHERE id = 1`,
      `INSERT INTO reporting_round_commitments (round_id, commitment_id) VALUES (1, 1)`,
      `DELETE FROM reporting_round_commitments WHERE round_id = 1`,
    ]) {
      expect(bumps(statement), statement).toBe(1);
    }
    for (const statement of [
      `INSERT INTO audit_log (action, entity_type, entity_id) VALUES ('test', 'entry', '1')`,
      `UPDATE users SET name = 'Renamed' WHERE id = 'u1'`,
      `INSERT INTO settings (key, value) VALUES ('k', 'v')`,
    ]) {
      expect(bumps(statement), statement).toBe(0);
    }
  });

  it('leaves current statuses to the import while current_status_deferred holds its row, and keeps them otherwise', () => {
    const { sqlite, publish, currentStatus } = workspaceWithOnePair();
    publish('e1', 'limited', '2026-01-01');
    expect(currentStatus()).toBe('limited');
    sqlite.transaction(() => {
      sqlite.exec('INSERT INTO current_status_deferred (id) VALUES (1)');
      publish('e2', 'complete', '2026-03-01');
      expect(currentStatus()).toBe('limited');
      sqlite.exec('DELETE FROM current_status_deferred');
    })();
    publish('e3', 'substantial', '2026-04-01');
    expect(currentStatus()).toBe('substantial');
  });
});

describe('a database made before the migrations were squashed', () => {
  it('is refused with what to do, not half-migrated', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'old-chain-'));
    const file = path.join(dir, 'old.db');
    const old = new Database(file);
    old.exec(
      'CREATE TABLE __drizzle_migrations (id INTEGER PRIMARY KEY, hash TEXT NOT NULL, created_at NUMERIC)',
    );
    const insert = old.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)');
    for (let index = 0; index < 18; index += 1)
      insert.run(`old-${index}`, 1_700_000_000_000 + index);
    old.exec('CREATE TABLE accounts (id TEXT PRIMARY KEY)');
    old.close();

    expect(() => openDatabase(file)).toThrow(/earlier chain of migrations.*npm run db:setup/);
    const after = new Database(file, { readonly: true });
    expect(after.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(18);
    expect(
      after.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'actors'").pluck().get(),
    ).toBe(0);
    after.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
