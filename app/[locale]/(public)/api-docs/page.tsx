import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { apiReference } from './reference';
import type { TypeTranslator } from './schema-type';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('api'))('page.title') };
}

/**
 * The reference by locale, built on its first request: the OpenAPI document and the catalogues
 * change only with a build, so every later request renders the same tree instead of building it.
 */
const references = new Map<string, ReactNode>();

export default async function ApiDocsPage() {
  const locale = await getLocale();
  let reference = references.get(locale);
  if (reference === undefined) {
    const t = await getTranslations({ locale, namespace: 'api.page' });
    reference = apiReference(t as unknown as TypeTranslator, locale);
    references.set(locale, reference);
  }
  return reference;
}
