import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './catalogue';
import { CLIENT_NAMESPACES, pickMessages, type ClientScreen } from './client-namespaces';

/** Every file under a folder (or the file itself). */
function filesUnder(entry: string): string[] {
  if (!fs.statSync(entry).isDirectory()) return [entry];
  return fs.readdirSync(entry).flatMap((name) => filesUnder(path.join(entry, name)));
}

/**
 * What a client component reads: for each `const t = useTranslations('ns')`, the namespace, and the
 * keys it asks for when every call is a plain string (`t('key')`), so a screen may pass only those.
 * Server files are skipped (they read the whole catalogue).
 */
function clientReads(file: string): { namespace: string; keys: string[] | null }[] {
  if (!/\.tsx?$/.test(file) || file.endsWith('.test.ts')) return [];
  const source = fs.readFileSync(file, 'utf8');
  if (!/^['"]use client['"]/.test(source.trimStart())) return [];
  return [
    ...source.matchAll(
      /(?:const\s+(\w+)\s*=\s*)?useTranslations\(\s*(?:'([^']*)'|"([^"]*)")?\s*\)/g,
    ),
  ].map((match) => {
    const [, name, single, double] = match;
    const calls = name
      ? [...source.matchAll(new RegExp(`\\b${name}(?:\\.\\w+)?\\(([^,)]*)`, 'g'))].map(
          (call) => call[1]?.trim() ?? '',
        )
      : [];
    const plain = calls.length > 0 && calls.every((argument) => /^'[\w.]+'$/.test(argument));
    return {
      namespace: single ?? double ?? '',
      keys: plain ? calls.map((argument) => argument.slice(1, -1)) : null,
    };
  });
}

const within = (paths: readonly string[], key: string) =>
  paths.some((p) => key === p || key.startsWith(`${p}.`));
/** The whole namespace is passed, or (when its keys are known) each key it asks for. */
const covers = (
  paths: readonly string[],
  { namespace, keys }: { namespace: string; keys: string[] | null },
) =>
  namespace !== '' &&
  (within(paths, namespace) ||
    (keys !== null && keys.every((key) => within(paths, `${namespace}.${key}`))));

/** The client components each screen renders (shared components by the folders they live in). */
const SCREENS: Record<ClientScreen, string[]> = {
  root: [
    'app/[locale]/error.tsx',
    'app/_components/nav-links.tsx',
    'app/_components/account-menu.tsx',
    'app/_components/demo-notice.tsx',
  ],
  overview: [
    'app/[locale]/(public)/(overview)',
    'app/_components/charts',
    'app/_components/download-links.tsx',
  ],
  present: ['app/[locale]/(public)/present', 'app/_components/charts'],
  pairs: ['app/_components/pair-status.tsx', 'app/_components/charts'],
  signIn: ['app/[locale]/sign-in'],
  workspace: ['app/[locale]/(workspace)'],
};

describe('client messages', () => {
  it('picks the named namespaces and keys and nothing else', () => {
    const messages = { a: { x: '1', y: { z: '2' } }, b: 'three', c: { d: '4' } };
    expect(pickMessages(messages, ['a.y', 'b', 'missing', 'c.missing'])).toEqual({
      a: { y: { z: '2' } },
      b: 'three',
    });
  });

  it('every path of every screen names messages that exist', async () => {
    const catalogue = await loadCatalogue();
    for (const [screen, paths] of Object.entries(CLIENT_NAMESPACES)) {
      for (const p of paths)
        expect(Object.keys(pickMessages(catalogue, [p])), `${screen}: ${p}`).not.toHaveLength(0);
    }
  });

  it("each screen's set covers every namespace its client components read", () => {
    for (const [screen, entries] of Object.entries(SCREENS) as [ClientScreen, string[]][]) {
      const read = entries
        .flatMap(filesUnder)
        .flatMap((file) => clientReads(file).map((reads) => ({ file, reads })));
      for (const { file, reads } of read)
        expect(
          covers(CLIENT_NAMESPACES[screen], reads),
          `${screen}: ${file} reads '${reads.namespace}'`,
        ).toBe(true);
    }
  });

  it('every client component in the app reads only namespaces some screen passes', () => {
    const all = Object.values(CLIENT_NAMESPACES).flat();
    const read = filesUnder('app').flatMap((file) =>
      clientReads(file).map((reads) => ({ file, reads })),
    );
    expect(read.length).toBeGreaterThan(20);
    for (const { file, reads } of read)
      expect(covers(all, reads), `${file} reads '${reads.namespace}'`).toBe(true);
  });

  it('the overview passes a small part of the catalogue', async () => {
    const catalogue = await loadCatalogue();
    const size = (value: unknown) => JSON.stringify(value).length;
    expect(size(pickMessages(catalogue, CLIENT_NAMESPACES.overview))).toBeLessThan(
      size(catalogue) / 3,
    );
  });
});
