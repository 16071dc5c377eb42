import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { bodyCache, cachedRead } from './respond';

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
    const response = cachedRead(
      new Request(`http://localhost/api/v1/test${query}`),
      schema,
      read(query),
    );
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      etag: response.headers.get('etag'),
      body: (await response.json()) as unknown,
    };
  };

  it('runs the read once for a view asked twice', async () => {
    const first = await ask('?theme=a');
    const again = await ask('?theme=a');
    expect(first).toMatchObject({
      status: 200,
      type: 'application/json',
      body: { view: '?theme=a', read: 1 },
    });
    expect(again).toEqual(first);
    expect(reads).toBe(1);
  });

  it('answers 304 without a body or a read to its own ETag, weak, strong or in a list', async () => {
    const first = await ask('?theme=f');
    const readsBefore = reads;
    for (const header of [
      first.etag!,
      first.etag!.replace(/^W\//, ''),
      `"other", ${first.etag}`,
      '*',
    ]) {
      const response = cachedRead(
        new Request('http://localhost/api/v1/test?theme=f', {
          headers: { 'If-None-Match': header },
        }),
        schema,
        read('?theme=f'),
      );
      expect(response.status, header).toBe(304);
      expect(response.headers.get('etag')).toBe(first.etag);
      expect(await response.text()).toBe('');
    }
    expect(reads).toBe(readsBefore);
    const other = cachedRead(
      new Request('http://localhost/api/v1/test?theme=g', {
        headers: { 'If-None-Match': first.etag! },
      }),
      schema,
      read('?theme=g'),
    );
    expect(other.status).toBe(200);
  });

  it('reads again after any write moves the data version, and keeps views apart', async () => {
    const before = await ask('?theme=b');
    const other = await ask('?theme=c');
    expect(other.body).toMatchObject({ view: '?theme=c' });
    getDb().$client.prepare('UPDATE data_version SET version = version + 1 WHERE id = 1').run();
    const after = await ask('?theme=b');
    expect(after.etag).not.toBe(before.etag);
    expect(after.body).toEqual({
      view: '?theme=b',
      read: (before.body as { read: number }).read + 2,
    });
  });

  it('sends the same bytes every time it answers from the kept body', async () => {
    const bodies = await Promise.all(
      Array.from({ length: 3 }, async () =>
        Buffer.from(
          await cachedRead(
            new Request('http://localhost/api/v1/test?theme=d'),
            schema,
            read('?theme=d'),
          ).arrayBuffer(),
        ),
      ),
    );
    expect(JSON.parse(bodies[0]!.toString())).toMatchObject({ view: '?theme=d' });
    for (const body of bodies) expect(body.equals(bodies[0]!)).toBe(true);
  });

  it('reads again after a write recorded only in the audit log', async () => {
    const before = await ask('?theme=e');
    getDb()
      .$client.prepare(
        "INSERT INTO audit_log (action, entity_type, entity_id) VALUES ('test.write', 'test', '1')",
      )
      .run();
    const after = await ask('?theme=e');
    expect(after.etag).not.toBe(before.etag);
    expect((after.body as { read: number }).read).toBeGreaterThan(
      (before.body as { read: number }).read,
    );
  });
});

describe('the body cache: bounded by bytes', () => {
  const body = (bytes: number) => ({ bytes: Buffer.alloc(bytes, 'x'), headers: {} });

  it('keeps the most recently used bodies within its budget', () => {
    const cache = bodyCache(1000);
    for (const tag of ['a', 'b', 'c', 'd']) cache.set(tag, body(250));
    expect(cache.get('a')).toBeDefined(); // asked again: now the most recent
    cache.set('e', body(250));
    expect(cache.calculatedSize).toBe(1000);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.bytes.byteLength).toBe(250);
  });

  it('does not keep a body above a quarter of the budget', () => {
    const cache = bodyCache(1000);
    cache.set('small', body(200));
    cache.set('large', body(251));
    expect(cache.get('large')).toBeUndefined();
    expect(cache.get('small')).toBeDefined();
    expect(cache.calculatedSize).toBe(200);
  });
});
