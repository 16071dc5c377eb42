import { getLocale, getTranslations } from 'next-intl/server';
import { mailChoicesOf } from '@/db/queries/outbox-settings';
import { mailLanguageOf } from '@/db/queries/mail-language';
import { languageSelfName, MENU_ORDER } from '@/lib/i18n/locales';
import { DEFAULT_LOCALE } from '@/lib/i18n/catalogue';
import { MAIL_KINDS } from '@/lib/mail';
import { saveMailLanguageAction, saveMailSettingsAction } from './mail-actions';

/**
 * Which e-mails the user receives, one checkbox a kind, and the language they are written in
 * (README, E-mail). Two forms, each working without JavaScript.
 */
export async function MailSettings({
  userId,
  email,
  saved,
  languageSaved,
  languageError,
}: {
  userId: string;
  email: string;
  saved: boolean;
  languageSaved: boolean;
  languageError: boolean;
}) {
  const t = await getTranslations('mail');
  const choices = mailChoicesOf(userId);
  // No stored language means English, so the list shows what the e-mails are written in today.
  const language = mailLanguageOf(userId) ?? DEFAULT_LOCALE;
  const languageName = new Intl.DisplayNames([await getLocale()], { type: 'language' });
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
      {languageSaved ? (
        <p className="notice" role="status">
          {t('settings.languageSaved', { language: languageName.of(language) ?? language })}
        </p>
      ) : null}
      <form action={saveMailLanguageAction}>
        <div className="form-field">
          <label htmlFor="email-language">{t('settings.languageLabel')}</label>
          <p id="email-language-hint" className="meta">
            {t('settings.languageHint')}
          </p>
          {languageError ? (
            <p id="email-language-error" className="field-error" role="alert">
              {t('settings.languageInvalid')}
            </p>
          ) : null}
          <select
            id="email-language"
            name="locale"
            defaultValue={language}
            aria-invalid={languageError ? true : undefined}
            aria-describedby={
              languageError ? 'email-language-hint email-language-error' : 'email-language-hint'
            }
          >
            {MENU_ORDER.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {languageSelfName(locale)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('settings.languageSave')}
        </button>
      </form>
    </section>
  );
}
