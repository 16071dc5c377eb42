import 'server-only';
import { forbidden } from 'next/navigation';
import { requireUser } from '@/app/_lib/guard';
import type { CurrentUser } from '@/db/current-user';

/** For admin pages: signed out goes to sign in, anyone but an admin gets a real 403. The data layer checks again. */
export async function requireAdmin(returnTo: string): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (user.role !== 'admin') forbidden();
  return user;
}
