'use client';

import { useTranslations } from 'next-intl';
import { useRequestId } from '@/app/error-reference';

/** Never a stack trace or an error message: a friendly page and the id the server logged the error under. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations('errors');
  const requestId = useRequestId();
  return (
    <div role="alert">
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      {requestId ? (
        <p>
          {t('quoteId')} <code data-testid="request-id">{requestId}</code>
        </p>
      ) : null}
      {error.digest ? <p className="meta">{t('errorCode', { digest: error.digest })}</p> : null}
      <p>
        <button className="button" type="button" onClick={reset}>
          {t('tryAgain')}
        </button>
      </p>
    </div>
  );
}
