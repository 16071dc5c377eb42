import { describe, expect, it } from 'vitest';
import { layoutMail, localizedPath, mailWriter } from './mail-layout';

const parts = {
  subject: 'Subject\r\nInjected: header',
  paragraphs: ['A <b>paragraph</b>.'],
  link: { label: 'Open', url: 'http://localhost:3000/x' },
};
const urls = { unsubscribe: 'http://localhost:3000/u', settings: 'http://localhost:3000/s' };

describe('the writer of an e-mail’s language', () => {
  it('is English for a recipient without a language, or with one the app does not have', () => {
    for (const locale of [null, undefined, '', 'de', 'EN'])
      expect(mailWriter(locale).locale).toBe('en');
  });

  it('is made once per language, whatever the number of recipients', () => {
    expect(mailWriter('fr')).toBe(mailWriter('fr'));
    expect(mailWriter(null)).toBe(mailWriter('en'));
  });

  it('writes days out in its language', () => {
    expect(mailWriter('en').day('2026-12-15')).toBe('December 15, 2026');
    expect(mailWriter('fr').day('2026-12-15')).toBe('15 décembre 2026');
    expect(mailWriter('zh').day('2026-12-15')).toBe('2026年12月15日');
  });

  it('links to its language’s pages: English unprefixed, the others under their code', () => {
    expect(localizedPath('/entries/1/review', 'en')).toBe('/entries/1/review');
    expect(localizedPath('/entries/1/review', 'ar')).toBe('/ar/entries/1/review');
    expect(localizedPath('/', 'fr')).toBe('/fr');
    expect(mailWriter('ru').path('/account#email')).toBe('/ru/account#email');
  });
});

describe('the layout of an e-mail', () => {
  it('says its language in the HTML, right to left for Arabic, and escapes every value', () => {
    const arabic = layoutMail(mailWriter('ar'), 'digest', parts, urls);
    expect(arabic.html).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.html).toContain('A &lt;b&gt;paragraph&lt;/b&gt;.');
    expect(arabic.subject).toBe('Subject Injected: header');
    const english = layoutMail(mailWriter(null), 'digest', parts, urls);
    expect(english.html).toContain('<html lang="en" dir="ltr">');
    expect(english.text).toContain('Stop these e-mails: http://localhost:3000/u');
  });
});
