'use server';

import { z } from 'zod';
import {
  archiveCommitment,
  createCommitment,
  restoreCommitment,
  updateCommitment,
} from '@/db/queries/admin-commitments';
import { saveCommitmentTranslation } from '@/db/queries/commitment-translations';
import { adminInputFromForm } from '@/lib/admin-input';
import { actionArgs, guardedAction } from '@/app/_lib/guard';
import {
  afterArchive,
  afterSave,
  afterTranslate,
  writeContext,
} from '../_components/action-outcome';
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

/**
 * Adds a translation of a commitment's title and text, or a new version of it, in the language
 * the form is for. The language travels as a bound argument, so the data function checks it like
 * any field: an unknown language or the source's own is refused by name, and nothing is written.
 */
export const saveTranslationAction = guardedAction(
  [actionArgs.id, z.string().max(20), actionArgs.state, actionArgs.form],
  async (
    user,
    commitmentId: number,
    locale: string,
    _state: unknown,
    form: FormData,
  ): Promise<AdminFormState> => {
    const input = { ...adminInputFromForm(form), locale };
    const result = saveCommitmentTranslation(user.id, commitmentId, input, await writeContext());
    return afterTranslate(result, input, `${BASE}/${commitmentId}`, locale);
  },
);
