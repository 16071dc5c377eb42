'use server';

import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { updateMailChoices } from '@/db/queries/outbox-settings';
import { actionArgs, guardedAction } from '@/app/_lib/guard';
import { REQUEST_ID_HEADER } from '@/lib/request-id';

/** Saves which e-mails the signed-in user receives: the kinds ticked, every other one off. */
export const saveMailSettingsAction = guardedAction(
  [actionArgs.form],
  async (user, form: FormData): Promise<void> => {
    const requestId = (await headers()).get(REQUEST_ID_HEADER);
    const result = updateMailChoices(user.id, form.getAll('kind'), { requestId });
    if (!result.ok) forbidden();
    redirect('/account?mailSaved=1#email');
  },
);
