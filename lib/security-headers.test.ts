import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce, securityHeaders } from './security-headers';
import { appBaseUrl, isHttps, isProductionDeployment } from './deployment';

const production = { nonce: 'bm9uY2U=', development: false, httpsProduction: true };

describe('security headers', () => {
  it('allows scripts only from our origin with this response’s nonce, never eval, and no framing', () => {
    const csp = contentSecurityPolicy(production);
    expect(csp).toContain("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toContain('upgrade-insecure-requests');
  });

  it('allows images from our origin and blob: URLs (chart downloads) only: no data: URLs, no other origin', () => {
    const images = contentSecurityPolicy(production)
      .split('; ')
      .find((directive) => directive.startsWith('img-src '));
    expect(images).toBe("img-src 'self' blob:");
  });

  it('allows eval only to the development server', () => {
    expect(contentSecurityPolicy({ ...production, development: true })).toContain("'unsafe-eval'");
  });

  it('sends HSTS only when served over https in production', () => {
    expect(securityHeaders(production)['Strict-Transport-Security']).toMatch(/^max-age=\d{8}/);
    expect(securityHeaders({ ...production, httpsProduction: false })).not.toHaveProperty(
      'Strict-Transport-Security',
    );
    expect(contentSecurityPolicy({ ...production, httpsProduction: false })).not.toContain(
      'upgrade-insecure-requests',
    );
  });

  it('always sends nosniff, the referrer policy and DENY framing', () => {
    expect(securityHeaders({ ...production, httpsProduction: false })).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
    });
  });

  it('makes a new nonce every time', () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe('deployment', () => {
  it('serves on http://localhost:3000 unless told otherwise', () => {
    expect(appBaseUrl({}).href).toBe('http://localhost:3000/');
    expect(appBaseUrl({ PORT: '4000' }).href).toBe('http://localhost:4000/');
    expect(appBaseUrl({ BETTER_AUTH_URL: 'https://tracker.example.org' }).origin).toBe(
      'https://tracker.example.org',
    );
    expect(() => appBaseUrl({ BETTER_AUTH_URL: 'ftp://tracker.example.org' })).toThrow(/http/);
  });

  it('is a production deployment only as a production build served over https', () => {
    expect(
      isProductionDeployment({
        NODE_ENV: 'production',
        BETTER_AUTH_URL: 'https://tracker.example.org',
      }),
    ).toBe(true);
    expect(
      isProductionDeployment({ NODE_ENV: 'production', BETTER_AUTH_URL: 'http://127.0.0.1:3100' }),
    ).toBe(false);
    expect(isProductionDeployment({ NODE_ENV: 'production' })).toBe(false);
    expect(
      isProductionDeployment({
        NODE_ENV: 'development',
        BETTER_AUTH_URL: 'https://tracker.example.org',
      }),
    ).toBe(false);
    expect(isHttps({ BETTER_AUTH_URL: 'https://tracker.example.org' })).toBe(true);
  });
});
