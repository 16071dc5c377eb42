/**
 * What an admin (screen or CLI) may send to create a user. Messages are keys of the `auth.errors`
 * catalogue (lib/i18n/messages/auth.en.json), so the screen and the CLI say the same thing.
 */
import { z } from 'zod';
import { ROLES, type Role } from './taxonomy';
import { hasNoBidiControls, isWellFormedText } from './text-integrity';

export const USER_FIELDS = ['email', 'name', 'role', 'actor'] as const;
export type UserField = (typeof USER_FIELDS)[number];

export type UserFieldErrorCode =
  | 'emailInvalid'
  | 'emailTaken'
  | 'nameRequired'
  | 'nameTooLong'
  | 'nameInvalid'
  | 'roleInvalid'
  | 'actorRequired'
  | 'actorNotAllowed'
  | 'actorInvalid'
  | 'actorUnknown';

export type UserFieldErrors = Partial<Record<UserField, UserFieldErrorCode>>;

/** An actor by its id (`12`) or, for a state, its ISO 3166-1 alpha-3 code (`FRA`). */
export type ActorReference = { id: number } | { iso3: string };

const actorReference = z
  .string()
  .trim()
  .transform((value, ctx): ActorReference | undefined => {
    if (value === '') return undefined;
    if (/^\d{1,12}$/.test(value) && Number(value) > 0) return { id: Number(value) };
    if (/^[A-Za-z]{3}$/.test(value)) return { iso3: value.toUpperCase() };
    ctx.addIssue({ code: 'custom', message: 'actorInvalid' });
    return z.NEVER;
  });

export const newUserSchema = z
  .object({
    email: z
      .string({ error: 'emailInvalid' })
      .trim()
      .toLowerCase()
      .max(254, 'emailInvalid')
      .pipe(z.email({ error: 'emailInvalid' })),
    name: z
      .string({ error: 'nameRequired' })
      .trim()
      .min(1, 'nameRequired')
      .max(200, 'nameTooLong')
      // One line of printable, well-formed text: a name is shown beside other text everywhere.
      .refine(
        (name) =>
          !/[\u0000-\u001F\u007F]/.test(name) && isWellFormedText(name) && hasNoBidiControls(name),
        'nameInvalid',
      ),
    role: z.enum(ROLES, { error: 'roleInvalid' }),
    actor: actorReference.optional(),
  })
  .superRefine((user, ctx) => {
    // An admin is the secretariat, of no actor; every other role speaks for exactly one actor.
    if (user.role === 'admin' && user.actor)
      ctx.addIssue({ code: 'custom', path: ['actor'], message: 'actorNotAllowed' });
    if (user.role !== 'admin' && !user.actor)
      ctx.addIssue({ code: 'custom', path: ['actor'], message: 'actorRequired' });
  });

export type NewUserInput = z.input<typeof newUserSchema>;
export type NewUser = z.output<typeof newUserSchema> & { role: Role };

/** The first problem of each field, as catalogue keys. Unknown fields are reported on the form as a whole. */
export function userFieldErrors(error: z.ZodError): UserFieldErrors {
  const errors: UserFieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && (USER_FIELDS as readonly string[]).includes(field)) {
      errors[field as UserField] ??= issue.message as UserFieldErrorCode;
    }
  }
  return errors;
}
