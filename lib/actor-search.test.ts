import { describe, expect, it } from 'vitest';
import { actorsInLocale, searchFold } from './actor-search';

const brazil = { id: 1, name: 'Brazil', iso3: 'BRA' };
const germany = { id: 2, name: 'Germany', iso3: 'DEU' };
const egypt = { id: 3, name: 'Egypt', iso3: 'EGY' };
const network = { id: 4, name: 'Brésil Migrant Network', iso3: null };
const all = [brazil, germany, egypt, network];

describe('actorsInLocale', () => {
  it('finds a state by its name in the page language, accents and case set aside', () => {
    expect(actorsInLocale([], all, 'brésil', 'fr')).toEqual([brazil]);
    expect(actorsInLocale([], all, 'BRESIL', 'fr')).toEqual([brazil]);
    expect(actorsInLocale([], all, 'Германия', 'ru')).toEqual([germany]);
    expect(actorsInLocale([], all, 'مصر', 'ar')).toEqual([egypt]);
  });

  it('keeps what the stored fields matched, once, beside what the shown name matched', () => {
    expect(actorsInLocale([network, brazil], all, 'brésil', 'fr')).toEqual([brazil, network]);
  });

  it("sorts by the shown name in the locale's order", () => {
    // Allemagne, Brésil, Égypte in French; Brazil, Egypt, Germany in English.
    expect(actorsInLocale([brazil, egypt, germany], all, undefined, 'fr').map((a) => a.id)).toEqual(
      [2, 1, 3],
    );
  });

  it('leaves the database match and order alone in English', () => {
    expect(actorsInLocale([germany, brazil], all, 'brésil', 'en')).toEqual([germany, brazil]);
  });
});

describe('searchFold', () => {
  it('sets case and accents aside', () => {
    expect(searchFold('Côte d’Ivoire', 'fr')).toBe(searchFold('cote d’ivoire', 'fr'));
  });
});
