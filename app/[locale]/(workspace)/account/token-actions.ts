'use server';

import { revalidatePath } from 'next/cache';
import { issueApiToken, revokeApiToken } from '@/db/queries/api-tokens';
import { actionArgs, guardedAction } from '@/app/_lib/guard';
import type { TokenState } from './token-state';
import { getLocale } from 'next-intl/server';
import { redirect } from '@/lib/i18n/navigation';

const NAME_ERRORS: Record<string, TokenState['error']> = {
  'is required': 'nameRequired',
  'must be text': 'nameRequired',
  'must be at most 100 characters': 'nameTooLong',
  'must not contain control characters': 'nameInvalid',
};

/** Issues a token for the signed-in user; the form shows it once and it is never shown again. */
export const createApiTokenAction = guardedAction(
  [actionArgs.state, actionArgs.form],
  async (user, _state: unknown, form: FormData): Promise<TokenState> => {
    const result = issueApiToken(user.id, form.get('name') ?? '');
    if (!result.ok)
      return {
        error:
          result.status === 400
            ? (NAME_ERRORS[result.fieldErrors?.name ?? ''] ?? 'nameInvalid')
            : 'forbidden',
      };
    revalidatePath('/account');
    return { created: { name: String(form.get('name')).trim(), token: result.token } };
  },
);

/** Revokes one of the signed-in user's tokens, for good. */
export const revokeApiTokenAction = guardedAction(
  [actionArgs.form],
  async (user, form: FormData): Promise<void> => {
    const tokenId = form.get('tokenId');
    const result = revokeApiToken(user.id, tokenId);
    redirect({
      href: result.ok
        ? `/account?tokenRevoked=${result.id}#api-tokens`
        : '/account?tokenError=notFound#api-tokens',
      locale: await getLocale(),
    });
  },
);
