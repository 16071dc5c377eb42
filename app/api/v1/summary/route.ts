import { getTranslations } from 'next-intl/server';
import { getSummary } from '@/db/queries/summary';
import { SUMMARY_PARAMETERS } from '@/lib/query-params';
import { summarySchema } from '@/lib/summary-schema';
import { DEFAULT_LOCALE } from '@/lib/i18n/request';
import { THEMES, type Theme } from '@/lib/taxonomy';
import { serveDirectly } from '@/lib/server/registry';
import { cachedRead, invalidParameters, parseRequestQuery, readOnlyRoute } from '../_lib/respond';

/**
 * Headline figures and status by actor, theme, objective and over time, for one dashboard view.
 * Served without the proxy (proxy.ts config.matcher): readOnlyRoute puts its headers on. Once
 * Next.js has loaded this module, the production server's front door sends GETs here directly
 * (lib/server/direct-routes.ts).
 */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = readOnlyRoute(async (request: Request) => {
  const query = parseRequestQuery(request, SUMMARY_PARAMETERS);
  if (!query.ok) return invalidParameters(query.errors);
  const theme = await themeNames();
  return cachedRead(request, summarySchema, () => getSummary(query.value, { theme }));
});

serveDirectly('/api/v1/summary', GET);

/**
 * The themes' names, read from the catalogue once per process: the catalogue does not change while
 * it runs, and getTranslations loads it and builds a translator on every call (~0.2 ms of a request
 * answered 304). A failed read is not kept.
 */
let names: Promise<(theme: Theme) => string> | undefined;

function themeNames(): Promise<(theme: Theme) => string> {
  names ??= getTranslations({ locale: DEFAULT_LOCALE, namespace: 'theme' }).then(
    (t) => {
      const byTheme = new Map(THEMES.map((theme) => [theme, t(theme)]));
      return (theme: Theme) => byTheme.get(theme) ?? t(theme);
    },
    (error: unknown) => {
      names = undefined;
      throw error;
    },
  );
  return names;
}
