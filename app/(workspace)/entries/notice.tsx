import { getTranslations } from 'next-intl/server';

/** The outcome of the last action, carried in the URL so it survives the redirect. */
export async function ActionNotice({ query }: { query: Record<string, string | string[] | undefined> }) {
  const t = await getTranslations('workflow');
  const error = typeof query.error === 'string' ? query.error : null;
  if (error) {
    return (
      <div className="alert" role="alert">
        <p>{t('refused', { message: error.slice(0, 500) })}</p>
      </div>
    );
  }
  for (const done of ['saved', 'submitted', 'published', 'returned'] as const) {
    if (typeof query[done] === 'string') {
      return (
        <p className="notice" role="status">
          {t(`done.${done}`)}
        </p>
      );
    }
  }
  return null;
}
