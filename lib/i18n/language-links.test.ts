import { describe, expect, it } from 'vitest';
import { languageLinks } from './language-links';
import { LOCALES } from './locales';

describe("the language switch's links", () => {
  it('lead to the same page with the same query, filters and paging included, in every language', () => {
    const links = languageLinks(
      '/commitments',
      'theme=trafficking&kind=state&kind=un&page=2',
      'fr',
    );
    expect(links.map((link) => link.locale).sort()).toEqual([...LOCALES].sort());
    for (const link of links)
      expect(link.href).toBe('/commitments?theme=trafficking&kind=state&kind=un&page=2');
  });

  it('keep an encoded query exactly as it was, and add no "?" when there is none', () => {
    expect(languageLinks('/actors', '?q=C%C3%B4te+d%27Ivoire', 'en')[0]!.href).toBe(
      '/actors?q=C%C3%B4te+d%27Ivoire',
    );
    expect(languageLinks('/', '', 'en')[0]!.href).toBe('/');
  });

  it('name each language in itself and mark the current one only', () => {
    const links = languageLinks('/', '', 'ar');
    expect(Object.fromEntries(links.map((link) => [link.locale, link.name]))).toEqual({
      ar: 'العربية',
      zh: '中文',
      en: 'English',
      fr: 'Français',
      ru: 'Русский',
      es: 'Español',
    });
    expect(links.filter((link) => link.current).map((link) => link.locale)).toEqual(['ar']);
  });
});
