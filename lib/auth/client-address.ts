// The client's network address, for throttling. `next start` fills X-Forwarded-For from the socket
// when a request has none, and a reverse proxy appends the address it saw, so the last entry is
// the one this deployment vouches for. (A client talking to `next start` directly could send its
// own header; the per-account limit still holds then.)
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
  const address = last || headers.get('x-real-ip') || 'unknown';
  return address.slice(0, 100);
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
