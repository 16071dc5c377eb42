import { describe, expect, it } from 'vitest';
import {
  FALLBACK_RETURN_PATH,
  SIGNED_IN_HOME,
  returnPathAfterSignIn,
  returnPathOrNull,
} from './return-path';

const BASE = new URL('http://127.0.0.1:3201');
/** `next` as the page receives it: the query string already decoded once. */
const fromQuery = (encoded: string) => new URLSearchParams(`next=${encoded}`).get('next')!;
const after = (encoded: string) => returnPathAfterSignIn(fromQuery(encoded), BASE);

/** Every Location we write must be a valid header value: visible ASCII only. */
const HEADER_SAFE = /^[\x21-\x7e]+$/;

describe('the page to return to after signing in', () => {
  it('goes to the home page when no page was asked for', () => {
    expect(returnPathAfterSignIn(undefined, BASE)).toBe(SIGNED_IN_HOME);
    expect(SIGNED_IN_HOME).toBe('/home');
  });

  it('keeps a path of this site, with its query and fragment', () => {
    expect(after('%2Faccount')).toBe('/account');
    expect(after('/entries/mine%3Fsaved%3D1%23x')).toBe('/entries/mine?saved=1#x');
    expect(after('/admin/users')).toBe('/admin/users');
  });

  it('percent-encodes what it keeps, so the Location header is always valid', () => {
    expect(after('/caf%C3%A9')).toBe('/caf%C3%A9');
    expect(after('/%E6%88%91')).toBe('/%E6%88%91');
    expect(after('/commitments%3Fq%3D%E6%88%91')).toBe('/commitments?q=%E6%88%91');
    for (const path of ['/caf%C3%A9', '/%E6%88%91', '/a%22b%3Cc%3E'])
      expect(after(path)).toMatch(HEADER_SAFE);
  });

  it('keeps a page in another locale as it is, its prefix and query included', () => {
    expect(after('%2Ffr%2Fentries%2Fnew%3Factor%3D3')).toBe('/fr/entries/new?actor=3');
    expect(after('/ar/commitments/TIP-01')).toBe('/ar/commitments/TIP-01');
    expect(after('/zh')).toBe('/zh');
  });

  it("puts the home page and the fallback in the sign-in page's locale, and still refuses another site", () => {
    const french = (path: string) => (path === '/' ? '/fr' : `/fr${path}`);
    expect(returnPathAfterSignIn(undefined, BASE, french)).toBe('/fr/home');
    expect(returnPathAfterSignIn('//evil.example/fr', BASE, french)).toBe('/fr');
    expect(returnPathAfterSignIn('https://evil.example/fr/home', BASE, french)).toBe('/fr');
    expect(returnPathAfterSignIn('/fr/account', BASE, french)).toBe('/fr/account');
  });

  const refused: Array<[string, string]> = [
    ['a tab', '/%09/evil.example'],
    ['a newline', '/%0a/x'],
    ['CR LF', '/%0d%0a'],
    ['a CR', '/%0d/evil.example'],
    ['DEL', '/%7f'],
    ['NUL', '/%00'],
    ['a space', '/%20/evil.example'],
    ['a no-break space', '/%C2%A0/evil.example'],
    ['a right-to-left override', '/%E2%80%AEevil'],
    ['a backslash', '/%5Cevil.example'],
    ['slash backslash', '/%5C/evil.example'],
    ['two backslashes', '%5C%5Cevil.example'],
    ['two slashes', '//evil.example'],
    ['an encoded second slash', '/%2F/evil.example'],
    ['two encoded slashes', '%2F%2Fevil.example'],
    ['a scheme-relative URL', '//evil.example/account'],
    ['an absolute URL elsewhere', 'https://evil.example/'],
    ['an absolute URL of this very site', 'http://127.0.0.1:3201/account'],
    ['this host over another scheme', 'https://127.0.0.1:3201/account'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a relative path', 'account'],
    ['an empty value', ''],
    ['double-encoded slashes', '/%252F%252Fevil.example'],
    ['a double-encoded tab', '/%2509/evil.example'],
    ['a double-encoded backslash', '/%255C/evil.example'],
    ['a double-encoded newline', '/%250a/x'],
    ['dot segments that collapse into two slashes', '/.//evil.example'],
    ['a stray percent sign', '/100%25'],
  ];
  for (const [what, encoded] of refused) {
    it(`refuses ${what} (next=${encoded}) and goes to /`, () => {
      expect(returnPathOrNull(fromQuery(encoded), BASE)).toBeNull();
      expect(after(encoded)).toBe(FALLBACK_RETURN_PATH);
    });
  }

  it('refuses anything that is not one string of reasonable length', () => {
    expect(returnPathAfterSignIn(['/a', '/b'], BASE)).toBe('/');
    expect(returnPathAfterSignIn(`/${'a'.repeat(2_000)}`, BASE)).toBe('/');
    expect(returnPathAfterSignIn(null, BASE)).toBe('/');
  });

  it('resolves against the configured origin by default', () => {
    expect(returnPathOrNull('/account')).toBe('/account');
    expect(returnPathOrNull('//localhost:3000/account')).toBeNull();
  });
});
