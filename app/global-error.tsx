'use client';

import messages from '@/lib/i18n/messages/en.json';

/** Last resort when the root layout itself fails: no providers are left, so read the catalogue directly. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  const common = messages.common;
  return (
    <html lang="en">
      <body>
        <main>
          <h1>{common.errorTitle}</h1>
          <p>{common.errorBody}</p>
          {error.digest ? <p>{common.errorReference.replace('{digest}', error.digest)}</p> : null}
        </main>
      </body>
    </html>
  );
}
