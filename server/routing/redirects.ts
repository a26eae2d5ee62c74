import 'server-only';
import { findRedirect } from '../../db/queries/wordpress-import';
import { mayBeOldAddress, normalizeOldPath, wordpressQuery } from '../../lib/wordpress/mapping';
import { routeCacheMs } from './route-memory';

// The redirects lookup (table `redirects`, filled by the WordPress import) for the proxy. It is
// asked only about a path that is no live page (the reader routes answered 404, or the path is no
// route at all) and is not one of the site's own folders, so an ordinary page request never pays
// for it. Answers, found or not, are remembered for the route memory's time (ROUTE_CACHE_MS), on
// globalThis like it: the proxy and route handlers are separate bundles of one process. Other
// instances learn of a change within that time; an import on this instance calls expireTags,
// which forgets the route memory, and the outbox (db/invalidation.ts) does the same elsewhere.

type Entry = { location: string | null; expires: number };
const KEY = Symbol.for('broadsheet.redirect-cache');
const MAX_ENTRIES = 5000;

function store(): Map<string, Entry> {
  const g = globalThis as typeof globalThis & { [KEY]?: Map<string, Entry> };
  g[KEY] ??= new Map();
  return g[KEY];
}

async function lookup(key: string, now = Date.now()): Promise<string | null> {
  const map = store();
  const known = map.get(key);
  if (known && known.expires > now) return known.location;
  const location = await findRedirect(key);
  if (map.size >= MAX_ENTRIES) map.clear();
  if (key.length <= 500) map.set(key, { location, expires: now + routeCacheMs() });
  return location;
}

/** Where an old address of a moved site (a path) points now, or null. */
export async function oldAddressTarget(pathname: string): Promise<string | null> {
  if (!mayBeOldAddress(pathname)) return null;
  const key = normalizeOldPath(pathname);
  const location = await lookup(key);
  return location && location !== pathname ? location : null;
}

/**
 * The same for WordPress's query-string addresses (/?p=12, /index.php?page_id=3, /news/?feed=rss2
 * for a blog in a folder). Only a query naming one of WordPress's own parameters is looked up.
 */
export async function oldQueryTarget(pathname: string, search: string): Promise<string | null> {
  if (!wordpressQuery(search) || (pathname !== '/' && !mayBeOldAddress(pathname))) return null;
  return lookup(normalizeOldPath(pathname, search));
}

export function forgetRedirects(): void {
  store().clear();
}
