import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getCurrentUser } from '@/db/current-user';
import { getWorkspaceMode } from '@/db/queries/workspace';
import { SIGNED_IN_HOME, returnPathAfterSignIn } from '@/lib/return-path';
import { SignInForm } from './sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('signIn.title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations('auth');
  const returnTo = returnPathAfterSignIn((await searchParams).next);
  if (await getCurrentUser()) redirect(returnTo);
  return (
    <>
      <h1>{t('signIn.title')}</h1>
      <p className="lead">{t('signIn.intro')}</p>
      {returnTo !== '/' && returnTo !== SIGNED_IN_HOME ? (
        <p className="notice">{t('signIn.continue')}</p>
      ) : null}
      {getWorkspaceMode() === 'demo' ? <p className="notice">{t('signIn.demoHint')}</p> : null}
      <SignInForm returnTo={returnTo} />
      <p className="meta">{t('signIn.noAccount')}</p>
    </>
  );
}
