'use server';

import { callAuthEndpoint } from '@/app/_lib/auth-endpoint';
import { passwordProblem } from '@/lib/password-policy';
import { actionArgs, guardedAction } from '@/app/_lib/guard';
import type { PasswordState } from './password-state';
import { getLocale } from 'next-intl/server';
import { getPathname, redirect } from '@/lib/i18n/navigation';

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

/** Changes the signed-in user's password through better-auth, which signs out every other session. */
export const changePassword = guardedAction(
  [actionArgs.state, actionArgs.form],
  async (_user, _state: unknown, form: FormData): Promise<PasswordState> => {
    const currentPassword = text(form, 'currentPassword');
    const newPassword = text(form, 'newPassword');
    const fieldErrors: PasswordState['fieldErrors'] = {};
    if (currentPassword === '') fieldErrors.currentPassword = 'currentPasswordRequired';
    const problem = passwordProblem(newPassword);
    if (problem) fieldErrors.newPassword = problem;
    if (text(form, 'confirmPassword') !== newPassword)
      fieldErrors.confirmPassword = 'confirmMismatch';
    if (Object.keys(fieldErrors).length > 0) return { fieldErrors };

    const result = await callAuthEndpoint('/change-password', {
      currentPassword,
      newPassword,
      revokeOtherSessions: true,
    });
    // A fresh page load: the new session cookie (every other session is gone) is what it reads.
    const locale = await getLocale();
    if (result.status === 200) redirect({ href: '/account?passwordChanged=1', locale });
    // Signed out meanwhile: sign in again, then back to the account page in this locale.
    if (result.status === 401)
      redirect({
        href: { pathname: '/sign-in', query: { next: getPathname({ href: '/account', locale }) } },
        locale,
      });
    if (result.code === 'INVALID_PASSWORD')
      return { fieldErrors: { currentPassword: 'currentPasswordWrong' } };
    if (result.code === 'PASSWORD_TOO_SHORT')
      return { fieldErrors: { newPassword: 'passwordTooShort' } };
    if (result.code === 'PASSWORD_TOO_LONG')
      return { fieldErrors: { newPassword: 'passwordTooLong' } };
    if (result.status === 429) return { fieldErrors: {}, formError: 'tooManyPasswordChanges' };
    return { fieldErrors: {}, formError: 'unexpected' };
  },
);
