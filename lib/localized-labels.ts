/**
 * What a page in a locale shows for identifiers the database stores in English: a GCM objective
 * by its number, an SDG target by its code, a state by its stored name. The data layer and the
 * JSON API keep the English; pages look their locale's wording up at render time. Server only in
 * practice (the tables carry every language); client components get the looked-up labels as props.
 */
import { hasLocale } from 'next-intl';
import { actorNameIn } from './country-names';
import { GCM_OBJECTIVE_TITLES } from './gcm-objective-titles';
import { LOCALES, type Locale } from './i18n/locales';
import { regionOptions } from './region-names';
import { SDG_TARGET_TITLES } from './sdg-target-titles';
import type { SdgTarget } from './taxonomy';

/** A locale of the product, or English for anything else (next-intl hands pages a plain string). */
export function asLocale(value: string): Locale {
  return hasLocale(LOCALES, value) ? value : 'en';
}

/** An objective's title in `locale`; `stored` (the database's English) for a number the table lacks. */
export function objectiveTitle(number: number, locale: Locale, stored = ''): string {
  return GCM_OBJECTIVE_TITLES[number]?.[locale] ?? stored;
}

/** An SDG target's short title in `locale`; `stored` for a code the table lacks. */
export function sdgTargetTitle(code: string, locale: Locale, stored = ''): string {
  return SDG_TARGET_TITLES[code as SdgTarget]?.[locale] ?? stored;
}

/** The filter choices' objectives and SDG targets as the database lists them, titled in `locale`. */
export function localizeTitles<
  T extends {
    objectives: { number: number; title: string }[];
    sdgTargets: { code: string; title: string }[];
  },
>(options: T, locale: Locale): T {
  if (locale === 'en') return options;
  return {
    ...options,
    objectives: options.objectives.map((objective) => ({
      ...objective,
      title: objectiveTitle(objective.number, locale, objective.title),
    })),
    sdgTargets: options.sdgTargets.map((target) => ({
      ...target,
      title: sdgTargetTitle(target.code, locale, target.title),
    })),
  };
}

/**
 * The filter choices' regions as select options: the stored English value, labelled in `locale`
 * and in that language's order (lib/region-names.ts).
 */
export function labelRegions<T extends { regions: readonly string[] }>(
  options: T,
  locale: Locale,
): Omit<T, 'regions'> & { regions: { value: string; label: string }[] } {
  return { ...options, regions: regionOptions(options.regions, locale) };
}

/**
 * The names a page in `locale` shows for actors, keyed by their stored name: only those that
 * differ from it (states with a translation). Stored names are unique in a workspace (the admin
 * forms and the seed refuse a second actor of the same name), so a name is as good a key as an id
 * for DTOs that carry only the name.
 */
export function actorNamesIn(
  actors: readonly { name: string; iso3: string | null }[],
  locale: Locale,
): Record<string, string> {
  const names: Record<string, string> = {};
  if (locale === 'en') return names;
  for (const actor of actors) {
    const name = actorNameIn(actor, locale);
    if (name !== actor.name) names[actor.name] = name;
  }
  return names;
}
