import 'server-only';
import { getDb } from '../client';
import { checkHealth, type Health } from '../maintenance';

/** The app database's health; one that cannot even be opened is unreachable. */
export function databaseHealth(): Health {
  try {
    return checkHealth(getDb().$client);
  } catch {
    return { database: 'unreachable', migrations: 'unknown' };
  }
}
