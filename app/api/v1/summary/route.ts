import { getTranslations } from 'next-intl/server';
import { getSummary } from '@/db/queries/summary';
import { SUMMARY_PARAMETERS } from '@/lib/query-params';
import { summarySchema } from '@/lib/summary-schema';
import { DEFAULT_LOCALE } from '@/lib/i18n/request';
import type { Theme } from '@/lib/taxonomy';
import { cachedRead, invalidParameters, methodsNotAllowed, parseRequestQuery } from '../_lib/respond';

/** Headline figures and status by actor, theme, objective and over time, for one dashboard view. */
export async function GET(request: Request) {
  const query = parseRequestQuery(request, SUMMARY_PARAMETERS);
  if (!query.ok) return invalidParameters(query.errors);
  const t = await getTranslations({ locale: DEFAULT_LOCALE, namespace: 'theme' });
  return cachedRead(request, summarySchema, () => getSummary(query.value, { theme: (theme: Theme) => t(theme) }));
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
