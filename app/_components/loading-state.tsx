import { getTranslations } from 'next-intl/server';

/** What a reader sees while a page or a section is on its way. */
export async function LoadingState() {
  const t = await getTranslations('common');
  return (
    <p className="loading" role="status" aria-live="polite">
      {t('loading')}
    </p>
  );
}
