/**
 * Gives the demo accounts (seed/demo.ts DEMO_ACCOUNTS) their passwords. Separate from the
 * synchronous seed because hashing is asynchronous, and kept to these few accounts so seeding
 * stays fast. Idempotent: an account that already has a password is left alone.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { hashPassword } from 'better-auth/crypto';
import type { Db } from '../db/client';
import { recordAudit } from '../db/audit';
import * as t from '../db/schema';
import { readWorkspaceMode } from './index';
import { DEMO_ACCOUNTS } from './demo';

export async function seedDemoCredentials(db: Db): Promise<number> {
  if (readWorkspaceMode(db) !== 'demo') return 0;
  const users = DEMO_ACCOUNTS.map((account) => ({
    ...account,
    user: db
      .select({ id: t.users.id, isDemo: t.users.isDemo })
      .from(t.users)
      .where(sql`lower(${t.users.email}) = ${account.email}`)
      .get(),
  }));
  const missing = users.filter(({ user }) => user?.isDemo && !hasCredential(db, user.id));
  const hashes = await Promise.all(missing.map((account) => hashPassword(account.password)));
  return db.transaction(
    (tx) => {
      let created = 0;
      missing.forEach(({ user }, i) => {
        if (!user || hasCredential(tx, user.id)) return;
        tx.insert(t.accounts)
          .values({
            id: randomUUID(),
            accountId: user.id,
            providerId: 'credential',
            userId: user.id,
            password: hashes[i]!,
          })
          .run();
        recordAudit(tx, {
          userId: null,
          action: 'user.password.set',
          entityType: 'user',
          entityId: user.id,
          after: { via: 'demo seed' },
        });
        created++;
      });
      return created;
    },
    { behavior: 'immediate' },
  );
}

function hasCredential(db: Pick<Db, 'select'>, userId: string): boolean {
  return !!db
    .select({ id: t.accounts.id })
    .from(t.accounts)
    .where(and(eq(t.accounts.userId, userId), eq(t.accounts.providerId, 'credential')))
    .get();
}
