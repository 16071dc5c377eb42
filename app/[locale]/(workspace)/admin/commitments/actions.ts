'use server';

import {
  archiveCommitment,
  createCommitment,
  restoreCommitment,
  updateCommitment,
} from '@/db/queries/admin-commitments';
import { adminInputFromForm } from '@/lib/admin-input';
import { actionArgs, guardedAction } from '@/app/_lib/guard';
import { afterArchive, afterSave, writeContext } from '../_components/action-outcome';
import type { AdminFormState } from '../_components/form-state';
import { COMMITMENT_LISTS } from './commitment-lists';

const BASE = '/admin/commitments';

/**
 * Creates (commitmentId null) or changes a commitment. A code sent for a commitment with entries
 * is refused by the data function, whatever the form showed.
 */
export const saveCommitmentAction = guardedAction(
  [actionArgs.optionalId, actionArgs.state, actionArgs.form],
  async (
    user,
    commitmentId: number | null,
    _state: unknown,
    form: FormData,
  ): Promise<AdminFormState> => {
    const input = adminInputFromForm(form, COMMITMENT_LISTS);
    const context = await writeContext();
    const result =
      commitmentId === null
        ? createCommitment(user.id, input, context)
        : updateCommitment(user.id, commitmentId, input, context);
    return afterSave(result, input, BASE, commitmentId === null ? 'created' : 'saved');
  },
);

export const archiveCommitmentAction = guardedAction(
  [actionArgs.form],
  async (user, form: FormData) =>
    afterArchive(
      archiveCommitment(user.id, form.get('id'), await writeContext()),
      BASE,
      'archived',
    ),
);

export const restoreCommitmentAction = guardedAction(
  [actionArgs.form],
  async (user, form: FormData) =>
    afterArchive(
      restoreCommitment(user.id, form.get('id'), await writeContext()),
      BASE,
      'restored',
    ),
);
