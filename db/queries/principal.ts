import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '../client';
import * as t from '../schema';
import { principalOf, principalQuery } from './entry-store';
import type { Principal } from '../authz';

/**
 * The signed-in user as the rules of db/authz.ts see them; a disabled or unknown user is nobody.
 * Every write asks this first, inside its own transaction, so it lives apart from any one kind of
 * write (entries, mail, tokens, follows) and none of them imports another for it.
 */
export function loadPrincipal(tx: Tx, userId: string | null | undefined): Principal | null {
  if (!userId) return null;
  return principalOf(principalQuery(tx).where(eq(t.users.id, userId)).get());
}
