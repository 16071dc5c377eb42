'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import {
  PAGE_LOCALE_HEADER,
  signInInputProblems,
  signInResponseProblems,
  type SignInProblems,
} from '@/lib/sign-in-outcome';

/**
 * Posts to better-auth's own endpoint, so its origin check and both rate limits apply exactly as
 * to any other client. Errors appear next to their field and in a summary that takes focus; the
 * e-mail address stays, the password is cleared.
 */
export function SignInForm({ returnTo }: { returnTo: string }) {
  const t = useTranslations('auth');
  const locale = useLocale();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<SignInProblems>({});
  const [pending, setPending] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  // After each attempt, not on every keystroke: take focus to the summary so it is read out.
  useEffect(() => summaryRef.current?.focus(), [problems]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = signInInputProblems(email, password);
    if (found.email || found.password) return setProblems(found);
    setPending(true);
    try {
      const response = await fetch('/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json', [PAGE_LOCALE_HEADER]: locale },
        body: JSON.stringify({ email: email.trim(), password, rememberMe: true }),
      });
      if (response.ok) {
        // A full navigation, so every server component renders for the signed-in user.
        window.location.assign(returnTo);
        return;
      }
      const body = (await response.json().catch(() => null)) as { code?: unknown } | null;
      const retryAfter = Number(
        response.headers.get('retry-after') ?? response.headers.get('x-retry-after'),
      );
      setProblems(
        signInResponseProblems(
          response.status,
          typeof body?.code === 'string' ? body.code : null,
          retryAfter || null,
        ),
      );
    } catch {
      setProblems({ form: 'unexpected' });
    }
    setPassword('');
    setPending(false);
  }

  const message = (code: string) =>
    t(`errors.${code}`, {
      minutes: problems.retryAfterMinutes ?? 1,
      seconds: problems.retryAfterSeconds ?? 1,
    });
  const summary: { field: 'email' | 'password'; message: string }[] = [
    ...(problems.form ? [{ field: 'email' as const, message: message(problems.form) }] : []),
    ...(problems.email ? [{ field: 'email' as const, message: message(problems.email) }] : []),
    ...(problems.password
      ? [{ field: 'password' as const, message: message(problems.password) }]
      : []),
  ];

  return (
    // method="post": if it is ever submitted before the page's script runs, the password stays out of the URL.
    <form method="post" onSubmit={submit} className="auth-form" noValidate>
      {summary.length > 0 ? (
        <div className="alert" role="alert" tabIndex={-1} ref={summaryRef}>
          <h2>{t('errors.summaryTitle')}</h2>
          <ul>
            {summary.map((problem) => (
              <li key={`${problem.field}:${problem.message}`}>
                <a href={`#${problem.field}`}>{problem.message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="form-field">
        <label htmlFor="email">{t('signIn.email')}</label>
        {problems.email ? (
          <p id="email-error" className="field-error">
            {message(problems.email)}
          </p>
        ) : null}
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          spellCheck={false}
          autoCapitalize="none"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          aria-invalid={problems.email || problems.form ? true : undefined}
          aria-describedby={problems.email ? 'email-error' : undefined}
        />
      </div>
      <div className="form-field">
        <label htmlFor="password">{t('signIn.password')}</label>
        {problems.password ? (
          <p id="password-error" className="field-error">
            {message(problems.password)}
          </p>
        ) : null}
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-invalid={problems.password ? true : undefined}
          aria-describedby={problems.password ? 'password-error' : undefined}
        />
      </div>
      <button className="button" type="submit" disabled={pending}>
        {pending ? t('signIn.submitting') : t('signIn.submit')}
      </button>
    </form>
  );
}
