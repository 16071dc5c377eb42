import 'server-only';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { forbidden, notFound, redirect } from 'next/navigation';
import type { AdminWriteContext, AdminWriteResult } from '@/db/queries/admin-write';
import { archiveRefusalCode } from '@/lib/notice-codes';
import type { AdminFormState, AdminFormValues } from './form-state';

/** What the data layer records with each audit row. */
export async function writeContext(): Promise<AdminWriteContext> {
  return { requestId: (await headers()).get('x-request-id') };
}

/** After a save: success goes back to the list; a refusal is a 403 page; bad input returns to the form, as typed. */
export function afterSave(
  result: AdminWriteResult,
  values: AdminFormValues,
  basePath: string,
  done: 'created' | 'saved',
): AdminFormState {
  if (result.ok) {
    revalidatePath('/', 'layout');
    redirect(`${basePath}?${done}=${result.id}`);
  }
  if (result.status === 403) forbidden();
  if (result.status === 404) notFound();
  return { errors: result.fieldErrors ?? { body: result.message }, values };
}

/** After archiving or restoring: back to the list, saying what happened or why not, as a fixed code (lib/notice-codes.ts). */
export function afterArchive(
  result: AdminWriteResult,
  basePath: string,
  done: 'archived' | 'restored',
): never {
  if (!result.ok && result.status === 403) forbidden();
  revalidatePath('/', 'layout');
  if (result.ok) redirect(`${basePath}?${done}=${result.id}`);
  redirect(`${basePath}?error=${archiveRefusalCode(result.status, done === 'archived')}`);
}
