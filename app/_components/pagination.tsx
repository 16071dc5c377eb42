import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** Previous/next links that keep every other query parameter. */
export async function Pagination({
  page,
  total,
  limit,
  basePath,
  query,
}: {
  page: number;
  total: number;
  limit: number;
  basePath: string;
  query: Record<string, string>;
}) {
  const pages = Math.max(1, Math.ceil(total / limit));
  if (pages <= 1) return null;
  const t = await getTranslations('common');
  const hrefFor = (target: number) => {
    const params = new URLSearchParams({ ...query, page: String(target) });
    return `${basePath}?${params.toString()}`;
  };
  return (
    <nav className="pagination" aria-label={t('pagination')}>
      <ul>
        <li>{page > 1 ? <Link href={hrefFor(page - 1)}>{t('previous')}</Link> : null}</li>
        <li aria-current="page">{t('pageOf', { page, pages })}</li>
        <li>{page < pages ? <Link href={hrefFor(page + 1)}>{t('next')}</Link> : null}</li>
      </ul>
    </nav>
  );
}
