'use client';

import { createTranslator } from 'next-intl';
import errors from '@/lib/i18n/messages/errors.en.json';
import { useRequestId } from './error-reference';

/** Last resort when the root layout itself fails: no providers are left, so read the catalogue directly. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  const requestId = useRequestId();
  // The catalogue's messages are precompiled at build (next.config.js): next-intl formats them.
  const t = createTranslator({
    locale: 'en',
    timeZone: 'UTC',
    messages: { errors },
    namespace: 'errors',
  });
  return (
    <html lang="en">
      <body>
        <main>
          <h1>{t('title')}</h1>
          <p>{t('body')}</p>
          {requestId ? (
            <p>
              {t('quoteId')} <code data-testid="request-id">{requestId}</code>
            </p>
          ) : null}
          {error.digest ? <p>{t('errorCode', { digest: error.digest })}</p> : null}
          <p>
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- the root layout failed: reload the whole page */}
            <a href="/">{t('backHome')}</a>
          </p>
        </main>
      </body>
    </html>
  );
}
