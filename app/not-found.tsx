import { getTranslations } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import './globals.css';

/**
 * A 404 outside any locale (e.g. `/api/nothing-here`, which the proxy leaves alone): no locale
 * layout wraps it, so it renders the whole document, in the default language.
 */
export default async function RootNotFound() {
  const locale = routing.defaultLocale;
  const t = await getTranslations({ locale, namespace: 'common' });
  return (
    <html lang={locale}>
      <body>
        <main id="main">
          <div className="inner">
            <h1>{t('notFoundTitle')}</h1>
            <p>{t('notFoundBody')}</p>
            <p>
              {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- no locale's router here: a full page load */}
              <a href="/">{t('backHome')}</a>
            </p>
          </div>
        </main>
      </body>
    </html>
  );
}
