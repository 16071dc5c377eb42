'use server';

import { archiveActor, createActor, restoreActor, updateActor } from '@/db/queries/admin-actors';
import { adminInputFromForm } from '@/lib/admin-input';
import { actionArgs, guardedAction } from '@/app/_lib/guard';
import { afterArchive, afterSave, writeContext } from '../_components/action-outcome';
import type { AdminFormState } from '../_components/form-state';

const BASE = '/admin/actors';

/** Creates (actorId null) or changes an actor; the data function authorizes and validates. */
export const saveActorAction = guardedAction(
  [actionArgs.optionalId, actionArgs.state, actionArgs.form],
  async (
    user,
    actorId: number | null,
    _state: unknown,
    form: FormData,
  ): Promise<AdminFormState> => {
    const input = adminInputFromForm(form);
    const context = await writeContext();
    const result =
      actorId === null
        ? createActor(user.id, input, context)
        : updateActor(user.id, actorId, input, context);
    return afterSave(result, input, BASE, actorId === null ? 'created' : 'saved');
  },
);

export const archiveActorAction = guardedAction([actionArgs.form], async (user, form: FormData) =>
  afterArchive(archiveActor(user.id, form.get('id'), await writeContext()), BASE, 'archived'),
);

export const restoreActorAction = guardedAction([actionArgs.form], async (user, form: FormData) =>
  afterArchive(restoreActor(user.id, form.get('id'), await writeContext()), BASE, 'restored'),
);
