/**
 * The synthetic workspace of the benchmark: deterministic (seeded PRNG), written with prepared
 * statements in large transactions into a database created by the app's own migrations, so the
 * kept current_status table is filled by the same triggers as live writes.
 *
 * Entries are generated as one endless seeded sequence: growing a database from 250,000 to
 * 1,000,000 entries appends the next 750,000 of the same sequence, so the growth figure compares
 * a database with its own future.
 */
import { openDatabase, type Db } from '../db/client';
import { STATUS_KEYS, type StatusKey } from '../lib/status-scale';
import { ACTOR_KINDS, THEMES, type ActorKind } from '../lib/taxonomy';
import { mulberry32 } from '../lib/prng';

export interface GenerateOptions {
  actors: number;
  commitments: number;
  states: number;
  seed: number;
}

export const REGIONS = ['Africa', 'Americas', 'Asia', 'Europe', 'Oceania'] as const;
const STAKEHOLDER_KINDS = ACTOR_KINDS.filter((kind) => kind !== 'state');
const HISTORY_FROM = Date.UTC(2019, 0, 1);
const HISTORY_TO = Date.UTC(2026, 9, 31);
const DAY = 86_400_000;
/** Weighted towards progress, with a little regression and "unable to assess". */
const STATUS_WEIGHTS: Record<StatusKey, number> = {
  not_started: 0.18,
  limited: 0.3,
  substantial: 0.28,
  complete: 0.12,
  regressed: 0.05,
  unable_to_assess: 0.07,
};

export interface Workspace {
  actorIds: number[];
  actorKinds: ActorKind[];
  stateIds: number[];
  stakeholderIds: number[];
  commitmentIds: number[];
  commitmentCodes: string[];
  userOfActor: Map<number, string>;
}

function progressBar(label: string, done: number, total: number, started: number): void {
  if (!process.stderr.isTTY && done !== total && done % Math.max(1, Math.floor(total / 10)) !== 0)
    return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  const seconds = (performance.now() - started) / 1000;
  const rate = seconds > 0 ? Math.round(done / seconds) : 0;
  const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${rate.toLocaleString('en')}/s)`;
  process.stderr.write(
    process.stderr.isTTY ? `\r${line}${done === total ? '\n' : ''}` : `${line}\n`,
  );
}

/** Creates the database (migrations) and writes actors, commitments and users: no entries yet. */
export function createWorkspace(file: string, options: GenerateOptions): Db {
  const db = openDatabase(file);
  const sqlite = db.$client;
  sqlite.pragma('synchronous = OFF'); // generation only: the server opens its own, durable, connection
  sqlite.pragma('cache_size = -262144');
  const random = mulberry32(options.seed);
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `INSERT INTO workspace (id, mode, seeded_at) VALUES (1, 'demo', '2026-11-01T00:00:00.000Z')`,
      )
      .run();
    const source = sqlite
      .prepare(
        `INSERT INTO source_documents (slug, title, author, published_on, place) VALUES ('bench', 'Synthetic benchmark report', 'Benchmark', '2017-09-01', 'Nowhere') RETURNING id`,
      )
      .get() as { id: number };
    const objective = sqlite.prepare(
      'INSERT OR IGNORE INTO gcm_objectives (number, title) VALUES (?, ?)',
    );
    for (let number = 1; number <= 23; number += 1) objective.run(number, `Objective ${number}`);
    const commitment = sqlite.prepare(
      `INSERT INTO commitments (code, source_id, title, text, paragraphs, theme, position) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    );
    const bearer = sqlite.prepare(
      'INSERT INTO commitment_duty_bearers (commitment_id, duty_bearer) VALUES (?, ?)',
    );
    const link = sqlite.prepare(
      'INSERT OR IGNORE INTO commitment_objectives (commitment_id, objective) VALUES (?, ?)',
    );
    const paragraph = sqlite.prepare(
      'INSERT INTO commitment_paragraphs (commitment_id, paragraph) VALUES (?, ?)',
    );
    for (let index = 1; index <= options.commitments; index += 1) {
      const code = `BEN-${String(index).padStart(3, '0')}`;
      const theme = THEMES[index % THEMES.length] as string;
      const { id } = commitment.get(
        code,
        source.id,
        `Synthetic commitment ${index}`,
        `Text of synthetic commitment ${index}.`,
        String(index),
        theme,
        index,
      ) as { id: number };
      // Every commitment asks all stakeholders: actors x commitments pairs, all applicable.
      bearer.run(id, 'all_stakeholders');
      if (index % 3 === 0) bearer.run(id, 'states');
      link.run(id, 1 + (index % 23));
      link.run(id, 1 + ((index * 7) % 23));
      paragraph.run(id, index);
    }
    const actor = sqlite.prepare(
      `INSERT INTO actors (kind, name, region, is_demo) VALUES (?, ?, ?, 1) RETURNING id`,
    );
    const user = sqlite.prepare(
      `INSERT INTO users (id, email, name, role, actor_id, is_demo) VALUES (?, ?, ?, 'focal_point', ?, 1)`,
    );
    for (let index = 1; index <= options.actors; index += 1) {
      const isState = index <= options.states;
      const kind: ActorKind = isState
        ? 'state'
        : (STAKEHOLDER_KINDS[Math.floor(random() * STAKEHOLDER_KINDS.length)] as ActorKind);
      const name = isState
        ? `Synthetic State ${String(index).padStart(4, '0')}`
        : `Synthetic ${kind} ${String(index).padStart(4, '0')}`;
      const { id } = actor.get(kind, name, REGIONS[index % REGIONS.length]) as { id: number };
      user.run(`bench-user-${id}`, `bench-${id}@bench.example`, `Bench user ${id}`, id);
    }
    sqlite
      .prepare(
        `INSERT INTO users (id, email, name, role, is_demo) VALUES ('bench-admin', 'admin@bench.example', 'Bench admin', 'admin', 1)`,
      )
      .run();
  })();
  return db;
}

export function loadWorkspace(db: Db): Workspace {
  const sqlite = db.$client;
  const actors = sqlite.prepare('SELECT id, kind FROM actors ORDER BY id').all() as {
    id: number;
    kind: ActorKind;
  }[];
  const commitments = sqlite
    .prepare('SELECT id, code FROM commitments ORDER BY position')
    .all() as { id: number; code: string }[];
  const users = sqlite
    .prepare('SELECT id, actor_id AS actorId FROM users WHERE actor_id IS NOT NULL')
    .all() as { id: string; actorId: number }[];
  return {
    actorIds: actors.map((row) => row.id),
    actorKinds: actors.map((row) => row.kind),
    stateIds: actors.filter((row) => row.kind === 'state').map((row) => row.id),
    stakeholderIds: actors.filter((row) => row.kind !== 'state').map((row) => row.id),
    commitmentIds: commitments.map((row) => row.id),
    commitmentCodes: commitments.map((row) => row.code),
    userOfActor: new Map(users.map((row) => [row.actorId, row.id])),
  };
}

function pickStatus(value: number): StatusKey {
  let sum = 0;
  for (const key of STATUS_KEYS) {
    sum += STATUS_WEIGHTS[key];
    if (value < sum) return key;
  }
  return 'limited';
}

/** Entry number `n` of the endless sequence (its own PRNG stream, so any range can be generated). */
export function syntheticEntry(workspace: Workspace, seed: number, n: number) {
  const random = mulberry32((seed * 2_654_435_761 + n * 40_503) >>> 0);
  random();
  const commitmentId = workspace.commitmentIds[
    Math.floor(random() * workspace.commitmentIds.length)
  ] as number;
  // A fifth of the entries are independent assessments of a state by a stakeholder.
  const independent =
    random() < 0.2 && workspace.stakeholderIds.length > 0 && workspace.stateIds.length > 0;
  const subjectId = independent
    ? (workspace.stateIds[Math.floor(random() * workspace.stateIds.length)] as number)
    : (workspace.actorIds[Math.floor(random() * workspace.actorIds.length)] as number);
  const reporterId = independent
    ? (workspace.stakeholderIds[Math.floor(random() * workspace.stakeholderIds.length)] as number)
    : subjectId;
  const asOfMs = HISTORY_FROM + Math.floor(random() * ((HISTORY_TO - HISTORY_FROM) / DAY)) * DAY;
  const asOf = new Date(asOfMs).toISOString().slice(0, 10);
  const publishedAt = new Date(
    asOfMs + Math.floor(random() * 30 * DAY) + Math.floor(random() * DAY),
  ).toISOString();
  const status = pickStatus(random());
  const adverse = random() < 0.02;
  return {
    idempotencyKey: `bench-${n}`,
    commitmentId,
    subjectId,
    reporterId,
    status,
    asOf,
    summary: `Synthetic entry ${n}: ${status.replace(/_/g, ' ')} as of ${asOf}`,
    confidence: independent ? (['high', 'medium', 'low'] as const)[n % 3] : null,
    adverseEffects: adverse ? 1 : 0,
    adverseEffectsDescription: adverse ? 'Synthetic adverse effect on rights.' : null,
    createdBy: workspace.userOfActor.get(reporterId) as string,
    publishedAt,
  };
}

/** Appends published entries number `from` .. `to - 1` of the sequence, with a progress bar. */
export function appendEntries(
  db: Db,
  workspace: Workspace,
  seed: number,
  from: number,
  to: number,
  label = 'entries',
): void {
  const sqlite = db.$client;
  const insert = sqlite.prepare(
    `INSERT INTO progress_entries (idempotency_key, commitment_id, subject_id, reporter_id, status, as_of, summary, confidence,
       adverse_effects, adverse_effects_description, state, created_by, approved_by, created_at, updated_at, submitted_at, published_at)
     VALUES (@idempotencyKey, @commitmentId, @subjectId, @reporterId, @status, @asOf, @summary, @confidence,
       @adverseEffects, @adverseEffectsDescription, 'published', @createdBy, @createdBy, @publishedAt, @publishedAt, @publishedAt, @publishedAt)`,
  );
  const batch = sqlite.transaction((start: number, end: number) => {
    for (let n = start; n < end; n += 1) insert.run(syntheticEntry(workspace, seed, n));
  });
  const started = performance.now();
  const total = to - from;
  const step = 10_000;
  for (let start = from; start < to; start += step) {
    const end = Math.min(to, start + step);
    batch(start, end);
    progressBar(label, end - from, total, started);
  }
  if (total === 0) progressBar(label, 0, 0, started);
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.exec('ANALYZE');
}
