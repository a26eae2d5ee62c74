// Stale if error: while the database is unreachable, a page Next already holds in its cache is
// still served; only a page that must be rendered (and so must read the database) answers the
// 503 page. The proxy cannot look into Next's cache and cannot see the response a request will
// get, so during an outage, and only then, it asks this same server for the page once, over
// loopback, with a per-process pass that lets that inner request through. A cached page comes
// back at once; one that must be rendered fails (500) or waits on the database (timed out here);
// both become the 503 page. See docs/decisions/2026-12-01-stale-if-error.md.

const PASS_HEADER = 'x-broadsheet-outage-pass';
const KEY = Symbol.for('broadsheet.http.outage-pass');

function pass(): string {
  const g = globalThis as typeof globalThis & { [KEY]?: string };
  g[KEY] ??= crypto.randomUUID();
  return g[KEY];
}

/** True for the proxy's own inner request: it must go straight to the page. */
export function isOutageProbe(request: Request): boolean {
  return request.headers.get(PASS_HEADER) === pass();
}

// Headers of the inner response that describe its transfer, not the page.
const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding'];

/**
 * The page as this server would serve it without the database, or null when it cannot be (not
 * cached, needs the database, or did not answer in time). Only for GET and HEAD.
 */
export async function pageWithoutDatabase(request: Request, timeoutMs = Number(process.env.OUTAGE_PAGE_TIMEOUT_MS ?? 2000)): Promise<Response | null> {
  const url = new URL(request.url);
  // The address `next start` listens on (Next sets it); the request's own host may be a cache in front.
  const origin = process.env.__NEXT_PRIVATE_ORIGIN || url.origin;
  const headers = new Headers(request.headers);
  headers.delete('host');
  headers.set('accept-encoding', 'identity');
  headers.set(PASS_HEADER, pass());
  try {
    const response = await fetch(`${origin}${url.pathname}${url.search}`, { method: request.method, headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    if (response.status >= 500) {
      await response.body?.cancel().catch(() => {});
      return null;
    }
    const out = new Headers(response.headers);
    for (const name of HOP_BY_HOP) out.delete(name);
    out.delete(PASS_HEADER);
    // Served without the database: a cache in front may keep it, but only briefly.
    out.set('x-served-during-outage', '1');
    return new Response(request.method === 'HEAD' ? null : response.body, { status: response.status, headers: out });
  } catch {
    return null;
  }
}
