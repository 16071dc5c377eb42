import { getTranslations } from 'next-intl/server';
import { entriesFeedPath } from '@/lib/atom';

/**
 * A visible link to the Atom feed of the entries a page shows, beside the `<link rel="alternate">`
 * in its head (app/_lib/feed-link.ts), for people who paste a feed's address into their reader.
 */
export async function FeedLink({
  filters = {},
  label,
}: {
  filters?: Parameters<typeof entriesFeedPath>[0];
  label?: string;
}) {
  const t = await getTranslations('api.feed');
  return (
    <p className="feed-link">
      <a href={entriesFeedPath(filters)} type="application/atom+xml">
        {label ?? t('link')}
      </a>
    </p>
  );
}
