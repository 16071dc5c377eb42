import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { entriesFeedPath } from '@/lib/atom';

/**
 * A page's `<link rel="alternate" type="application/atom+xml">` to the feed of the entries it shows
 * (app/api/v1/feeds), so a feed reader given the page's address finds the feed.
 */
export async function feedAlternates(
  filters: Parameters<typeof entriesFeedPath>[0] = {},
): Promise<NonNullable<Metadata['alternates']>> {
  const t = await getTranslations('api.feed');
  return {
    types: { 'application/atom+xml': [{ url: entriesFeedPath(filters), title: t('link') }] },
  };
}
