import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every file under app/ that declares server actions (a 'use server' directive at its top). */
function serverActionFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const file = path.join(dir, item.name);
    if (item.isDirectory()) return serverActionFiles(file);
    if (!/\.(ts|tsx)$/.test(item.name)) return [];
    const head = fs.readFileSync(file, 'utf8').replace(/^\s*(\/\/.*\n|\/\*[\s\S]*?\*\/\s*)*/, '');
    return /^['"]use server['"]/.test(head) ? [file] : [];
  });
}

describe('server actions', () => {
  const files = serverActionFiles(path.resolve('app'));

  it('exist (the check below must have something to check)', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((file) => [path.relative(process.cwd(), file)]))(
    '%s exports only actions wrapped in guardedAction',
    (file) => {
      const source = fs.readFileSync(file, 'utf8');
      const exports = source
        .split('\n')
        .map((line, index) => ({ line, number: index + 1 }))
        .filter(({ line }) => /^\s*export\b/.test(line));
      const unguarded = exports
        .filter(({ line }) => !/^export const \w+ = guardedAction\(/.test(line))
        .map(({ line, number }) => `${file}:${number}: ${line.trim()}`);
      expect(unguarded).toEqual([]);
      expect(exports.length).toBeGreaterThan(0);
    },
  );
});
