'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { callAuthEndpoint } from './auth-endpoint';
import { guardedAction } from './guard';

/** Ends this browser's session (its row is deleted from the database) and goes home. */
export const signOut = guardedAction([], async (): Promise<void> => {
  await callAuthEndpoint('/sign-out', {});
  revalidatePath('/', 'layout');
  redirect('/');
});
