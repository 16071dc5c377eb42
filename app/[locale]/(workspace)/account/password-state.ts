/** What a refused password change returns: catalogue keys (`auth.errors.*`) by field. */
export type PasswordField = 'currentPassword' | 'newPassword' | 'confirmPassword';

export interface PasswordState {
  fieldErrors: Partial<Record<PasswordField, string>>;
  formError?: string;
}
