/**
 * Statements compiled once and run many times with placeholders (drizzle's `.prepare()`), for the
 * paths every request takes: building a query and compiling it cost more than running it.
 */
import { sql } from 'drizzle-orm';
import type { Db } from './client';

/** `compile(db)` once per connection: a prepared statement belongs to the connection it was compiled on. */
export function perConnection<T>(compile: (db: Db) => T): (db: Db) => T {
  const compiled = new WeakMap<Db, T>();
  return (db) => {
    let value = compiled.get(db);
    if (value === undefined) {
      value = compile(db);
      compiled.set(db, value);
    }
    return value;
  };
}

export type Placeholders = Record<string, ReturnType<typeof sql.placeholder>>;

/**
 * A statement compiled once per shape of its values (the columns it sets, undefined ones left out
 * as drizzle leaves them out), then run with those values as placeholders.
 */
export function byShape<S>(
  compile: (placeholders: Placeholders) => S,
): (values: object) => { statement: S; values: Record<string, unknown> } {
  const compiled = new Map<string, S>();
  return (values) => {
    const defined = Object.fromEntries(
      Object.entries(values).filter(([, value]) => value !== undefined),
    );
    const shape = Object.keys(defined).join(',');
    let statement = compiled.get(shape);
    if (!statement) {
      statement = compile(
        Object.fromEntries(Object.keys(defined).map((column) => [column, sql.placeholder(column)])),
      );
      compiled.set(shape, statement);
    }
    return { statement, values: defined };
  };
}
