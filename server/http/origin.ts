import { logger } from '../log';

// Is a state-changing request from a page of this site? Browsers send `Origin` on every POST and
// `Sec-Fetch-Site` on every request, so a request carrying cookies with neither is not from a
// browser page of ours, and a foreign, `null` or malformed Origin is a page of someone else's.
// Next checks server actions itself, but answers a foreign Origin with a 500 and a missing one
// with a warning; this is the check in front of it (and of the route handlers), answered 403.

export type OriginRefusal = 'cross-site' | 'null-origin' | 'malformed-origin' | 'foreign-origin' | 'no-origin';

/** Why a state-changing request is refused, or null when it may go on. */
export function originRefusal(headers: Headers): OriginRefusal | null {
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite !== null && fetchSite !== 'same-origin' && fetchSite !== 'none') return 'cross-site';
  const origin = headers.get('origin');
  if (origin === null) {
    // A request without cookies cannot act in anyone's name: it may come from a script or curl.
    return fetchSite === null && (headers.get('cookie') ?? '').trim() !== '' ? 'no-origin' : null;
  }
  if (origin.trim() === 'null') return 'null-origin';
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return 'malformed-origin';
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin.trim().replace(/\/$/, '')) return 'malformed-origin';
  // The same host Next's own action check compares with.
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
  return url.host === host ? null : 'foreign-origin';
}

/** The plain message a refused request is answered with. */
export const ORIGIN_REFUSED_MESSAGE = 'Refused: this request did not come from a page of this site. Reload the page and try again.';

/**
 * The refusal for a state-changing request, logged once here (method, path and reason; never the
 * body or the cookies), or null when it may go on.
 */
export function refuseForeignRequest(request: Request, requestId?: string): OriginRefusal | null {
  const refusal = originRefusal(request.headers);
  if (refusal) {
    logger().warn(
      { event: 'request.refused', reqId: requestId, reason: refusal, method: request.method, path: new URL(request.url).pathname.slice(0, 300), origin: request.headers.get('origin')?.slice(0, 200) ?? null },
      'state-changing request refused: not from a page of this site',
    );
  }
  return refusal;
}
