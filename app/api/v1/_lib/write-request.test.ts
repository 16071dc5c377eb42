import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '@/lib/api-schemas';
import { openDatabase, type Db } from '@/db/client';
import { importTurn } from '@/db/import/write-turns';
import { writeLimiter } from '@/db/queries/api-write-limit';
import { rateLimit, readJsonBody, writesPerMinute, WRITES_PER_MINUTE } from './write-request';

const jsonRequest = (
  body: BodyInit | null,
  headers: Record<string, string> = { 'Content-Type': 'application/json' },
) =>
  new Request('http://localhost/api/v1/entries', {
    method: 'POST',
    body,
    headers,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);

async function refusal(result: Awaited<ReturnType<typeof readJsonBody>>) {
  if (result.ok) throw new Error('expected a refusal');
  return {
    status: result.response.status,
    code: ((await result.response.json()) as { error: { code: string } }).error.code,
  };
}

describe('reading a JSON body before anything parses it', () => {
  it('parses a JSON body', async () => {
    expect(await readJsonBody(jsonRequest('{"summary":"x"}'))).toEqual({
      ok: true,
      value: { summary: 'x' },
    });
    expect(
      await readJsonBody(
        jsonRequest('{"a":1}', { 'Content-Type': 'application/json; charset=utf-8' }),
      ),
    ).toEqual({ ok: true, value: { a: 1 } });
  });

  it('refuses a declared size over the limit without reading the body (413)', async () => {
    const request = jsonRequest('{}', {
      'Content-Type': 'application/json',
      'Content-Length': String(MAX_BODY_BYTES + 1),
    });
    expect(await refusal(await readJsonBody(request))).toEqual({
      status: 413,
      code: 'payload_too_large',
    });
    expect(request.bodyUsed).toBe(false);
  });

  it('refuses a body whose actual bytes exceed the limit, whatever it declared, and stops reading (413)', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(64 * 1024).fill(32));
      },
    });
    expect(await refusal(await readJsonBody(jsonRequest(endless)))).toEqual({
      status: 413,
      code: 'payload_too_large',
    });
    expect(pulled).toBeLessThanOrEqual(MAX_BODY_BYTES / (64 * 1024) + 2);
  });

  it('refuses a body that is not sent as JSON (415), and one that is not JSON or not UTF-8 (400)', async () => {
    expect(
      await refusal(
        await readJsonBody(
          jsonRequest('summary=x', { 'Content-Type': 'application/x-www-form-urlencoded' }),
        ),
      ),
    ).toEqual({ status: 415, code: 'unsupported_media_type' });
    expect(await refusal(await readJsonBody(jsonRequest('{"summary": ')))).toEqual({
      status: 400,
      code: 'invalid_json',
    });
    expect(
      await refusal(await readJsonBody(jsonRequest(new Uint8Array([0x7b, 0xff, 0x7d])))),
    ).toEqual({ status: 400, code: 'invalid_json' });
  });

  it('reads an empty body as {} only where a body is optional', async () => {
    expect(await readJsonBody(jsonRequest(null, {}), { optional: true })).toEqual({
      ok: true,
      value: {},
    });
    expect(await refusal(await readJsonBody(jsonRequest(null, {})))).toEqual({
      status: 415,
      code: 'unsupported_media_type',
    });
  });
});

describe('the per-token write budget', () => {
  it(`answers 429 with Retry-After once a token has spent its ${WRITES_PER_MINUTE} writes of the minute, counting every entry of a batch`, async () => {
    const db = openDatabase(':memory:');
    const limiter = writeLimiter(db.$client, WRITES_PER_MINUTE);
    expect((await rateLimit('token-a', WRITES_PER_MINUTE, limiter)).ok).toBe(true);
    const limited = await rateLimit('token-a', 1, limiter);
    if (limited.ok) throw new Error('expected 429');
    expect(limited.response.status).toBe(429);
    expect(((await limited.response.json()) as { error: { code: string } }).error.code).toBe(
      'rate_limited',
    );
    expect(Number(limited.response.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.response.headers.get('Retry-After'))).toBeLessThanOrEqual(60);
    expect((await rateLimit('token-b', 1, limiter)).ok).toBe(true);
    db.$client.close();
  });

  it('counts only once an import has committed, without holding the event loop meanwhile', async () => {
    const db = openDatabase(':memory:');
    (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = db;
    const events: string[] = [];
    const spend = writeLimiter(db.$client, WRITES_PER_MINUTE);
    const counting = (async () => {
      const counter = await spend;
      return async (key: string, writes: number) => {
        events.push('counted');
        return counter(key, writes);
      };
    })();
    const release = await importTurn();
    const limited = rateLimit('token-c', 1, counting);
    await new Promise((resolve) => setTimeout(resolve, 20));
    events.push('another request answered');
    release();
    expect((await limited).ok).toBe(true);
    expect(events).toEqual(['another request answered', 'counted']);
    db.$client.close();
  });
});

describe('the per-token write budget setting', () => {
  it('takes a positive whole number from API_WRITES_PER_MINUTE and falls back to 1,200', () => {
    expect(writesPerMinute(undefined)).toBe(1_200);
    expect(writesPerMinute('5000')).toBe(5_000);
    for (const bad of ['', '0', '-3', '1.5', 'lots']) expect(writesPerMinute(bad)).toBe(1_200);
  });
});
