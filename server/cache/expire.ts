import 'server-only';
import { revalidateTag } from 'next/cache';
import { forgetRedirects } from '../routing/redirects';
import { forgetResolvedRoutes } from '../routing/route-memory';

/**
 * Expires the given cache tags in this instance at once ({ expire: 0 }): the next reader gets a
 * fresh page, never a stale one, so a correction is visible within a second. Also forgets this
 * process's resolved article routes, so a moved or withdrawn article answers 301 or 410 on the next
 * request. The pages carrying these tags are purged from any shared HTTP cache in front of the app
 * once Next has applied the expiry, just after the action returns (server/cache/http-purge.ts,
 * from the page store's revalidateTag); no editor waits on a cache.
 *
 * The other instances learn of the change from the outbox row its mutation recorded in its own
 * transaction (db/invalidation.ts, applied by server/cache/invalidation.ts), and so does this one
 * a moment later: calling this first only makes the change visible here without waiting for that.
 */
export function expireTags(tags: Iterable<string>): void {
  const unique = [...new Set(tags)];
  // A mutation that changed nothing readers see returns no tags, and its caller still passes them
  // here: that must not empty the shared cache (a held comment would otherwise purge every page).
  if (unique.length === 0) return;
  for (const tag of unique) revalidateTag(tag, { expire: 0 });
  forgetResolvedRoutes();
  forgetRedirects();
}
