'use client';

import {
  startTransition,
  useActionState,
  useEffect,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from 'react';
import { useTranslations } from 'next-intl';
import { STATUS_KEYS } from '@/lib/status-scale';
import { CONFIDENCE_LEVELS, EVIDENCE_RELATIONS, MEASURES } from '@/lib/taxonomy';
import { EVIDENCE_ROWS } from '@/lib/entry-form';
import { LIMITS } from '@/lib/entry-input';
import { errorTarget, errorText } from './form-errors';
import type { EntryFormValues, FormState } from './form-state';

export interface EntryFormProps {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  values: EntryFormValues;
  commitments: { code: string; title: string }[];
  subjects: { id: number; name: string; self: boolean }[];
  /** The id of the entry being edited, for the submit button's name. */
  submitLabel: string;
  /** Subject and commitment are fixed once an entry exists. */
  locked: boolean;
}

type EvidenceLink = EntryFormValues['evidence'][number];
const BLANK_LINK: EvidenceLink = { url: '', title: '', relation: 'supports' };
const INITIAL_STATE: FormState = { errors: {}, values: null };

/**
 * Every field of a progress entry, each controlled by one state object that is reset from the
 * values the action returns after each attempt, so nothing typed or chosen is lost on an error.
 * Errors come back from the server next to each field and in a summary that takes focus.
 */
export function EntryForm({
  action,
  values: initial,
  commitments,
  subjects,
  submitLabel,
  locked,
}: EntryFormProps) {
  const t = useTranslations('entryForm');
  const tStatus = useTranslations('status');
  const tMeasure = useTranslations('measure');
  const tRelation = useTranslations('relation');
  const [state, formAction, pending] = useActionState(action, INITIAL_STATE);
  const [values, setValues] = useState(state.values ?? initial);
  const [shownState, setShownState] = useState(state);
  if (shownState !== state) {
    setShownState(state);
    if (state.values) setValues(state.values);
  }
  const set = <K extends keyof EntryFormValues>(key: K, value: EntryFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const evidence = Array.from(
    { length: EVIDENCE_ROWS },
    (_, index) => values.evidence[index] ?? BLANK_LINK,
  );
  const setLink = (row: number, change: Partial<EvidenceLink>) =>
    set(
      'evidence',
      evidence.map((link, index) => (index === row ? { ...link, ...change } : link)),
    );

  const independent =
    subjects.find((candidate) => String(candidate.id) === values.subject)?.self === false;
  const errorList = Object.entries(state.errors).map(([field, error]) => ({
    field,
    target: errorTarget(field, independent),
    text: errorText(t, field, error),
  }));
  const summary = useRef<HTMLDivElement>(null);
  // Once per attempt, not per keystroke: the summary takes focus when the server's answer arrives.
  useEffect(() => {
    if (Object.keys(state.errors).length > 0) summary.current?.focus();
  }, [state]);

  const errorsAt = (id: string) => errorList.filter((error) => error.target === id);
  const describedBy = (id: string, hint?: boolean) =>
    [hint ? `${id}-hint` : '', errorsAt(id).length > 0 ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined;
  const invalid = (id: string) => errorsAt(id).length > 0 || undefined;
  const error = (id: string) => {
    const here = errorsAt(id);
    return here.length > 0 ? (
      <p id={`${id}-error`} className="field-error">
        <span className="visually-hidden">{t('errorPrefix')}</span>
        {here.map((entry) => entry.text).join(' ')}
      </p>
    ) : null;
  };

  // Dispatched here rather than by React's form action, which resets a form after every attempt
  // (selects and checkboxes included); without JavaScript the browser posts the form as before.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };

  return (
    <form action={formAction} onSubmit={submit} className="entry-form" noValidate>
      {errorList.length > 0 ? (
        <div className="alert" role="alert" tabIndex={-1} ref={summary}>
          <h2>{t('errorSummary', { count: errorList.length })}</h2>
          <ul>
            {errorList.map(({ field, target, text }) => (
              <li key={field}>{target ? <a href={`#${target}`}>{text}</a> : text}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <input type="hidden" name="idempotencyKey" value={values.idempotencyKey} />
      <input type="hidden" name="supersedes" value={values.supersedes} />

      <Field>
        <RequiredLabel htmlFor="commitment" marker={t('required')}>
          {t('fields.commitment')}
        </RequiredLabel>
        <select
          id="commitment"
          name="commitment"
          value={values.commitment}
          onChange={(event) => set('commitment', event.target.value)}
          disabled={locked}
          aria-required
          aria-describedby={describedBy('commitment')}
          aria-invalid={invalid('commitment')}
        >
          <option value="">{t('chooseCommitment')}</option>
          {commitments.map((commitment) => (
            <option key={commitment.code} value={commitment.code}>
              {commitment.code} {commitment.title}
            </option>
          ))}
        </select>
        {locked ? <input type="hidden" name="commitment" value={values.commitment} /> : null}
        {error('commitment')}
      </Field>

      <Field>
        <label htmlFor="subject">{t('fields.subject')}</label>
        <select
          id="subject"
          name="subject"
          value={values.subject}
          onChange={(event) => set('subject', event.target.value)}
          disabled={locked}
          aria-describedby={describedBy('subject', true)}
          aria-invalid={invalid('subject')}
        >
          {subjects.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.self
                ? t('selfReportOption', { name: candidate.name })
                : t('assessmentOption', { name: candidate.name })}
            </option>
          ))}
        </select>
        {locked ? <input type="hidden" name="subject" value={values.subject} /> : null}
        <p id="subject-hint" className="meta">
          {t('subjectHint')}
        </p>
        {error('subject')}
      </Field>

      <fieldset
        className="form-field"
        role="radiogroup"
        aria-required
        aria-describedby={describedBy('status')}
      >
        <legend>
          {t('fields.status')}
          <span className="meta"> {t('required')}</span>
        </legend>
        {STATUS_KEYS.map((key, index) => (
          <label key={key} className="choice">
            <input
              type="radio"
              id={index === 0 ? 'status' : `status-${key}`}
              name="status"
              value={key}
              checked={values.status === key}
              onChange={() => set('status', key)}
            />{' '}
            {tStatus(key)}
          </label>
        ))}
        {error('status')}
      </fieldset>

      <Field>
        <RequiredLabel htmlFor="asOf" marker={t('required')}>
          {t('fields.asOf')}
        </RequiredLabel>
        <input
          id="asOf"
          name="asOf"
          type="date"
          value={values.asOf}
          onChange={(event) => set('asOf', event.target.value)}
          aria-required
          aria-describedby={describedBy('asOf', true)}
          aria-invalid={invalid('asOf')}
        />
        <p id="asOf-hint" className="meta">
          {t('asOfHint')}
        </p>
        {error('asOf')}
      </Field>

      <Field>
        <RequiredLabel htmlFor="summary" marker={t('required')}>
          {t('fields.summary')}
        </RequiredLabel>
        <input
          id="summary"
          name="summary"
          type="text"
          value={values.summary}
          onChange={(event) => set('summary', event.target.value)}
          maxLength={LIMITS.summary}
          aria-required
          aria-describedby={describedBy('summary')}
          aria-invalid={invalid('summary')}
        />
        {error('summary')}
      </Field>

      <Field>
        <label htmlFor="narrative">{t('fields.narrative')}</label>
        <textarea
          id="narrative"
          name="narrative"
          rows={6}
          value={values.narrative}
          onChange={(event) => set('narrative', event.target.value)}
          maxLength={LIMITS.narrative}
          aria-describedby={describedBy('narrative')}
          aria-invalid={invalid('narrative')}
        />
        {error('narrative')}
      </Field>

      <fieldset className="form-field" aria-describedby={describedBy('measures')}>
        <legend>{t('fields.measures')}</legend>
        {MEASURES.map((measure, index) => (
          <label key={measure} className="choice">
            <input
              type="checkbox"
              id={index === 0 ? 'measures' : `measures-${measure}`}
              name="measures"
              value={measure}
              checked={values.measures.includes(measure)}
              onChange={(event) =>
                set(
                  'measures',
                  event.target.checked
                    ? [...values.measures, measure]
                    : values.measures.filter((chosen) => chosen !== measure),
                )
              }
            />{' '}
            {tMeasure(measure)}
          </label>
        ))}
        {error('measures')}
      </fieldset>

      <fieldset className="form-field">
        <legend>{t('fields.evidence')}</legend>
        <p className="meta">{t('evidenceHint')}</p>
        {evidence.map((link, index) => (
          <div key={index} className="evidence-row">
            {(['url', 'title'] as const).map((part) => {
              const id = `evidence-${index}-${part}`;
              return (
                <div key={part} className="field">
                  <label htmlFor={id}>
                    {t(part === 'url' ? 'evidenceUrl' : 'evidenceTitle', { n: index + 1 })}
                  </label>
                  <input
                    id={id}
                    name={`evidence.${index}.${part}`}
                    type={part === 'url' ? 'url' : 'text'}
                    value={link[part]}
                    onChange={(event) => setLink(index, { [part]: event.target.value })}
                    aria-describedby={describedBy(id)}
                    aria-invalid={invalid(id)}
                  />
                  {error(id)}
                </div>
              );
            })}
            <div className="field">
              <label htmlFor={`evidence-${index}-relation`}>
                {t('evidenceRelation', { n: index + 1 })}
              </label>
              <select
                id={`evidence-${index}-relation`}
                name={`evidence.${index}.relation`}
                value={link.relation}
                onChange={(event) => setLink(index, { relation: event.target.value })}
                aria-describedby={describedBy(`evidence-${index}-relation`)}
                aria-invalid={invalid(`evidence-${index}-relation`)}
              >
                {EVIDENCE_RELATIONS.map((relation) => (
                  <option key={relation} value={relation}>
                    {tRelation(relation)}
                  </option>
                ))}
              </select>
              {error(`evidence-${index}-relation`)}
            </div>
          </div>
        ))}
      </fieldset>

      {independent ? (
        <Field>
          <RequiredLabel htmlFor="confidence" marker={t('required')}>
            {t('fields.confidence')}
          </RequiredLabel>
          <select
            id="confidence"
            name="confidence"
            value={values.confidence}
            onChange={(event) => set('confidence', event.target.value)}
            aria-required
            aria-describedby={describedBy('confidence')}
            aria-invalid={invalid('confidence')}
          >
            <option value="">{t('chooseConfidence')}</option>
            {CONFIDENCE_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`confidence.${level}`)}
              </option>
            ))}
          </select>
          {error('confidence')}
        </Field>
      ) : (
        <input type="hidden" name="confidence" value="" />
      )}

      <fieldset className="form-field">
        <legend>{t('doNoHarm')}</legend>
        <label className="choice">
          <input
            type="checkbox"
            id="adverseEffects"
            name="adverseEffects"
            checked={values.adverseEffects}
            onChange={(event) => set('adverseEffects', event.target.checked)}
            aria-describedby={describedBy('adverseEffects')}
            aria-invalid={invalid('adverseEffects')}
          />{' '}
          {t('fields.adverseEffects')}
        </label>
        {error('adverseEffects')}
        <label htmlFor="adverseEffectsDescription">{t('fields.adverseEffectsDescription')}</label>
        <textarea
          id="adverseEffectsDescription"
          name="adverseEffectsDescription"
          rows={3}
          value={values.adverseEffectsDescription}
          onChange={(event) => set('adverseEffectsDescription', event.target.value)}
          maxLength={LIMITS.adverseEffectsDescription}
          aria-describedby={describedBy('adverseEffectsDescription', true)}
          aria-invalid={invalid('adverseEffectsDescription')}
        />
        <p id="adverseEffectsDescription-hint" className="meta">
          {t('adverseHint')}
        </p>
        {error('adverseEffectsDescription')}
      </fieldset>

      {errorList
        .filter((entry) => entry.target === null)
        .map((entry) => (
          <p key={entry.field} className="field-error">
            {entry.text}
          </p>
        ))}
      <button className="button" type="submit" disabled={pending}>
        {pending ? t('saving') : submitLabel}
      </button>
    </form>
  );
}

function Field({ children }: { children: ReactNode }) {
  return <div className="form-field">{children}</div>;
}

/** A label with "(required)" beside it, not in it: the field's name stays its own, and aria-required says it to assistive technology. */
function RequiredLabel({
  htmlFor,
  marker,
  children,
}: {
  htmlFor: string;
  marker: string;
  children: ReactNode;
}) {
  return (
    <div className="label-line">
      <label htmlFor={htmlFor}>{children}</label> <span className="meta">{marker}</span>
    </div>
  );
}
