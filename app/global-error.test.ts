import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LOCALES } from '@/lib/i18n/locales';
import GlobalError from './global-error';
import { loadErrorMessages, localeOfPath } from './_lib/global-error-messages';

// The page reads its language from the router's path; here, the path a test gives it.
const route = vi.hoisted(() => ({ path: '/' }));
vi.mock('next/navigation', () => ({ usePathname: () => route.path }));

const catalogue = async (locale: string) =>
  (await import(`@/lib/i18n/messages/errors.${locale}.json`)).default as Record<string, string>;

describe('the last-resort error page in the page’s language', () => {
  beforeEach(async () => {
    await Promise.all(LOCALES.map((locale) => loadErrorMessages(locale)));
  });

  it.each([
    ['/fr/commitments/TIP-01', 'fr'],
    ['/ar', 'ar'],
    ['/zh/', 'zh'],
    ['/commitments', 'en'],
    ['/', 'en'],
    ['/fr-CA/commitments', 'en'],
    ['/api/v1/entries', 'en'],
    ['', 'en'],
  ])('takes %s to be in %s', (path, locale) => {
    expect(localeOfPath(path)).toBe(locale);
  });

  it.each(LOCALES)('fetches the %s messages from that language’s own catalogue', async (locale) => {
    expect(await loadErrorMessages(locale)).toEqual(await catalogue(locale));
  });

  it('shows an Arabic page right to left, with a retry button and a way home in Arabic', async () => {
    route.path = '/ar/commitments';
    const ar = await catalogue('ar');
    const html = renderToString(
      createElement(GlobalError, {
        error: Object.assign(new Error('secret'), { digest: '42' }),
        retry: () => {},
      }),
    );
    expect(html).toMatch(/<html lang="ar" dir="rtl"/);
    expect(html).toContain(ar.title);
    expect(html).toContain(`<button type="button">${ar.tryAgain}</button>`);
    expect(html).toContain(`<a href="/ar">${ar.backHome}</a>`);
    expect(html).not.toContain('secret');
  });

  it('shows an English page at an unprefixed address, left to right', async () => {
    route.path = '/commitments';
    const en = await catalogue('en');
    const html = renderToString(createElement(GlobalError, { error: new Error('x') }));
    expect(html).toMatch(/<html lang="en" dir="ltr"/);
    expect(html).toContain(en.title);
    expect(html).toContain('<a href="/">');
  });
});
