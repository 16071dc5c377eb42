import { expect, test } from '@playwright/test';

/**
 * A path ending in a slash is redirected by proxy.ts (Next.js's own redirect, made before the
 * proxy runs and without its headers, is switched off in next.config.js).
 */
test.describe('a path ending in a slash', () => {
  for (const [what, path, location] of [
    ['a page', '/commitments/?page=2', '/commitments?page=2'],
    ['an API resource', '/api/v1/summary/?kind=state', '/api/v1/summary?kind=state'],
  ] as const) {
    test(`on ${what} is redirected (308, query kept) with the security headers and a request id`, async ({
      request,
    }) => {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBe(308);
      const headers = response.headers();
      const target = new URL(headers['location']!, response.url());
      expect(`${target.pathname}${target.search}`).toBe(location);
      expect(headers['content-security-policy']).toMatch(
        /script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/,
      );
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  }
});
