/**
 * Writes the seed into an empty database in one immediate transaction, each row with its audit
 * row: the report and its commitments always; then either the real actors (UN member states and
 * UN entities, no entries) or the fictitious demo workspace.
 */
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { recordAudit } from '../db/audit';
import * as t from '../db/schema';
import type { WorkspaceMode } from '../lib/taxonomy';
import { formatParagraphs } from '../lib/paragraphs';
import { COMMITMENTS } from './commitments';
import { REPORT } from './source-document';
import { GCM_OBJECTIVE_TITLES, SDG_TARGET_TITLES } from './reference';
import { realActors } from './actors';
import { demoWorkspace } from './demo';
import { DEMO_ROUNDS, type RoundSeed } from './demo-rounds';
import { DEMO_FOLLOWS, type FollowSeed } from './demo-follows';
import type { ActorSeed, EntrySeed, UserSeed } from './types';

export interface SeedResult {
  seeded: boolean;
  mode: WorkspaceMode;
  counts: Record<string, number>;
}

export function readWorkspaceMode(db: Db): WorkspaceMode | null {
  return db.select({ mode: t.workspace.mode }).from(t.workspace).get()?.mode ?? null;
}

/** Seeds an empty database; a database that already holds a workspace is left untouched. */
export function seedDatabase(
  db: Db,
  mode: WorkspaceMode,
  now: string = new Date().toISOString(),
): SeedResult {
  return db.transaction(
    (tx) => {
      const existing = tx.select({ mode: t.workspace.mode }).from(t.workspace).get();
      if (existing) return { seeded: false, mode: existing.mode, counts: {} };

      tx.insert(t.workspace).values({ id: 1, mode, seededAt: now }).run();
      recordAudit(tx, {
        userId: null,
        action: 'workspace.seed',
        entityType: 'workspace',
        entityId: 1,
        after: { mode },
      });
      const commitmentIds = seedCommitments(tx);
      let counts: Record<string, number> = { commitments: commitmentIds.size };
      if (mode === 'real') {
        const actorIds = seedActors(tx, realActors());
        counts = { ...counts, actors: actorIds.size };
      } else {
        const demo = demoWorkspace(COMMITMENTS);
        const actorIds = seedActors(tx, demo.actors);
        seedUsers(tx, demo.users, actorIds);
        const entries = seedEntries(tx, demo.entries, commitmentIds, actorIds);
        const rounds = seedRounds(tx, DEMO_ROUNDS, commitmentIds);
        seedFollows(tx, DEMO_FOLLOWS, commitmentIds, actorIds);
        counts = { ...counts, actors: actorIds.size, users: demo.users.length, entries, rounds };
      }
      return { seeded: true, mode, counts };
    },
    { behavior: 'immediate' },
  );
}

function seedCommitments(tx: Tx): Map<string, number> {
  const source = tx
    .insert(t.sourceDocuments)
    .values({
      slug: REPORT.slug,
      title: REPORT.title,
      author: REPORT.author,
      publishedOn: REPORT.publishedOn,
      place: REPORT.place,
      reference: REPORT.reference,
      url: REPORT.url,
    })
    .returning()
    .get();
  recordAudit(tx, {
    userId: null,
    action: 'source.create',
    entityType: 'source_document',
    entityId: source.id,
    after: source,
  });

  for (const [number, title] of Object.entries(GCM_OBJECTIVE_TITLES)) {
    tx.insert(t.gcmObjectives)
      .values({ number: Number(number), title })
      .run();
  }
  for (const [code, title] of Object.entries(SDG_TARGET_TITLES)) {
    tx.insert(t.sdgTargets).values({ code, title }).run();
  }

  const ids = new Map<string, number>();
  COMMITMENTS.forEach((seed, index) => {
    const commitment = tx
      .insert(t.commitments)
      .values({
        code: seed.code,
        sourceId: source.id,
        title: seed.title,
        text: seed.text,
        paragraphs: formatParagraphs(seed.paragraphs),
        theme: seed.theme,
        position: index + 1,
      })
      .returning()
      .get();
    const commitmentId = commitment.id;
    for (const paragraph of seed.paragraphs)
      tx.insert(t.commitmentParagraphs).values({ commitmentId, paragraph }).run();
    for (const dutyBearer of seed.dutyBearers)
      tx.insert(t.commitmentDutyBearers).values({ commitmentId, dutyBearer }).run();
    for (const rightsHolder of seed.rightsHolders)
      tx.insert(t.commitmentRightsHolders).values({ commitmentId, rightsHolder }).run();
    for (const objective of seed.gcmObjectives)
      tx.insert(t.commitmentObjectives).values({ commitmentId, objective }).run();
    for (const sdgTarget of seed.sdgTargets)
      tx.insert(t.commitmentSdgTargets).values({ commitmentId, sdgTarget }).run();
    recordAudit(tx, {
      userId: null,
      action: 'commitment.create',
      entityType: 'commitment',
      entityId: commitmentId,
      after: seed,
    });
    ids.set(seed.code, commitmentId);
  });
  return ids;
}

function seedActors(tx: Tx, seeds: readonly ActorSeed[]): Map<string, number> {
  const ids = new Map<string, number>();
  for (const seed of seeds) {
    const actor = tx
      .insert(t.actors)
      .values({
        kind: seed.kind,
        name: seed.name,
        shortName: seed.shortName,
        iso3: seed.iso3,
        region: seed.region,
        subRegion: seed.subRegion,
        intermediateRegion: seed.intermediateRegion,
        isDemo: seed.isDemo,
      })
      .returning()
      .get();
    recordAudit(tx, {
      userId: null,
      action: 'actor.create',
      entityType: 'actor',
      entityId: actor.id,
      after: actor,
    });
    ids.set(seed.key, actor.id);
  }
  return ids;
}

function seedUsers(
  tx: Tx,
  seeds: readonly UserSeed[],
  actorIds: ReadonlyMap<string, number>,
): void {
  for (const seed of seeds) {
    const user = tx
      .insert(t.users)
      .values({
        id: seed.id,
        email: seed.email,
        name: seed.name,
        role: seed.role,
        actorId: seed.actorKey === null ? null : required(actorIds, seed.actorKey, 'actor'),
        isDemo: seed.isDemo,
      })
      .returning()
      .get();
    recordAudit(tx, {
      userId: null,
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      after: user,
    });
  }
}

/** Replays the demo history in time order so every row passes the same constraints as live writes. */
function seedEntries(
  tx: Tx,
  seeds: readonly EntrySeed[],
  commitmentIds: ReadonlyMap<string, number>,
  actorIds: ReadonlyMap<string, number>,
): number {
  const entryIds = new Map<string, number>();
  const inOrder = [...seeds].sort((a, b) =>
    (a.publishedAt ?? a.createdAt).localeCompare(b.publishedAt ?? b.createdAt),
  );
  for (const seed of inOrder) {
    const supersedesId =
      seed.supersedesKey === null ? null : required(entryIds, seed.supersedesKey, 'entry');
    const entry = tx
      .insert(t.progressEntries)
      .values({
        idempotencyKey: seed.key,
        commitmentId: required(commitmentIds, seed.commitmentCode, 'commitment'),
        subjectId: required(actorIds, seed.subjectKey, 'actor'),
        reporterId: required(actorIds, seed.reporterKey, 'actor'),
        status: seed.status,
        asOf: seed.asOf,
        summary: seed.summary,
        narrative: seed.narrative,
        measures: JSON.stringify(seed.measures),
        evidence: JSON.stringify(seed.evidence),
        confidence: seed.confidence,
        adverseEffects: seed.adverseEffects,
        adverseEffectsDescription: seed.adverseEffectsDescription,
        supersedesId,
        state: seed.state,
        returnNote: seed.returnNote,
        createdBy: seed.createdByUserId,
        approvedBy: seed.approvedByUserId,
        createdAt: seed.createdAt,
        updatedAt: seed.publishedAt ?? seed.returnedAt ?? seed.submittedAt ?? seed.createdAt,
        submittedAt: seed.submittedAt,
        returnedAt: seed.returnedAt,
        publishedAt: seed.publishedAt,
      })
      .returning()
      .get();
    entryIds.set(seed.key, entry.id);
    recordAudit(tx, {
      userId: seed.createdByUserId,
      action: `entry.${seed.state === 'published' ? 'publish' : seed.state}`,
      entityType: 'progress_entry',
      entityId: entry.id,
      after: entry,
      at: seed.publishedAt ?? seed.returnedAt ?? seed.submittedAt ?? seed.createdAt,
    });
    if (supersedesId !== null && seed.state === 'published') {
      const before = tx
        .select()
        .from(t.progressEntries)
        .where(eq(t.progressEntries.id, supersedesId))
        .get();
      const after = tx
        .update(t.progressEntries)
        .set({
          supersededById: entry.id,
          supersededAt: seed.publishedAt,
          updatedAt: seed.publishedAt ?? seed.createdAt,
        })
        .where(eq(t.progressEntries.id, supersedesId))
        .returning()
        .get();
      recordAudit(tx, {
        userId: seed.createdByUserId,
        action: 'entry.supersede',
        entityType: 'progress_entry',
        entityId: supersedesId,
        before,
        after,
        at: seed.publishedAt ?? undefined,
      });
    }
  }
  for (const seed of inOrder) {
    if (!seed.withdrawal) continue;
    const id = required(entryIds, seed.key, 'entry');
    const before = tx.select().from(t.progressEntries).where(eq(t.progressEntries.id, id)).get();
    const after = tx
      .update(t.progressEntries)
      .set({
        withdrawnAt: seed.withdrawal.at,
        withdrawnBy: seed.withdrawal.byUserId,
        withdrawalReason: seed.withdrawal.reason,
        updatedAt: seed.withdrawal.at,
      })
      .where(eq(t.progressEntries.id, id))
      .returning()
      .get();
    recordAudit(tx, {
      userId: seed.withdrawal.byUserId,
      action: 'entry.withdraw',
      entityType: 'progress_entry',
      entityId: id,
      before,
      after,
      at: seed.withdrawal.at,
    });
  }
  return entryIds.size;
}

/** Rounds as the secretariat defined (and closed) them, each with its audit rows. */
function seedRounds(
  tx: Tx,
  seeds: readonly RoundSeed[],
  commitmentIds: ReadonlyMap<string, number>,
): number {
  for (const seed of seeds) {
    const { commitmentCodes, closedAt, ...columns } = seed;
    const round = tx.insert(t.reportingRounds).values(columns).returning().get();
    const commitments = commitmentCodes.map((code) => required(commitmentIds, code, 'commitment'));
    for (const commitmentId of commitments)
      tx.insert(t.reportingRoundCommitments).values({ roundId: round.id, commitmentId }).run();
    const audit = { userId: null, entityType: 'reporting_round', entityId: round.id };
    recordAudit(tx, {
      ...audit,
      action: 'round.create',
      after: { ...round, commitments, actors: [] },
      at: seed.createdAt,
    });
    if (closedAt === null) continue;
    const after = tx
      .update(t.reportingRounds)
      .set({ closedAt })
      .where(eq(t.reportingRounds.id, round.id))
      .returning()
      .get();
    recordAudit(tx, { ...audit, action: 'round.close', before: round, after, at: closedAt });
  }
  return seeds.length;
}

/** Each follow with its audit row, as followTarget writes them (db/queries/follows.ts). */
function seedFollows(
  tx: Tx,
  seeds: readonly FollowSeed[],
  commitmentIds: ReadonlyMap<string, number>,
  actorIds: ReadonlyMap<string, number>,
): void {
  for (const { userId, targetKind, target, startedAt } of seeds) {
    const ids = targetKind === 'commitment' ? commitmentIds : actorIds;
    const targetId = required(ids, target, targetKind);
    const follow = tx
      .insert(t.follows)
      .values({ userId, targetKind, targetId, startedAt: Date.parse(startedAt) })
      .returning()
      .get();
    recordAudit(tx, {
      userId,
      action: 'follow.start',
      entityType: 'follow',
      entityId: follow.id,
      after: follow,
      at: startedAt,
    });
  }
}

function required<K, V>(map: ReadonlyMap<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Seed refers to an unknown ${what}: ${String(key)}`);
  return value;
}
