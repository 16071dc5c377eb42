import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it } from 'vitest';
import errors from '@/lib/i18n/messages/errors.en.json';
import ErrorPage from './[locale]/error';
import GlobalError from './global-error';
import { loadErrorMessages } from './_lib/global-error-messages';

/** What a failing request must never show: the message, the stack, file paths, SQL. */
function failure(): Error & { digest: string } {
  const error = new Error(
    'SQLITE_CONSTRAINT: secret detail from /work/main/db/queries/summary.ts:42',
  ) as Error & { digest: string };
  error.stack = `${error.message}\n    at computeSummary (/work/main/db/queries/summary.ts:42:7)`;
  error.digest = '2718281828';
  return error;
}

function expectFriendly(html: string) {
  expect(html).toContain(errors.title);
  expect(html).toContain(errors.body);
  expect(html).toContain(errors.errorCode.replace('{digest}', '2718281828'));
  expect(html).not.toMatch(/SQLITE|secret detail|summary\.ts|computeSummary|at \w+ \(/);
}

describe('error pages', () => {
  it('the page-level error boundary is friendly, gives the error code, and never shows the error or its stack', () => {
    const html = renderToString(
      // eslint-disable-next-line react/no-children-prop -- the provider's props type requires children
      createElement(NextIntlClientProvider, {
        locale: 'en',
        // The app's request config sets it (lib/i18n/request.ts); without one next-intl warns.
        timeZone: 'UTC',
        messages: { errors },
        children: createElement(ErrorPage, { error: failure(), reset: () => {} }),
      }),
    );
    expectFriendly(html);
    expect(html).toContain(errors.tryAgain);
  });

  it('the last-resort error page (root layout failed) does the same without any provider', async () => {
    // It fetches its language's messages first (app/_lib/global-error-messages.ts); here English, unprefixed.
    await loadErrorMessages('en');
    const html = renderToString(createElement(GlobalError, { error: failure() }));
    expectFriendly(html);
    expect(html).toContain('href="/"');
  });
});
