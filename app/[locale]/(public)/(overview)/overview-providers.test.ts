import { createElement, type ComponentProps, type JSXElementConstructor } from 'react';
import { renderToString } from 'react-dom/server';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { NextIntlClientProvider, useTranslations } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { OverviewProviders, type PrefetchedQuery } from './overview-providers';

const seen: unknown[] = [];

/** Reads the prefetched query as the dashboard does; a fetch would mean the data did not arrive. */
function Probe() {
  const t = useTranslations('dashboard');
  const { data, status, isStale } = useQuery({
    queryKey: ['summary', '?theme=health'],
    queryFn: (): { pairs: number } => {
      throw new Error('fetched instead of hydrated');
    },
    staleTime: 30_000,
  });
  seen.push(data);
  return `${t('title')}: ${status}, ${data?.pairs}, ${isStale ? 'stale' : 'fresh'}`;
}

/** createElement's props without children, which it takes as its third argument. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const props = <T extends JSXElementConstructor<any>>(value: Omit<ComponentProps<T>, 'children'>) =>
  value as ComponentProps<T>;

function render(queries: readonly PrefetchedQuery[]): string {
  // As under the root layout: its provider gives the time zone, its QueryProvider the client.
  return renderToString(
    createElement(
      NextIntlClientProvider,
      props<typeof NextIntlClientProvider>({ locale: 'en', timeZone: 'UTC' }),
      createElement(
        QueryClientProvider,
        { client: new QueryClient() },
        createElement(
          OverviewProviders,
          props<typeof OverviewProviders>({
            locale: 'en',
            messages: JSON.stringify({ dashboard: { title: 'Overview' } }),
            queries,
          }),
          createElement(Probe),
        ),
      ),
    ),
  );
}

describe('OverviewProviders', () => {
  it("puts the server's data and messages in place for the first render, fresh", () => {
    const queries: PrefetchedQuery[] = [[['summary', '?theme=health'], '{"pairs":400000}']];
    expect(render(queries)).toBe('Overview: success, 400000, fresh');
  });

  it('reads the same JSON once for every request, another JSON again', () => {
    seen.length = 0;
    render([[['summary', '?theme=health'], '{"pairs":7}']]);
    render([[['summary', '?theme=health'], '{"pairs":7}']]);
    render([[['summary', '?theme=health'], '{"pairs":8}']]);
    expect(seen[0]).toBe(seen[1]);
    expect(seen[2]).toEqual({ pairs: 8 });
  });
});
