/** Shapes of the seed data: plain values, no I/O. `seed/index.ts` writes them to the database. */
import type { StatusKey } from '../lib/status-scale';
import type {
  ActorKind,
  Confidence,
  DutyBearer,
  EntryState,
  EvidenceRelation,
  Measure,
  RightsHolder,
  Role,
  SdgTarget,
  Theme,
} from '../lib/taxonomy';

export interface SourceDocumentSeed {
  slug: string;
  title: string;
  author: string;
  /** ISO date, YYYY-MM-DD. */
  publishedOn: string;
  place: string;
  reference: string | null;
  url: string | null;
  /** Path of the shipped text, relative to the repository root. */
  textFile: string;
}

export interface CommitmentSeed {
  /** Stable, human-readable, never changes: `PREFIX-NN`. */
  code: string;
  /** Short, plain language. */
  title: string;
  /** The source's own words, verbatim (markdown emphasis removed). */
  text: string;
  /** Paragraph numbers of the source this text comes from, ascending. */
  paragraphs: number[];
  theme: Theme;
  dutyBearers: DutyBearer[];
  rightsHolders: RightsHolder[];
  gcmObjectives: number[];
  sdgTargets: SdgTarget[];
}

export interface ActorSeed {
  /** Stable key used by other seed rows to refer to this actor (ISO3 for states). */
  key: string;
  kind: ActorKind;
  name: string;
  shortName: string | null;
  iso3: string | null;
  region: string | null;
  subRegion: string | null;
  intermediateRegion: string | null;
  isDemo: boolean;
}

export interface UserSeed {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Key of the actor the user belongs to; null for admins. */
  actorKey: string | null;
  isDemo: boolean;
}

export interface EvidenceLink {
  url: string;
  title: string;
  relation: EvidenceRelation;
}

export interface EntrySeed {
  /** Deterministic idempotency key, unique across the seed. */
  key: string;
  commitmentCode: string;
  subjectKey: string;
  reporterKey: string;
  status: StatusKey;
  asOf: string;
  summary: string;
  narrative: string;
  measures: Measure[];
  evidence: EvidenceLink[];
  /** Independent assessments only; null for self-reports. */
  confidence: Confidence | null;
  adverseEffects: boolean;
  adverseEffectsDescription: string | null;
  state: EntryState;
  returnNote: string | null;
  createdByUserId: string;
  approvedByUserId: string | null;
  /** ISO timestamps (UTC, with Z). */
  createdAt: string;
  submittedAt: string | null;
  returnedAt: string | null;
  publishedAt: string | null;
  /** Key of an earlier published entry this one corrects. */
  supersedesKey: string | null;
  withdrawal: { at: string; byUserId: string; reason: string } | null;
}
