import { getRequestConfig } from 'next-intl/server';

/** English only for now; French and Spanish add catalogues beside these and a locale choice. */
export const DEFAULT_LOCALE = 'en';

/**
 * Catalogues besides the main one, each under its own key (`charts.en.json` -> `t('charts.…')`),
 * so screens that are worked on at the same time never edit the same file.
 */
const NAMESPACES = ['charts', 'auth', 'admin', 'present', 'data', 'api', 'errors'] as const;

export default getRequestConfig(async () => {
  const [main, ...namespaced] = await Promise.all([
    import(`./messages/${DEFAULT_LOCALE}.json`),
    ...NAMESPACES.map((namespace) => import(`./messages/${namespace}.${DEFAULT_LOCALE}.json`)),
  ]);
  const messages: Record<string, unknown> = { ...main.default };
  NAMESPACES.forEach((namespace, index) => {
    messages[namespace] = namespaced[index].default;
  });
  return { locale: DEFAULT_LOCALE, messages, timeZone: 'UTC' };
});
