import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { AccountMenu } from './_components/account-menu';
import { DemoNotice } from './_components/demo-notice';
import { HydrationMark } from './_components/hydration-mark';
import { NavLinks } from './_components/nav-links';
import { QueryProvider } from './_components/query-provider';
import { ChartSourceProvider } from './_components/charts/chart-source';
import { getCurrentUser } from '@/db/current-user';
import { getWorkspaceMode } from '@/db/queries/workspace';
import { countAwaitingReview } from '@/db/queries/workspace-home';
import { ClientMessages } from '@/lib/i18n/client-messages';
import './globals.css';

// Every page reads the live database at request time; nothing is prerendered at build.
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return {
    title: { default: t('name'), template: `%s · ${t('name')}` },
    description: t('tagline'),
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations('app');
  const tApi = await getTranslations('api');
  const demo = getWorkspaceMode() === 'demo';
  // One count per page for a focal point, no query at all for anyone else.
  const user = await getCurrentUser();
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        {/* Client components get only the messages they read: each screen adds its own (lib/i18n/client-namespaces.ts). */}
        <ClientMessages screen="root">
          <header className="site-header">
            <div className="inner">
              <Link className="brand" href="/">
                {t('name')}
                <small>{t('tagline')}</small>
              </Link>
              <nav className="site-nav" aria-label={t('primaryNav')}>
                <NavLinks
                  links={[
                    { href: '/', label: t('nav.overview') },
                    { href: '/commitments', label: t('nav.commitments') },
                    { href: '/actors', label: t('nav.actors') },
                    { href: '/changes', label: t('nav.changes') },
                  ]}
                />
              </nav>
              <AccountMenu user={user} waiting={user && countAwaitingReview(user)} />
            </div>
          </header>
          {demo && <DemoNotice />}
          <main id="main" tabIndex={-1}>
            <div className="inner">
              <ChartSourceProvider demo={demo}>
                <QueryProvider>{children}</QueryProvider>
              </ChartSourceProvider>
            </div>
          </main>
          <footer className="site-footer">
            <div className="inner">
              {t('footer')} <a href="/api-docs">{tApi('footer.api')}</a> ·{' '}
              <Link href="/rounds">{t('nav.rounds')}</Link>
            </div>
          </footer>
        </ClientMessages>
        <HydrationMark />
      </body>
    </html>
  );
}
