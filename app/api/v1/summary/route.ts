import { getTranslations } from 'next-intl/server';
import { roundParameterErrors } from '@/db/queries/round-scope';
import { getSummary } from '@/db/queries/summary';
import { SUMMARY_PARAMETERS } from '@/lib/query-params';
import { summarySchema } from '@/lib/summary-schema';
import { DEFAULT_LOCALE } from '@/lib/i18n/request';
import { THEMES, type Theme } from '@/lib/taxonomy';
import {
  cachedRead,
  invalidParameters,
  methodsNotAllowed,
  parseRequestQuery,
} from '../_lib/respond';

/** Headline figures and status by actor, theme, objective and over time, for one dashboard view. */
export async function GET(request: Request) {
  const query = parseRequestQuery(request, SUMMARY_PARAMETERS);
  if (!query.ok) return invalidParameters(query.errors);
  const roundErrors = roundParameterErrors(query.value.round);
  if (roundErrors.length > 0) return invalidParameters(roundErrors);
  const theme = await themeNames();
  return cachedRead(request, summarySchema, () => getSummary(query.value, { theme }));
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);

/**
 * The themes' names, read from the catalogue once per process: the catalogue does not change while
 * it runs, and getTranslations loads it and builds a translator on every call, which a request
 * answered 304 would otherwise pay. A failed read is not kept.
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
