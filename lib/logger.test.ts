import { describe, expect, it } from 'vitest';
import { errorEvent, formatLogLine, redact } from './logger';
import { latestRequestId, requestIdFrom } from './request-id';
import { BODY_LIMITS, checkBodySize } from './request-guards';

describe('structured error logs', () => {
  it('an error becomes one JSON line with time, level, request id, route and message', () => {
    const error = new Error('database is locked\nsecond line');
    const line = formatLogLine(
      errorEvent(error, {
        requestId: 'req-12345678',
        route: 'route /api/v1/entries',
        method: 'POST',
      }),
      new Date('2026-11-28T10:00:00Z'),
    );
    expect(line.split('\n')).toHaveLength(1);
    const parsed = JSON.parse(line);
    expect(parsed).toMatchObject({
      time: '2026-11-28T10:00:00.000Z',
      level: 'error',
      requestId: 'req-12345678',
      route: 'route /api/v1/entries',
      method: 'POST',
      message: 'database is locked\nsecond line',
      errorName: 'Error',
    });
    expect(parsed.at).toMatch(/logger\.test\.ts/);
  });

  it('never writes a token, password or cookie it is handed', () => {
    const message =
      'failed with Authorization: Bearer ct_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG password=hunter22 cookie: session=abc';
    const masked = redact(message);
    expect(masked).not.toMatch(/ct_abcdef|hunter22|session=abc/);
    expect(masked).toContain('[redacted]');
  });
});

describe('request ids', () => {
  it('keeps a plain id from a reverse proxy and replaces anything that could forge a log line', () => {
    expect(requestIdFrom('abc-123-def-456')).toBe('abc-123-def-456');
    for (const forged of [
      'short',
      'has "quotes" and spaces',
      'line\nbreak-00000000',
      null,
      undefined,
      'x'.repeat(101),
    ]) {
      expect(requestIdFrom(forged)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('the error page reads the id of the latest response that carried one', () => {
    const entries = [
      { serverTiming: [{ name: 'reqid', description: 'first-request-0001' }] },
      { serverTiming: [{ name: 'reqid', description: 'second-request-0002' }] },
      { serverTiming: [] },
    ];
    expect(latestRequestId(entries)).toBe('second-request-0002');
    expect(latestRequestId([])).toBeNull();
  });
});

describe('request guards of the proxy', () => {
  it('refuses a body over the limit by its Content-Length, before reading it', () => {
    expect(checkBodySize('POST', String(BODY_LIMITS.api + 1), null, 'api')).toMatchObject({
      ok: false,
      status: 413,
    });
    expect(checkBodySize('POST', String(BODY_LIMITS.api), null, 'api')).toEqual({ ok: true });
    expect(checkBodySize('GET', String(BODY_LIMITS.api * 10), null, 'api')).toEqual({ ok: true });
  });

  it('refuses a body of unknown size, and lets a write without a body through', () => {
    expect(checkBodySize('POST', null, 'chunked', 'page')).toMatchObject({
      ok: false,
      status: 411,
    });
    expect(checkBodySize('POST', 'ten', null, 'page')).toMatchObject({ ok: false, status: 411 });
    expect(checkBodySize('POST', null, null, 'page')).toEqual({ ok: true });
  });
});
