import { afterEach, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { proxy } from '../proxy';
import { CLIENT_ADDRESS_HEADER } from './client-address';

/** The value proxy.ts hands on to the route for `name` (Next.js carries request overrides as x-middleware-request-*). */
async function handedOn(headers: Record<string, string>): Promise<string | null> {
  const response = await proxy(new NextRequest('http://127.0.0.1:3201/sign-in', { headers }));
  const kept = response.headers.get('x-middleware-override-headers')!.split(',');
  const value = response.headers.get(`x-middleware-request-${CLIENT_ADDRESS_HEADER}`);
  expect(kept.includes(CLIENT_ADDRESS_HEADER)).toBe(value !== null);
  return value;
}

describe('proxy.ts hands every route the client address it resolved', () => {
  const saved = process.env.TRUST_PROXY;
  afterEach(() => {
    if (saved === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = saved;
  });

  it('replaces a client address a client wrote itself', async () => {
    delete process.env.TRUST_PROXY;
    expect(
      await handedOn({ 'x-forwarded-for': '192.0.2.44', [CLIENT_ADDRESS_HEADER]: '6.6.6.6' }),
    ).toBe('192.0.2.44');
    expect(await handedOn({ [CLIENT_ADDRESS_HEADER]: '6.6.6.6' })).toBeNull();
  });

  it('believes X-Forwarded-For only as far as TRUST_PROXY says', async () => {
    delete process.env.TRUST_PROXY;
    expect(await handedOn({ 'x-forwarded-for': '6.6.6.6, 10.0.0.2' })).toBe('10.0.0.2');
    process.env.TRUST_PROXY = '2';
    expect(await handedOn({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9, 10.0.0.2' })).toBe(
      '203.0.113.9',
    );
  });
});
