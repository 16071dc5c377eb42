import 'server-only';
import { getTranslations } from 'next-intl/server';
import { ADMIN_LIMITS } from '@/lib/admin-input';
import type { AdminSourceDto } from '@/db/queries/admin-sources';
import type { FieldSpec } from '../_components/admin-form';
import type { AdminFormValues } from '../_components/form-state';

/** The fields of a source document (docs/design.md#commitments: title, author, date, place, reference or URL). */
export async function sourceFields(): Promise<FieldSpec[]> {
  const t = await getTranslations('admin.sources.fields');
  return [
    { kind: 'text', name: 'title', label: t('title'), maxLength: ADMIN_LIMITS.title },
    {
      kind: 'text',
      name: 'slug',
      label: t('slug'),
      hint: t('slugHint'),
      maxLength: ADMIN_LIMITS.slug,
    },
    { kind: 'text', name: 'author', label: t('author'), maxLength: ADMIN_LIMITS.author },
    { kind: 'text', name: 'publishedOn', label: t('publishedOn'), type: 'date' },
    { kind: 'text', name: 'place', label: t('place'), maxLength: ADMIN_LIMITS.place },
    {
      kind: 'text',
      name: 'reference',
      label: t('reference'),
      hint: t('referenceHint'),
      maxLength: ADMIN_LIMITS.reference,
      optional: true,
    },
    {
      kind: 'text',
      name: 'url',
      label: t('url'),
      type: 'url',
      maxLength: ADMIN_LIMITS.url,
      optional: true,
    },
  ];
}

export function sourceValues(source: AdminSourceDto | null): AdminFormValues {
  return {
    title: source?.title ?? '',
    slug: source?.slug ?? '',
    author: source?.author ?? '',
    publishedOn: source?.publishedOn ?? '',
    place: source?.place ?? '',
    reference: source?.reference ?? '',
    url: source?.url ?? '',
  };
}
