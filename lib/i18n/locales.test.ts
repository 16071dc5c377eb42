import { describe, expect, it } from 'vitest';
import { languageSelfName, LOCALES, MENU_ORDER } from './locales';

describe('languageSelfName', () => {
  it("names each language in itself as a UN site's language menu does", () => {
    expect(MENU_ORDER.map((locale) => languageSelfName(locale))).toEqual([
      'العربية',
      '中文',
      'English',
      'Français',
      'Русский',
      'Español',
    ]);
  });

  it('lists every locale once in the menu', () => {
    expect([...MENU_ORDER].sort()).toEqual([...LOCALES].sort());
  });

  it("gives the form running text of that language uses, which is ICU's own name", () => {
    for (const locale of LOCALES) {
      expect(languageSelfName(locale, 'text')).toBe(
        new Intl.DisplayNames([locale], { type: 'language' }).of(locale),
      );
    }
    expect(languageSelfName('fr', 'text')).toBe('français');
    expect(languageSelfName('en', 'text')).toBe('English');
  });
});
