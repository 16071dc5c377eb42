import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../client';
import { afterImports, importTurn } from './write-turns';

const tick = (ms = 20) => new Promise<void>((resolve) => setTimeout(resolve, ms));

beforeAll(() => {
  (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = openDatabase(':memory:');
});

describe('turns at the write lock between an import and the forms', () => {
  it('a form write during an import waits for its commit while the server keeps answering', async () => {
    const events: string[] = [];
    const release = await importTurn();
    const form = afterImports(async () => {
      events.push('form wrote');
      return 'saved';
    });
    const answered = tick().then(() => events.push('another request answered'));
    await answered;
    expect(events).toEqual(['another request answered']);
    events.push('import committed');
    release();
    expect(await form).toBe('saved');
    expect(events).toEqual(['another request answered', 'import committed', 'form wrote']);
  });

  it('an import waits for the form writes under way, and a failed write does not hold it', async () => {
    let finishForm!: () => void;
    const form = afterImports(() => new Promise<void>((resolve) => (finishForm = resolve)));
    const refused = afterImports(async () => {
      throw new Error('refused');
    });
    await expect(refused).rejects.toThrow('refused');
    let turn = false;
    const taken = importTurn().then((release) => {
      turn = true;
      return release;
    });
    await tick();
    expect(turn).toBe(false);
    finishForm();
    await form;
    (await taken)();
    expect(turn).toBe(true);
  });
});
