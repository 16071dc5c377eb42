import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoad } from './load';

/** A server that records the requests it gets and fails writes to /fail. */
let server: Server;
let base = '';
const seen: string[] = [];
beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    response.statusCode = request.url === '/fail' ? 500 : 200;
    response.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const load = (before: string) =>
  runLoad(
    {
      base,
      concurrency: 1,
      durationMs: 0,
      minRequests: 3,
      maxRequests: 3,
      timeoutMs: 5_000,
      request: (n) => ({ path: `/view/${n}`, before: { path: before, method: 'POST' } }),
    },
    null,
  );

describe('a request with one sent before it', () => {
  it('sends the one before first, each time, and times only the request', async () => {
    seen.length = 0;
    const run = await load('/write');
    expect(seen).toEqual([
      'POST /write',
      'GET /view/0',
      'POST /write',
      'GET /view/1',
      'POST /write',
      'GET /view/2',
    ]);
    expect(run).toMatchObject({ requests: 3, errors: 0 });
  });

  it('counts an error, and does not send the request, when the one before fails', async () => {
    seen.length = 0;
    const run = await load('/fail');
    expect(seen).toEqual(['POST /fail', 'POST /fail', 'POST /fail']);
    expect(run).toMatchObject({ requests: 0, errors: 3 });
  });
});

describe('a steady rate', () => {
  it('sends the next request only once the interval has passed since the last one was sent', async () => {
    seen.length = 0;
    const started = performance.now();
    const run = await runLoad(
      {
        base,
        concurrency: 1,
        durationMs: 0,
        minRequests: 4,
        maxRequests: 4,
        timeoutMs: 5_000,
        request: (n) => ({ path: `/paced/${n}` }),
        intervalMs: 100,
      },
      null,
    );
    expect(run).toMatchObject({ requests: 4, errors: 0 });
    expect(seen).toEqual(['GET /paced/0', 'GET /paced/1', 'GET /paced/2', 'GET /paced/3']);
    // Three intervals at least between the first request and the last: never back to back.
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });
});
