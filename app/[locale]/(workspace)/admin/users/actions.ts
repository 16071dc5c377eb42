'use server';

import { revalidatePath } from 'next/cache';
import { forbidden } from 'next/navigation';
import { z } from 'zod';
import { AccessDeniedError, createUser, disableUser, enableUser } from '@/db/queries/users';
import { actionArgs, guardedAction } from '@/app/_lib/guard';
import { EMPTY_USER, type CreateUserState } from './form-state';
import { getLocale } from 'next-intl/server';
import { redirect } from '@/lib/i18n/navigation';

/** The data functions decide who may; a refusal there is a 403 here. */
function refusedAs403(error: unknown): never {
  if (error instanceof AccessDeniedError) forbidden();
  throw error;
}

// Form data at the boundary: text fields, anything missing or not text read as empty. What the
// values must be (an e-mail, a known role, an existing actor) is checked by the data function.
const formText = z.preprocess(
  (value) => (typeof value === 'string' ? value : ''),
  z.string().max(1000),
);
const newUserForm = z.object({ email: formText, name: formText, role: formText, actor: formText });
const disableForm = z.object({ userId: z.string().trim().min(1).max(100) });

/** Creates a user with a generated password, shown once in the result and stored only as a hash. */
export const createUserAction = guardedAction(
  [actionArgs.state, actionArgs.form],
  async (user, _state: unknown, form: FormData): Promise<CreateUserState> => {
    const parsed = newUserForm.safeParse(
      Object.fromEntries(
        ['email', 'name', 'role', 'actor'].map((field) => [field, form.get(field)]),
      ),
    );
    const values = parsed.success ? parsed.data : EMPTY_USER;
    const result = await createUser(user.id, values).catch(refusedAs403);
    if (!result.ok) return { values, fieldErrors: result.fieldErrors };
    revalidatePath('/admin/users');
    return {
      values: EMPTY_USER,
      fieldErrors: {},
      created: { name: result.user.name, email: result.user.email, password: result.password },
    };
  },
);

/** Disables a user and ends all their sessions at once; the page then says how many. */
export const disableUserAction = guardedAction(
  [actionArgs.form],
  async (user, form: FormData): Promise<void> => {
    const parsed = disableForm.safeParse({ userId: form.get('userId') });
    if (!parsed.success)
      redirect({ href: '/admin/users?error=invalid', locale: await getLocale() });
    let result: ReturnType<typeof disableUser>;
    try {
      result = disableUser(user.id, parsed.data.userId);
    } catch (error) {
      refusedAs403(error);
    }
    revalidatePath('/admin/users');
    if (!result.ok)
      redirect({ href: `/admin/users?error=${result.reason}`, locale: await getLocale() });
    redirect({
      href: `/admin/users?disabled=${encodeURIComponent(result.user.id)}&ended=${result.sessionsEnded}`,
      locale: await getLocale(),
    });
  },
);

/** Re-enables a disabled user, who may then sign in again; the page says so. */
export const enableUserAction = guardedAction(
  [actionArgs.form],
  async (user, form: FormData): Promise<void> => {
    const parsed = disableForm.safeParse({ userId: form.get('userId') });
    if (!parsed.success)
      redirect({ href: '/admin/users?enableError=notFound', locale: await getLocale() });
    let result: ReturnType<typeof enableUser>;
    try {
      result = enableUser(user.id, parsed.data.userId);
    } catch (error) {
      refusedAs403(error);
    }
    revalidatePath('/admin/users');
    if (!result.ok)
      redirect({
        href: `/admin/users?enableError=${result.reason === 'notDisabled' ? 'notDisabled' : 'notFound'}`,
        locale: await getLocale(),
      });
    redirect({
      href: `/admin/users?enabled=${encodeURIComponent(result.user.id)}`,
      locale: await getLocale(),
    });
  },
);
