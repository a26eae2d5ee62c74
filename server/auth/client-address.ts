import { clientAddressOf } from '../comments/client-address';

// The client's network address, for sign-in throttling: the same rule as the comment flood limits
// (server/comments/client-address.ts): the socket's address, or behind a proxy listed in
// TRUSTED_PROXIES the address it reports. Without the socket hook (a custom server), the last
// X-Forwarded-For entry is the best there is; the per-account limit holds either way.
export function clientAddress(headers: Headers): string {
  const known = clientAddressOf(headers);
  if (known) return known;
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
  return (last || 'unknown').slice(0, 100);
}

/** True when a state-changing request comes from this site (or says nothing about its origin). */
export function sameOrigin(request: Request): boolean {
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return false;
  const origin = request.headers.get('origin');
  if (!origin) return true;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
