import { hasLocale } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { loadCatalogue } from './catalogue';
import { routing } from './routing';

export { DEFAULT_LOCALE } from './catalogue';

/**
 * The request's locale is the page's (app/[locale], from the URL or, for English, proxy.ts);
 * anything else (a route outside a locale) is English. Server components read the whole
 * catalogue; client components get only their screen's part (lib/i18n/client-namespaces.ts),
 * passed by the root layout and by <ClientMessages>.
 */
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return { locale, messages: await loadCatalogue(locale), timeZone: 'UTC' };
});
