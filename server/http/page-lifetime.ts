import 'server-only';
import { unstable_cache } from 'next/cache';

/**
 * Shortens how long the page being rendered may be cached to at most `seconds`: for a page that
 * shows something ending at a set time (a pin's expiry, the breaking-news strip's end), so no
 * cache keeps it past that time without a change that expires a tag.
 *
 * Next takes a page's cache lifetime as the shortest `revalidate` among the cached reads made while
 * rendering it (its segment's own `revalidate` included), and that lifetime is also the
 * `s-maxage` a shared cache in front (Varnish) keeps it for. A cached read of nothing, with the
 * lifetime wanted, is the one way to set it from the data under the route-level cache model
 * (docs/decisions/2026-11-28-caching-model.md); outside a Next.js render it does nothing.
 */
export async function keepPageAtMost(seconds: number): Promise<void> {
  if (!process.env.NEXT_RUNTIME) return;
  const limit = Math.max(1, Math.floor(seconds));
  await unstable_cache(async () => limit, ['page-lifetime', String(limit)], { revalidate: limit })();
}
