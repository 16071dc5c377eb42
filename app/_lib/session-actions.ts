'use server';

import { revalidatePath } from 'next/cache';
import { callAuthEndpoint } from './auth-endpoint';
import { guardedAction } from './guard';
import { getLocale } from 'next-intl/server';
import { redirect } from '@/lib/i18n/navigation';

/** Ends this browser's session (its row is deleted from the database) and goes home. */
export const signOut = guardedAction([], async (): Promise<void> => {
  await callAuthEndpoint('/sign-out', {});
  revalidatePath('/', 'layout');
  redirect({ href: '/', locale: await getLocale() });
});
