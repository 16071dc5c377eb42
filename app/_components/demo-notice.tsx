import { getTranslations } from 'next-intl/server';

/** Shown on every page of a demo workspace (the root layout reads the mode from the database). */
export async function DemoNotice() {
  const t = await getTranslations('app');
  return (
    <section className="demo-notice" aria-label={t('demoNotice')}>
      <div className="inner">
        <p>
          <strong>{t('demoNotice')}</strong>. {t('demoNoticeDetail')}
        </p>
      </div>
    </section>
  );
}
