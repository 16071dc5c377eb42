import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as proxyModule from '../proxy';

const { proxy } = proxyModule;

/** The headers proxy.ts puts on every response, whatever it answers. */
function expectSecurityHeaders(response: Response): string {
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  const requestId = response.headers.get('x-request-id') ?? '';
  expect(response.headers.get('server-timing')).toBe(`reqid;desc="${requestId}"`);
  return requestId;
}

describe('the proxy', () => {
  it('runs for every path: it declares no matcher that would leave a response without its headers', () => {
    expect(proxyModule).not.toHaveProperty('config');
  });

  it('puts the security headers and a request id on a page, an API read and a refused write alike', async () => {
    const page = await proxy(new NextRequest('http://localhost/'));
    const read = await proxy(
      new NextRequest('http://localhost/api/v1/summary', {
        headers: { 'x-request-id': 'from-the-edge-1234' },
      }),
    );
    const refused = await proxy(
      new NextRequest('http://localhost/api/v1/entries', {
        method: 'POST',
        headers: { 'content-length': String(20 * 1024 * 1024) },
      }),
    );
    expect(refused.status).toBe(413);
    const ids = [page, read, refused].map(expectSecurityHeaders);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).toBe('from-the-edge-1234');
    expect(ids[2]).not.toBe(ids[0]);
  });

  it('gives every response its own nonce', async () => {
    const nonce = async () =>
      /'nonce-([^']+)'/.exec(
        (await proxy(new NextRequest('http://localhost/'))).headers.get('content-security-policy')!,
      )![1];
    expect(await nonce()).not.toBe(await nonce());
  });

  it('redirects a path ending in a slash (308, query kept) with the security headers, for any method', async () => {
    for (const method of ['GET', 'POST']) {
      const response = await proxy(
        new NextRequest('http://localhost/commitments/TIP-01/?page=2', { method }),
      );
      expect(response.status).toBe(308);
      expect(response.headers.get('location')).toBe('http://localhost/commitments/TIP-01?page=2');
      expectSecurityHeaders(response);
    }
  });

  it('leaves the root, paths without a trailing slash and empty segments (never a protocol-relative Location) alone', async () => {
    for (const url of [
      'http://localhost/',
      'http://localhost/?x=1',
      'http://localhost/commitments',
      'http://localhost/commitments?x=a/',
      'http://localhost//evil.example/',
      'http://localhost/a//',
    ]) {
      const response = await proxy(new NextRequest(url));
      expect(response.status, url).toBe(200);
      expect(response.headers.get('location'), url).toBeNull();
    }
  });

  it("hands a page to next-intl's locale routing: its redirect carries the security headers", async () => {
    const response = await proxy(
      new NextRequest('http://localhost/commitments?theme=smuggling', {
        headers: { 'accept-language': 'fr-FR,fr;q=0.9' },
      }),
    );
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(
      'http://localhost/fr/commitments?theme=smuggling',
    );
    expectSecurityHeaders(response);
  });

  it('rewrites an English page to its locale, passing on the request headers it added', async () => {
    const response = await proxy(
      new NextRequest('http://localhost/commitments', {
        headers: { 'accept-language': 'en', 'x-request-id': 'from-the-edge-5678' },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-middleware-rewrite')).toBe('http://localhost/en/commitments');
    // Next.js applies these to the request the page sees: the nonce its scripts carry, the request id.
    const csp = response.headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(response.headers.get('x-middleware-request-x-nonce')).toBe(nonce);
    expect(response.headers.get('x-middleware-request-x-request-id')).toBe('from-the-edge-5678');
    expect(response.headers.get('x-middleware-request-x-next-intl-locale')).toBe('en');
    expectSecurityHeaders(response);
  });

  it('leaves the API alone: no locale, no redirect, whatever the browser prefers', async () => {
    const response = await proxy(
      new NextRequest('http://localhost/api/v1/commitments', {
        headers: { 'accept-language': 'fr', cookie: 'NEXT_LOCALE=ar' },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-middleware-rewrite')).toBeNull();
    expect(response.headers.get('x-middleware-request-x-next-intl-locale')).toBeNull();
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  describe('a write to a page', () => {
    afterEach(() => vi.unstubAllEnvs());
    const post = (path: string, origin = 'http://localhost:3000') =>
      proxy(
        new NextRequest(`http://localhost:3000${path}`, {
          method: 'POST',
          headers: {
            origin,
            'content-type': 'multipart/form-data; boundary=xyz',
            'content-length': '16',
          },
          body: '--xyz\r\nnonsense',
        }),
      );

    it('refuses a server action whose form does not parse, before the framework decodes it', async () => {
      vi.stubEnv('BETTER_AUTH_URL', 'http://localhost:3000');
      const response = await post('/entries/new');
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'invalid_body' } });
    });

    it("leaves the import's upload to read its own body (its worker parses it), after the origin check", async () => {
      vi.stubEnv('BETTER_AUTH_URL', 'http://localhost:3000');
      for (const path of ['/entries/import/upload', '/fr/entries/import/upload']) {
        const response = await post(path);
        // Passed on to the route (next-intl's rewrite or pass), not answered here.
        expect(response.status, path).toBe(200);
        expect(
          response.headers.get('x-middleware-rewrite') ?? response.headers.get('x-middleware-next'),
          path,
        ).not.toBeNull();
      }
      expect((await post('/entries/import/upload', 'https://elsewhere.example')).status).toBe(403);
    });
  });
});
