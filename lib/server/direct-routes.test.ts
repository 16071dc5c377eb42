import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { frontDoor, withoutTrailingSlash } from './front-door';
import { serveDirectly } from './registry';
import { PageCache } from './page-cache';
import { askServer } from '../testing/http-request';

/** The front door with one directly served resource, and a stand-in for Next.js behind it. */
let server: Server;
let base: string;
let passedOn: string[];
let handled: Request[];
let errors: unknown[];
const big = JSON.stringify({ rows: Array.from({ length: 500 }, (_, index) => ({ index, label: `Actor ${index}` })) });

beforeAll(async () => {
  serveDirectly('/api/v1/direct-test', async (request) => {
    handled.push(request);
    const url = new URL(request.url);
    if (url.searchParams.has('fail')) throw new Error('the handler failed');
    if (url.searchParams.has('small')) return Response.json({ ok: true }, { headers: { 'x-request-id': request.headers.get('x-request-id') ?? 'new' } });
    if (url.searchParams.has('unchanged')) return new Response(null, { status: 304, headers: { ETag: 'W/"v1"' } });
    return new Response(big, { headers: { 'Content-Type': 'application/json', ETag: `W/"${url.search}"`, Vary: 'Accept-Encoding' } });
  });
  const door = frontDoor(new PageCache({ paths: [], version: () => '1', today: () => '2026-11-29', budgetBytes: 1024 }), (error) => errors.push(error));
  server = createServer((request, response) =>
    door.handle(request, response, () => {
      passedOn.push(`${request.method} ${request.url}`);
      response.end('next.js');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  passedOn = [];
  handled = [];
  errors = [];
});

const ask = (path: string, headers: Record<string, string> = {}, method = 'GET') => askServer(`${base}${path}`, headers, method);

describe('direct routes: a read-only resource answered by its handler without Next.js in between', () => {
  it('gives the handler the request as Next.js would (URL, query, headers) and sends its answer whole', async () => {
    const answer = await ask('/api/v1/direct-test?theme=smuggling', { 'x-request-id': 'delegation-42-call', 'if-none-match': 'W/"x"' });
    expect(passedOn).toEqual([]);
    expect(handled).toHaveLength(1);
    const request = handled[0] as Request;
    expect(new URL(request.url).pathname).toBe('/api/v1/direct-test');
    expect(new URL(request.url).searchParams.get('theme')).toBe('smuggling');
    expect(request.headers.get('if-none-match')).toBe('W/"x"');
    expect(request.headers.get('x-request-id')).toBe('delegation-42-call');
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(big);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.headers.etag).toBe('W/"?theme=smuggling"');
    expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(big));
    expect(answer.headers['content-encoding']).toBeUndefined();
  });

  it('compresses for a client that accepts gzip, once per ETag', async () => {
    const first = await ask('/api/v1/direct-test?zip=1', { 'accept-encoding': 'gzip, deflate' });
    const second = await ask('/api/v1/direct-test?zip=1', { 'accept-encoding': 'gzip' });
    for (const answer of [first, second]) {
      expect(answer.headers['content-encoding']).toBe('gzip');
      expect(answer.body).toBe(big);
    }
    expect((await ask('/api/v1/direct-test?small=1', { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBeUndefined();
  });

  it('sends a body-less answer (304) as it is', async () => {
    const answer = await ask('/api/v1/direct-test?unchanged=1');
    expect(answer.status).toBe(304);
    expect(answer.body).toBe('');
    expect(answer.headers.etag).toBe('W/"v1"');
  });

  it('leaves HEAD, the writes, another path and a path below it to Next.js', async () => {
    await ask('/api/v1/direct-test', {}, 'HEAD');
    await ask('/api/v1/direct-test', {}, 'POST');
    await ask('/api/v1/direct-test/1', {});
    await ask('/api/v1/other', {});
    expect(handled).toHaveLength(0);
    expect(passedOn).toEqual(['HEAD /api/v1/direct-test', 'POST /api/v1/direct-test', 'GET /api/v1/direct-test/1', 'GET /api/v1/other']);
  });

  it('answers 500 and reports the error when the handler throws', async () => {
    const answer = await ask('/api/v1/direct-test?fail=1');
    expect(answer.status).toBe(500);
    expect(errors).toHaveLength(1);
    expect(passedOn).toEqual([]);
  });

  it('leaves a request that cannot be made into a Web Request (a malformed Host) to Next.js', async () => {
    const answer = await ask('/api/v1/direct-test', { host: 'bad host:xx' });
    expect(answer.body).toBe('next.js');
    expect(handled).toHaveLength(0);
  });
});

describe('a path ending in a slash', () => {
  it('is redirected (308) to the path without it, query kept, with the security headers Next.js\'s own redirect lacks', async () => {
    for (const method of ['GET', 'POST']) {
      const answer = await ask('/api/v1/direct-test/?theme=smuggling', { 'x-request-id': 'trailing-slash-1' }, method);
      expect(answer.status).toBe(308);
      expect(answer.headers.location).toBe('/api/v1/direct-test?theme=smuggling');
      expect(answer.headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(answer.headers['x-frame-options']).toBe('DENY');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['x-request-id']).toBe('trailing-slash-1');
    }
    expect(handled).toHaveLength(0);
    expect(passedOn).toEqual([]);
  });

  it('only for a plain path: the root, empty segments and backslashes go to Next.js (never a protocol-relative Location)', () => {
    expect(withoutTrailingSlash('/commitments/')).toBe('/commitments');
    expect(withoutTrailingSlash('/commitments/TIP-01/?x=1/')).toBe('/commitments/TIP-01?x=1/');
    for (const url of ['/', '/?x=1', '/commitments', '//evil.example/', '/a//', '/\\evil.example/', '/a/\\/', '/%2F/x']) expect(withoutTrailingSlash(url), url).toBeNull();
  });
});
