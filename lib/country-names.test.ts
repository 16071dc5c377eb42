import { describe, expect, it } from 'vitest';
import { actorNameIn, countryName } from './country-names';
import { LOCALES } from './i18n/locales';

describe('countryName', () => {
  it('names France in Arabic, Chinese and Russian', () => {
    expect(countryName('FRA', 'ar')).toBe('فرنسا');
    expect(countryName('FRA', 'zh')).toBe('法国');
    expect(countryName('FRA', 'ru')).toBe('Франция');
  });

  it("names Côte d'Ivoire in French, Spanish and Chinese", () => {
    expect(countryName('CIV', 'fr')).toBe("Côte d'Ivoire");
    expect(countryName('CIV', 'es')).toBe('Costa de Marfil');
    expect(countryName('CIV', 'zh')).toBe('科特迪瓦');
  });

  it('gives the English common name for en, whatever the case of the code', () => {
    expect(countryName('deu', 'en')).toBe('Germany');
  });

  it("spells Mexico in Arabic as it is written, not the package's transposed letters", () => {
    expect(countryName('MEX', 'ar')).toBe('المكسيك');
    expect(countryName('MEX', 'fr')).toBe('Mexique');
  });

  it('knows no name for a code world-countries does not list', () => {
    expect(countryName('XAA', 'fr')).toBeUndefined();
  });
});

describe('actorNameIn', () => {
  it('names a member state in each of the six languages', () => {
    const brazil = { name: 'Brazil', iso3: 'BRA' };
    expect(
      Object.fromEntries(LOCALES.map((locale) => [locale, actorNameIn(brazil, locale)])),
    ).toEqual({
      ar: 'البرازيل',
      en: 'Brazil',
      es: 'Brasil',
      fr: 'Brésil',
      ru: 'Бразилия',
      zh: '巴西',
    });
  });

  const france = { name: 'France', iso3: 'FRA' };

  it("shows a state by its name in the page's language", () => {
    expect(actorNameIn(france, 'es')).toBe('Francia');
  });

  it('keeps the stored name in English, even where an admin edited it', () => {
    expect(actorNameIn({ name: 'French Republic', iso3: 'FRA' }, 'en')).toBe('French Republic');
  });

  it('falls back to the stored name when the code has no translation', () => {
    expect(actorNameIn({ name: 'Republic of Aldoria', iso3: 'XAA' }, 'ru')).toBe(
      'Republic of Aldoria',
    );
  });

  it('keeps the own name of an actor that is not a state', () => {
    const iom = { name: 'International Organization for Migration', iso3: null };
    expect(actorNameIn(iom, 'zh')).toBe('International Organization for Migration');
  });
});
