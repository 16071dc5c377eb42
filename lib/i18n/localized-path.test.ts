import { describe, expect, it } from 'vitest';
import { isLocalizedPath } from './localized-path';

describe('which requests get a locale', () => {
  it('pages do, whether English (unprefixed) or in another locale', () => {
    for (const path of ['/', '/commitments', '/fr', '/ar/actors/12', '/entries/import/upload'])
      expect(isLocalizedPath(path), path).toBe(true);
  });

  it('the JSON API, feeds and exports, Next.js files and static files do not', () => {
    for (const path of [
      '/api',
      '/api/v1/commitments',
      '/api/v1/feeds/entries.atom',
      '/api/v1/exports/entries.csv',
      '/_next/static/chunks/main.js',
      '/icon.svg',
      '/favicon.ico',
      '/robots.txt',
    ])
      expect(isLocalizedPath(path), path).toBe(false);
  });

  it('a page whose name merely starts like the API still does', () => {
    expect(isLocalizedPath('/api-docs')).toBe(true);
    expect(isLocalizedPath('/fr/api-docs')).toBe(true);
  });
});
