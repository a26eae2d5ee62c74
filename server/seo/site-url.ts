// The public address of the site, from configuration only. Every absolute URL we publish
// (canonical links, Open Graph, JSON-LD, feeds, sitemaps, robots.txt) is built from it, never from
// the request's Host or X-Forwarded-Host headers, which anyone can set.

// Without SITE_URL, the address the app listens on: `next start -p N` and `PORT=N npm start` both
// leave the port in PORT (Next sets it when it binds), so a server on another port does not
// publish canonical and feed URLs pointing at a port nobody serves. Read per call, not at import,
// because Next sets PORT after the modules of a build may already be loaded.
function defaultSiteUrl(): string {
  const port = process.env.PORT?.trim();
  return `http://localhost:${port && /^\d+$/.test(port) ? port : '3000'}`;
}

/** The configured origin without a trailing slash: SITE_URL, else http://localhost:$PORT (PORT defaults to 3000). */
export function siteUrl(): string {
  const raw = process.env.SITE_URL?.trim() || defaultSiteUrl();
  const url = new URL(raw);
  // Keep a path prefix if the site lives under one ("https://example.org/news").
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** An absolute URL for a site path ("/world" → "https://example.org/world"); absolute input is returned as is. */
export function absoluteUrl(pathOrUrl: string): string {
  if (/^https?:\/\//i.test(pathOrUrl)) return pathOrUrl;
  const path = pathOrUrl.startsWith('/') ? pathOrUrl : `/${pathOrUrl}`;
  return `${siteUrl()}${path === '/' ? '/' : path}`;
}

/** The host name, for identifiers that must be globally unique (feed GUIDs). */
export function siteHost(): string {
  return new URL(siteUrl()).host;
}
