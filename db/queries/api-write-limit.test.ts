import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { writeLimiter } from './api-write-limit';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'write-limit-'));
const connections: Database.Database[] = [];
afterAll(() => {
  for (const connection of connections) connection.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(() => vi.useRealTimers());

/** Two connections to one database file, as two server processes have. */
function twoProcesses(name: string, perMinute: number) {
  const open = () => {
    const connection = new Database(path.join(dir, `${name}.db`));
    connection.pragma('journal_mode = WAL');
    connection.pragma('busy_timeout = 5000');
    connection.pragma('synchronous = NORMAL');
    connections.push(connection);
    return writeLimiter(connection, perMinute);
  };
  return Promise.all([open(), open()]);
}

describe('the per-token write budget, shared by every process', () => {
  it('counts the writes of every process against one budget per token', async () => {
    const [first, second] = await twoProcesses('shared', 5);
    expect(await first('token', 3)).toEqual({ ok: true });
    expect(await second('token', 2)).toEqual({ ok: true });
    const refused = await second('token', 1);
    expect(refused.ok).toBe(false);
    expect(await first('token', 1)).toMatchObject({ ok: false });
    if (!refused.ok) expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    if (!refused.ok) expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('refuses a batch larger than what is left, and starts afresh the next minute', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const [limiter] = await twoProcesses('minute', 10);
    expect(await limiter('token', 8)).toEqual({ ok: true });
    expect(await limiter('token', 3)).toEqual({ ok: false, retryAfterSeconds: 60 });
    vi.setSystemTime(new Date('2026-01-01T00:00:45Z'));
    expect(await limiter('token', 1)).toEqual({ ok: false, retryAfterSeconds: 15 });
    vi.setSystemTime(new Date('2026-01-01T00:01:00Z'));
    expect(await limiter('token', 10)).toEqual({ ok: true });
  });

  it("keeps a token's budget however many other tokens write", async () => {
    const [first, second] = await twoProcesses('many', 2);
    expect(await first('spent', 2)).toEqual({ ok: true });
    for (let index = 0; index < 10_001; index += 1)
      expect((await second(`other ${index}`, 1)).ok).toBe(true);
    expect((await first('spent', 1)).ok).toBe(false);
  });
});
