import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { getCurrentUser } from '@/db/current-user';
import { getWorkspaceMode } from '@/db/queries/workspace';
import { getPathname } from '@/lib/i18n/navigation';
import { FALLBACK_RETURN_PATH, SIGNED_IN_HOME, returnPathAfterSignIn } from '@/lib/return-path';
import { SignInForm } from './sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('signIn.title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations('auth');
  const locale = await getLocale();
  const inLocale = (href: string) => getPathname({ href, locale });
  // `next` is a whole path of this site, its locale prefix included; the defaults are in this page's locale.
  const returnTo = returnPathAfterSignIn((await searchParams).next, undefined, inLocale);
  if (await getCurrentUser()) redirect(returnTo);
  return (
    <>
      <h1>{t('signIn.title')}</h1>
      <p className="lead">{t('signIn.intro')}</p>
      {returnTo !== inLocale(FALLBACK_RETURN_PATH) && returnTo !== inLocale(SIGNED_IN_HOME) ? (
        <p className="notice">{t('signIn.continue')}</p>
      ) : null}
      {getWorkspaceMode() === 'demo' ? <p className="notice">{t('signIn.demoHint')}</p> : null}
      <SignInForm returnTo={returnTo} />
      <p className="meta">{t('signIn.noAccount')}</p>
    </>
  );
}
