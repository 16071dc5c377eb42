'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { INITIAL_FORM_STATE, type AdminFormState, type AdminFormValues } from './form-state';

/** One field of an admin form, described by the page (labels already translated). */
export type FieldSpec =
  | {
      kind: 'text';
      name: string;
      label: string;
      hint?: string;
      type?: 'text' | 'date' | 'url';
      maxLength?: number;
      /** Shown and sent, but not editable; the hint says why. */
      readOnly?: boolean;
      rows?: number;
      optional?: boolean;
      /** The language the field is written in, when it is not the page's (a translation). */
      lang?: string;
      dir?: 'ltr' | 'rtl';
    }
  | {
      kind: 'select';
      name: string;
      label: string;
      hint?: string;
      options: { value: string; label: string }[];
      optional?: boolean;
    }
  | {
      kind: 'checkboxes';
      name: string;
      label: string;
      hint?: string;
      options: { value: string; label: string }[];
      columns?: boolean;
    };

export interface AdminFormProps {
  action: (state: AdminFormState, form: FormData) => Promise<AdminFormState>;
  fields: FieldSpec[];
  values: AdminFormValues;
  submitLabel: string;
  /** Prefixes the fields' ids, so that several forms can share a page. */
  idPrefix?: string;
}

const text = (values: AdminFormValues, name: string) => {
  const value = values[name];
  return typeof value === 'string' ? value : '';
};
const list = (values: AdminFormValues, name: string) => {
  const value = values[name];
  return Array.isArray(value) ? value : [];
};

/**
 * The form of an admin screen. Errors come back from the server next to each field and in a
 * summary that takes focus and links to the fields; what was typed is kept.
 */
export function AdminForm({
  action,
  fields,
  values: initial,
  submitLabel,
  idPrefix = 'field',
}: AdminFormProps) {
  const t = useTranslations('admin.form');
  const [state, formAction, pending] = useActionState(action, INITIAL_FORM_STATE);
  const values = state.values ?? initial;
  const errors = state.errors;
  const errorList = Object.entries(errors);
  const labelOf = (field: string) => fields.find((spec) => spec.name === field)?.label ?? field;
  const idOf = (name: string) => `${idPrefix}-${name}`;
  const describedBy = (spec: FieldSpec) =>
    [
      spec.hint ? `${idOf(spec.name)}-hint` : '',
      errors[spec.name] ? `${idOf(spec.name)}-error` : '',
    ]
      .filter(Boolean)
      .join(' ') || undefined;
  const hint = (spec: FieldSpec) =>
    spec.hint ? (
      <p id={`${idOf(spec.name)}-hint`} className="meta">
        {spec.hint}
      </p>
    ) : null;
  const error = (name: string) =>
    errors[name] ? (
      <p id={`${idOf(name)}-error`} className="field-error">
        <span className="visually-hidden">{t('errorPrefix')} </span>
        {errors[name]}
      </p>
    ) : null;

  return (
    <form action={formAction} className="entry-form admin-form" noValidate>
      {errorList.length > 0 ? (
        <div className="alert" role="alert" tabIndex={-1} ref={(node) => node?.focus()}>
          <h2>{t('errorSummary', { count: errorList.length })}</h2>
          <ul>
            {errorList.map(([field, message]) => (
              <li key={field}>
                {field === 'body' ? (
                  message
                ) : fields.some((spec) => spec.name === field) ? (
                  <a href={`#${idOf(field)}`}>
                    {t('fieldError', { field: labelOf(field), message })}
                  </a>
                ) : (
                  t('fieldError', { field, message })
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {fields.map((spec) => {
        const invalid = errors[spec.name] ? true : undefined;
        const label = (
          <>
            {spec.label}
            {'optional' in spec && spec.optional ? (
              <span className="meta"> {t('optional')}</span>
            ) : null}
          </>
        );
        if (spec.kind === 'checkboxes') {
          return (
            <fieldset
              key={spec.name}
              id={idOf(spec.name)}
              className="form-field"
              aria-describedby={describedBy(spec)}
              tabIndex={-1}
            >
              <legend>{spec.label}</legend>
              {hint(spec)}
              <div className={spec.columns ? 'choice-columns' : undefined}>
                {spec.options.map((option) => (
                  <label key={option.value} className="choice">
                    <input
                      type="checkbox"
                      name={spec.name}
                      value={option.value}
                      defaultChecked={list(values, spec.name).includes(option.value)}
                    />{' '}
                    {option.label}
                  </label>
                ))}
              </div>
              {error(spec.name)}
            </fieldset>
          );
        }
        if (spec.kind === 'select') {
          return (
            <div key={spec.name} className="form-field">
              <label htmlFor={idOf(spec.name)}>{label}</label>
              {hint(spec)}
              <select
                id={idOf(spec.name)}
                name={spec.name}
                defaultValue={text(values, spec.name)}
                key={`${spec.name}-${text(values, spec.name)}`}
                aria-describedby={describedBy(spec)}
                aria-invalid={invalid}
              >
                {spec.optional ? <option value="">{t('none')}</option> : null}
                {spec.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
              {error(spec.name)}
            </div>
          );
        }
        const common = {
          id: idOf(spec.name),
          name: spec.name,
          defaultValue: text(values, spec.name),
          maxLength: spec.maxLength,
          readOnly: spec.readOnly,
          lang: spec.lang,
          dir: spec.dir,
          'aria-describedby': describedBy(spec),
          'aria-invalid': invalid,
        };
        return (
          <div key={spec.name} className="form-field">
            <label htmlFor={idOf(spec.name)}>{label}</label>
            {hint(spec)}
            {spec.rows ? (
              <textarea {...common} rows={spec.rows} />
            ) : (
              <input {...common} type={spec.type ?? 'text'} />
            )}
            {error(spec.name)}
          </div>
        );
      })}

      {errors.body ? <p className="field-error">{errors.body}</p> : null}
      <button className="button" type="submit" disabled={pending}>
        {pending ? t('saving') : submitLabel}
      </button>
    </form>
  );
}
