'use client';

import { dehydrate, HydrationBoundary, QueryClient, type QueryKey } from '@tanstack/react-query';
import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl';
import { useMemo, type ReactNode } from 'react';

/** A query's key and its data as JSON, as the server prefetched it. */
export type PrefetchedQuery = readonly [queryKey: QueryKey, json: string];

/**
 * The values of the last JSON strings read. The server sends the same strings to every request
 * until the next write (the catalogue, and the data layer's cached figures), and nothing changes
 * what react-query or next-intl are given, so one read serves them all.
 */
const parsed = new Map<string, unknown>();
const PARSED_KEPT = 16;

function parseOnce(json: string): unknown {
  let value = parsed.get(json);
  if (value === undefined) value = JSON.parse(json);
  else parsed.delete(json);
  parsed.set(json, value);
  if (parsed.size > PARSED_KEPT) parsed.delete(parsed.keys().next().value as string);
  return value;
}

/**
 * The overview's client messages and prefetched queries, each received as one JSON string: React
 * sends a string as it is, where an object is walked value by value when the server renders the
 * page (thousands of values: the summary's groups and quarters, the matrix page, the messages) and
 * revived value by value again to render its HTML, on every request. The data is dated when it is
 * read here, so react-query counts its freshness from the page's render in the browser too.
 */
export function OverviewProviders({
  locale,
  messages,
  queries,
  children,
}: {
  locale: string;
  messages: string;
  queries: readonly PrefetchedQuery[];
  children: ReactNode;
}) {
  const intlMessages = useMemo(() => parseOnce(messages) as AbstractIntlMessages, [messages]);
  const state = useMemo(() => {
    const client = new QueryClient();
    for (const [queryKey, json] of queries) client.setQueryData(queryKey, parseOnce(json));
    return dehydrate(client);
  }, [queries]);
  // The time zone and the rest of the configuration come from the root layout's provider.
  return (
    <NextIntlClientProvider locale={locale} messages={intlMessages}>
      <HydrationBoundary state={state}>{children}</HydrationBoundary>
    </NextIntlClientProvider>
  );
}
