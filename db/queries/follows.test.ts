import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import * as t from '../schema';
import { demoDatabases } from '../../test/support/demo-database';
import { followTarget, isFollowing, listFollows, unfollowTarget } from './follows';

const FOCAL_POINT_ID = 'demo-user-focal-aldoria';
const CONTRIBUTOR_ID = 'demo-user-contributor-aldoria';

let db: Db;
const freshDemoDatabase = demoDatabases();
beforeEach(() => {
  db = freshDemoDatabase();
});

const followRows = () => db.select().from(t.follows).all();
const audits = () => db.select().from(t.auditLog).where(eq(t.auditLog.entityType, 'follow')).all();
const firstCommitment = () => db.select().from(t.commitments).limit(1).get()!;

describe('the demo workspace', () => {
  it('has a few followers, each follow audited', () => {
    expect(listFollows('demo-user-focal-bridgewell', db)).toMatchObject([
      { targetKind: 'commitment', code: 'TIP-04' },
      { targetKind: 'actor', label: 'Republic of Aldoria' },
    ]);
    expect(followRows().length).toBeGreaterThanOrEqual(5);
    expect(audits().length).toBe(followRows().length);
  });
});

describe('following a commitment or an actor', () => {
  it('lists what the user follows, with an audit row per change', () => {
    const commitment = firstCommitment();
    const before = followRows().length;
    const result = followTarget(
      FOCAL_POINT_ID,
      { targetKind: 'commitment', targetId: commitment.id },
      {},
      db,
    );
    expect(result).toMatchObject({ ok: true, changed: true });
    expect(followTarget(FOCAL_POINT_ID, { targetKind: 'actor', targetId: '2' }, {}, db).ok).toBe(
      true,
    );
    expect(listFollows(FOCAL_POINT_ID, db)).toMatchObject([
      {
        targetKind: 'commitment',
        targetId: commitment.id,
        code: commitment.code,
        label: commitment.title,
      },
      { targetKind: 'actor', targetId: 2, code: null },
    ]);
    expect(isFollowing(FOCAL_POINT_ID, 'commitment', commitment.id, db)).toBe(true);
    expect(followRows().length).toBe(before + 2);
    expect(audits().filter((row) => row.action === 'follow.start').length).toBeGreaterThanOrEqual(
      2,
    );
  });

  it('following twice keeps one active row and writes nothing more', () => {
    const input = { targetKind: 'commitment', targetId: firstCommitment().id };
    followTarget(CONTRIBUTOR_ID, input, {}, db);
    const rows = followRows().length;
    const auditRows = audits().length;
    expect(followTarget(CONTRIBUTOR_ID, input, {}, db)).toMatchObject({ ok: true, changed: false });
    expect(followRows().length).toBe(rows);
    expect(audits().length).toBe(auditRows);
  });

  it('unfollowing keeps the row, ended, and the user can follow again', () => {
    const input = { targetKind: 'actor', targetId: 3 };
    const followed = followTarget(CONTRIBUTOR_ID, input, {}, db);
    const unfollowed = unfollowTarget(CONTRIBUTOR_ID, input, {}, db);
    expect(unfollowed).toMatchObject({ ok: true, changed: true, id: followed.ok && followed.id });
    const row = db
      .select()
      .from(t.follows)
      .where(eq(t.follows.id, Number(unfollowed.ok && unfollowed.id)))
      .get();
    expect(row?.endedAt).toEqual(expect.any(Number));
    expect(isFollowing(CONTRIBUTOR_ID, 'actor', 3, db)).toBe(false);
    expect(
      listFollows(CONTRIBUTOR_ID, db).some(
        (follow) => follow.targetId === 3 && follow.targetKind === 'actor',
      ),
    ).toBe(false);
    expect(audits().at(-1)).toMatchObject({ action: 'follow.end', userId: CONTRIBUTOR_ID });
    expect(followTarget(CONTRIBUTOR_ID, input, {}, db)).toMatchObject({ ok: true, changed: true });
    expect(() => db.$client.exec('DELETE FROM follows')).toThrow(/never deleted/);
  });

  it('cannot follow or unfollow for another user', () => {
    const input = { targetKind: 'actor', targetId: 2, followerId: CONTRIBUTOR_ID };
    const rows = followRows().length;
    expect(followTarget(FOCAL_POINT_ID, input, {}, db)).toMatchObject({ ok: false, status: 403 });
    followTarget(CONTRIBUTOR_ID, { targetKind: 'actor', targetId: 2 }, {}, db);
    expect(unfollowTarget(FOCAL_POINT_ID, input, {}, db)).toMatchObject({ ok: false, status: 403 });
    expect(isFollowing(CONTRIBUTOR_ID, 'actor', 2, db)).toBe(true);
    expect(followRows().length).toBe(rows + 1);
  });

  it('refuses the signed-out, bad kinds and ids, and targets that do not exist, changing nothing', () => {
    const rows = followRows().length;
    expect(followTarget(null, { targetKind: 'actor', targetId: 2 }, {}, db)).toMatchObject({
      status: 403,
    });
    expect(
      followTarget(FOCAL_POINT_ID, { targetKind: 'entry', targetId: 2 }, {}, db),
    ).toMatchObject({
      status: 400,
      message: expect.stringContaining('targetKind'),
    });
    expect(
      followTarget(FOCAL_POINT_ID, { targetKind: 'actor', targetId: '2x' }, {}, db),
    ).toMatchObject({
      status: 400,
      message: expect.stringContaining('targetId'),
    });
    expect(
      followTarget(FOCAL_POINT_ID, { targetKind: 'commitment', targetId: 999999 }, {}, db),
    ).toMatchObject({
      status: 404,
    });
    expect(followRows().length).toBe(rows);
  });
});
