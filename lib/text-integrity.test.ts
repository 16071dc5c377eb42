import { describe, expect, it } from 'vitest';
import {
  bidiControlErrors,
  BIDI_MESSAGE,
  ILL_FORMED_MESSAGE,
  isWellFormedText,
  textIntegrityErrors,
} from './text-integrity';
import {
  actorInputSchema,
  adminFieldErrors,
  adminInputFromForm,
  commitmentInputSchema,
  sourceInputSchema,
} from './admin-input';
import { entryInputFromForm } from './entry-form';
import { entryInputSchema, fieldErrors } from './entry-input';

const refusedAs = (field: string, message: string) => ({ [field]: message });

describe('text that is not well-formed Unicode', () => {
  it('is told apart from well-formed text, as String.prototype.isWellFormed does', () => {
    for (const text of ['', 'plain', 'émigré', '👩🏽‍⚖️ e\u0301', '\uD83D\uDE00', 'مرسوم'])
      expect(isWellFormedText(text), text).toBe(true);
    for (const text of ['\uD800', 'x\uD800y', '\uDFFFx', 'a\uDE00\uD83D', '\uD83D'])
      expect(isWellFormedText(text), JSON.stringify(text)).toBe(false);
  });

  it('is named by its path in a parsed body, wherever it is', () => {
    expect(textIntegrityErrors(JSON.parse('{"summary":"\\ud800x"}'))).toEqual(
      refusedAs('summary', ILL_FORMED_MESSAGE),
    );
    expect(
      textIntegrityErrors(JSON.parse('{"evidence":[{"title":"ok"},{"title":"\\udc00"}]}')),
    ).toEqual(refusedAs('evidence.1.title', ILL_FORMED_MESSAGE));
    expect(
      textIntegrityErrors(JSON.parse('{"entries":[{"summary":"ok"},{"narrative":"\\ud83d"}]}')),
    ).toEqual(refusedAs('entries.1.narrative', ILL_FORMED_MESSAGE));
    expect(textIntegrityErrors(JSON.parse('"\\ud800"'))).toEqual(
      refusedAs('body', ILL_FORMED_MESSAGE),
    );
    expect(textIntegrityErrors(JSON.parse('{"\\ud800":1}'))).toEqual(
      refusedAs('body', 'has a field name that is not valid Unicode text'),
    );
  });

  it('lets well-formed values through, however they nest', () => {
    expect(
      textIntegrityErrors({
        summary: '👩🏽‍⚖️',
        evidence: [{ title: 'مرسوم', url: 'https://example.org' }],
        n: 1,
        b: true,
        none: null,
      }),
    ).toBeNull();
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown;
    expect(textIntegrityErrors(deep)).toBeNull();
    const cycle: Record<string, unknown> = { a: 'x' };
    cycle.self = cycle;
    expect(textIntegrityErrors(cycle)).toBeNull();
  });
});

describe('keys that name the prototype machinery', () => {
  it('are refused by name, at the top and inside, with an error object that has no such key', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const top = textIntegrityErrors(JSON.parse(`{"summary":"x","${key}":{"admin":true}}`));
      expect(top).toEqual(refusedAs('body', `has a field named "${key}", which is not allowed`));
      expect(Object.getPrototypeOf(top)).toBe(Object.prototype);
      expect(textIntegrityErrors(JSON.parse(`{"evidence":[{"url":"u","${key}":1}]}`))).toEqual(
        refusedAs('evidence.0', `has a field named "${key}", which is not allowed`),
      );
    }
  });

  it('reach the boundary check from a form, where a plain assignment of __proto__ would have dropped the field', () => {
    const data = new FormData();
    data.append('summary', 'x');
    data.append('__proto__', 'y');
    expect(Object.keys(entryInputFromForm(data))).toContain('__proto__');
    expect(Object.keys(adminInputFromForm(data))).toContain('__proto__');
    expect(textIntegrityErrors(entryInputFromForm(data))).toEqual(
      refusedAs('body', 'has a field named "__proto__", which is not allowed'),
    );
  });

  it("keep a textarea's line breaks as typed in an admin form, not as the browser's CRLF", () => {
    const data = new FormData();
    data.append('text', 'Paragraph one.\r\n\r\nParagraph two.');
    expect(adminInputFromForm(data).text).toBe('Paragraph one.\n\nParagraph two.');
  });
});

describe('bidirectional controls', () => {
  it('are refused in the one-line fields given, by name, and the marks are allowed', () => {
    expect(
      bidiControlErrors({
        summary: 'Adopted \u202Eetadpu\u202C',
        title: 'ok',
        narrative: undefined,
      }),
    ).toEqual(refusedAs('summary', BIDI_MESSAGE));
    for (const control of [
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u202E',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
    ])
      expect(bidiControlErrors({ name: `a${control}b` })).not.toBeNull();
    expect(
      bidiControlErrors({ name: 'שלום\u200F (2024)', other: 'Ali\u061C', ltr: 'x\u200E' }),
    ).toBeNull();
  });
});

describe('the schemas as a last line', () => {
  it('the entry schema refuses ill-formed text in every text field by name', () => {
    const base = {
      idempotencyKey: 'entry-12345678',
      commitment: 'TIP-01',
      subject: 3,
      status: 'limited',
      asOf: '2025-01-15',
      summary: 'ok',
    };
    for (const [field, value] of [
      ['summary', 'x\uD800'],
      ['narrative', '\uDFFF'],
      ['adverseEffectsDescription', '\uD83D'],
    ] as const) {
      const parsed = entryInputSchema.safeParse({
        ...base,
        adverseEffects: field === 'adverseEffectsDescription',
        [field]: value,
      });
      expect(parsed.success ? {} : fieldErrors(parsed.error)).toEqual(
        refusedAs(field, ILL_FORMED_MESSAGE),
      );
    }
  });

  it('the admin schemas refuse broken text, prototype keys and bidirectional controls in names and titles by field, and keep controls in a commitment text', () => {
    const actor = { kind: 'cso', name: 'Network' };
    const errors = (result: ReturnType<typeof actorInputSchema.safeParse>) =>
      result.success ? null : adminFieldErrors(result.error, 'an actor');
    expect(errors(actorInputSchema.safeParse({ ...actor, name: 'Net\u202Ework' }))).toEqual(
      refusedAs('name', BIDI_MESSAGE),
    );
    expect(errors(actorInputSchema.safeParse({ ...actor, shortName: '\u2066N' }))).toEqual(
      refusedAs('shortName', BIDI_MESSAGE),
    );
    expect(errors(actorInputSchema.safeParse({ ...actor, name: 'Net\uD800' }))).toEqual(
      refusedAs('name', ILL_FORMED_MESSAGE),
    );
    expect(
      errors(
        actorInputSchema.safeParse(
          JSON.parse('{"kind":"cso","name":"N","__proto__":{"archivedAt":null}}'),
        ),
      ),
    ).toEqual(refusedAs('body', 'has a field named "__proto__", which is not allowed'));
    expect(actorInputSchema.safeParse({ ...actor, name: 'Réseau مرسوم' }).success).toBe(true);
    const source = {
      slug: 'a-report',
      title: 'A report',
      author: 'UN',
      publishedOn: '2017-01-01',
      place: 'Vienna',
    };
    const sourceErrors = sourceInputSchema.safeParse({ ...source, title: 'A \u202Ereport' });
    expect(
      sourceErrors.success ? null : adminFieldErrors(sourceErrors.error, 'a source document'),
    ).toEqual(refusedAs('title', BIDI_MESSAGE));
    const commitment = {
      code: 'TIP-09',
      title: 'Screening',
      text: 'States should screen \u2067عربي\u2069 arrivals.',
      paragraphs: '9',
      theme: 'trafficking',
      dutyBearers: ['states'],
      source: 1,
    };
    const parsed = commitmentInputSchema.safeParse(commitment);
    expect(parsed.success ? null : adminFieldErrors(parsed.error, 'a commitment')).toBeNull();
    const titled = commitmentInputSchema.safeParse({ ...commitment, title: '\u202BScreening' });
    expect(titled.success ? null : adminFieldErrors(titled.error, 'a commitment')).toEqual(
      refusedAs('title', BIDI_MESSAGE),
    );
  });
});
