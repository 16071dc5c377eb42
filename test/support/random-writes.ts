import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import * as t from '../../db/schema';
import { mulberry32 } from '../../lib/prng';
import { STATUS_KEYS } from '../../lib/status-scale';
import { ACTOR_KINDS } from '../../lib/taxonomy';

/**
 * For tests of derived data: one random write per call, as the app's writers make them, straight
 * to the tables (so every trigger fires): publishes (backdated too, so an entry lands between two
 * others of its pair), drafts published later, corrections, withdrawals, and actors changing kind,
 * region or archive state. Deterministic for a seed.
 */
export function randomWriter(db: Db, seed: number): (step: number) => void {
  const next = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const admin = db.select().from(t.users).where(eq(t.users.role, 'admin')).get();
  if (!admin) throw new Error('no admin in the demo');
  const templates = db
    .select()
    .from(t.progressEntries)
    .where(eq(t.progressEntries.state, 'published'))
    .all();
  const commitments = db.select({ id: t.commitments.id }).from(t.commitments).all();
  const actors = db.select().from(t.actors).all();
  const date = () => {
    const day = Date.UTC(2018, 6, 1) + Math.floor(next() * 3000) * 86_400_000;
    return new Date(day).toISOString().slice(0, 10);
  };
  let clock = Date.UTC(2026, 10, 2);
  const stamp = () => new Date((clock += 60_000)).toISOString();
  return (step) => {
    const roll = next();
    const { id: _id, ...base } = pick(templates);
    const values = {
      ...base,
      idempotencyKey: `model-test-${seed}-${step}`,
      commitmentId: next() < 0.5 ? base.commitmentId : pick(commitments).id,
      status: pick(STATUS_KEYS),
      asOf: date(),
      ...(next() < 0.2
        ? { adverseEffects: true, adverseEffectsDescription: 'Reported harm in a test' }
        : { adverseEffects: false, adverseEffectsDescription: null }),
      supersedesId: null,
      supersededById: null,
      supersededAt: null,
      withdrawnAt: null,
      withdrawnBy: null,
      withdrawalReason: null,
    };
    if (roll < 0.45) {
      db.insert(t.progressEntries)
        .values({ ...values, state: 'published', publishedAt: stamp() })
        .run();
    } else if (roll < 0.6) {
      const draft = db
        .insert(t.progressEntries)
        .values({ ...values, state: 'draft', publishedAt: null })
        .returning()
        .get();
      db.update(t.progressEntries)
        .set({ state: 'published', publishedAt: stamp() })
        .where(eq(t.progressEntries.id, draft.id))
        .run();
    } else if (roll < 0.75) {
      const target = db
        .select()
        .from(t.progressEntries)
        .all()
        .filter(
          (entry) =>
            entry.state === 'published' &&
            entry.withdrawnAt === null &&
            entry.supersededById === null,
        );
      const old = pick(target);
      db.transaction(
        (tx) => {
          const { id: _oldId, ...oldValues } = old;
          const correction = tx
            .insert(t.progressEntries)
            .values({
              ...oldValues,
              idempotencyKey: `model-test-fix-${seed}-${step}`,
              status: pick(STATUS_KEYS),
              publishedAt: stamp(),
              supersedesId: old.id,
            })
            .returning()
            .get();
          tx.update(t.progressEntries)
            .set({ supersededById: correction.id, supersededAt: stamp() })
            .where(eq(t.progressEntries.id, old.id))
            .run();
        },
        { behavior: 'immediate' },
      );
    } else if (roll < 0.87) {
      const live = db
        .select()
        .from(t.progressEntries)
        .all()
        .filter((entry) => entry.state === 'published' && entry.withdrawnAt === null);
      db.update(t.progressEntries)
        .set({
          withdrawnAt: stamp(),
          withdrawnBy: admin.id,
          withdrawalReason: 'Random withdrawal in a test',
        })
        .where(eq(t.progressEntries.id, pick(live).id))
        .run();
    } else {
      const actor = pick(actors);
      const change = next();
      const current = db.select().from(t.actors).where(eq(t.actors.id, actor.id)).get();
      if (!current) return;
      if (change < 0.35)
        db.update(t.actors)
          .set({ region: pick(['Africa', 'Europe', 'Oceania', null]) })
          .where(eq(t.actors.id, actor.id))
          .run();
      else if (change < 0.6)
        db.update(t.actors)
          .set({ kind: pick(ACTOR_KINDS) })
          .where(eq(t.actors.id, actor.id))
          .run();
      else
        db.update(t.actors)
          .set({ archivedAt: current.archivedAt === null ? stamp() : null })
          .where(eq(t.actors.id, actor.id))
          .run();
    }
  };
}
