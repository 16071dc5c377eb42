'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { followTarget, unfollowTarget } from '@/db/queries/follows';
import { guardedAction, actionArgs } from './guard';
import { getLocale } from 'next-intl/server';
import { redirect } from '@/lib/i18n/navigation';

/** Where a follow form may send the user back to: the page it was on, never another site. */
const returnPath = z
  .string()
  .regex(/^\/(commitments\/[A-Za-z0-9._-]{1,40}|actors\/\d{1,15}|account)$/)
  .catch('/account');

/**
 * Follows or unfollows the commitment or actor a form names, for the signed-in user only: the
 * data function authorizes and audits, and refuses a bad kind or id (forged forms) unchanged.
 */
export const followAction = guardedAction(
  [actionArgs.form],
  async (user, form: FormData): Promise<void> => {
    const input = { targetKind: form.get('targetKind'), targetId: form.get('targetId') };
    if (form.get('intent') === 'unfollow') unfollowTarget(user.id, input);
    else followTarget(user.id, input);
    const back = returnPath.parse(form.get('returnTo'));
    revalidatePath(back);
    redirect({
      href: back === '/account' ? '/account#follows' : `${back}#follow`,
      locale: await getLocale(),
    });
  },
);
