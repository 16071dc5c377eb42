import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { config } from '../proxy';

/**
 * The proxy's matcher as Next.js compiles it (the regexp of .next/server/functions-config-manifest.json
 * for this source): optional /_next/data prefix, the source, optional .json/.rsc suffix.
 */
const matchers = config.matcher.map((source) => new RegExp(`^(?:\\/(_next\\/data\\/[^/]{1,}))?(?:${source})(\\.json|\\.rsc|\\.segments\\/.+\\.segment\\.rsc)?[\\/#\\?]?$`));
const proxied = (pathname: string) => matchers.some((matcher) => matcher.test(pathname));

/** Every route handler under app/api, as the path it serves ([id] as a sample segment). */
function apiRoutes(dir = 'app/api'): Array<{ file: string; pathname: string }> {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return apiRoutes(file);
    if (entry.name !== 'route.ts') return [];
    const pathname = `/${path.dirname(file).replace(/^app\//, '').replace(/\[\.\.\.[^\]]+\]/, 'x/y').replace(/\[[^\]]+\]/g, '1')}`;
    return [{ file, pathname }];
  });
}

describe('the proxy runs for every request but the read-only API resources that stamp their own headers', () => {
  it('runs for pages, static files, server actions, 404s and every API path not listed', () => {
    for (const pathname of ['/', '/sign-in', '/entries/new', '/_next/static/chunks/a.js', '/favicon.ico', '/no-such-page', '/api/v1/entries', '/api/v1/entries/batch', '/api/auth/get-session', '/api/v1/matrix']) {
      expect(proxied(pathname), pathname).toBe(true);
    }
  });

  it('runs for anything below or beside an excluded resource (a 404 page there needs its nonce)', () => {
    for (const pathname of ['/api/v1/summary/', '/api/v1/summary/x', '/api/v1/summary.json', '/api/v1/summaryx', '/api/v1/summar', '/API/v1/summary']) {
      expect(proxied(pathname), pathname).toBe(true);
    }
  });

  it('skips exactly the routes that export readOnlyRoute, which answer every method themselves', () => {
    const routes = apiRoutes();
    expect(routes.map((route) => route.pathname)).toContain('/api/v1/summary');
    for (const { file, pathname } of routes) {
      const source = fs.readFileSync(file, 'utf8');
      const stamped = /export const \{ GET, POST, PUT, PATCH, DELETE, OPTIONS \} = readOnlyRoute\(/.test(source);
      expect({ pathname, skipped: !proxied(pathname) }).toEqual({ pathname, skipped: stamped });
      if (stamped) expect(source, file).not.toMatch(/export (async )?function/);
    }
  });
});
