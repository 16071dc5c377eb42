import { createElement, Fragment, type ComponentProps, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { catalogueOf, translatorOf } from '@/test/support/catalogues';
import { LOCALES } from '@/lib/i18n/locales';
import { openApiDocument } from '@/lib/openapi';
import { apiReference } from './reference';
import type { TypeTranslator } from './schema-type';

/** The reference as a page in `locale` shows it. */
function html(locale: string, reference: ReactNode): string {
  const provider = { locale, messages: catalogueOf<Record<string, unknown>>(locale) };
  return renderToStaticMarkup(
    createElement(
      NextIntlClientProvider,
      provider as ComponentProps<typeof NextIntlClientProvider>,
      createElement(Fragment, null, reference),
    ),
  );
}

const operationIds = Object.values(openApiDocument().paths ?? {}).flatMap((item) =>
  Object.values(item as Record<string, { operationId: string }>).map((op) => op.operationId),
);

describe('the API reference, built once per locale', () => {
  it('documents every operation of the OpenAPI document in each locale’s words', () => {
    expect(operationIds.length).toBeGreaterThan(10);
    for (const locale of LOCALES) {
      const t = translatorOf<TypeTranslator>(locale, 'api.page');
      const page = html(locale, apiReference(t, locale));
      expect(page, locale).toContain(`<h1>${t('title')}</h1>`);
      for (const id of operationIds) expect(page, `${locale} ${id}`).toContain(`id="op-${id}"`);
    }
  });

  it('renders the same page each time one built reference is rendered again', () => {
    const reference = apiReference(translatorOf<TypeTranslator>('fr', 'api.page'), 'fr');
    const first = html('fr', reference);
    expect(html('fr', reference)).toBe(first);
    expect(first).toBe(
      html('fr', apiReference(translatorOf<TypeTranslator>('fr', 'api.page'), 'fr')),
    );
  });
});
