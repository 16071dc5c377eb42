/**
 * The secret better-auth signs session cookies with. A deployment must give it in
 * BETTER_AUTH_SECRET; a local or test database derives one on first use and keeps it in its
 * `settings` table, so the quick start needs no configuration and each database has its own.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from './client';
import { settings } from './schema';
import { recordAudit } from './audit';
import { authConfigurationProblem } from '../lib/deployment';

type Env = Record<string, string | undefined>;

const SETTING_KEY = 'auth_secret';

export function authSecret(db: Db, env: Env = process.env): string {
  const problem = authConfigurationProblem(env);
  if (problem) throw new Error(problem);
  return env.BETTER_AUTH_SECRET?.trim() || derivedSecret(db);
}

function derivedSecret(db: Db): string {
  return db.transaction(
    (tx) => {
      const existing = tx
        .select({ value: settings.value })
        .from(settings)
        .where(eq(settings.key, SETTING_KEY))
        .get();
      if (existing) return existing.value;
      const value = randomBytes(32).toString('base64url');
      tx.insert(settings).values({ key: SETTING_KEY, value }).run();
      // The value is a secret: the audit row records that it was created, never what it is.
      recordAudit(tx, {
        userId: null,
        action: 'setting.create',
        entityType: 'setting',
        entityId: SETTING_KEY,
      });
      return value;
    },
    { behavior: 'immediate' },
  );
}
