import { logger } from '../log';

// Shared HTTP caches in front of the app (Varnish: deploy/varnish/broadsheet.vcl), listed in
// SHARED_CACHE_PURGE_URLS, comma-separated, e.g. "http://127.0.0.1:6081/". When the app expires a
// cache tag it asks each of them to drop every page (BAN): the pages they refill come from the
// app's own cache, which only re-renders what the change touched.

const purgeUrls = () =>
  (process.env.SHARED_CACHE_PURGE_URLS ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);

/** Asks every shared cache to drop its pages; resolves when each has answered or a second has passed. */
export async function purgeSharedCaches(reason: string): Promise<void> {
  const urls = purgeUrls();
  if (urls.length === 0) return;
  await Promise.all(
    urls.map(async (url) => {
      try {
        const response = await fetch(url, { method: 'BAN', signal: AbortSignal.timeout(1000) });
        if (!response.ok) throw new Error(`answered ${response.status}`);
      } catch (error) {
        logger().error({ event: 'shared-cache.purge-failed', url, reason, err: (error as Error).message }, 'shared cache purge failed');
      }
    }),
  );
}
