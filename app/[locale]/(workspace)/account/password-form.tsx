'use client';

import { useActionState, useEffect, useRef } from 'react';
import { useTranslations } from 'next-intl';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/password-policy';
import { changePassword } from './actions';
import type { PasswordField, PasswordState } from './password-state';

const FIELDS: { name: PasswordField; autoComplete: string; hint?: boolean }[] = [
  { name: 'currentPassword', autoComplete: 'current-password' },
  { name: 'newPassword', autoComplete: 'new-password', hint: true },
  { name: 'confirmPassword', autoComplete: 'new-password' },
];

/** Current password, new password twice. Errors next to each field and in a summary that takes focus. */
export function PasswordForm({ email }: { email: string }) {
  const t = useTranslations('auth');
  const [state, action, pending] = useActionState(changePassword, {
    fieldErrors: {},
  } as PasswordState);
  const message = (code: string) =>
    t(`errors.${code}`, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH });
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => summaryRef.current?.focus(), [state]);
  const problems = [
    ...(state.formError ? [{ field: 'currentPassword', message: message(state.formError) }] : []),
    ...FIELDS.flatMap(({ name }) =>
      state.fieldErrors[name] ? [{ field: name, message: message(state.fieldErrors[name]!) }] : [],
    ),
  ];

  return (
    <form action={action} className="auth-form" noValidate>
      {problems.length > 0 ? (
        <div className="alert" role="alert" tabIndex={-1} ref={summaryRef}>
          <h2>{t('errors.summaryTitle')}</h2>
          <ul>
            {problems.map((problem) => (
              <li key={problem.field}>
                <a href={`#${problem.field}`}>{problem.message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      {FIELDS.map(({ name, autoComplete, hint }) => {
        const error = state.fieldErrors[name];
        const describedBy =
          [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') ||
          undefined;
        return (
          <div className="form-field" key={name}>
            <label htmlFor={name}>{t(`account.${name}`)}</label>
            {hint ? (
              <p id={`${name}-hint`} className="hint">
                {t('account.newPasswordHint', { min: PASSWORD_MIN_LENGTH })}
              </p>
            ) : null}
            {error ? (
              <p id={`${name}-error`} className="field-error">
                {message(error)}
              </p>
            ) : null}
            <input
              id={name}
              name={name}
              type="password"
              autoComplete={autoComplete}
              required
              maxLength={PASSWORD_MAX_LENGTH}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
            />
          </div>
        );
      })}
      <button className="button" type="submit" disabled={pending}>
        {pending ? t('account.submitting') : t('account.submit')}
      </button>
    </form>
  );
}
