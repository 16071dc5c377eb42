/**
 * The address a request comes from, for the sign-in limits. `X-Forwarded-For` is written by
 * whoever sends the request, so it is believed only as far as the operator says proxies of their
 * own stand in front of the app: `TRUST_PROXY` is that number of hops (default 0).
 *
 * The header as the app receives it: with `n` trusted proxies, each appended the address it saw,
 * so the client is the `n`-th entry from the right (entries further left were written by the
 * client and are ignored). `next start` fills the header from the connection only when it is
 * absent, so with no proxy in front a client can name its own address: the last entry is then
 * believed, and only the per-account sign-in delay still holds (README, Deployment).
 *
 * proxy.ts resolves the address once per request and hands it on in CLIENT_ADDRESS_HEADER,
 * replacing anything a client sent under that name; better-auth and db/sign-in-throttle.ts read
 * only that header.
 */
type Env = Record<string, string | undefined>;

export const CLIENT_ADDRESS_HEADER = 'x-client-address';

/** `TRUST_PROXY`: a whole number of proxy hops to believe; anything else believes none. */
export function trustedProxyHops(env: Env = process.env): number {
  const configured = env.TRUST_PROXY?.trim() ?? '';
  return /^\d{1,2}$/.test(configured) ? Number(configured) : 0;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** The eight groups of an IPv6 address, or null when it is not one. */
function ipv6Groups(address: string): string[] | null {
  if (!/^[0-9a-f:.]+$/i.test(address) || address.split('::').length > 2) return null;
  let text = address;
  // An IPv4 tail (`::ffff:192.0.2.1`) is two groups.
  const tail = /:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    if (!IPV4.test(tail[1]!)) return null;
    const [a, b, c, d] = tail[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, tail.index)}:${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const left = head === '' ? [] : head.split(':');
  const right = rest === undefined || rest === '' ? [] : rest.split(':');
  const missing = 8 - left.length - right.length;
  if (rest === undefined ? missing !== 0 : missing < 1) return null;
  const groups = [...left, ...Array<string>(rest === undefined ? 0 : missing).fill('0'), ...right];
  if (groups.some((group) => !/^[0-9a-f]{1,4}$/i.test(group))) return null;
  return groups.map((group) => group.toLowerCase().padStart(4, '0'));
}

/**
 * One key per client: an IPv4 address as is (also when written IPv4-mapped), an IPv6 address by
 * its /64 network, since one subscriber usually holds a whole /64. Null when it is no address.
 */
export function normalizeAddress(value: string): string | null {
  let address = value.trim();
  // A proxy may add the client's port: `192.0.2.1:51234`, `[2001:db8::1]:443`.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  if (IPV4.test(address)) return address;
  const groups = ipv6Groups(address);
  if (!groups) return null;
  if (groups.slice(0, 5).every((group) => group === '0000') && groups[5] === 'ffff') {
    const [high, low] = [parseInt(groups[6]!, 16), parseInt(groups[7]!, 16)];
    return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  }
  return [...groups.slice(0, 4), '0000', '0000', '0000', '0000'].join(':');
}

/** The client's address from `X-Forwarded-For` as received, believing `trustedHops` proxies; null when there is none. */
export function clientAddress(forwardedFor: string | null, trustedHops: number): string | null {
  const entries = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  // With no trusted proxy: the last entry (the connection's own when the client sent no header).
  // A chain shorter than the hops trusted was written by proxies only: its first entry is the furthest seen.
  const index = Math.max(0, entries.length - Math.max(1, trustedHops));
  return normalizeAddress(entries[index]!);
}

/** The address proxy.ts resolved for this request, as the handlers behind it read it. */
export function requestClientAddress(headers: Headers | null | undefined): string | null {
  const value = headers?.get(CLIENT_ADDRESS_HEADER);
  return value ? normalizeAddress(value) : null;
}
