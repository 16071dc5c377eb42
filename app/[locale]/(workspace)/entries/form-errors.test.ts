import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { entryInputFromForm } from '@/lib/entry-form';
import { entryInputSchema, fieldErrorCodes, fieldErrors } from '@/lib/entry-input';
import messages from '@/lib/i18n/messages/en.json';
import { errorTarget, errorText, formFieldErrors, type EntryFormTranslator } from './form-errors';

const t = createTranslator({
  locale: 'en',
  messages,
  namespace: 'entryForm',
}) as unknown as EntryFormTranslator;

const BLANK = { url: '', title: '', relation: 'supports' };

describe('errors of the entry form', () => {
  it('names the evidence row the person filled, though blank rows before it are left out', () => {
    const evidence = [
      BLANK,
      { url: 'not a link', title: 'Decree', relation: 'context' },
      BLANK,
      { url: 'https://example.org', title: '', relation: 'supports' },
      BLANK,
    ];
    const form = new FormData();
    for (const [field, value] of Object.entries({
      idempotencyKey: 'form-12345678',
      commitment: 'TIP-01',
      subject: '1',
      status: 'limited',
      asOf: '2025-01-15',
      summary: 'A summary',
    }))
      form.append(field, value);
    evidence.forEach((link, row) =>
      Object.entries(link).forEach(([part, value]) =>
        form.append(`evidence.${row}.${part}`, value),
      ),
    );
    const parsed = entryInputSchema.safeParse(entryInputFromForm(form));
    if (parsed.success) throw new Error('expected a refusal');
    const errors = formFieldErrors(
      {
        status: 400,
        message: 'Check',
        fieldErrors: fieldErrors(parsed.error),
        fieldCodes: fieldErrorCodes(parsed.error),
      },
      evidence,
    );
    expect(Object.keys(errors).sort()).toEqual(['evidence.1.url', 'evidence.3.title']);
    expect(errorText(t, 'evidence.1.url', errors['evidence.1.url']!)).toBe(
      'Evidence link 2: enter a web address that starts with http:// or https://',
    );
    expect(errorText(t, 'evidence.3.title', errors['evidence.3.title']!)).toBe(
      'Evidence link 4: give the link a title, or clear its web address',
    );
    expect(errorTarget('evidence.3.title', false)).toBe('evidence-3-title');
  });

  it.each([
    ['status', 'invalid_choice', 'Status: choose one of the statuses'],
    [
      'evidence.1.relation',
      'invalid_choice',
      'Evidence link 2: say whether it supports, contradicts or gives context',
    ],
    ['commitment', 'required', 'Commitment: choose the commitment this entry is about'],
    [
      'confidence',
      'required',
      'Confidence of this assessment: choose how confident you are in this independent assessment',
    ],
    ['summary', 'too_long', 'Summary (one line): must be at most 300 characters'],
    ['measures.0', 'invalid_choice', 'Measures taken: choose measures from the list'],
    ['reporter', 'unknown_field', 'reporter: is not a field of this form'],
  ] as const)('words %s %s in plain language', (field, code, text) => {
    expect(errorText(t, field, { code, message: 'the English message' })).toBe(text);
  });

  it('words a refusal of the whole form by its kind, never in the data layer’s English', () => {
    const refusals = [
      [403, 'Form: you may not save this entry: your role or your actor does not allow it'],
      [404, 'Form: the entry or the actor it is about no longer exists: reload the page'],
      [
        409,
        'Form: the entry changed meanwhile or was already corrected: reload the page and try again',
      ],
    ] as const;
    for (const [status, text] of refusals) {
      const errors = formFieldErrors({ status, message: 'You may not do this.' }, []);
      expect(errorText(t, 'body', errors.body!)).toBe(text);
    }
    expect(
      errorText(t, 'reporter', { code: 'archived', message: 'is archived: its members …' }),
    ).toBe('Reporting actor: your actor was archived: its members can no longer write entries');
    // A code with no wording of its own, on a field with none, still says something in the catalogue's words.
    expect(errorText(t, 'narrative', { code: 'future_date', message: 'English' })).toBe(
      'Narrative: check what was entered here',
    );
  });

  it('points each error at an element the form shows, or at none', () => {
    expect(errorTarget('status', false)).toBe('status');
    expect(errorTarget('measures.2', false)).toBe('measures');
    expect(errorTarget('evidence.0', false)).toBe('evidence-0-url');
    expect(errorTarget('evidence', false)).toBe('evidence-0-url');
    expect(errorTarget('evidence.9.url', false)).toBeNull();
    expect(errorTarget('confidence', true)).toBe('confidence');
    expect(errorTarget('confidence', false)).toBe('subject');
    expect(errorTarget('idempotencyKey', false)).toBeNull();
    expect(formFieldErrors({ status: 403, message: 'You may not do this.' }, [])).toEqual({
      body: { code: 'forbidden', message: 'You may not do this.' },
    });
  });
});
