/** What an admin form's action returns on failure: messages by field, and what was typed, to show again. */
export type AdminFormValues = Record<string, string | string[]>;

export interface AdminFormState {
  errors: Record<string, string>;
  values: AdminFormValues | null;
}

export const INITIAL_FORM_STATE: AdminFormState = { errors: {}, values: null };
