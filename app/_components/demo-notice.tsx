import { getTranslations } from 'next-intl/server';
import { getWorkspaceMode } from '@/db/queries/workspace';

/** Shown on every page of a demo workspace, read from the database so it can never be wrong. */
export async function DemoNotice() {
  if (getWorkspaceMode() !== 'demo') return null;
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
