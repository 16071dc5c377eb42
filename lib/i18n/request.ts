import { getRequestConfig } from 'next-intl/server';

/** English only for now; French and Spanish add a catalogue beside en.json and a locale choice. */
export const DEFAULT_LOCALE = 'en';

export default getRequestConfig(async () => ({
  locale: DEFAULT_LOCALE,
  messages: (await import(`./messages/${DEFAULT_LOCALE}.json`)).default,
  timeZone: 'UTC',
}));
