'use server';

import { headers } from 'next/headers';
import { forbidden } from 'next/navigation';
import { updateMailChoices } from '@/db/queries/outbox-settings';
import { setMailLanguage } from '@/db/queries/mail-language';
import { MAIL_KINDS } from '@/lib/mail';
import { actionArgs, guardedAction } from '@/app/_lib/guard';
import { REQUEST_ID_HEADER } from '@/lib/request-id';
import { getLocale } from 'next-intl/server';
import { redirect } from '@/lib/i18n/navigation';

/**
 * Saves which e-mails the signed-in user receives: the kinds ticked, every other one off. The form
 * names every kind it shows (`shown`), so a post without them (a forged or truncated form) is not
 * read as "all unticked" and changes nothing.
 */
export const saveMailSettingsAction = guardedAction(
  [actionArgs.form],
  async (user, form: FormData): Promise<void> => {
    const shown = form.getAll('shown');
    if (!MAIL_KINDS.every((kind) => shown.includes(kind)))
      redirect({ href: '/account#email', locale: await getLocale() });
    const requestId = (await headers()).get(REQUEST_ID_HEADER);
    const result = updateMailChoices(user.id, form.getAll('kind'), { requestId });
    if (!result.ok && result.status === 403) forbidden();
    redirect({
      href: result.ok ? '/account?mailSaved=1#email' : '/account#email',
      locale: await getLocale(),
    });
  },
);

/**
 * Sets the language of the signed-in user's e-mails (their own only: db/authz.ts). A value that
 * is no language of the app changes nothing, and the page says so beside the field it names.
 */
export const saveMailLanguageAction = guardedAction(
  [actionArgs.form],
  async (user, form: FormData): Promise<void> => {
    const requestId = (await headers()).get(REQUEST_ID_HEADER);
    const result = setMailLanguage(user.id, user.id, form.get('locale'), { requestId });
    if (!result.ok && result.status === 403) forbidden();
    redirect({
      href: result.ok
        ? '/account?mailLanguageSaved=1#email-language'
        : `/account?mailLanguageError=${result.field}#email-language`,
      locale: await getLocale(),
    });
  },
);
