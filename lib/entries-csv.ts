/**
 * The columns of progress entries in a file: written by the entries export, read by the import, so
 * an exported file edited in a spreadsheet comes back in. Stable snake_case names; a column the
 * import does not read (names, perspective, publication facts) is accepted and ignored.
 *
 * measures: keys separated by ";" (e.g. "legislation;policy"). evidence: a JSON array of
 * { url, title, relation }. adverse_effects: true or false. Dates: ISO 8601 (as_of YYYY-MM-DD,
 * timestamps in UTC). Actors by id or, for a state, its ISO 3166-1 alpha-3 code.
 */
import { createHash } from 'node:crypto';
import type { EntryInput } from './entry-input';

export const ENTRY_COLUMNS = [
  'id',
  'commitment_code',
  'commitment_title',
  'subject_id',
  'subject_iso3',
  'subject_name',
  'reporter_id',
  'reporter_iso3',
  'reporter_name',
  'perspective',
  'status',
  'as_of',
  'summary',
  'narrative',
  'measures',
  'evidence',
  'confidence',
  'adverse_effects',
  'adverse_effects_description',
  'supersedes_id',
  'published_at',
  'superseded_by_id',
  'withdrawn_at',
  'withdrawal_reason',
] as const;

/** Read by the import besides the exported ones: a key of the file's own, for idempotent re-imports. */
export const IMPORT_ONLY_COLUMNS = ['idempotency_key'] as const;

export type EntryColumn = (typeof ENTRY_COLUMNS)[number] | (typeof IMPORT_ONLY_COLUMNS)[number];

/** Columns an import file must have (the actor columns: at least one of each pair). */
export const REQUIRED_IMPORT_COLUMNS = ['commitment_code', 'status', 'as_of', 'summary'] as const;

/** Where a validation error on an entry field shows in the file. */
const FIELD_COLUMNS: Record<string, EntryColumn> = {
  idempotencyKey: 'idempotency_key',
  commitment: 'commitment_code',
  subject: 'subject_id',
  status: 'status',
  asOf: 'as_of',
  summary: 'summary',
  narrative: 'narrative',
  measures: 'measures',
  evidence: 'evidence',
  confidence: 'confidence',
  adverseEffects: 'adverse_effects',
  adverseEffectsDescription: 'adverse_effects_description',
  supersedes: 'supersedes_id',
};

/** The column of a field error ("evidence.0.url" -> "evidence"), or the field itself when it has none. */
export function columnOfField(field: string): string {
  return FIELD_COLUMNS[field.split('.')[0] ?? field] ?? field;
}

export interface EntryExportSource {
  id: number;
  commitment: { code: string; title: string };
  subject: { id: number; name: string; iso3: string | null };
  reporter: { id: number; name: string; iso3: string | null };
  perspective: string;
  status: string;
  asOf: string;
  summary: string;
  narrative: string;
  measures: readonly string[];
  evidence: readonly { url: string; title: string; relation: string }[];
  confidence: string | null;
  adverseEffects: boolean;
  adverseEffectsDescription: string | null;
  publishedAt: string;
  supersedesId: number | null;
  supersededById: number | null;
  withdrawal: { at: string; reason: string } | null;
}

export type EntryRecord = Record<
  (typeof ENTRY_COLUMNS)[number],
  string | number | boolean | null | readonly unknown[]
>;

/** One entry as an export row; arrays stay arrays (JSON) until the CSV encoder flattens them. */
export function entryRecord(entry: EntryExportSource): EntryRecord {
  return {
    id: entry.id,
    commitment_code: entry.commitment.code,
    commitment_title: entry.commitment.title,
    subject_id: entry.subject.id,
    subject_iso3: entry.subject.iso3,
    subject_name: entry.subject.name,
    reporter_id: entry.reporter.id,
    reporter_iso3: entry.reporter.iso3,
    reporter_name: entry.reporter.name,
    perspective: entry.perspective,
    status: entry.status,
    as_of: entry.asOf,
    summary: entry.summary,
    narrative: entry.narrative,
    measures: entry.measures,
    evidence: entry.evidence,
    confidence: entry.confidence,
    adverse_effects: entry.adverseEffects,
    adverse_effects_description: entry.adverseEffectsDescription,
    supersedes_id: entry.supersedesId,
    published_at: entry.publishedAt,
    superseded_by_id: entry.supersededById,
    withdrawn_at: entry.withdrawal?.at ?? null,
    withdrawal_reason: entry.withdrawal?.reason ?? null,
  };
}

/** A record's value as one CSV cell: lists of words joined by ";", lists of objects as JSON. */
export function csvValue(
  value: string | number | boolean | null | readonly unknown[],
): string | number | boolean | null {
  if (!Array.isArray(value)) return value as string | number | boolean | null;
  return value.every((item) => typeof item === 'string' || typeof item === 'number')
    ? value.join(';')
    : JSON.stringify(value);
}

/** How a row names an actor: by id, or a state by its ISO3 code. */
export interface ActorReference {
  id: number | null;
  iso3: string | null;
}

/** One data row of an import file, read into the shape of an entry; errors keyed by column. */
export interface ImportRow {
  /** The row's line in the file (the header is line 1). */
  line: number;
  existingId: number | null;
  subject: ActorReference;
  reporter: ActorReference;
  idempotencyKey: string | null;
  /** The entry input, without subject and idempotency key (resolved by the data layer). */
  input: Omit<Record<keyof EntryInput, unknown>, 'subject' | 'idempotencyKey'>;
  errors: Record<string, string>;
}

const blank = (value: string | undefined) => value === undefined || value.trim() === '';

function readId(
  record: Record<string, string>,
  column: string,
  errors: Record<string, string>,
): number | null {
  const raw = record[column];
  if (blank(raw)) return null;
  const value = Number(raw!.trim());
  if (!Number.isSafeInteger(value) || value <= 0) {
    errors[column] = 'must be a positive whole number';
    return null;
  }
  return value;
}

function readActor(
  record: Record<string, string>,
  prefix: 'subject' | 'reporter',
  errors: Record<string, string>,
): ActorReference {
  const id = readId(record, `${prefix}_id`, errors);
  const raw = record[`${prefix}_iso3`];
  let iso3: string | null = null;
  if (!blank(raw)) {
    iso3 = raw!.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(iso3)) {
      errors[`${prefix}_iso3`] = 'must be an ISO 3166-1 alpha-3 code such as FRA';
      iso3 = null;
    }
  }
  return { id, iso3 };
}

function readBoolean(raw: string | undefined, errors: Record<string, string>): boolean | string {
  if (blank(raw)) return false;
  const value = raw!.trim().toLowerCase();
  if (['true', 'yes', '1'].includes(value)) return true;
  if (['false', 'no', '0'].includes(value)) return false;
  errors.adverse_effects = 'must be true or false';
  return raw!;
}

function readEvidence(raw: string | undefined, errors: Record<string, string>): unknown {
  if (blank(raw)) return [];
  try {
    return JSON.parse(raw!);
  } catch {
    errors.evidence =
      'must be a JSON list of links: [{"url": "https://…", "title": "…", "relation": "supports"}]';
    return [];
  }
}

/** Reads one record of a parsed CSV file; `line` is its line number in the file. */
export function readImportRow(record: Record<string, string>, line: number): ImportRow {
  const errors: Record<string, string> = {};
  const text = (column: string) => record[column] ?? '';
  const optional = (column: string) => (blank(record[column]) ? null : record[column]!);
  const measures = blank(record.measures)
    ? []
    : record
        .measures!.split(';')
        .map((measure) => measure.trim())
        .filter(Boolean);
  return {
    line,
    existingId: readId(record, 'id', errors),
    subject: readActor(record, 'subject', errors),
    reporter: readActor(record, 'reporter', errors),
    idempotencyKey: optional('idempotency_key')?.trim() ?? null,
    input: {
      commitment: text('commitment_code').trim(),
      status: text('status').trim(),
      asOf: text('as_of').trim(),
      summary: text('summary'),
      narrative: text('narrative'),
      measures,
      evidence: readEvidence(record.evidence, errors),
      confidence: optional('confidence')?.trim() ?? null,
      adverseEffects: readBoolean(record.adverse_effects, errors),
      adverseEffectsDescription: optional('adverse_effects_description'),
      supersedes: readId(record, 'supersedes_id', errors),
    },
    errors,
  };
}

/**
 * A key derived from who reports and what the row says, so importing the same file again finds
 * the entries it made the first time. Whitespace at the ends of text and the order of measures do
 * not change it.
 */
export function derivedIdempotencyKey(
  reporterId: number,
  subjectId: number,
  input: ImportRow['input'],
): string {
  const canonical = JSON.stringify([
    reporterId,
    subjectId,
    input.commitment,
    input.status,
    input.asOf,
    typeof input.summary === 'string' ? input.summary.trim() : input.summary,
    typeof input.narrative === 'string' ? input.narrative.trim() : input.narrative,
    Array.isArray(input.measures) ? [...input.measures].sort() : input.measures,
    input.evidence,
    input.confidence,
    input.adverseEffects,
    typeof input.adverseEffectsDescription === 'string'
      ? input.adverseEffectsDescription.trim()
      : input.adverseEffectsDescription,
    input.supersedes,
  ]);
  return `import:${reporterId}:${createHash('sha256').update(canonical).digest('hex').slice(0, 40)}`;
}
