import { describe, expect, it } from 'vitest';
import { clientAddress, normalizeAddress, trustedProxyHops } from './client-address';

describe('the client address', () => {
  it('believes no proxy unless TRUST_PROXY says how many', () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUST_PROXY: '' })).toBe(0);
    expect(trustedProxyHops({ TRUST_PROXY: '1' })).toBe(1);
    expect(trustedProxyHops({ TRUST_PROXY: ' 2 ' })).toBe(2);
    for (const odd of ['true', 'yes', '-1', '1.5', 'all', '999'])
      expect(trustedProxyHops({ TRUST_PROXY: odd })).toBe(0);
  });

  it('with no trusted proxy is the last entry: the connection’s address, which next start fills in when the client sent none', () => {
    expect(clientAddress('192.0.2.44', 0)).toBe('192.0.2.44');
    // A client exposed directly can write the header itself (the README's deployment section says so).
    expect(clientAddress('6.6.6.6, 192.0.2.44', 0)).toBe('192.0.2.44');
  });

  it('behind one proxy is the address that proxy appended, not what the client claimed', () => {
    expect(clientAddress('203.0.113.9', 1)).toBe('203.0.113.9');
    expect(clientAddress('6.6.6.6, 7.7.7.7, 203.0.113.9', 1)).toBe('203.0.113.9');
  });

  it('behind two proxies skips the nearer one', () => {
    expect(clientAddress('6.6.6.6, 203.0.113.9, 10.0.0.2', 2)).toBe('203.0.113.9');
    // Shorter than the hops trusted: every entry came from a proxy; the furthest is the client.
    expect(clientAddress('203.0.113.9', 2)).toBe('203.0.113.9');
  });

  it('is null without a usable address', () => {
    expect(clientAddress(null, 0)).toBeNull();
    expect(clientAddress(' , ', 1)).toBeNull();
    expect(clientAddress('unknown', 0)).toBeNull();
    expect(clientAddress('not-an-address, 203.0.113.9', 2)).toBeNull();
  });

  it('keys IPv6 clients by their /64 and reads IPv4 however it is written', () => {
    expect(normalizeAddress('2001:db8:1:2:3:4:5:6')).toBe(
      '2001:0db8:0001:0002:0000:0000:0000:0000',
    );
    expect(normalizeAddress('2001:DB8:1:2::ffff')).toBe(normalizeAddress('2001:db8:1:2:aaaa::1'));
    expect(normalizeAddress('::1')).toBe('0000:0000:0000:0000:0000:0000:0000:0000');
    expect(normalizeAddress('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(normalizeAddress('::ffff:c000:201')).toBe('192.0.2.1');
    expect(normalizeAddress('192.0.2.1:51234')).toBe('192.0.2.1');
    expect(normalizeAddress('[2001:db8::1]:443')).toBe('2001:0db8:0000:0000:0000:0000:0000:0000');
    for (const bad of [
      '',
      '256.1.1.1',
      '1.2.3',
      '2001:db8::1::2',
      '1:2:3:4:5:6:7:8:9',
      'fe80::1%eth0',
      '<script>',
    ])
      expect(normalizeAddress(bad)).toBeNull();
  });
});
