// The public address of the site, from configuration only. Every absolute URL we publish
// (canonical links, Open Graph, JSON-LD, feeds, sitemaps, robots.txt) is built from it, never from
// the request's Host or X-Forwarded-Host headers, which anyone can set.

const DEFAULT_SITE_URL = 'http://localhost:3000';

/** The configured origin without a trailing slash: SITE_URL, else http://localhost:3000. */
export function siteUrl(): string {
  const raw = process.env.SITE_URL?.trim() || DEFAULT_SITE_URL;
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
