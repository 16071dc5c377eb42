import { databaseHealth } from '@/db/queries/health';

/** For uptime monitors: 200 when the database answers and its schema is current, else 503. */
export function GET() {
  const health = databaseHealth();
  const ok = health.database === 'reachable' && health.migrations === 'current';
  return Response.json(
    { status: ok ? 'ok' : 'unavailable', ...health },
    { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
