'use client';

import { useTranslations } from 'next-intl';

/** Never a stack trace: a friendly message and the reference the server logged. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('common');
  return (
    <div role="alert">
      <h1>{t('errorTitle')}</h1>
      <p>{t('errorBody')}</p>
      {error.digest ? <p className="meta">{t('errorReference', { digest: error.digest })}</p> : null}
      <button className="button" type="button" onClick={reset}>
        {t('tryAgain')}
      </button>
    </div>
  );
}
