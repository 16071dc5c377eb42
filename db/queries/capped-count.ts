import 'server-only';
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../client';

/**
 * How far a list counts and numbers its pages: a count stops past this many rows and says "more
 * than", so no request walks every row to count it or to skip to a deep page; a cursor goes on.
 */
export const COUNT_LIMIT = 10_000;

/** A count that stops past a cap: then `total` is the cap and there are more. */
export interface CappedCount {
  total: number;
  totalIsLowerBound: boolean;
}

/**
 * The rows of `from` (a table, or SQL naming one) that match `where`, counted up to `cap` + 1 so
 * that an index read stops there however many match.
 */
export function cappedCount(
  db: Db,
  from: SQLWrapper,
  where: SQL | undefined,
  cap = COUNT_LIMIT,
): CappedCount {
  const counted = db.get<{ count: number }>(
    sql`SELECT count(*) AS count
      FROM (SELECT 1 FROM ${from} ${where ? sql`WHERE ${where}` : sql``} LIMIT ${cap + 1})`,
  );
  const count = counted?.count ?? 0;
  return { total: Math.min(count, cap), totalIsLowerBound: count > cap };
}
