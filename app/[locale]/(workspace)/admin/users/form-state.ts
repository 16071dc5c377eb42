import type { UserField, UserFieldErrors } from '@/lib/user-input';

/** What creating a user returns: errors by field (catalogue keys) and the input again, or the new user once. */
export interface CreateUserState {
  values: Record<UserField, string>;
  fieldErrors: UserFieldErrors;
  created?: { name: string; email: string; password: string };
}

export const EMPTY_USER: Record<UserField, string> = { email: '', name: '', role: '', actor: '' };
