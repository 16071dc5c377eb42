import { gzipSync } from 'node:zlib';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { queryOne } from './fixtures';

/** The budget of JavaScript a page's HTML asks for before it can run, gzipped, in every locale. */
const FIRST_LOAD_BUDGET = 250_000;

const LOCALES = ['en', 'ar', 'es', 'fr', 'ru', 'zh'] as const;

/**
 * The scripts a page's HTML names (script tags and script preloads), gzipped: what a browser
 * fetches before the page runs. Chunks a page imports later (the charts) are not among them.
 */
async function firstLoadBytes(
  request: APIRequestContext,
  path: string,
  gzipped: Map<string, number>,
) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  const html = await response.text();
  const sources = new Set<string>();
  for (const match of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) sources.add(match[1]!);
  for (const match of html.matchAll(/<link[^>]*\srel="(?:preload|modulepreload)"[^>]*>/g)) {
    if (!/\sas="script"/.test(match[0]) && !match[0].includes('modulepreload')) continue;
    const href = /\shref="([^"]+)"/.exec(match[0])?.[1];
    if (href) sources.add(href);
  }
  let bytes = 0;
  for (const source of sources) {
    if (!gzipped.has(source)) {
      const script = await request.get(source.replaceAll('&amp;', '&'));
      expect(script.status(), source).toBe(200);
      gzipped.set(source, gzipSync(await script.body()).length);
    }
    bytes += gzipped.get(source)!;
  }
  return { bytes, scripts: sources.size };
}

test.describe('first-load JavaScript', () => {
  test('stays under 250 kB gzipped on every public page, in every locale', async ({ request }) => {
    const code = queryOne<{ code: string }>(
      'SELECT code FROM commitments WHERE archived_at IS NULL ORDER BY position LIMIT 1',
    ).code;
    const actor = queryOne<{ id: number }>(
      `SELECT id FROM actors WHERE kind = 'state' AND archived_at IS NULL ORDER BY id LIMIT 1`,
    ).id;
    const pages = [
      '',
      '/present',
      `/commitments/${code}`,
      '/commitments',
      `/actors/${actor}`,
      '/actors',
      '/changes',
      '/rounds',
      '/api-docs',
      '/sign-in',
    ];
    const gzipped = new Map<string, number>();
    const over: string[] = [];
    for (const locale of LOCALES) {
      const prefix = locale === 'en' ? '' : `/${locale}`;
      for (const page of pages) {
        const path = `${prefix}${page}` || '/';
        const { bytes, scripts } = await firstLoadBytes(request, path, gzipped);
        // Each page runs some script: a page naming none would pass for the wrong reason.
        expect(scripts, path).toBeGreaterThan(0);
        test.info().annotations.push({
          type: path,
          description: `${bytes} bytes gzipped, ${scripts} scripts`,
        });
        if (bytes >= FIRST_LOAD_BUDGET) over.push(`${path}: ${bytes} bytes in ${scripts} scripts`);
      }
    }
    expect(over).toEqual([]);
  });
});
