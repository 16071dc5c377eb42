/** The default locale, served unprefixed (lib/i18n/routing.ts); the others are in ./locales.ts. */
export const DEFAULT_LOCALE = 'en';

/**
 * Catalogues besides the main one, each under its own key (`charts.en.json` -> `t('charts.…')`),
 * so screens that are worked on at the same time never edit the same file.
 */
export const NAMESPACES = [
  'charts',
  'auth',
  'admin',
  'present',
  'data',
  'api',
  'errors',
  'mail',
] as const;

/** Every message of a locale: the main catalogue with each namespaced one under its key. */
export async function loadCatalogue(
  locale: string = DEFAULT_LOCALE,
): Promise<Record<string, unknown>> {
  const [main, ...namespaced] = await Promise.all([
    import(`./messages/${locale}.json`),
    ...NAMESPACES.map((namespace) => import(`./messages/${namespace}.${locale}.json`)),
  ]);
  const messages: Record<string, unknown> = { ...main.default };
  NAMESPACES.forEach((namespace, index) => {
    messages[namespace] = namespaced[index].default;
  });
  return messages;
}
