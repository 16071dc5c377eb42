import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { frontDoor } from './front-door';
import type { FrontDoor } from './registry';
import { joinParts, PageCache, splitParts } from './page-cache';
import { askServer, type HttpAnswer } from '../testing/http-request';

/**
 * The page cache in front of a stand-in for Next.js that renders like it does: a fresh nonce per
 * response in the CSP header and on its scripts, the body streamed in two chunks, the request id
 * from the request's header (the proxy's), and the data it was asked to show.
 */
interface Rendering {
  status?: number;
  setCookie?: boolean;
  noNonce?: boolean;
  printRequestId?: boolean;
  failWith?: (requestId: string) => void;
  delayMs?: number;
  /** Write the first chunk, then hang up the socket instead of ending. */
  abort?: boolean;
}

let server: Server;
let base: string;
let door: FrontDoor;
let pages: PageCache;
let version: string;
let today: string;
let shown: string;
let rendering: Rendering;
let renders: number;

function fakeNext(request: IncomingMessage, response: ServerResponse): void {
  renders += 1;
  const nonce = randomBytes(16).toString('base64');
  const requestId = String(request.headers['x-request-id'] ?? 'none');
  const content = shown;
  response.statusCode = rendering.status ?? 200;
  response.setHeader('content-type', 'text/html; charset=utf-8');
  response.setHeader('cache-control', 'private, no-cache, no-store, max-age=0, must-revalidate');
  response.setHeader('vary', 'rsc, Accept-Encoding');
  if (!rendering.noNonce) response.setHeader('content-security-policy', `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  response.setHeader('x-request-id', requestId);
  if (rendering.setCookie) response.setHeader('set-cookie', 'flash=1; Path=/');
  response.write(`<!DOCTYPE html><html><head><script nonce="${nonce}" src="/a.js"></script></head><body>`);
  if (rendering.abort) {
    response.socket?.destroy();
    return;
  }
  setTimeout(() => {
    rendering.failWith?.(requestId);
    response.end(`<main>${content}${rendering.printRequestId ? ` ${requestId}` : ''}${'x'.repeat(2000)}</main><script nonce="${nonce}">self.__next_f=[]</script></body></html>`);
  }, rendering.delayMs ?? 5);
}

beforeEach(async () => {
  version = '1:1';
  today = '2026-11-29';
  shown = 'Figures as of version 1';
  rendering = {};
  renders = 0;
  pages = new PageCache({ paths: ['/'], version: () => version, today: () => today, budgetBytes: 1024 * 1024 });
  door = frontDoor(pages, (error) => {
    throw error;
  });
  server = createServer((request, response) => door.handle(request, response, () => fakeNext(request, response)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

type Answer = HttpAnswer;

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => askServer(`${base}${path}`, headers, method);

function nonceOf(answer: Answer): string {
  const nonce = /'nonce-([^']+)'/.exec(String(answer.headers['content-security-policy']))?.[1];
  expect(nonce).toBeDefined();
  return nonce as string;
}

/** The page as a visitor sees it, whatever its nonce. */
function withoutNonce(answer: Answer): string {
  return answer.body.replaceAll(nonceOf(answer), 'NONCE');
}

describe('PageCache: a public page rendered once per data version', () => {
  it('replays the page to the next visitor with a fresh nonce, in the header and on every script, and its own request id', async () => {
    const first = await get('/?theme=smuggling');
    const second = await get('/?theme=smuggling', { 'x-request-id': 'delegation-42-reload' });
    expect(renders).toBe(1);
    expect(second.status).toBe(200);
    expect(withoutNonce(second)).toBe(withoutNonce(first));
    expect(nonceOf(second)).not.toBe(nonceOf(first));
    expect(second.body).not.toContain(nonceOf(first));
    expect(second.body.split(`nonce="${nonceOf(second)}"`)).toHaveLength(3);
    expect(second.headers['x-request-id']).toBe('delegation-42-reload');
    expect(second.headers['server-timing']).toBe('reqid;desc="delegation-42-reload"');
    expect(second.headers['x-frame-options']).toBe('DENY');
    expect(second.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(second.headers['cache-control']).toContain('no-store');
    expect(Number(second.headers['content-length'])).toBe(Buffer.byteLength(second.body));
    expect([first.headers['x-page-cache'], second.headers['x-page-cache']]).toEqual(['miss', 'hit']);
    const third = await get('/?theme=smuggling');
    expect(third.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
    expect(pages.hits).toBe(2);
  });

  it('never serves a page rendered before a write: the next data version renders again', async () => {
    expect((await get('/')).body).toContain('version 1');
    expect((await get('/')).body).toContain('version 1');
    shown = 'Figures as of version 2';
    version = '2:1';
    expect((await get('/')).body).toContain('version 2');
    expect(renders).toBe(2);
    // A write recorded only in the audit log moves the version too (db/queries/data-version.ts).
    shown = 'Figures as of version 3';
    version = '2:2';
    expect((await get('/')).body).toContain('version 3');
    expect(renders).toBe(3);
  });

  it('renders again on a new day (as of today, and the stale rule, move with the date)', async () => {
    await get('/');
    today = '2026-11-30';
    await get('/');
    expect(renders).toBe(2);
  });

  it('keeps each query apart', async () => {
    await get('/?theme=smuggling');
    await get('/?theme=trafficking');
    await get('/?theme=smuggling');
    expect(renders).toBe(2);
  });

  it.each([
    ['a signed-in visitor (any cookie)', '/', { cookie: 'better-auth.session_token=abc' }, 'GET'],
    ['an API client with a token', '/', { authorization: 'Bearer ct_x' }, 'GET'],
    ["the router's flight request", '/', { rsc: '1' }, 'GET'],
    ["the router's prefetch", '/', { 'next-router-prefetch': '1' }, 'GET'],
    ['a flight request by its query', '/?_rsc=abc', {}, 'GET'],
    ['a server action', '/', { 'next-action': 'abc' }, 'POST'],
    ['a HEAD request', '/', {}, 'HEAD'],
    ['another page', '/commitments', {}, 'GET'],
  ] as const)('always renders for %s', async (_label, path, headers, method) => {
    await get(path, headers, method);
    const second = await get(path, headers, method);
    expect(renders).toBe(2);
    expect(pages.hits).toBe(0);
    expect(second.headers['x-page-cache']).toBeUndefined();
  });

  it.each([
    ['an error status', { status: 500 }],
    ['a not-found page', { status: 404 }],
    ['a response that sets a cookie', { setCookie: true }],
    ['a response without a nonce', { noNonce: true }],
    ['a page that printed its request id', { printRequestId: true }],
  ] as const)('does not keep %s', async (_label, behaviour: Rendering) => {
    rendering = behaviour;
    await get('/');
    await get('/');
    expect(renders).toBe(2);
  });

  it('does not keep a page whose render reported an error (instrumentation.ts onRequestError)', async () => {
    rendering = { failWith: (requestId) => door.reportError(requestId) };
    await get('/');
    rendering = {};
    await get('/');
    expect(renders).toBe(2);
    await get('/');
    expect(renders).toBe(2);
  });

  it('gives a render its own request id when a caller\'s id is already rendering, so an error is tied to the right render', async () => {
    const seen: string[] = [];
    rendering = { delayMs: 50, failWith: (requestId) => seen.push(requestId) };
    await Promise.all([get('/?a=1', { 'x-request-id': 'same-id-12345' }), get('/?b=1', { 'x-request-id': 'same-id-12345' })]);
    expect(seen).toHaveLength(2);
    expect(new Set(seen).size).toBe(2);
    expect(seen).toContain('same-id-12345');
  });

  it('does not keep a page cut off before its end', async () => {
    rendering = { abort: true };
    await expect(get('/')).rejects.toThrow();
    rendering = {};
    await get('/');
    expect(renders).toBe(2);
  });

  it('renders a page once for visitors asking at the same moment', async () => {
    rendering = { delayMs: 100 };
    const answers = await Promise.all(Array.from({ length: 8 }, () => get('/?view=projector')));
    expect(renders).toBe(1);
    const nonces = new Set(answers.map(nonceOf));
    expect(nonces.size).toBe(8);
    for (const answer of answers) expect(withoutNonce(answer)).toBe(withoutNonce(answers[0] as Answer));
  });

  it('compresses a replay for a browser that accepts gzip, and renders uncompressed to keep the copy', async () => {
    const first = await get('/', { 'accept-encoding': 'gzip, deflate, br' });
    expect(first.headers['content-encoding']).toBeUndefined();
    const second = await get('/', { 'accept-encoding': 'gzip, deflate, br' });
    expect(second.headers['content-encoding']).toBe('gzip');
    expect(withoutNonce(second)).toBe(withoutNonce(first));
    expect(second.body).toContain(`nonce="${nonceOf(second)}"`);
    expect((await get('/', { 'accept-encoding': 'gzip;q=0, identity' })).headers['content-encoding']).toBeUndefined();
  });

  it('does not keep a page above a quarter of its budget', async () => {
    pages = new PageCache({ paths: ['/'], version: () => version, today: () => today, budgetBytes: 4 * 1024 });
    door = frontDoor(pages, (error) => {
      throw error;
    });
    await get('/');
    await get('/');
    expect(renders).toBe(2);
  });
});

describe('splitParts / joinParts', () => {
  it('put a new separator everywhere the old one was, and nowhere else', () => {
    const body = Buffer.from('a<N>b<N><N>c');
    const parts = splitParts(body, Buffer.from('<N>'));
    expect(parts.map(String)).toEqual(['a', 'b', '', 'c']);
    expect(String(joinParts(parts, Buffer.from('#')))).toBe('a#b##c');
    expect(String(joinParts(splitParts(Buffer.from('plain'), Buffer.from('<N>')), Buffer.from('#')))).toBe('plain');
  });
});
