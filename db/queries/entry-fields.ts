import type { PublishedEntryDto } from '../../lib/api-schemas';
import type { Measure } from '../../lib/taxonomy';

/** The columns of a progress entry that a person wrote, as the database stores them. */
interface StoredStatement {
  perspective: PublishedEntryDto['perspective'];
  status: PublishedEntryDto['status'];
  asOf: string;
  summary: string;
  narrative: string;
  /** JSON lists. */
  measures: string;
  evidence: string;
  confidence: PublishedEntryDto['confidence'];
  adverseEffects: boolean;
  adverseEffectsDescription: string | null;
  supersedesId: number | null;
  supersededById: number | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
}

type StatementFields = Pick<
  PublishedEntryDto,
  | 'perspective'
  | 'status'
  | 'asOf'
  | 'summary'
  | 'narrative'
  | 'measures'
  | 'evidence'
  | 'confidence'
  | 'adverseEffects'
  | 'adverseEffectsDescription'
  | 'supersedesId'
  | 'supersededById'
  | 'withdrawal'
>;

/**
 * One mapping from a stored entry to the fields every view of it shows (public list, written
 * entry, review and entry page), so no view can drop or rename one of them.
 */
export function statementFields(row: StoredStatement): StatementFields {
  return {
    perspective: row.perspective,
    status: row.status,
    asOf: row.asOf,
    summary: row.summary,
    narrative: row.narrative,
    measures: JSON.parse(row.measures) as Measure[],
    evidence: JSON.parse(row.evidence) as PublishedEntryDto['evidence'],
    confidence: row.confidence,
    adverseEffects: row.adverseEffects,
    adverseEffectsDescription: row.adverseEffectsDescription,
    supersedesId: row.supersedesId,
    supersededById: row.supersededById,
    withdrawal:
      row.withdrawnAt && row.withdrawalReason
        ? { at: row.withdrawnAt, reason: row.withdrawalReason }
        : null,
  };
}
