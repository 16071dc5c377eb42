import 'server-only';
import Database from 'better-sqlite3';
import { RateLimiterRes, RateLimiterSQLite } from 'rate-limiter-flexible';
import { BUSY_TIMEOUT_MS, getDb } from '../client';

/** Spending writes from a budget: refused when it goes over, with the seconds until the next minute. */
export type Spent = { ok: true } | { ok: false; retryAfterSeconds: number };
export type WriteLimiter = (key: string, writes: number) => Promise<Spent>;

/**
 * Budgets of `perMinute` writes per key and minute, counted by rate-limiter-flexible in a table
 * of `client`'s database that it creates (api_write_limits), so every process using that
 * database draws on the same budgets. Expired rows are cleared every few minutes.
 */
export function writeLimiter(client: Database.Database, perMinute: number): Promise<WriteLimiter> {
  return new Promise((resolve, reject) => {
    const limiter: RateLimiterSQLite = new RateLimiterSQLite(
      {
        storeClient: client,
        storeType: 'better-sqlite3',
        tableName: 'api_write_limits',
        points: perMinute,
        duration: 60,
        clearExpiredByTimeout: true,
      },
      (error) => (error ? reject(error) : resolve(spend)),
    );
    const spend: WriteLimiter = async (key, writes) => {
      try {
        await limiter.consume(key, writes);
        return { ok: true };
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        return {
          ok: false,
          retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)),
        };
      }
    };
  });
}

let appLimiter: Promise<WriteLimiter> | undefined;

/**
 * The app database's limiter, on a connection of its own with synchronous=NORMAL: a count needs
 * no fsync of its own (a power cut may forget the last few writes counted, never corrupt the
 * database, WAL being consistent at NORMAL), so counting does not slow the durable writes.
 */
export function appWriteLimiter(perMinute: number): Promise<WriteLimiter> {
  if (!appLimiter) {
    const main = getDb().$client;
    let client = main;
    if (!main.memory) {
      client = new Database(main.name);
      client.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      client.pragma('synchronous = NORMAL');
    }
    // A limiter that failed to start is not kept: the next request tries again.
    appLimiter = writeLimiter(client, perMinute).catch((error: unknown) => {
      appLimiter = undefined;
      throw error;
    });
  }
  return appLimiter;
}
