'use client';

import { useEffect, useState } from 'react';
import { latestRequestId } from '@/lib/request-id';

/**
 * The request id of the response that failed, which the server logged with the error: read from
 * the Server-Timing metric proxy.ts puts on every response (the page, or the navigation request).
 */
export function useRequestId(): string | null {
  const [requestId, setRequestId] = useState<string | null>(null);
  useEffect(() => {
    const timings = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
    timings.sort((a, b) => a.responseEnd - b.responseEnd);
    setRequestId(latestRequestId(timings));
  }, []);
  return requestId;
}
