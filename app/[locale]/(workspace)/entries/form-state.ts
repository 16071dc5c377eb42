import type { FieldErrorCode } from '@/lib/entry-input';

/** What the entry form holds, as the person typed it. */
export interface EntryFormValues {
  idempotencyKey: string;
  commitment: string;
  subject: string;
  status: string;
  asOf: string;
  summary: string;
  narrative: string;
  measures: string[];
  evidence: { url: string; title: string; relation: string }[];
  confidence: string;
  adverseEffects: boolean;
  adverseEffectsDescription: string;
  supersedes: string;
}

/** Why a whole form was refused (no field at fault), from the refusal's status. */
export type FormRefusalCode = 'forbidden' | 'not_found' | 'conflict' | 'invalid';

/**
 * One field's refusal: the code the form words it by, in the page's language, and the data
 * layer's English message (never shown: the API and the logs say it).
 */
export interface FormFieldError {
  code: FieldErrorCode | FormRefusalCode;
  message: string;
}

/** What a log-progress action returns on failure: errors by the form's own field names, and the input to show again. */
export interface FormState {
  errors: Record<string, FormFieldError>;
  values: EntryFormValues | null;
}
