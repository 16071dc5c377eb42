'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { createApiTokenAction } from './token-actions';
import type { TokenState } from './token-state';

/** Names a new token; shows the token once, with a copy button, until the page is left. */
export function TokenForm() {
  const t = useTranslations('api.tokens');
  const [state, action, pending] = useActionState(createApiTokenAction, {} as TokenState);
  // The copy outcome belongs to the token it was about: a new answer from the action clears it.
  const [copied, setCopied] = useState<{
    state: TokenState;
    outcome: 'copied' | 'copyFailed';
  } | null>(null);
  const copy = copied?.state === state ? copied.outcome : null;
  const createdRef = useRef<HTMLDivElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.created) createdRef.current?.focus();
    else if (state.error) errorRef.current?.focus();
  }, [state]);

  async function copyToken(token: string) {
    try {
      await navigator.clipboard.writeText(token);
      setCopied({ state, outcome: 'copied' });
    } catch {
      setCopied({ state, outcome: 'copyFailed' });
    }
  }

  return (
    <>
      {state.created ? (
        <div className="notice" role="status" tabIndex={-1} ref={createdRef}>
          <p>{t('created', { name: state.created.name })}</p>
          <div className="form-field">
            <label htmlFor="new-api-token">{t('tokenLabel')}</label>
            <input
              id="new-api-token"
              type="text"
              readOnly
              value={state.created.token}
              spellCheck={false}
              autoComplete="off"
              onFocus={(event) => event.currentTarget.select()}
            />
          </div>
          <button
            type="button"
            className="button secondary"
            onClick={() => void copyToken(state.created!.token)}
          >
            {t('copy')}
          </button>
          <p aria-live="polite">{copy ? t(copy) : null}</p>
        </div>
      ) : null}
      <form action={action} className="auth-form" noValidate>
        <div className="form-field">
          <label htmlFor="api-token-name">{t('name')}</label>
          <p id="api-token-name-hint" className="hint">
            {t('nameHint')}
          </p>
          {state.error && state.error !== 'forbidden' ? (
            <p id="api-token-name-error" className="field-error" tabIndex={-1} ref={errorRef}>
              {t(state.error)}
            </p>
          ) : null}
          <input
            id="api-token-name"
            name="name"
            type="text"
            required
            maxLength={100}
            autoComplete="off"
            aria-invalid={state.error && state.error !== 'forbidden' ? true : undefined}
            aria-describedby={
              state.error && state.error !== 'forbidden'
                ? 'api-token-name-hint api-token-name-error'
                : 'api-token-name-hint'
            }
          />
        </div>
        {state.error === 'forbidden' ? (
          <p className="alert" role="alert">
            {t('forbidden')}
          </p>
        ) : null}
        <button className="button" type="submit" disabled={pending}>
          {t('create')}
        </button>
      </form>
    </>
  );
}
