import 'server-only';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { forbidden, notFound } from 'next/navigation';
import type { AdminWriteContext, AdminWriteResult } from '@/db/queries/admin-write';
import { archiveRefusalCode } from '@/lib/notice-codes';
import type { AdminFormState, AdminFormValues } from './form-state';
import { adminErrorMessages } from './error-messages';
import { getLocale, getTranslations } from 'next-intl/server';
import { redirect } from '@/lib/i18n/navigation';

/** What the data layer records with each audit row. */
export async function writeContext(): Promise<AdminWriteContext> {
  return { requestId: (await headers()).get('x-request-id') };
}

/**
 * After a save: success goes back to the list; a refusal is a 403 page; bad input returns to the
 * form, as typed, with the data layer's codes worded in the page's language.
 */
export async function afterSave(
  result: AdminWriteResult,
  values: AdminFormValues,
  basePath: string,
  done: 'created' | 'saved',
): Promise<AdminFormState> {
  if (result.ok) {
    revalidatePath('/', 'layout');
    redirect({ href: `${basePath}?${done}=${result.id}`, locale: await getLocale() });
  }
  if (result.status === 403) forbidden();
  if (result.status === 404) notFound();
  return { errors: adminErrorMessages(await getTranslations('admin.errors'), result), values };
}

/** After saving a translation: back to the commitment's page, naming the language; otherwise as afterSave. */
export async function afterTranslate(
  result: AdminWriteResult,
  values: AdminFormValues,
  commitmentPath: string,
  locale: string,
): Promise<AdminFormState> {
  if (result.ok) {
    revalidatePath('/', 'layout');
    redirect({
      href: `${commitmentPath}?${new URLSearchParams({ translated: locale })}`,
      locale: await getLocale(),
    });
  }
  return afterSave(result, values, commitmentPath, 'saved');
}

/** After archiving or restoring: back to the list, saying what happened or why not, as a fixed code (lib/notice-codes.ts). */
export async function afterArchive(
  result: AdminWriteResult,
  basePath: string,
  done: 'archived' | 'restored',
): Promise<never> {
  if (!result.ok && result.status === 403) forbidden();
  revalidatePath('/', 'layout');
  if (result.ok) redirect({ href: `${basePath}?${done}=${result.id}`, locale: await getLocale() });
  redirect({
    href: `${basePath}?error=${archiveRefusalCode(result.status, done === 'archived')}`,
    locale: await getLocale(),
  });
}
