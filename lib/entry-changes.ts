/**
 * What publishing an entry changes, for the reviewer to see before it is permanent: the fields a
 * correction changes against the entry it supersedes, and which entry becomes its pair's current
 * status. Pure: the data layer hands in the rows.
 */
import { compareCurrency } from './rollup';

/** The fields a person writes, in the order the review shows them. */
export const COMPARED_FIELDS = [
  'status',
  'asOf',
  'summary',
  'narrative',
  'measures',
  'evidence',
  'confidence',
  'adverseEffects',
] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface ComparableEntry {
  status: string;
  asOf: string;
  summary: string;
  narrative: string;
  measures: readonly string[];
  evidence: readonly { url: string; title: string; relation: string }[];
  confidence: string | null;
  adverseEffects: boolean;
  adverseEffectsDescription: string | null;
}

const SAME: Record<ComparedField, (a: ComparableEntry, b: ComparableEntry) => boolean> = {
  status: (a, b) => a.status === b.status,
  asOf: (a, b) => a.asOf === b.asOf,
  summary: (a, b) => a.summary === b.summary,
  narrative: (a, b) => a.narrative === b.narrative,
  // Measures are a set (the form lists them in a fixed order); evidence links keep the order typed.
  measures: (a, b) =>
    JSON.stringify([...a.measures].sort()) === JSON.stringify([...b.measures].sort()),
  evidence: (a, b) =>
    JSON.stringify(a.evidence.map(({ url, title, relation }) => [url, title, relation])) ===
    JSON.stringify(b.evidence.map(({ url, title, relation }) => [url, title, relation])),
  confidence: (a, b) => a.confidence === b.confidence,
  adverseEffects: (a, b) =>
    a.adverseEffects === b.adverseEffects &&
    (!a.adverseEffects || a.adverseEffectsDescription === b.adverseEffectsDescription),
};

/** The fields in which a correction differs from the entry it supersedes. */
export function changedFields(
  correction: ComparableEntry,
  original: ComparableEntry,
): ComparedField[] {
  return COMPARED_FIELDS.filter((field) => !SAME[field](correction, original));
}

export interface RankedEntry {
  entryId: number;
  asOf: string;
  publishedAt: string;
}

/**
 * The current entry of a pair's perspective once `entry` is published: the latest (lib/rollup.ts's
 * order of currency) of the entries counted now, without the one it supersedes, and `entry` itself.
 * `counted` needs only the two latest: at most one of them leaves.
 */
export function currentAfterPublishing<Entry extends RankedEntry>(
  counted: readonly Entry[],
  entry: Entry,
  supersedesId: number | null,
): Entry {
  return counted
    .filter((candidate) => candidate.entryId !== supersedesId)
    .reduce((best, candidate) => (compareCurrency(candidate, best) > 0 ? candidate : best), entry);
}
