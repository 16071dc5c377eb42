/**
 * What the sign-in screen says for each answer of better-auth's sign-in endpoint, as catalogue
 * keys (`auth.errors.*`). An unknown e-mail and a wrong password are one and the same answer.
 */
/** Error codes of our own that better-auth's sign-in can answer with (db/auth.ts). */
export const ACCOUNT_DISABLED = 'ACCOUNT_DISABLED';
export const TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS';

/**
 * The sign-in form tells better-auth's endpoint the language of the page it was sent from, so a
 * user without a language for their e-mails gets that one (db/auth.ts).
 */
export const PAGE_LOCALE_HEADER = 'x-page-locale';

export type SignInErrorCode =
  | 'emailRequired'
  | 'emailInvalid'
  | 'passwordRequired'
  | 'invalidCredentials'
  | 'tooManyAttempts'
  | 'tooManyAttemptsSeconds'
  | 'accountDisabled'
  | 'unexpected';

export interface SignInProblems {
  email?: SignInErrorCode;
  password?: SignInErrorCode;
  /** About the attempt as a whole, shown in the summary. */
  form?: SignInErrorCode;
  retryAfterMinutes?: number;
  retryAfterSeconds?: number;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checked in the browser before asking the server; the server checks again. */
export function signInInputProblems(email: string, password: string): SignInProblems {
  const problems: SignInProblems = {};
  if (email.trim() === '') problems.email = 'emailRequired';
  else if (!EMAIL.test(email.trim())) problems.email = 'emailInvalid';
  if (password === '') problems.password = 'passwordRequired';
  return problems;
}

export function signInResponseProblems(
  status: number,
  code: string | null,
  retryAfterSeconds: number | null,
): SignInProblems {
  if (status === 429) {
    // The per-e-mail delay is seconds long; the per-address limit and better-auth's, minutes.
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds ?? 60));
    return seconds < 60
      ? { form: 'tooManyAttemptsSeconds', retryAfterSeconds: seconds }
      : { form: 'tooManyAttempts', retryAfterMinutes: Math.ceil(seconds / 60) };
  }
  if (status === 401) return { form: 'invalidCredentials' };
  if (status === 403 && code === ACCOUNT_DISABLED) return { form: 'accountDisabled' };
  if (status === 400 && code === 'INVALID_EMAIL') return { email: 'emailInvalid' };
  return { form: 'unexpected' };
}
