'use server';

import { revalidatePath } from 'next/cache';
import { forbidden } from 'next/navigation';
import {
  archiveRound,
  closeRound,
  createRound,
  restoreRound,
  updateRound,
} from '@/db/queries/admin-rounds';
import { adminInputFromForm } from '@/lib/admin-input';
import { actionArgs, guardedAction } from '@/app/_lib/guard';
import { afterArchive, afterSave, writeContext } from '../_components/action-outcome';
import type { AdminFormState } from '../_components/form-state';
import { ROUND_LISTS } from './round-fields';
import { getLocale } from 'next-intl/server';
import { redirect } from '@/lib/i18n/navigation';

const BASE = '/admin/rounds';

/** Creates (roundId null) or changes a round; the data function authorizes and validates. */
export const saveRoundAction = guardedAction(
  [actionArgs.optionalId, actionArgs.state, actionArgs.form],
  async (
    user,
    roundId: number | null,
    _state: unknown,
    form: FormData,
  ): Promise<AdminFormState> => {
    const input = adminInputFromForm(form, ROUND_LISTS);
    const context = await writeContext();
    const result =
      roundId === null
        ? createRound(user.id, input, context)
        : updateRound(user.id, roundId, input, context);
    return afterSave(result, input, BASE, roundId === null ? 'created' : 'saved');
  },
);

/** Closing is final; a refusal comes back as a fixed code, like archiving's. */
export const closeRoundAction = guardedAction([actionArgs.form], async (user, form: FormData) => {
  const result = closeRound(user.id, form.get('id'), await writeContext());
  if (!result.ok && result.status === 403) forbidden();
  revalidatePath('/', 'layout');
  if (result.ok) redirect({ href: `${BASE}?closed=${result.id}`, locale: await getLocale() });
  redirect({
    href: `${BASE}?error=${result.status === 409 ? 'already_closed' : 'not_found'}`,
    locale: await getLocale(),
  });
});

export const archiveRoundAction = guardedAction([actionArgs.form], async (user, form: FormData) =>
  afterArchive(archiveRound(user.id, form.get('id'), await writeContext()), BASE, 'archived'),
);

export const restoreRoundAction = guardedAction([actionArgs.form], async (user, form: FormData) =>
  afterArchive(restoreRound(user.id, form.get('id'), await writeContext()), BASE, 'restored'),
);
