import type { Instrumentation } from 'next';
import { logError } from './lib/logger';
import { REQUEST_ID_HEADER } from './lib/request-id';

/**
 * Runs once when a server starts: a production deployment without its auth secret refuses to
 * start at all, rather than failing on its first request (`npm run db:setup` checks it earlier too).
 */
export async function register() {
  if (
    process.env.NEXT_RUNTIME === 'nodejs' &&
    process.env.NEXT_PHASE !== 'phase-production-build'
  ) {
    await import('./instrumentation-node');
  }
}

/**
 * Every error a request meets on the server (page, route handler, server action) becomes one
 * JSON log line with the request id the user sees on the error page and in X-Request-Id.
 */
export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  const header = request.headers[REQUEST_ID_HEADER];
  const requestId = Array.isArray(header) ? header[0] : header;
  logError(error, {
    requestId,
    method: request.method,
    route: `${context.routeType} ${context.routePath}`,
  });
};
