import { getRequestConfig } from 'next-intl/server';
import { DEFAULT_LOCALE, loadCatalogue } from './catalogue';

export { DEFAULT_LOCALE } from './catalogue';

/**
 * Server components read the whole catalogue; client components get only their screen's part
 * (lib/i18n/client-namespaces.ts), passed by the root layout and by <ClientMessages>.
 */
export default getRequestConfig(async () => ({
  locale: DEFAULT_LOCALE,
  messages: await loadCatalogue(DEFAULT_LOCALE),
  timeZone: 'UTC',
}));
