import { logger } from '../log';

// Shared HTTP caches in front of the app (Varnish: deploy/varnish/broadsheet.vcl), listed in
// SHARED_CACHE_PURGE_URLS, comma-separated, e.g. "http://127.0.0.1:6081/". Every cached page
// carries its cache tags in an `xkey` header (server/cache/page-cache-handler.cjs); when the app
// expires tags it asks each cache to drop the pages carrying any of them (PURGE with an
// `xkey-purge` header naming the tags, for Varnish's xkey module). Nothing else is dropped.

const purgeUrls = () =>
  (process.env.SHARED_CACHE_PURGE_URLS ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);

// Varnish refuses request headers over 8 KB by default: long tag lists go in several requests.
const MAX_HEADER = 4000;

export function purgeBatches(tags: string[]): string[] {
  const batches: string[] = [];
  let current = '';
  for (const tag of new Set(tags)) {
    if (!tag || /\s/.test(tag)) continue;
    if (current && current.length + 1 + tag.length > MAX_HEADER) {
      batches.push(current);
      current = '';
    }
    current = current ? `${current} ${tag}` : tag;
  }
  if (current) batches.push(current);
  return batches;
}

/** Asks every shared cache to drop the pages tagged with any of `tags`; resolves when each has answered or a second has passed. */
export async function purgeSharedCaches(tags: string[]): Promise<void> {
  const urls = purgeUrls();
  if (urls.length === 0 || tags.length === 0) return;
  const batches = purgeBatches(tags);
  await Promise.all(
    urls.flatMap((url) =>
      batches.map(async (keys) => {
        try {
          const response = await fetch(url, { method: 'PURGE', headers: { 'xkey-purge': keys }, signal: AbortSignal.timeout(1000) });
          if (!response.ok) throw new Error(`answered ${response.status}`);
        } catch (error) {
          logger().error({ event: 'shared-cache.purge-failed', url, tags: keys.slice(0, 200), err: (error as Error).message }, 'shared cache purge failed');
        }
      }),
    ),
  );
}

/**
 * Purges the shared caches whenever this process's page and data store has expired tags
 * (server/cache/page-cache-handler.cjs calls the hook after marking them), so the purge always
 * follows the local expiry. Called once at start-up (instrumentation.ts).
 */
export function purgeAfterEveryExpiry(): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for('broadsheet.tagsExpired')] = (tags: string[]) => void purgeSharedCaches(tags);
}
