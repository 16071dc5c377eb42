import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Every exported server action is built by guardedAction (app/_lib/guard.ts): the lint rule
 * `local/guarded-server-actions` (eslint.config.mjs) checks it on every file `npm run lint` reads.
 * These cases show the rule refuses what it must, so a lint run that passes means something.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function problems(source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: 'app/example/actions.ts' });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'local/guarded-server-actions')
    .map((message) => message.message);
}

describe('the lint rule for server actions', () => {
  it('accepts a file whose actions are all guarded, with type exports beside them', async () => {
    const source = [
      "'use server';",
      "import { guardedAction } from '@/app/_lib/guard';",
      'export type State = { ok: boolean };',
      'export const saveThing = guardedAction({} as never, async () => ({ ok: true }));',
    ].join('\n');
    expect(await problems(source)).toEqual([]);
  });

  it('refuses an exported action that is not guarded, however it is written', async () => {
    for (const action of [
      'export async function saveThing() {}',
      'export const saveThing = async () => {};',
      'export default async function saveThing() {}',
    ]) {
      expect(await problems(`'use server';\n${action}\n`), action).toHaveLength(1);
    }
  });

  it('refuses an inline server action', async () => {
    const source =
      "export function Form() {\n  async function save() {\n    'use server';\n  }\n  return save;\n}\n";
    expect(await problems(source)).toHaveLength(1);
  });
});
