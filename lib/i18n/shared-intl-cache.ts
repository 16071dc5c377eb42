/**
 * next-intl's useTranslations and useFormatter for client components, with one cache of parsed
 * messages and Intl formatters for the whole process instead of one per render. next-intl keeps
 * them in its provider, which the server creates anew for every request: each request parsed every
 * ICU message it formatted with values and built every Intl.NumberFormat and DateTimeFormat it
 * used again (~13% of the CPU time of an overview page at 1,000,000 entries, measured in a CPU
 * profile of the production server). The cached parses are keyed by locale, message text and
 * formats (use-intl's own keys), so they hold only what the catalogue and the code can ask for.
 *
 * Same messages, locale and time zone as the provider's; the app configures no custom formats,
 * onError or getMessageFallback (lib/i18n/request.ts), so use-intl's defaults apply as they did.
 * Drop-in: `import { useFormatter, useTranslations } from '@/lib/i18n/shared-intl-cache'`.
 */
import {
  _createCache,
  _createIntlFormatters,
  createFormatter,
  createTranslator,
  useLocale,
  useMessages,
  useTimeZone,
  type useFormatter as useIntlFormatter,
  type useTranslations as useIntlTranslations,
} from 'next-intl';
import { useMemo } from 'react';

const cache = _createCache();
const formatters = _createIntlFormatters(cache);

export const useTranslations = ((namespace?: string) => {
  const locale = useLocale();
  const messages = useMessages();
  const timeZone = useTimeZone();
  return useMemo(() => createTranslator({ locale, messages, namespace, timeZone, _cache: cache, _formatters: formatters }), [locale, messages, namespace, timeZone]);
}) as typeof useIntlTranslations;

export const useFormatter = (() => {
  const locale = useLocale();
  const timeZone = useTimeZone();
  return useMemo(() => createFormatter({ locale, timeZone, _cache: cache, _formatters: formatters }), [locale, timeZone]);
}) as typeof useIntlFormatter;
