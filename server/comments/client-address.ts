// The commenter's network address, for flood limits and bans. It comes from the TCP socket, which
// a client cannot forge. Only when the socket belongs to a proxy listed in TRUSTED_PROXIES is the
// address that proxy reports (the last X-Forwarded-For entry it did not add itself) used instead;
// otherwise X-Forwarded-For is ignored.
//
// Route handlers cannot see the socket, and `next start` copies a client's own X-Forwarded-For
// through unchanged. So, once per process (instrumentation.ts), every incoming request gets a
// header naming its socket's address, replacing any value a client sent under that name.
import { onEveryRequest, requestHookInstalled } from '../http/request-hook';

export const PEER_HEADER = 'x-broadsheet-peer-address';

export function installPeerAddressHeader(): void {
  onEveryRequest('peer-address', (req) => {
    const address = req.socket?.remoteAddress;
    if (address) req.headers[PEER_HEADER] = address;
    else delete req.headers[PEER_HEADER];
    return false;
  });
}

export const peerAddressHeaderInstalled = () => requestHookInstalled('peer-address');

/** "::ffff:127.0.0.2" → "127.0.0.2"; anything that is not an address → null. */
export function normaliseAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  let a = value.trim().toLowerCase();
  if (a.startsWith('[') && a.includes(']')) a = a.slice(1, a.indexOf(']'));
  if (a.startsWith('::ffff:') && /^\d+\.\d+\.\d+\.\d+$/.test(a.slice(7))) a = a.slice(7);
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(a)) return a.split('.').every((n) => Number(n) <= 255) ? a : null;
  if (/^[0-9a-f:]{2,39}$/.test(a) && a.includes(':')) return a;
  return null;
}

function ipv4ToNumber(a: string): number {
  return a.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

/** True when `address` is one of the entries: exact addresses, or IPv4 ranges like 10.0.0.0/8. */
export function addressInList(address: string, list: readonly string[]): boolean {
  for (const entry of list) {
    const [base, bits] = entry.split('/');
    const baseAddress = normaliseAddress(base);
    if (!baseAddress) continue;
    if (bits === undefined) {
      if (baseAddress === address) return true;
      continue;
    }
    const prefix = Number(bits);
    if (!/^\d+\.\d+\.\d+\.\d+$/.test(address) || !/^\d+\.\d+\.\d+\.\d+$/.test(baseAddress) || !(prefix >= 0 && prefix <= 32)) continue;
    const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
    if (((ipv4ToNumber(address) & mask) >>> 0) === ((ipv4ToNumber(baseAddress) & mask) >>> 0)) return true;
  }
  return false;
}

export const trustedProxies = (): string[] =>
  (process.env.TRUSTED_PROXIES ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The client's address for a request: the socket's, or, behind a trusted proxy, the nearest
 * forwarded address that is not itself a trusted proxy. Null when the socket is unknown (the
 * header was not installed, e.g. a custom server), in which case per-address limits do not apply.
 */
export function clientAddressOf(headers: Headers, proxies: readonly string[] = trustedProxies()): string | null {
  // Without the hook, the header could only have come from the client: ignore it.
  if (!peerAddressHeaderInstalled()) return null;
  const peer = normaliseAddress(headers.get(PEER_HEADER));
  if (!peer) return null;
  if (proxies.length === 0 || !addressInList(peer, proxies)) return peer;
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => normaliseAddress(s))
    .filter((a): a is string => a !== null);
  for (let i = forwarded.length - 1; i >= 0; i--) {
    if (!addressInList(forwarded[i]!, proxies)) return forwarded[i]!;
  }
  return peer;
}
