import type { EntryFormValues } from './entry-form';

/** What a log-progress action returns on failure: messages by field, and the input to show again. */
export interface FormState {
  errors: Record<string, string>;
  values: EntryFormValues | null;
}
