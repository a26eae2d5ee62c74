import type { RouteResolution } from '../../lib/reader-routes';

// A short-lived, per-process memory of how reader paths resolved (live, moved, gone, unknown), so the
// proxy answers 301, 404 and 410 without a database query on every request. It lives on globalThis
// because the proxy and the route handlers are separate bundles in one process.


type Entry = { value: RouteResolution; expires: number };
const KEY = Symbol.for('broadsheet.route-cache');
const MAX_ENTRIES = 5000;

function store(): Map<string, Entry> {
  const g = globalThis as typeof globalThis & { [KEY]?: Map<string, Entry> };
  g[KEY] ??= new Map();
  return g[KEY];
}

/** How long a resolution is trusted. Other instances learn of a change within this time. */
export const routeCacheMs = () => Number(process.env.ROUTE_CACHE_MS ?? 500);

export function rememberedRoute(path: string, now = Date.now()): RouteResolution | undefined {
  const entry = store().get(path);
  if (!entry) return undefined;
  if (entry.expires <= now) {
    store().delete(path);
    return undefined;
  }
  return entry.value;
}

export function rememberRoute(path: string, value: RouteResolution, now = Date.now()): void {
  if (path.length > 500) return; // No real reader path is this long; junk is not worth keeping.
  const map = store();
  if (map.size >= MAX_ENTRIES) map.clear(); // Crude but bounded: junk URLs cannot grow memory.
  map.set(path, { value, expires: now + routeCacheMs() });
}

export function forgetResolvedRoutes(): void {
  store().clear();
}
