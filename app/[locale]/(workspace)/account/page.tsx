import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/app/_lib/guard';
import { PasswordForm } from './password-form';
import { ApiTokens } from './api-tokens';
import { MailSettings } from './mail-settings';
import { Follows } from './follows';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('account.title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AccountPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser('/account');
  const t = await getTranslations('auth');
  const {
    passwordChanged,
    tokenRevoked,
    tokenError,
    mailSaved,
    mailLanguageSaved,
    mailLanguageError,
  } = await searchParams;
  const revokedId =
    typeof tokenRevoked === 'string' && /^\d+$/.test(tokenRevoked)
      ? Number(tokenRevoked)
      : undefined;
  return (
    <>
      <h1>{t('account.title')}</h1>
      {passwordChanged === '1' ? (
        <p className="notice" role="status">
          {t('account.changed')}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t('account.name')}</dt>
        <dd>{user.name}</dd>
        <dt>{t('account.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('account.role')}</dt>
        <dd>{t(`roles.${user.role}`)}</dd>
        <dt>{t('account.actor')}</dt>
        <dd>{user.actorName ?? t('account.noActor')}</dd>
      </dl>
      <Follows userId={user.id} />
      <h2>{t('account.changePassword')}</h2>
      <p>{t('account.changePasswordIntro')}</p>
      <PasswordForm email={user.email} />
      <MailSettings
        userId={user.id}
        email={user.email}
        saved={mailSaved === '1'}
        languageSaved={mailLanguageSaved === '1'}
        languageError={mailLanguageError === 'locale'}
      />
      <ApiTokens
        userId={user.id}
        revokedId={revokedId}
        error={tokenError === 'notFound' ? 'notFound' : undefined}
      />
    </>
  );
}
