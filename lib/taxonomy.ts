/**
 * Fixed vocabularies of the domain model (docs/design.md). Keys are stored in the database and used
 * in URLs and exports; human labels live in the message catalogue under the same keys.
 */
export const THEMES = [
  'trafficking_smuggling_links',
  'smuggling',
  'trafficking',
  'root_causes_demand',
  'prevention_law_enforcement',
  'safe_regular_migration',
  'human_rights_approach',
] as const;
export type Theme = (typeof THEMES)[number];

export const DUTY_BEARERS = ['states', 'international_community', 'all_stakeholders'] as const;
export type DutyBearer = (typeof DUTY_BEARERS)[number];

export const RIGHTS_HOLDERS = [
  'migrants',
  'smuggled_migrants',
  'trafficking_victims',
  'refugees_asylum_seekers',
  'internally_displaced',
  'migrant_workers',
  'women_children',
  'people_affected_by_conflict',
] as const;
export type RightsHolder = (typeof RIGHTS_HOLDERS)[number];

export const ACTOR_KINDS = [
  'state',
  'un_entity',
  'igo',
  'cso',
  'nhri',
  'trade_union',
  'private_sector',
  'academia',
  'local_government',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Which actor kinds a duty-bearer group asks to act: this decides what a commitment applies to. */
export const DUTY_BEARER_KINDS: Record<DutyBearer, readonly ActorKind[]> = {
  states: ['state'],
  international_community: ['un_entity', 'igo'],
  all_stakeholders: ACTOR_KINDS,
};

export function appliesToKind(dutyBearers: readonly DutyBearer[], kind: ActorKind): boolean {
  return dutyBearers.some((bearer) => DUTY_BEARER_KINDS[bearer].includes(kind));
}

export const MEASURES = [
  'legislation',
  'policy',
  'programme',
  'budget',
  'institution',
  'data',
  'cooperation',
] as const;
export type Measure = (typeof MEASURES)[number];

export const EVIDENCE_RELATIONS = ['supports', 'contradicts', 'context'] as const;
export type EvidenceRelation = (typeof EVIDENCE_RELATIONS)[number];

export const CONFIDENCE_LEVELS = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

export const PERSPECTIVES = ['self', 'independent'] as const;
export type Perspective = (typeof PERSPECTIVES)[number];

export const ENTRY_STATES = ['draft', 'submitted', 'returned', 'published'] as const;
export type EntryState = (typeof ENTRY_STATES)[number];

export const ROLES = ['admin', 'focal_point', 'contributor'] as const;
export type Role = (typeof ROLES)[number];

export const WORKSPACE_MODES = ['demo', 'real'] as const;
export type WorkspaceMode = (typeof WORKSPACE_MODES)[number];

/** The 23 GCM objectives (docs/design.md#tags-gcm-objectives-and-sdg-targets). */
export const GCM_OBJECTIVES = Array.from({ length: 23 }, (_, i) => i + 1);

/** SDG targets the report touches (docs/design.md#tags-gcm-objectives-and-sdg-targets). */
export const SDG_TARGETS = [
  '5.2',
  '8.7',
  '8.8',
  '10.3',
  '10.7',
  '16.2',
  '16.3',
  '16.5',
  '17.18',
] as const;
export type SdgTarget = (typeof SDG_TARGETS)[number];
