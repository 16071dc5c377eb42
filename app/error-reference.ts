'use client';

import { useSyncExternalStore } from 'react';
import { latestRequestId } from '@/lib/request-id';

/**
 * The request id of the response that failed, which the server logged with the error: read from
 * the Server-Timing metric proxy.ts puts on every response (the page, or the navigation request).
 */
export function useRequestId(): string | null {
  // Performance entries exist only in the browser: the server's snapshot is null, the client's is
  // read after hydration. Nothing to subscribe to: the failed response is already in the list.
  return useSyncExternalStore(noSubscription, readRequestId, () => null);
}

const noSubscription = () => () => {};

function readRequestId(): string | null {
  const timings = [
    ...performance.getEntriesByType('navigation'),
    ...performance.getEntriesByType('resource'),
  ] as PerformanceResourceTiming[];
  timings.sort((a, b) => a.responseEnd - b.responseEnd);
  return latestRequestId(timings);
}
