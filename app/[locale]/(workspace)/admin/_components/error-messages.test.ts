import { describe, expect, it } from 'vitest';
import {
  actorInputSchema,
  ADMIN_FIELD_ERROR_CODES,
  adminFieldErrorCodes,
  adminFieldErrors,
  commitmentInputSchema,
  roundInputSchema,
  sourceInputSchema,
} from '@/lib/admin-input';
import { catalogueOf, translatorOf } from '@/test/support/catalogues';
import { LOCALES } from '@/lib/i18n/locales';
import type { AdminWriteResult } from '@/db/queries/admin-write';
import {
  ADMIN_ERROR_FIELDS,
  adminErrorMessages,
  type AdminErrorTranslator,
} from './error-messages';

type Refusal = Extract<AdminWriteResult, { ok: false }>;
type Catalogue = { admin: { errors: Record<string, Record<string, unknown>> } };

const catalogues = Object.fromEntries(
  LOCALES.map((locale) => [locale, catalogueOf<Catalogue>(locale)] as const),
);
const translator = (locale: string) => translatorOf<AdminErrorTranslator>(locale, 'admin.errors');

/** The refusal the data layer returns for input its schema refuses (db/queries/admin-write.ts). */
function refusal(
  schema: { safeParse: (input: unknown) => { success: boolean; error?: unknown } },
  input: unknown,
) {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected the input to be refused');
  const error = parsed.error as Parameters<typeof adminFieldErrorCodes>[0];
  return {
    ok: false,
    status: 400,
    message: 'Check …',
    fieldErrors: adminFieldErrors(error, 'an actor'),
    fieldCodes: adminFieldErrorCodes(error),
  } satisfies AdminWriteResult;
}

const ACTOR = { kind: 'state', name: 'Atlantis', iso3: 'ATL', region: 'Europe' };
const ROUND = {
  title: 'Regional review 2027',
  opensOn: '2027-01-01',
  dueOn: '2027-06-30',
  asks: 'all_states',
  commitments: ['1'],
};

describe('the admin forms’ error messages', () => {
  it.each(LOCALES)('word every code the data layer can return, in %s', (locale) => {
    const any = catalogues[locale]!.admin.errors.any!;
    const missing = ADMIN_FIELD_ERROR_CODES.filter((code) => typeof any[code] !== 'string');
    expect(missing).toEqual([]);
    expect(typeof catalogues[locale]!.admin.errors.body!.invalid).toBe('string');
    expect(typeof catalogues[locale]!.admin.errors.body!.conflict).toBe('string');
  });

  it('word a field’s own message only for a field and a code that exist', () => {
    const fields = catalogues.en!.admin.errors.fields! as Record<string, Record<string, string>>;
    for (const [field, messages] of Object.entries(fields)) {
      expect(ADMIN_ERROR_FIELDS).toContain(field);
      for (const code of Object.keys(messages)) expect(ADMIN_FIELD_ERROR_CODES).toContain(code);
    }
  });

  it('say in French what the schema refused, naming limits, never in the data layer’s English', () => {
    const result = refusal(actorInputSchema, { ...ACTOR, name: 'x'.repeat(201), nickname: 'Atty' });
    expect(result.fieldCodes).toEqual({ name: 'too_long', nickname: 'unknown_field' });
    expect(adminErrorMessages(translator('fr'), result)).toEqual({
      name: 'doit comporter au plus 200 caractères',
      nickname: 'n’est pas un champ de ce formulaire',
    });
    // Checked once the fields themselves are right: a code is only for states.
    const organization = refusal(actorInputSchema, { ...ACTOR, kind: 'igo' });
    expect(organization.fieldCodes).toEqual({ iso3: 'not_applicable' });
    expect(adminErrorMessages(translator('fr'), organization)).toEqual({
      iso3: 'est réservé aux États\u00a0: videz ce champ pour les autres types d’acteur',
    });
  });

  it('word the rules a round’s fields break together, and dates, in every language', () => {
    const result = refusal(roundInputSchema, {
      ...ROUND,
      dueOn: '2026-12-31',
      asks: 'list',
      region: 'Europe',
    });
    expect(result.fieldCodes).toEqual({
      dueOn: 'before_opening',
      region: 'not_applicable',
      actors: 'required',
    });
    for (const locale of LOCALES) {
      const messages = adminErrorMessages(translator(locale), result);
      const errors = catalogues[locale]!.admin.errors;
      expect(messages.actors).toBe((errors.fields!.actors as Record<string, string>).required);
      expect(messages.dueOn).toBe(errors.any!.before_opening);
    }
    const date = refusal(sourceInputSchema, {
      slug: 'Not A Slug',
      title: 'Report',
      author: 'UN',
      publishedOn: '2026-02-30',
      place: 'Geneva',
    });
    expect(date.fieldCodes).toEqual({ slug: 'invalid_format', publishedOn: 'not_a_date' });
    expect(adminErrorMessages(translator('es'), date).slug).toBe(
      'use letras minúsculas, cifras y guiones simples, como gcm-ts5-report',
    );
  });

  it('give every field of a refused commitment a code, and so a message', () => {
    const result = refusal(commitmentInputSchema, {
      code: 'tip 3',
      title: '',
      text: 'Text',
      paragraphs: '9-',
      theme: 'weather',
      dutyBearers: [],
      gcmObjectives: ['24'],
      source: 'none',
    });
    expect(Object.keys(result.fieldCodes).sort()).toEqual(Object.keys(result.fieldErrors).sort());
    expect(result.fieldCodes).toMatchObject({
      code: 'invalid_format',
      title: 'required',
      paragraphs: 'invalid_format',
      theme: 'invalid_choice',
      dutyBearers: 'required',
      gcmObjectives: 'invalid_choice',
      source: 'invalid_choice',
    });
    const english = Object.values(result.fieldErrors);
    for (const locale of LOCALES.filter((locale) => locale !== 'en'))
      for (const message of Object.values(adminErrorMessages(translator(locale), result)))
        expect(english).not.toContain(message);
  });

  it('never lets a field’s name choose the message, and says a whole-form refusal as one', () => {
    const forged: Refusal = {
      ok: false,
      status: 400,
      message: 'Check constructor',
      fieldErrors: { constructor: 'is not a field of an actor' },
      fieldCodes: { constructor: 'unknown_field' as const },
    };
    expect(adminErrorMessages(translator('ru'), forged)).toEqual({
      constructor: 'не является полем этой формы',
    });
    const conflict: Refusal = { ok: false, status: 409, message: 'Already.' };
    expect(adminErrorMessages(translator('zh'), conflict)).toEqual({
      body: '无法保存表单：其间有内容发生了变化。请重新加载页面后重试。',
    });
  });
});
