/**
 * The demo workspace's reporting rounds (docs/design.md#reporting-rounds), chosen against the demo
 * entries so that the tables show a realistic mix: a closed round of 2024 (reported and missing)
 * and an open round of 2026 past its due date (reported, in progress and overdue).
 */
import type { RoundAsks } from '../lib/round-completion';

export interface RoundSeed {
  title: string;
  opensOn: string;
  dueOn: string;
  asks: RoundAsks;
  region: string | null;
  note: string | null;
  commitmentCodes: readonly string[];
  /** When the secretariat defined it, and closed it (null: still open). */
  createdAt: string;
  closedAt: string | null;
}

export const DEMO_ROUNDS: readonly RoundSeed[] = [
  {
    title: 'Regional review 2024',
    opensOn: '2024-01-01',
    dueOn: '2024-06-30',
    asks: 'all_states',
    region: null,
    note: 'Progress reported for the regional reviews of 2024, on the safety and data commitments.',
    commitmentCodes: ['SAF-01', 'SAF-04', 'SAF-06', 'DEM-01', 'DEM-05', 'TIP-06'],
    createdAt: '2023-12-01T09:00:00.000Z',
    closedAt: '2024-07-15T09:00:00.000Z',
  },
  {
    title: 'Review for the International Migration Review Forum 2026',
    opensOn: '2026-06-01',
    dueOn: '2026-11-15',
    asks: 'all_states',
    region: null,
    note: 'States are asked to report on the smuggling, trafficking and protection commitments.',
    commitmentCodes: [
      ...['SMG-01', 'SMG-02', 'TIP-04', 'TIP-05', 'TIP-06'],
      ...['DEM-04', 'PRV-04', 'SAF-03'],
    ],
    createdAt: '2026-05-15T09:00:00.000Z',
    closedAt: null,
  },
];
