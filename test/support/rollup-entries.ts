import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import * as t from '../../db/schema';
import type { RollupEntry } from '../../lib/rollup';

/** For tests: every published entry of a database, as the roll-up module takes them. */
export function publishedRollupEntries(db: Db): RollupEntry[] {
  return db
    .select()
    .from(t.progressEntries)
    .where(eq(t.progressEntries.state, 'published'))
    .all()
    .map((entry) => ({
      id: entry.id,
      commitmentId: entry.commitmentId,
      subjectId: entry.subjectId,
      perspective: entry.perspective,
      status: entry.status,
      asOf: entry.asOf,
      publishedAt: entry.publishedAt ?? '',
      adverseEffects: entry.adverseEffects,
      withdrawn: entry.withdrawnAt !== null,
      superseded: entry.supersededById !== null,
    }));
}
