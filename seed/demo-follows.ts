/**
 * A few followers in the demo workspace, so the account page, the follow buttons and the weekly
 * digest have something to show: a civil society network watching a state and the commitments it
 * monitors, a state's focal point and the secretariat each following something.
 */
import type { FOLLOW_TARGET_KINDS } from '../db/schema';

export interface FollowSeed {
  userId: string;
  targetKind: (typeof FOLLOW_TARGET_KINDS)[number];
  /** A commitment's code, or a demo actor's seed key. */
  target: string;
  startedAt: string;
}

export const DEMO_FOLLOWS: readonly FollowSeed[] = [
  {
    userId: 'demo-user-focal-bridgewell',
    targetKind: 'actor',
    target: 'demo-aldoria',
    startedAt: '2026-03-02T09:00:00.000Z',
  },
  {
    userId: 'demo-user-focal-bridgewell',
    targetKind: 'commitment',
    target: 'TIP-04',
    startedAt: '2026-03-02T09:05:00.000Z',
  },
  {
    userId: 'demo-user-contributor-bridgewell',
    targetKind: 'commitment',
    target: 'SMG-01',
    startedAt: '2026-06-10T14:00:00.000Z',
  },
  {
    userId: 'demo-user-focal-bravonia',
    targetKind: 'commitment',
    target: 'SAF-03',
    startedAt: '2026-06-15T10:30:00.000Z',
  },
  {
    userId: 'demo-user-admin',
    targetKind: 'actor',
    target: 'demo-bravonia',
    startedAt: '2026-07-01T08:00:00.000Z',
  },
];
