'use client';

import { Suspense, use, useSyncExternalStore } from 'react';
import { usePathname } from 'next/navigation';
import { createTranslator } from 'next-intl';
import { textDirection, type Locale } from '@/lib/i18n/locales';
import {
  loadedErrorMessages,
  loadErrorMessages,
  localeOfPath,
  type ErrorMessages,
} from './_lib/global-error-messages';
import { useRequestId } from './error-reference';

interface GlobalErrorProps {
  error: Error & { digest?: string };
  /** Fetches and renders the page again (Next.js `global-error`); absent where nothing can retry. */
  retry?: () => void;
}

const noSubscription = () => () => {};

/**
 * Last resort when the root layout itself fails: no providers are left, so the page reads its
 * language from the URL (English unprefixed) and fetches only that language's messages.
 */
export default function GlobalError({ error, retry }: GlobalErrorProps) {
  // The router's path when it is still there; else the browser's, read after hydration.
  const routerPath = usePathname();
  const windowPath = useSyncExternalStore(
    noSubscription,
    () => window.location.pathname,
    () => null,
  );
  const locale = localeOfPath(routerPath ?? windowPath);
  return (
    <html lang={locale} dir={textDirection(locale)}>
      <body>
        <main>
          <Suspense fallback={null}>
            <GlobalErrorContent locale={locale} error={error} retry={retry} />
          </Suspense>
        </main>
      </body>
    </html>
  );
}

function GlobalErrorContent({ locale, error, retry }: GlobalErrorProps & { locale: Locale }) {
  const messages: ErrorMessages = loadedErrorMessages(locale) ?? use(loadErrorMessages(locale));
  const requestId = useRequestId();
  // The catalogue's messages are precompiled at build (next.config.js): next-intl formats them.
  const t = createTranslator({
    locale,
    timeZone: 'UTC',
    messages: { errors: messages } as { errors: Record<string, string> },
    namespace: 'errors',
  });
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      {requestId ? (
        <p>
          {t('quoteId')} <code data-testid="request-id">{requestId}</code>
        </p>
      ) : null}
      {error.digest ? <p>{t('errorCode', { digest: error.digest })}</p> : null}
      {retry ? (
        <p>
          <button type="button" onClick={() => retry()}>
            {t('tryAgain')}
          </button>
        </p>
      ) : null}
      <p>
        {/* A plain link: the root layout failed, so the whole page loads again. */}
        <a href={locale === 'en' ? '/' : `/${locale}`}>{t('backHome')}</a>
      </p>
    </>
  );
}
