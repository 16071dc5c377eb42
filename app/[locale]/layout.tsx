import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { AccountMenu } from '@/app/_components/account-menu';
import { DemoNotice } from '@/app/_components/demo-notice';
import { HydrationMark } from '@/app/_components/hydration-mark';
import { LanguageSwitcher } from '@/app/_components/language-switcher';
import { NavLinks } from '@/app/_components/nav-links';
import { QueryProvider } from '@/app/_components/query-provider';
import { ChartSourceProvider } from '@/app/_components/charts/chart-source';
import { getCurrentUser } from '@/db/current-user';
import { getWorkspaceMode } from '@/db/queries/workspace';
import { countAwaitingReview } from '@/db/queries/workspace-home';
import { ClientMessages } from '@/lib/i18n/client-messages';
import { textDirection } from '@/lib/i18n/locales';
import { Link } from '@/lib/i18n/navigation';
import { routing } from '@/lib/i18n/routing';
import '../globals.css';

// Every page reads the live database at request time; nothing is prerendered at build.
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return {
    title: { default: t('name'), template: `%s · ${t('name')}` },
    description: t('tagline'),
  };
}

/** The root layout of every page: the locale comes from the URL (proxy.ts adds it for English). */
export default async function LocaleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  // `/xx/…` with an unknown locale (or a path that never passed the proxy) is no page.
  if (!hasLocale(routing.locales, locale)) notFound();
  const t = await getTranslations('app');
  const tApi = await getTranslations('api');
  const demo = getWorkspaceMode() === 'demo';
  // One count per page for a focal point, no query at all for anyone else.
  const user = await getCurrentUser();
  return (
    <html lang={locale} dir={textDirection(locale)}>
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
              <LanguageSwitcher label={t('languageNav')} />
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
              {t('footer')} <Link href="/api-docs">{tApi('footer.api')}</Link> ·{' '}
              <Link href="/rounds">{t('nav.rounds')}</Link>
            </div>
          </footer>
        </ClientMessages>
        <HydrationMark />
      </body>
    </html>
  );
}
