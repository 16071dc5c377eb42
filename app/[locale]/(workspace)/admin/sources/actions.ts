'use server';

import {
  archiveSource,
  createSource,
  restoreSource,
  updateSource,
} from '@/db/queries/admin-sources';
import { adminInputFromForm } from '@/lib/admin-input';
import { actionArgs, guardedAction } from '@/app/_lib/guard';
import { afterArchive, afterSave, writeContext } from '../_components/action-outcome';
import type { AdminFormState } from '../_components/form-state';

const BASE = '/admin/sources';

/** Creates (sourceId null) or changes a source document; the data function authorizes and validates. */
export const saveSourceAction = guardedAction(
  [actionArgs.optionalId, actionArgs.state, actionArgs.form],
  async (
    user,
    sourceId: number | null,
    _state: unknown,
    form: FormData,
  ): Promise<AdminFormState> => {
    const input = adminInputFromForm(form);
    const context = await writeContext();
    const result =
      sourceId === null
        ? createSource(user.id, input, context)
        : updateSource(user.id, sourceId, input, context);
    return afterSave(result, input, BASE, sourceId === null ? 'created' : 'saved');
  },
);

export const archiveSourceAction = guardedAction([actionArgs.form], async (user, form: FormData) =>
  afterArchive(archiveSource(user.id, form.get('id'), await writeContext()), BASE, 'archived'),
);

export const restoreSourceAction = guardedAction([actionArgs.form], async (user, form: FormData) =>
  afterArchive(restoreSource(user.id, form.get('id'), await writeContext()), BASE, 'restored'),
);
