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

  it('a path that decodes to whitespace or a control character, or does not decode, does not', () => {
    for (const path of [
      '/entries/12%20',
      '/fr/entries/12%09',
      '/commitments/%0a',
      '/actors/%E2%80%8312',
      '/x%ZZ',
    ])
      expect(isLocalizedPath(path), path).toBe(false);
    expect(isLocalizedPath('/commitments/TIP-01')).toBe(true);
  });

  it('a page whose name merely starts like the API still does', () => {
    expect(isLocalizedPath('/api-docs')).toBe(true);
    expect(isLocalizedPath('/fr/api-docs')).toBe(true);
  });
});
