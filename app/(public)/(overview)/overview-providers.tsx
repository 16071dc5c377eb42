'use client';

import { HydrationBoundary, type DehydratedState } from '@tanstack/react-query';
import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl';
import { useMemo, type ReactNode } from 'react';

/**
 * The overview's client messages and prefetched queries, each received as one JSON string: React
 * sends a string as it is, where an object is walked value by value when the server renders the
 * page (thousands of values: the summary's groups and quarters, the matrix page, the messages) and
 * revived value by value again to render its HTML, on every request. JSON.parse reads them back
 * at once, on the server and in the browser alike.
 */
export function OverviewProviders({
  locale,
  messages,
  state,
  children,
}: {
  locale: string;
  messages: string;
  state: string;
  children: ReactNode;
}) {
  const intlMessages = useMemo(() => JSON.parse(messages) as AbstractIntlMessages, [messages]);
  const dehydrated = useMemo(() => JSON.parse(state) as DehydratedState, [state]);
  // The time zone and the rest of the configuration come from the root layout's provider.
  return (
    <NextIntlClientProvider locale={locale} messages={intlMessages}>
      <HydrationBoundary state={dehydrated}>{children}</HydrationBoundary>
    </NextIntlClientProvider>
  );
}
