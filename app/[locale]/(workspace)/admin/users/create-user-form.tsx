'use client';

import { useActionState, useEffect, useRef } from 'react';
import { useTranslations } from 'next-intl';
import { ROLES } from '@/lib/taxonomy';
import type { UserField } from '@/lib/user-input';
import { createUserAction } from './actions';
import { EMPTY_USER, type CreateUserState } from './form-state';

/**
 * The actors a user may belong to, by kind. A workspace has thousands: each group's label is
 * sent once, not once per actor, since every option also travels in the page's payload.
 */
export interface ActorGroup {
  label: string;
  actors: { id: number; name: string }[];
}

/** Email, name, role and actor; errors by field and in a summary; the new password shown once. */
export function CreateUserForm({ groups }: { groups: ActorGroup[] }) {
  const t = useTranslations('auth');
  const [state, action, pending] = useActionState(createUserAction, {
    values: EMPTY_USER,
    fieldErrors: {},
  } as CreateUserState);
  const errors = Object.entries(state.fieldErrors) as [UserField, string][];
  const summaryRef = useRef<HTMLDivElement>(null);
  const createdRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    (state.created ? createdRef : summaryRef).current?.focus();
  }, [state]);
  const describedBy = (field: UserField, hint = false) =>
    [
      hint ? `new-user-${field}-hint` : '',
      state.fieldErrors[field] ? `new-user-${field}-error` : '',
    ]
      .filter(Boolean)
      .join(' ') || undefined;
  const error = (field: UserField) =>
    state.fieldErrors[field] ? (
      <p id={`new-user-${field}-error`} className="field-error">
        {t(`errors.${state.fieldErrors[field]}`)}
      </p>
    ) : null;

  return (
    <form action={action} className="auth-form" noValidate>
      {state.created ? (
        <div className="notice" role="status" tabIndex={-1} ref={createdRef}>
          <p>{t('users.created', { name: state.created.name, email: state.created.email })}</p>
          <p>
            {t('users.passwordOnce')}{' '}
            <code className="one-time-secret">{state.created.password}</code>
          </p>
        </div>
      ) : null}
      {errors.length > 0 ? (
        <div className="alert" role="alert" tabIndex={-1} ref={summaryRef}>
          <h2>{t('errors.summaryTitle')}</h2>
          <ul>
            {errors.map(([field, code]) => (
              <li key={field}>
                <a href={`#new-user-${field}`}>{t(`errors.${code}`)}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="form-field">
        <label htmlFor="new-user-email">{t('users.email')}</label>
        {error('email')}
        <input
          id="new-user-email"
          name="email"
          type="email"
          autoComplete="off"
          spellCheck={false}
          required
          defaultValue={state.values.email}
          aria-invalid={state.fieldErrors.email ? true : undefined}
          aria-describedby={describedBy('email')}
        />
      </div>
      <div className="form-field">
        <label htmlFor="new-user-name">{t('users.name')}</label>
        {error('name')}
        <input
          id="new-user-name"
          name="name"
          type="text"
          autoComplete="off"
          required
          maxLength={200}
          defaultValue={state.values.name}
          aria-invalid={state.fieldErrors.name ? true : undefined}
          aria-describedby={describedBy('name')}
        />
      </div>
      <div className="form-field">
        <label htmlFor="new-user-role">{t('users.role')}</label>
        {error('role')}
        <select
          id="new-user-role"
          name="role"
          required
          defaultValue={state.values.role}
          key={`role-${state.values.role}`}
          aria-invalid={state.fieldErrors.role ? true : undefined}
          aria-describedby={describedBy('role')}
        >
          <option value="">—</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-field">
        <label htmlFor="new-user-actor">{t('users.actor')}</label>
        <p id="new-user-actor-hint" className="hint">
          {t('users.actorHint')}
        </p>
        {error('actor')}
        <select
          id="new-user-actor"
          name="actor"
          defaultValue={state.values.actor}
          key={`actor-${state.values.actor}`}
          aria-invalid={state.fieldErrors.actor ? true : undefined}
          aria-describedby={describedBy('actor', true)}
        >
          <option value="">{t('users.actorNone')}</option>
          {groups.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.actors.map((actor) => (
                <option key={actor.id} value={actor.id}>
                  {actor.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <button className="button" type="submit" disabled={pending}>
        {pending ? t('users.creating') : t('users.create')}
      </button>
    </form>
  );
}
