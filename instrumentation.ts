/**
 * Runs once when a server starts: a production deployment without its auth secret refuses to
 * start at all, rather than failing on its first request (`npm run serve` checks it earlier too).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    await import('./instrumentation-node');
  }
}
