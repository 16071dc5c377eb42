import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { translatorOf } from '@/test/support/catalogues';
import { LOCALES } from '@/lib/i18n/locales';
import { schemaType, type JsonSchema, type TypeTranslator } from './schema-type';

const COMPONENTS: Record<string, JsonSchema> = {
  Status: { type: 'string', enum: ['no_information', 'limited', null] },
};
const resolve = (schema: JsonSchema) =>
  schema.$ref ? (COMPONENTS[schema.$ref.split('/').pop()!] ?? schema) : schema;

/** The Type column of a schema, as HTML, in `locale`. */
function typeHtml(locale: string, schema: JsonSchema): string {
  const t = translatorOf<TypeTranslator>(locale, 'api.page');
  return renderToStaticMarkup(
    createElement(Fragment, null, schemaType(t, locale, schema, resolve)),
  );
}

const SCHEMAS: JsonSchema[] = [
  { type: 'array', items: { type: 'string', pattern: '^[A-Z]+-\\d+$', maxLength: 20 } },
  { type: ['integer', 'null'], minimum: 1, maximum: 100 },
  { type: 'array', items: { $ref: '#/components/schemas/Status' } },
  { type: 'boolean' },
  { $ref: '#/components/schemas/Unknown' },
];

/** The words the English page uses for types, which a page in another language must not show. */
const ENGLISH_WORDS =
  /\b(array|of|or|string|integer|boolean|pattern|at most|at least|characters|one of)\b/;

describe('the API reference’s Type column', () => {
  it('says types and limits in English words, names verbatim', () => {
    expect(typeHtml('en', SCHEMAS[0]!)).toBe(
      'array of string (pattern <code lang="en" translate="no">^[A-Z]+-\\d+$</code>, at most 20 characters)',
    );
    expect(typeHtml('en', SCHEMAS[1]!)).toBe(
      'integer or <code lang="en" translate="no">null</code> (at least 1, at most 100)',
    );
  });

  it.each(LOCALES.filter((locale) => locale !== 'en'))(
    'says them in %s, the API’s own names marked as English and not to translate',
    (locale) => {
      for (const schema of SCHEMAS) {
        const html = typeHtml(locale, schema);
        const words = html.replace(/<code lang="en" translate="no">[^<]*<\/code>/g, ' ');
        expect(words).not.toMatch(ENGLISH_WORDS);
        expect(words).not.toMatch(/</);
      }
      expect(typeHtml(locale, SCHEMAS[2]!)).toContain(
        '<code lang="en" translate="no">no_information</code>',
      );
      expect(typeHtml(locale, SCHEMAS[4]!)).toBe('<code lang="en" translate="no">Unknown</code>');
    },
  );

  it('words the French Type column as a French reader expects', () => {
    expect(typeHtml('fr', SCHEMAS[1]!)).toBe(
      'entier ou <code lang="en" translate="no">null</code> (au moins 1, au plus 100)',
    );
  });
});
