import countries from 'world-countries';
import type { Locale } from './i18n/locales';

/** world-countries keys its translations by ISO 639-3 language code. */
const TRANSLATION_KEYS: Record<Exclude<Locale, 'en'>, string> = {
  ar: 'ara',
  es: 'spa',
  fr: 'fra',
  ru: 'rus',
  zh: 'zho',
};

/**
 * Corrections of the package's spelling, by ISO3 and locale, until they reach it upstream: the
 * Arabic common name of Mexico is transposed there (المسكيك).
 */
const CORRECTIONS: Partial<Record<string, Partial<Record<Locale, string>>>> = {
  MEX: { ar: 'المكسيك' },
};

// Built on first use: the package is a table of every country, read once per process.
let byIso3: Map<string, (typeof countries)[number]> | null = null;

/**
 * The common name of a country in a locale, from world-countries (the package the member states
 * are seeded from), or undefined when the code or its translation is unknown.
 */
export function countryName(iso3: string, locale: Locale): string | undefined {
  byIso3 ??= new Map(countries.map((country) => [country.cca3, country]));
  const country = byIso3.get(iso3.toUpperCase());
  if (!country) return undefined;
  if (locale === 'en') return country.name.common;
  const corrected = CORRECTIONS[country.cca3]?.[locale];
  if (corrected) return corrected;
  return country.translations[TRANSLATION_KEYS[locale]]?.common;
}

/**
 * An actor's name as a page in `locale` shows it: a state by its name in that language; in
 * English, a state without a known translation and any other actor by its own stored name.
 */
export function actorNameIn(actor: { name: string; iso3: string | null }, locale: Locale): string {
  if (locale === 'en' || !actor.iso3) return actor.name;
  return countryName(actor.iso3, locale) ?? actor.name;
}
