import { describe, expect, it } from 'vitest';
import { GCM_OBJECTIVE_TITLES } from './gcm-objective-titles';
import { LOCALES, type InEveryLocale, type Locale } from './i18n/locales';
import { SDG_TARGET_TITLES } from './sdg-target-titles';
import { GCM_OBJECTIVES, SDG_TARGETS } from './taxonomy';

/** A letter of each locale's own script, so a title pasted into the wrong language shows. */
const SCRIPT: Record<Locale, RegExp> = {
  ar: /\p{Script=Arabic}/u,
  en: /^[\p{Script=Latin}\p{P}\p{Zs}\d]+$/u,
  es: /\p{Script=Latin}/u,
  fr: /\p{Script=Latin}/u,
  ru: /\p{Script=Cyrillic}/u,
  zh: /\p{Script=Han}/u,
};

function problems(key: string, title: InEveryLocale | undefined): string[] {
  return LOCALES.flatMap((locale) => {
    const text = title?.[locale];
    if (typeof text !== 'string' || text.trim() === '') return [`${key} ${locale}: missing`];
    if (text !== text.trim()) return [`${key} ${locale}: leading or trailing space`];
    if (!SCRIPT[locale].test(text)) return [`${key} ${locale}: not in the locale's script`];
    if (locale !== 'en' && text === title?.en) return [`${key} ${locale}: still in English`];
    return [];
  });
}

describe('GCM objective titles', () => {
  it('has each of the 23 objectives, and no other', () => {
    expect(Object.keys(GCM_OBJECTIVE_TITLES).map(Number)).toEqual(GCM_OBJECTIVES);
  });

  it('gives every objective a translated title in all six languages', () => {
    const found = GCM_OBJECTIVES.flatMap((number) =>
      problems(`objective ${number}`, GCM_OBJECTIVE_TITLES[number]),
    );
    expect(found).toEqual([]);
  });

  it("uses each language's UN terms for smuggling of migrants and trafficking in persons", () => {
    const smuggling: InEveryLocale = {
      ar: 'تهريب المهاجرين',
      en: 'smuggling of migrants',
      es: 'tráfico ilícito de migrantes',
      fr: 'trafic de migrants',
      ru: 'незаконным ввозом мигрантов',
      zh: '偷运移民',
    };
    const trafficking: InEveryLocale = {
      ar: 'الاتجار بالأشخاص',
      en: 'trafficking in persons',
      es: 'trata de personas',
      fr: 'traite de personnes',
      ru: 'торговли людьми',
      zh: '人口贩运',
    };
    for (const locale of LOCALES) {
      expect(GCM_OBJECTIVE_TITLES[9]?.[locale], locale).toContain(smuggling[locale]);
      expect(GCM_OBJECTIVE_TITLES[10]?.[locale], locale).toContain(trafficking[locale]);
    }
  });
});

describe('SDG target titles', () => {
  it('has each target the report touches, and no other', () => {
    expect(Object.keys(SDG_TARGET_TITLES).sort()).toEqual([...SDG_TARGETS].sort());
  });

  it('gives every target a translated title in all six languages', () => {
    const found = SDG_TARGETS.flatMap((target) =>
      problems(`target ${target}`, SDG_TARGET_TITLES[target]),
    );
    expect(found).toEqual([]);
  });
});
