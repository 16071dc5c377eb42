import { DEFAULT_LOCALE } from '@/lib/i18n/catalogue';
import { LOCALES, type Locale } from '@/lib/i18n/locales';

/** The error catalogue (`errors.<locale>.json`), as its JSON module gives it. */
export type ErrorMessages = Record<string, unknown>;

/**
 * One loader per locale, each naming its file outright: the bundler makes one chunk of each, so
 * the last-resort error page, which has no next-intl provider, fetches only its page's language.
 */
const LOADERS: Record<Locale, () => Promise<{ default: ErrorMessages }>> = {
  ar: () => import('@/lib/i18n/messages/errors.ar.json'),
  en: () => import('@/lib/i18n/messages/errors.en.json'),
  es: () => import('@/lib/i18n/messages/errors.es.json'),
  fr: () => import('@/lib/i18n/messages/errors.fr.json'),
  ru: () => import('@/lib/i18n/messages/errors.ru.json'),
  zh: () => import('@/lib/i18n/messages/errors.zh.json'),
};

/**
 * The locale of a page's path, as the locale routing puts it there (docs/architecture.md,
 * Locales): the first segment when it is one, else English, which is unprefixed.
 */
export function localeOfPath(pathname: string | null | undefined): Locale {
  const first = pathname?.split('/')[1] ?? '';
  return (LOCALES as readonly string[]).includes(first) ? (first as Locale) : DEFAULT_LOCALE;
}

const loaded = new Map<Locale, ErrorMessages>();
const loading = new Map<Locale, Promise<ErrorMessages>>();

/** A locale's error messages once they have arrived, for a render that must not wait; else undefined. */
export function loadedErrorMessages(locale: Locale): ErrorMessages | undefined {
  return loaded.get(locale);
}

/** Fetches a locale's error messages once, however many renders ask (React's `use` needs the same promise). */
export function loadErrorMessages(locale: Locale): Promise<ErrorMessages> {
  let promise = loading.get(locale);
  if (!promise) {
    promise = LOADERS[locale]().then(({ default: messages }) => {
      loaded.set(locale, messages);
      return messages;
    });
    loading.set(locale, promise);
  }
  return promise;
}
