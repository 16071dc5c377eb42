'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { STATUS_KEYS } from '@/lib/status-scale';
import { CONFIDENCE_LEVELS, EVIDENCE_RELATIONS, MEASURES } from '@/lib/taxonomy';
import { EVIDENCE_ROWS } from '@/lib/entry-form';
import { LIMITS } from '@/lib/entry-input';
import type { FormState } from './form-state';

export interface EntryFormValues {
  idempotencyKey: string;
  commitment: string;
  subject: string;
  status: string;
  asOf: string;
  summary: string;
  narrative: string;
  measures: string[];
  evidence: { url: string; title: string; relation: string }[];
  confidence: string;
  adverseEffects: boolean;
  adverseEffectsDescription: string;
  supersedes: string;
}

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

/**
 * Every field of a progress entry. Errors come back from the server next to each field and in a
 * summary that takes focus; what was typed is kept.
 */
export function EntryForm({ action, values: initial, commitments, subjects, submitLabel, locked }: EntryFormProps) {
  const t = useTranslations('entryForm');
  const tStatus = useTranslations('status');
  const tMeasure = useTranslations('measure');
  const tRelation = useTranslations('relation');
  const [state, formAction, pending] = useActionState(action, { errors: {}, values: null } as FormState);
  const values = state.values ?? initial;
  const errors = state.errors;
  const [subject, setSubject] = useState(values.subject);
  const [adverse, setAdverse] = useState(values.adverseEffects);
  const independent = subjects.find((candidate) => String(candidate.id) === subject)?.self === false;

  const describedBy = (field: string, hint?: boolean) => [hint ? `${field}-hint` : '', errors[field] ? `${field}-error` : ''].filter(Boolean).join(' ') || undefined;
  const error = (field: string) =>
    errors[field] ? (
      <p id={`${field}-error`} className="field-error">
        <span className="visually-hidden">{t('errorPrefix')}</span>
        {errors[field]}
      </p>
    ) : null;
  const errorList = Object.entries(errors);

  return (
    <form action={formAction} className="entry-form" noValidate>
      {errorList.length > 0 ? (
        <div className="alert" role="alert" tabIndex={-1} ref={(node) => node?.focus()}>
          <h2>{t('errorSummary', { count: errorList.length })}</h2>
          <ul>
            {errorList.map(([field, message]) => (
              <li key={field}>
                <a href={`#${field.split('.')[0] === 'evidence' ? field.replace(/\./g, '-') : field}`}>{t('fieldError', { field: t.has(`fields.${field.split('.')[0]}`) ? t(`fields.${field.split('.')[0]}`) : field, message })}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <input type="hidden" name="idempotencyKey" value={values.idempotencyKey} />
      <input type="hidden" name="supersedes" value={values.supersedes} />

      <div className="form-field">
        <label htmlFor="commitment">{t('fields.commitment')}</label>
        <select id="commitment" name="commitment" defaultValue={values.commitment} disabled={locked} aria-describedby={describedBy('commitment')} aria-invalid={Boolean(errors.commitment)}>
          {commitments.map((commitment) => (
            <option key={commitment.code} value={commitment.code}>
              {commitment.code} {commitment.title}
            </option>
          ))}
        </select>
        {locked ? <input type="hidden" name="commitment" value={values.commitment} /> : null}
        {error('commitment')}
      </div>

      <div className="form-field">
        <label htmlFor="subject">{t('fields.subject')}</label>
        <select id="subject" name="subject" value={subject} onChange={(event) => setSubject(event.target.value)} disabled={locked} aria-describedby={describedBy('subject', true)} aria-invalid={Boolean(errors.subject)}>
          {subjects.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.self ? t('selfReportOption', { name: candidate.name }) : t('assessmentOption', { name: candidate.name })}
            </option>
          ))}
        </select>
        {locked ? <input type="hidden" name="subject" value={subject} /> : null}
        <p id="subject-hint" className="meta">
          {t('subjectHint')}
        </p>
        {error('subject')}
      </div>

      <fieldset className="form-field" aria-describedby={describedBy('status')}>
        <legend>{t('fields.status')}</legend>
        {STATUS_KEYS.map((key) => (
          <label key={key} className="choice">
            <input type="radio" name="status" value={key} defaultChecked={values.status === key} /> {tStatus(key)}
          </label>
        ))}
        {error('status')}
      </fieldset>

      <div className="form-field">
        <label htmlFor="asOf">{t('fields.asOf')}</label>
        <input id="asOf" name="asOf" type="date" defaultValue={values.asOf} aria-describedby={describedBy('asOf', true)} aria-invalid={Boolean(errors.asOf)} />
        <p id="asOf-hint" className="meta">
          {t('asOfHint')}
        </p>
        {error('asOf')}
      </div>

      <div className="form-field">
        <label htmlFor="summary">{t('fields.summary')}</label>
        <input id="summary" name="summary" type="text" defaultValue={values.summary} maxLength={LIMITS.summary} aria-describedby={describedBy('summary')} aria-invalid={Boolean(errors.summary)} />
        {error('summary')}
      </div>

      <div className="form-field">
        <label htmlFor="narrative">{t('fields.narrative')}</label>
        <textarea id="narrative" name="narrative" rows={6} defaultValue={values.narrative} maxLength={LIMITS.narrative} aria-describedby={describedBy('narrative')} aria-invalid={Boolean(errors.narrative)} />
        {error('narrative')}
      </div>

      <fieldset className="form-field">
        <legend>{t('fields.measures')}</legend>
        {MEASURES.map((measure) => (
          <label key={measure} className="choice">
            <input type="checkbox" name="measures" value={measure} defaultChecked={values.measures.includes(measure)} /> {tMeasure(measure)}
          </label>
        ))}
        {error('measures')}
      </fieldset>

      <fieldset className="form-field">
        <legend>{t('fields.evidence')}</legend>
        <p className="meta">{t('evidenceHint')}</p>
        {Array.from({ length: EVIDENCE_ROWS }, (_, index) => {
          const link = values.evidence[index] ?? { url: '', title: '', relation: 'supports' };
          return (
            <div key={index} className="evidence-row">
              <div className="field">
                <label htmlFor={`evidence-${index}-url`}>{t('evidenceUrl', { n: index + 1 })}</label>
                <input id={`evidence-${index}-url`} name={`evidence.${index}.url`} type="url" defaultValue={link.url} aria-invalid={Boolean(errors[`evidence.${index}.url`])} />
                {error(`evidence.${index}.url`)}
              </div>
              <div className="field">
                <label htmlFor={`evidence-${index}-title`}>{t('evidenceTitle', { n: index + 1 })}</label>
                <input id={`evidence-${index}-title`} name={`evidence.${index}.title`} type="text" defaultValue={link.title} aria-invalid={Boolean(errors[`evidence.${index}.title`])} />
                {error(`evidence.${index}.title`)}
              </div>
              <div className="field">
                <label htmlFor={`evidence-${index}-relation`}>{t('evidenceRelation', { n: index + 1 })}</label>
                <select id={`evidence-${index}-relation`} name={`evidence.${index}.relation`} defaultValue={link.relation}>
                  {EVIDENCE_RELATIONS.map((relation) => (
                    <option key={relation} value={relation}>
                      {tRelation(relation)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          );
        })}
        {error('evidence')}
      </fieldset>

      {independent ? (
        <div className="form-field">
          <label htmlFor="confidence">{t('fields.confidence')}</label>
          <select id="confidence" name="confidence" defaultValue={values.confidence} aria-describedby={describedBy('confidence')} aria-invalid={Boolean(errors.confidence)}>
            <option value="">{t('chooseConfidence')}</option>
            {CONFIDENCE_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`confidence.${level}`)}
              </option>
            ))}
          </select>
          {error('confidence')}
        </div>
      ) : (
        <input type="hidden" name="confidence" value="" />
      )}

      <fieldset className="form-field">
        <legend>{t('doNoHarm')}</legend>
        <label className="choice">
          <input type="checkbox" name="adverseEffects" checked={adverse} onChange={(event) => setAdverse(event.target.checked)} /> {t('fields.adverseEffects')}
        </label>
        <label htmlFor="adverseEffectsDescription">{t('fields.adverseEffectsDescription')}</label>
        <textarea
          id="adverseEffectsDescription"
          name="adverseEffectsDescription"
          rows={3}
          defaultValue={values.adverseEffectsDescription}
          maxLength={LIMITS.adverseEffectsDescription}
          aria-describedby={describedBy('adverseEffectsDescription', true)}
          aria-invalid={Boolean(errors.adverseEffectsDescription)}
        />
        <p id="adverseEffectsDescription-hint" className="meta">
          {t('adverseHint')}
        </p>
        {error('adverseEffectsDescription')}
      </fieldset>

      {errors.body ? <p className="field-error">{errors.body}</p> : null}
      <button className="button" type="submit" disabled={pending}>
        {pending ? t('saving') : submitLabel}
      </button>
    </form>
  );
}
