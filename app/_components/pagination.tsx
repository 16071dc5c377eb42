import { Link } from '@/lib/i18n/navigation';
import { getTranslations } from 'next-intl/server';

/** The query a list's page links keep: every value given, as strings, the unset ones left out. */
export function keptQuery(values: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, String(value)]),
  );
}

/**
 * Previous/next links that keep every other query parameter. A total counted only up to a limit
 * (`totalIsLowerBound`) has more pages than it says: the label and the next link say so.
 */
export async function Pagination({
  page,
  total,
  totalIsLowerBound = false,
  limit,
  basePath,
  query,
}: {
  page: number;
  total: number;
  totalIsLowerBound?: boolean;
  limit: number;
  basePath: string;
  query: Record<string, string>;
}) {
  const pages = Math.max(1, Math.ceil(total / limit));
  if (pages <= 1 && !totalIsLowerBound) return null;
  const t = await getTranslations('common');
  const hrefFor = (target: number) => {
    const params = new URLSearchParams({ ...query, page: String(target) });
    return `${basePath}?${params.toString()}`;
  };
  return (
    <PageLinks
      previous={page > 1 ? hrefFor(page - 1) : null}
      next={page < pages || totalIsLowerBound ? hrefFor(page + 1) : null}
      label={t(totalIsLowerBound ? 'pageOfMore' : 'pageOf', { page, pages })}
    />
  );
}

/**
 * Links to the previous and next pages as given (a list paged by cursor), and a label if any. A
 * page with two paged dimensions (a round's actors and commitments) names each navigation and
 * its links (`name`, `words`), so they are told apart.
 */
export async function PageLinks({
  previous,
  next,
  label,
  name,
  words,
}: {
  previous: string | null;
  next: string | null;
  label?: string;
  name?: string;
  words?: { previous: string; next: string };
}) {
  if (!previous && !next) return null;
  const t = await getTranslations('common');
  return (
    <nav className="pagination" aria-label={name ?? t('pagination')}>
      <ul>
        <li>
          {previous ? (
            <Link href={previous} rel="prev">
              {words?.previous ?? t('previous')}
            </Link>
          ) : null}
        </li>
        {label ? <li aria-current="page">{label}</li> : null}
        <li>
          {next ? (
            <Link href={next} rel="next">
              {words?.next ?? t('next')}
            </Link>
          ) : null}
        </li>
      </ul>
    </nav>
  );
}
