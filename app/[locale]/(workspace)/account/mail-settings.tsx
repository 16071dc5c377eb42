import { getTranslations } from 'next-intl/server';
import { mailChoicesOf } from '@/db/queries/outbox-settings';
import { MAIL_KINDS } from '@/lib/mail';
import { saveMailSettingsAction } from './mail-actions';

/** Which e-mails the user receives, one checkbox a kind (README, E-mail). */
export async function MailSettings({
  userId,
  email,
  saved,
}: {
  userId: string;
  email: string;
  saved: boolean;
}) {
  const t = await getTranslations('mail');
  const choices = mailChoicesOf(userId);
  return (
    <section aria-labelledby="email">
      <h2 id="email">{t('settings.title')}</h2>
      <p>{t('settings.intro', { email })}</p>
      {saved ? (
        <p className="notice" role="status">
          {t('settings.saved')}
        </p>
      ) : null}
      <form action={saveMailSettingsAction}>
        <fieldset className="form-field">
          <legend>{t('settings.legend')}</legend>
          {MAIL_KINDS.map((kind) => (
            <input key={`shown-${kind}`} type="hidden" name="shown" value={kind} />
          ))}
          {MAIL_KINDS.map((kind) => (
            <label key={kind} className="choice">
              <input type="checkbox" name="kind" value={kind} defaultChecked={choices[kind]} />{' '}
              {t(`kinds.${kind}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button">
          {t('settings.save')}
        </button>
      </form>
    </section>
  );
}
