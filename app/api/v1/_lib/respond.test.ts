import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { apiRoute, BodyCache, cachedRead, readOnlyRoute } from './respond';

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

  it('sends the same bytes every time it answers from the kept body', async () => {
    const bodies = await Promise.all(
      Array.from({ length: 3 }, async () => Buffer.from(await cachedRead(new Request('http://localhost/api/v1/test?theme=d'), schema, read('?theme=d')).arrayBuffer())),
    );
    expect(JSON.parse(bodies[0]!.toString())).toMatchObject({ view: '?theme=d' });
    for (const body of bodies) expect(body.equals(bodies[0]!)).toBe(true);
  });

  it('reads again after a write recorded only in the audit log', async () => {
    const before = await ask('?theme=e');
    getDb().$client.prepare("INSERT INTO audit_log (action, entity_type, entity_id) VALUES ('test.write', 'test', '1')").run();
    const after = await ask('?theme=e');
    expect(after.etag).not.toBe(before.etag);
    expect((after.body as { read: number }).read).toBeGreaterThan((before.body as { read: number }).read);
  });
});

describe('BodyCache: bounded by bytes', () => {
  const body = (bytes: number) => ({ json: Buffer.alloc(bytes, 'x'), headers: {} });

  it('keeps the most recently used bodies within its budget', () => {
    const cache = new BodyCache(1000);
    for (const tag of ['a', 'b', 'c', 'd']) cache.keep(tag, body(250));
    const again = cache.take('a'); // asked again: kept back as the most recent
    expect(again).toBeDefined();
    cache.keep('a', again!);
    cache.keep('e', body(250));
    expect(cache.bytes).toBe(1000);
    expect(cache.take('b')).toBeUndefined();
    expect(cache.take('a')?.json.byteLength).toBe(250);
  });

  it('sends but does not keep a body above a quarter of the budget', () => {
    const cache = new BodyCache(1000);
    cache.keep('small', body(200));
    cache.keep('large', body(251));
    expect(cache.take('large')).toBeUndefined();
    expect(cache.bytes).toBe(200);
  });
});

describe('apiRoute: a resource served without the proxy stamps the proxy\'s headers itself', () => {
  const stamped = (response: Response) => {
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const requestId = response.headers.get('x-request-id');
    expect(response.headers.get('server-timing')).toBe(`reqid;desc="${requestId}"`);
    return requestId;
  };
  const route = readOnlyRoute(async () => Response.json({ ok: true }) as never);
  const get = (headers: Record<string, string> = {}) => route.GET(new Request('http://localhost/api/v1/test', { headers }), undefined as never);

  it('on an answer, with a new request id, or the caller\'s own when it is a plain token', async () => {
    const first = stamped(await get());
    const second = stamped(await get());
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);
    expect(stamped(await get({ 'x-request-id': 'from-the-proxy-1234' }))).toBe('from-the-proxy-1234');
    expect(stamped(await get({ 'x-request-id': 'forged "id" <x>' }))).not.toContain('forged');
  });

  it('on a fresh nonce per response', async () => {
    const nonce = async () => /'nonce-([^']+)'/.exec((await get()).headers.get('content-security-policy')!)![1];
    expect(await nonce()).not.toBe(await nonce());
  });

  it('on the refusal of a write (405, Allow) and on OPTIONS', async () => {
    const refused = await route.POST(new Request('http://localhost/api/v1/test', { method: 'POST', body: 'x'.repeat(10) }), undefined as never);
    expect(refused.status).toBe(405);
    expect(refused.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    stamped(refused);
    const options = await route.OPTIONS(new Request('http://localhost/api/v1/test', { method: 'OPTIONS' }), undefined as never);
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    stamped(options);
  });

  it('on the refusal of a body over the limit (413, as the proxy refuses it on every other route), before the method', async () => {
    const huge = await route.PUT(new Request('http://localhost/api/v1/test', { method: 'PUT', headers: { 'content-length': String(20 * 1024 * 1024) } }), undefined as never);
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'payload_too_large', message: expect.stringContaining('bytes') });
    stamped(huge);
  });

  it('on a 500 when the handler throws, logged with the same request id', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failing = apiRoute(() => {
      throw new Error('the database is gone');
    });
    const response = await failing(new Request('http://localhost/api/v1/test'), undefined);
    expect(response.status).toBe(500);
    const requestId = stamped(response);
    expect(logged).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(logged.mock.calls[0]![0]))).toMatchObject({ level: 'error', requestId, message: 'the database is gone', method: 'GET' });
    logged.mockRestore();
  });
});
