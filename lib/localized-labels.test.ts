import { describe, expect, it } from 'vitest';
import {
  actorNamesIn,
  asLocale,
  labelRegions,
  localizeTitles,
  objectiveTitle,
  sdgTargetTitle,
} from './localized-labels';

describe('objectiveTitle', () => {
  it("gives objective 10's title in the UN's words of each language", () => {
    expect(objectiveTitle(10, 'es')).toContain('trata de personas');
    expect(objectiveTitle(10, 'fr')).toContain('traite de personnes');
    expect(objectiveTitle(10, 'en')).toContain('trafficking in persons');
  });

  it('keeps the stored title of an objective the table does not know', () => {
    expect(objectiveTitle(24, 'ar', 'Stored title')).toBe('Stored title');
  });
});

describe('sdgTargetTitle', () => {
  it("gives target 8.7's short title in Chinese", () => {
    expect(sdgTargetTitle('8.7', 'zh')).toContain('人口贩运');
  });

  it('keeps the stored title of a target the table does not know', () => {
    expect(sdgTargetTitle('1.1', 'ru', 'End poverty')).toBe('End poverty');
  });
});

describe('localizeTitles', () => {
  const options = {
    objectives: [{ number: 9, title: 'stored 9' }],
    sdgTargets: [{ code: '16.2', title: 'stored 16.2' }],
    regions: ['Africa'],
  };

  it("titles the filter choices in the page's language and leaves the rest as it is", () => {
    const french = localizeTitles(options, 'fr');
    expect(french.objectives[0]).toEqual({ number: 9, title: objectiveTitle(9, 'fr') });
    expect(french.sdgTargets[0]).toEqual({ code: '16.2', title: sdgTargetTitle('16.2', 'fr') });
    expect(french.regions).toEqual(['Africa']);
  });

  it('shows in English what the database stores', () => {
    expect(localizeTitles(options, 'en')).toBe(options);
  });
});

describe('labelRegions', () => {
  it('keeps the stored regions as values and labels them in the locale, in its order', () => {
    const options = { rounds: [], regions: ['Europe', 'Africa', 'Asia'] };
    expect(labelRegions(options, 'fr')).toEqual({
      rounds: [],
      regions: [
        { value: 'Africa', label: 'Afrique' },
        { value: 'Asia', label: 'Asie' },
        { value: 'Europe', label: 'Europe' },
      ],
    });
    expect(labelRegions(options, 'zh').regions.map((region) => region.label)).toEqual(
      expect.arrayContaining(['非洲', '亚洲', '欧洲']),
    );
  });
});

describe('actorNamesIn', () => {
  const actors = [
    { name: 'France', iso3: 'FRA' },
    { name: 'Republic of Aldoria', iso3: null },
    { name: 'International Organization for Migration', iso3: null },
  ];

  it('names states in the locale and leaves every other actor out', () => {
    expect(actorNamesIn(actors, 'ru')).toEqual({ France: 'Франция' });
  });

  it('has nothing to rename in English', () => {
    expect(actorNamesIn(actors, 'en')).toEqual({});
  });
});

describe('asLocale', () => {
  it('takes the six languages and falls back to English for anything else', () => {
    expect(asLocale('ar')).toBe('ar');
    expect(asLocale('de')).toBe('en');
  });
});
