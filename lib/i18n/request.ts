import { getRequestConfig } from 'next-intl/server';

/** English only for now; French and Spanish add catalogues beside these and a locale choice. */
export const DEFAULT_LOCALE = 'en';

export default getRequestConfig(async () => {
  const [main, charts, auth] = await Promise.all([
    import(`./messages/${DEFAULT_LOCALE}.json`),
    import(`./messages/charts.${DEFAULT_LOCALE}.json`),
    import(`./messages/auth.${DEFAULT_LOCALE}.json`),
  ]);
  return {
    locale: DEFAULT_LOCALE,
    messages: { ...main.default, charts: charts.default, auth: auth.default },
    timeZone: 'UTC',
  };
});
