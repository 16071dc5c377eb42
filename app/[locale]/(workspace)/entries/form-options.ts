import 'server-only';
import { randomUUID } from 'node:crypto';
import type * as t from '@/db/schema';
import type { EntryFormValues } from './form-state';
import { EVIDENCE_ROWS } from '@/lib/entry-form';
import { todayUtc } from '@/lib/entry-input';

type EntryRow = typeof t.progressEntries.$inferSelect;

export function blankValues(commitment: string, subject: string): EntryFormValues {
  return {
    idempotencyKey: `form-${randomUUID()}`,
    commitment,
    subject,
    status: '',
    asOf: todayUtc(),
    summary: '',
    narrative: '',
    measures: [],
    evidence: [],
    confidence: '',
    adverseEffects: false,
    adverseEffectsDescription: '',
    supersedes: '',
  };
}

/** The form filled from an entry: to edit a draft, or to start a correction of a published one. */
export function valuesFromEntry(
  entry: EntryRow,
  commitmentCode: string,
  correction: boolean,
): EntryFormValues {
  const evidence = JSON.parse(entry.evidence) as EntryFormValues['evidence'];
  return {
    idempotencyKey: correction ? `form-${randomUUID()}` : entry.idempotencyKey,
    commitment: commitmentCode,
    subject: String(entry.subjectId),
    status: entry.status,
    asOf: entry.asOf,
    summary: entry.summary,
    narrative: entry.narrative,
    measures: JSON.parse(entry.measures) as string[],
    evidence: evidence.slice(0, EVIDENCE_ROWS),
    confidence: entry.confidence ?? '',
    adverseEffects: entry.adverseEffects,
    adverseEffectsDescription: entry.adverseEffectsDescription ?? '',
    supersedes: correction ? String(entry.id) : '',
  };
}
