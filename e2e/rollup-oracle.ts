/**
 * The dashboard's figures recomputed straight from the e2e database with the roll-up module:
 * every entry read raw (no kept table), the applicable pairs rebuilt from duty-bearers and kinds.
 */
import {
  currentStatuses,
  staleBefore,
  summarize,
  type Pair,
  type RollupEntry,
} from '../lib/rollup';
import { appliesToKind, type ActorKind, type DutyBearer, type Perspective } from '../lib/taxonomy';
import type { Figures } from '../lib/summary-types';
import { queryAll } from './fixtures';

export interface OracleFilters {
  theme?: string;
  objective?: number;
  sdg?: string;
  kind?: ActorKind;
  region?: string;
  perspective?: Perspective;
  asOf?: string;
}

export function expectedFigures(filters: OracleFilters = {}): Figures {
  const asOf = filters.asOf ?? new Date().toISOString().slice(0, 10);
  const commitments = queryAll<{ id: number; theme: string }>(
    'SELECT id, theme FROM commitments WHERE archived_at IS NULL',
  ).filter((commitment) => !filters.theme || commitment.theme === filters.theme);
  const objectives = queryAll<{ commitment_id: number; objective: number }>(
    'SELECT commitment_id, objective FROM commitment_objectives',
  );
  const targets = queryAll<{ commitment_id: number; sdg_target: string }>(
    'SELECT commitment_id, sdg_target FROM commitment_sdg_targets',
  );
  const bearers = queryAll<{ commitment_id: number; duty_bearer: DutyBearer }>(
    'SELECT commitment_id, duty_bearer FROM commitment_duty_bearers',
  );
  const actors = queryAll<{ id: number; kind: ActorKind; region: string | null }>(
    'SELECT id, kind, region FROM actors WHERE archived_at IS NULL',
  ).filter(
    (actor) =>
      (!filters.kind || actor.kind === filters.kind) &&
      (!filters.region || actor.region === filters.region),
  );
  const pairs: Pair[] = [];
  for (const commitment of commitments) {
    if (
      filters.objective !== undefined &&
      !objectives.some(
        (row) => row.commitment_id === commitment.id && row.objective === filters.objective,
      )
    )
      continue;
    if (
      filters.sdg !== undefined &&
      !targets.some((row) => row.commitment_id === commitment.id && row.sdg_target === filters.sdg)
    )
      continue;
    const dutyBearers = bearers
      .filter((row) => row.commitment_id === commitment.id)
      .map((row) => row.duty_bearer);
    for (const actor of actors)
      if (appliesToKind(dutyBearers, actor.kind))
        pairs.push({ commitmentId: commitment.id, actorId: actor.id });
  }
  const entries: RollupEntry[] = queryAll<{
    id: number;
    commitment_id: number;
    subject_id: number;
    perspective: Perspective;
    status: RollupEntry['status'];
    as_of: string;
    published_at: string;
    adverse_effects: number;
    withdrawn_at: string | null;
    superseded_by_id: number | null;
  }>(`SELECT * FROM progress_entries WHERE state = 'published'`).map((row) => ({
    id: row.id,
    commitmentId: row.commitment_id,
    subjectId: row.subject_id,
    perspective: row.perspective,
    status: row.status,
    asOf: row.as_of,
    publishedAt: row.published_at,
    adverseEffects: row.adverse_effects === 1,
    withdrawn: row.withdrawn_at !== null,
    superseded: row.superseded_by_id !== null,
  }));
  return summarize(pairs, currentStatuses(entries, asOf), {
    perspective: filters.perspective ?? 'self',
    staleBefore: staleBefore(asOf),
  });
}
