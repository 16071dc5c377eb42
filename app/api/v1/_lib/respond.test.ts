import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { cachedRead } from './respond';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'respond-'));
const schema = z.object({ view: z.string(), read: z.number() });

describe('cachedRead: answers kept by ETag, never past a write', () => {
  beforeAll(() => {
    process.env.DATABASE_PATH = path.join(dir, 'respond.db');
  });
  afterAll(() => {
    getDb().$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  let reads = 0;
  const read = (view: string) => () => ({ view, read: ++reads });
  const ask = async (query: string) => {
    const response = cachedRead(new Request(`http://localhost/api/v1/test${query}`), schema, read(query));
    return { status: response.status, type: response.headers.get('content-type'), etag: response.headers.get('etag'), body: (await response.json()) as unknown };
  };

  it('runs the read once for a view asked twice', async () => {
    const first = await ask('?theme=a');
    const again = await ask('?theme=a');
    expect(first).toMatchObject({ status: 200, type: 'application/json', body: { view: '?theme=a', read: 1 } });
    expect(again).toEqual(first);
    expect(reads).toBe(1);
  });

  it('reads again after any write moves the data version, and keeps views apart', async () => {
    const before = await ask('?theme=b');
    const other = await ask('?theme=c');
    expect(other.body).toMatchObject({ view: '?theme=c' });
    getDb().$client.prepare('UPDATE data_version SET version = version + 1 WHERE id = 1').run();
    const after = await ask('?theme=b');
    expect(after.etag).not.toBe(before.etag);
    expect(after.body).toEqual({ view: '?theme=b', read: (before.body as { read: number }).read + 2 });
  });
});
