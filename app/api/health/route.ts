import { getDb } from '@/db/client';
import { checkHealth } from '@/db/maintenance';

/** For uptime monitors: 200 when the database answers and its schema is current, else 503. */
export function GET() {
  let health;
  try {
    health = checkHealth(getDb().$client);
  } catch {
    health = { database: 'unreachable', migrations: 'unknown' } as const;
  }
  const ok = health.database === 'reachable' && health.migrations === 'current';
  return Response.json({ status: ok ? 'ok' : 'unavailable', ...health }, { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
