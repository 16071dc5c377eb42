'use client';

import errors from '@/lib/i18n/messages/errors.en.json';
import { useRequestId } from './error-reference';

/** Last resort when the root layout itself fails: no providers are left, so read the catalogue directly. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  const requestId = useRequestId();
  return (
    <html lang="en">
      <body>
        <main>
          <h1>{errors.title}</h1>
          <p>{errors.body}</p>
          {requestId ? (
            <p>
              {errors.quoteId} <code data-testid="request-id">{requestId}</code>
            </p>
          ) : null}
          {error.digest ? <p>{errors.errorCode.replace('{digest}', error.digest)}</p> : null}
          <p>
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- the root layout failed: reload the whole page */}
            <a href="/">{errors.backHome}</a>
          </p>
        </main>
      </body>
    </html>
  );
}
