/**
 * One id per request, from the proxy to the logs, the audit rows and the error page: a user quotes
 * it, an operator finds the log line. An id coming from a reverse proxy in front of us is kept
 * when it is a plain token (so it cannot forge log lines); anything else is replaced.
 */
export const REQUEST_ID_HEADER = 'x-request-id';

/** The Server-Timing metric that carries the id to the browser, where the error page reads it. */
export const REQUEST_ID_TIMING = 'reqid';

const ACCEPTED = /^[A-Za-z0-9._:-]{8,100}$/;

export function newRequestId(): string {
  return crypto.randomUUID();
}

/** The incoming id if it is a plain token, else a new one. */
export function requestIdFrom(incoming: string | null | undefined): string {
  return incoming && ACCEPTED.test(incoming) ? incoming : newRequestId();
}

export function serverTimingHeader(requestId: string): string {
  return `${REQUEST_ID_TIMING};desc="${requestId}"`;
}

interface TimingEntry {
  serverTiming?: ReadonlyArray<{ name: string; description: string }>;
}

/**
 * In the browser: the id of the most recent response that carried one (the page itself, or the
 * navigation request that failed), from the Performance API; null where there is none.
 */
export function latestRequestId(entries: readonly TimingEntry[]): string | null {
  for (let index = entries.length - 1; index >= 0; index -= 1) {
    const timing = entries[index]?.serverTiming?.find(
      (metric) => metric.name === REQUEST_ID_TIMING,
    );
    if (timing && ACCEPTED.test(timing.description)) return timing.description;
  }
  return null;
}
