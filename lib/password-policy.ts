/** One password policy for the CLI, the admin screen, the password change and better-auth. */
import { randomInt } from 'node:crypto';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

// No look-alikes (0/O, 1/l/I), so a password read off a screen is typed right the first time.
const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const GENERATED_LENGTH = 24; // log2(57) * 24 ≈ 140 bits

/** A strong random password, from the operating system's CSPRNG. */
export function generatePassword(): string {
  let password = '';
  for (let i = 0; i < GENERATED_LENGTH; i++) password += ALPHABET[randomInt(ALPHABET.length)];
  return password;
}

export type PasswordProblem = 'passwordTooShort' | 'passwordTooLong';

/** Length is the rule (NIST SP 800-63B): no composition rules that push people to predictable patterns. */
export function passwordProblem(password: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'passwordTooShort';
  if (password.length > PASSWORD_MAX_LENGTH) return 'passwordTooLong';
  return null;
}
