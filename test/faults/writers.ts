/**
 * Writers that publish progress entries through the HTTP API as focal points of different actors,
 * each entry with its own idempotency key, and retry whatever was not acknowledged: the client
 * side of the crash and concurrency runs.
 */
import Database from 'better-sqlite3';
import { STATUS_KEYS } from '../../lib/status-scale';
import { appliesToKind, type ActorKind, type DutyBearer } from '../../lib/taxonomy';
import { issueToken } from './harness';
import type { Acknowledged } from './invariants';

/** A deterministic random source, so a failing run can be replayed with its --seed. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

export interface Identity {
  email: string;
  actorId: number;
  kind: ActorKind;
}

interface Plan {
  commitments: string[];
  states: number[];
}

/** Focal points of states (self-reports) and of non-state actors (independent assessments of states). */
export function writerIdentities(file: string): { identities: Identity[]; plan: Plan } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const focalPoints = db
      .prepare(
        `SELECT u.email, a.id AS actorId, a.kind FROM users u JOIN actors a ON a.id = u.actor_id WHERE u.role = 'focal_point' AND u.disabled_at IS NULL ORDER BY a.kind = 'state' DESC, a.id`,
      )
      .all() as Identity[];
    const states = focalPoints.filter((identity) => identity.kind === 'state');
    const others = focalPoints.filter((identity) => identity.kind !== 'state');
    // Alternate states and non-state actors, so a few writers already cover both perspectives.
    const identities: Identity[] = [];
    for (let index = 0; index < Math.max(states.length, others.length); index += 1) {
      if (states[index]) identities.push(states[index]!);
      if (others[index]) identities.push(others[index]!);
    }
    const bearers = db
      .prepare(
        'SELECT c.code, b.duty_bearer FROM commitments c JOIN commitment_duty_bearers b ON b.commitment_id = c.id WHERE c.archived_at IS NULL',
      )
      .all() as { code: string; duty_bearer: DutyBearer }[];
    const byCode = new Map<string, DutyBearer[]>();
    for (const row of bearers)
      byCode.set(row.code, [...(byCode.get(row.code) ?? []), row.duty_bearer]);
    const commitments = [...byCode]
      .filter(([, duty]) => appliesToKind(duty, 'state'))
      .map(([code]) => code)
      .sort();
    return { identities, plan: { commitments, states: states.map((state) => state.actorId) } };
  } finally {
    db.close();
  }
}

export interface WriterStats {
  requests: number;
  acknowledged: number;
  retried: number;
  connectionErrors: number;
  serverErrors: number;
  refused: string[];
}

export function emptyStats(): WriterStats {
  return {
    requests: 0,
    acknowledged: 0,
    retried: 0,
    connectionErrors: 0,
    serverErrors: 0,
    refused: [],
  };
}

interface Pending {
  idempotencyKey: string;
  body: Record<string, unknown>;
  attempts: number;
}

/** One focal point with its token, its unacknowledged entry, and what it has had acknowledged. */
export class Writer {
  readonly acknowledged: Acknowledged[] = [];
  private pending: Pending | null = null;
  private sequence = 0;
  private readonly token: string;

  constructor(
    private readonly name: string,
    private readonly identity: Identity,
    private readonly plan: Plan,
    private readonly random: () => number,
    databaseFile: string,
  ) {
    this.token = issueToken(databaseFile, identity.email, `${name} (robustness test)`);
  }

  private nextEntry(): Pending {
    this.sequence += 1;
    const pick = <T>(values: readonly T[]): T => values[Math.floor(this.random() * values.length)]!;
    const selfReport = this.identity.kind === 'state';
    const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(this.random() * 600) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const idempotencyKey = `${this.name}-${this.sequence}`;
    return {
      idempotencyKey,
      attempts: 0,
      body: {
        idempotencyKey,
        commitment: pick(this.plan.commitments),
        subject: selfReport ? this.identity.actorId : pick(this.plan.states),
        status: pick(STATUS_KEYS),
        asOf: day,
        summary: `${this.name} entry ${this.sequence}`,
        narrative: 'Written by the robustness test.',
        confidence: selfReport ? null : pick(['high', 'medium', 'low'] as const),
        action: 'publish',
      },
    };
  }

  /**
   * Sends the unacknowledged entry again, or a new one. Returns false when the server could not
   * be reached (the caller waits for it to come back).
   */
  async step(baseUrl: string, stats: WriterStats): Promise<boolean> {
    this.pending ??= this.nextEntry();
    const pending = this.pending;
    if (pending.attempts > 0) stats.retried += 1;
    pending.attempts += 1;
    stats.requests += 1;
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${baseUrl}/api/v1/entries`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(pending.body),
        signal: AbortSignal.timeout(15_000),
      });
      text = await response.text();
    } catch {
      stats.connectionErrors += 1;
      return false;
    }
    if (response.status === 200 || response.status === 201) {
      const body = JSON.parse(text) as { entry?: { id?: number }; id?: number };
      const entryId = body.entry?.id ?? body.id;
      if (typeof entryId !== 'number')
        throw new Error(
          `${this.name}: an acknowledgement without an entry id: ${text.slice(0, 200)}`,
        );
      this.acknowledged.push({ idempotencyKey: pending.idempotencyKey, entryId });
      stats.acknowledged += 1;
      this.pending = null;
      return true;
    }
    if (response.status >= 500) {
      stats.serverErrors += 1;
      stats.refused.push(
        `${this.name} ${pending.idempotencyKey}: ${response.status} ${text.slice(0, 300)}`,
      );
      return false;
    }
    // A 4xx for a valid entry is a bug in the server or in this test: report it, never retry it.
    stats.refused.push(
      `${this.name} ${pending.idempotencyKey}: ${response.status} ${text.slice(0, 300)}`,
    );
    this.pending = null;
    return true;
  }

  /** Writes until told to stop; after a failed request, waits a little and tries the same entry again. */
  async runUntil(baseUrl: () => string, stopped: () => boolean, stats: WriterStats): Promise<void> {
    while (!stopped()) {
      const reached = await this.step(baseUrl(), stats);
      if (!reached) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** After the last round: settle the entry left in flight, if any. */
  async finish(baseUrl: string, stats: WriterStats): Promise<void> {
    for (let attempt = 0; this.pending && attempt < 20; attempt += 1) {
      if (!(await this.step(baseUrl, stats)))
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
    if (this.pending)
      throw new Error(`${this.name}: ${this.pending.idempotencyKey} was never acknowledged`);
  }

  get hasPending(): boolean {
    return this.pending !== null;
  }
}
