import { EVIDENCE_ROWS } from '@/lib/entry-form';
import { LIMITS, type FieldErrorCodes, type FieldErrors } from '@/lib/entry-input';
import type { EntryFormValues, FormFieldError, FormRefusalCode } from './form-state';

// A Map: a status that is not listed finds nothing.
const REFUSAL_CODES = new Map<number, FormRefusalCode>([
  [403, 'forbidden'],
  [404, 'not_found'],
  [409, 'conflict'],
]);

/**
 * A refusal's field errors keyed as the form names its fields, each with its code; a refusal of
 * the whole form (not allowed, gone, changed meanwhile) as the code of its status. The data layer
 * numbers evidence links after blank rows are left out, so "evidence.0" may be the form's second row.
 */
export function formFieldErrors(
  refusal: {
    status: number;
    message: string;
    fieldErrors?: FieldErrors;
    fieldCodes?: FieldErrorCodes;
  },
  evidence: EntryFormValues['evidence'],
): Record<string, FormFieldError> {
  if (!refusal.fieldErrors)
    return {
      body: { code: REFUSAL_CODES.get(refusal.status) ?? 'invalid', message: refusal.message },
    };
  const rows = evidence.flatMap((link, index) =>
    link.url.trim() || link.title.trim() ? [index] : [],
  );
  return Object.fromEntries(
    Object.entries(refusal.fieldErrors).map(([field, message]) => {
      const row = /^evidence\.(\d+)(\..+)?$/.exec(field);
      const formRow = row ? rows[Number(row[1])] : undefined;
      return [
        formRow === undefined ? field : `evidence.${formRow}${row?.[2] ?? ''}`,
        { code: refusal.fieldCodes?.[field] ?? 'invalid', message },
      ];
    }),
  );
}

const FIELD_IDS = new Set([
  'commitment',
  'subject',
  'status',
  'asOf',
  'summary',
  'narrative',
  'measures',
  'confidence',
  'adverseEffects',
  'adverseEffectsDescription',
]);

/**
 * The id of the element a field's error points to (the error summary links there, the message
 * sits next to it), or null for a field the form does not show. A radio group or a set of
 * checkboxes is reached through its first input.
 */
export function errorTarget(field: string, independent: boolean): string | null {
  const evidence = /^evidence(?:\.(\d+)(?:\.(url|title|relation))?)?$/.exec(field);
  if (evidence) {
    const row = Number(evidence[1] ?? 0);
    return row < EVIDENCE_ROWS ? `evidence-${row}-${evidence[2] ?? 'url'}` : null;
  }
  if (/^measures\.\d+$/.test(field)) return 'measures';
  // Only an independent assessment shows its confidence: a self-report's is wrong because of its subject.
  if (field === 'confidence' && !independent) return 'subject';
  return FIELD_IDS.has(field) ? field : null;
}

/** The entry form's translator (next-intl's `useTranslations('entryForm')`), as far as wording errors needs it. */
export interface EntryFormTranslator {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/**
 * A field's error in the user's words, naming the field and the evidence row: the catalogue's
 * message for its field and code, else for its code alone, else that the field needs checking.
 * Never the data layer's English.
 */
export function errorText(t: EntryFormTranslator, field: string, error: FormFieldError): string {
  const { group, label, row, max } = errorWording(field);
  // A field the form does not have (a forged one) is named as it was sent.
  const name =
    row !== null
      ? t('evidenceLink', { n: row })
      : t.has(`fields.${label}`) && error.code !== 'unknown_field'
        ? t(`fields.${label}`)
        : field;
  const key =
    (error.code === 'too_long' && max === null
      ? undefined
      : [`errors.${group}.${error.code}`, `errors.any.${error.code}`].find((candidate) =>
          t.has(candidate),
        )) ?? 'errors.any.invalid';
  return t('fieldError', { field: name, message: t(key, { max: max ?? 0 }) });
}

/** How a field's error is worded from the catalogue: its group of messages, and the evidence row it is about. */
function errorWording(field: string): {
  group: string;
  label: string;
  row: number | null;
  max: number | null;
} {
  const evidence = /^evidence\.(\d+)(?:\.(url|title|relation))?$/.exec(field);
  if (evidence) {
    const part = evidence[2] as 'url' | 'title' | 'relation' | undefined;
    const group = part ? `evidence${part[0]!.toUpperCase()}${part.slice(1)}` : 'evidenceLink';
    return {
      group,
      label: 'evidence',
      row: Number(evidence[1]) + 1,
      max: part === 'url' ? LIMITS.url : part === 'title' ? LIMITS.title : null,
    };
  }
  const base = /^measures\.\d+$/.test(field) ? 'measures' : field;
  return {
    group: base,
    label: base,
    row: null,
    max: TEXT_LIMITS[base] ?? (base === 'evidence' ? LIMITS.evidence : null),
  };
}

const TEXT_LIMITS: Record<string, number> = {
  summary: LIMITS.summary,
  narrative: LIMITS.narrative,
  adverseEffectsDescription: LIMITS.adverseEffectsDescription,
};
