import { describe, expect, it } from 'vitest';
import { signInInputProblems, signInResponseProblems } from './sign-in-outcome';

describe('what the sign-in screen says', () => {
  it('names the missing or malformed field before asking the server', () => {
    expect(signInInputProblems('', '')).toEqual({
      email: 'emailRequired',
      password: 'passwordRequired',
    });
    expect(signInInputProblems('ana@', 'x')).toEqual({ email: 'emailInvalid' });
    expect(signInInputProblems(' ana@example.org ', 'x')).toEqual({});
  });

  it('says the same for an unknown e-mail and a wrong password (both 401)', () => {
    expect(signInResponseProblems(401, 'INVALID_EMAIL_OR_PASSWORD', null)).toEqual({
      form: 'invalidCredentials',
    });
    expect(signInResponseProblems(401, null, null)).toEqual({ form: 'invalidCredentials' });
  });

  it('tells how long to wait when rate limited: whole minutes, or seconds under a minute', () => {
    expect(signInResponseProblems(429, 'TOO_MANY_ATTEMPTS', 601)).toEqual({
      form: 'tooManyAttempts',
      retryAfterMinutes: 11,
    });
    expect(signInResponseProblems(429, null, 60)).toEqual({
      form: 'tooManyAttempts',
      retryAfterMinutes: 1,
    });
    expect(signInResponseProblems(429, null, null)).toEqual({
      form: 'tooManyAttempts',
      retryAfterMinutes: 1,
    });
    expect(signInResponseProblems(429, 'TOO_MANY_ATTEMPTS', 5)).toEqual({
      form: 'tooManyAttemptsSeconds',
      retryAfterSeconds: 5,
    });
    expect(signInResponseProblems(429, null, 0.2)).toEqual({
      form: 'tooManyAttemptsSeconds',
      retryAfterSeconds: 1,
    });
  });

  it('says when an account is disabled, and nothing more for anything else', () => {
    expect(signInResponseProblems(403, 'ACCOUNT_DISABLED', null)).toEqual({
      form: 'accountDisabled',
    });
    expect(signInResponseProblems(403, 'INVALID_ORIGIN', null)).toEqual({ form: 'unexpected' });
    expect(signInResponseProblems(500, null, null)).toEqual({ form: 'unexpected' });
  });
});
