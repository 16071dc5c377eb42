import { z } from 'zod';

/**
 * A list's position as the opaque `cursor` parameter: the sort key of the row a page ends on, as
 * base64url JSON. Opaque so clients follow the next link rather than build positions themselves.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The position a cursor names, or null when it is not one of this list's cursors. */
export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A sort key's text column (a date or a timestamp) and the id that breaks ties. */
export const keyText = z.string().min(1).max(40);
export const keyId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
