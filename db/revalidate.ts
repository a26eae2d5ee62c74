import 'server-only';
import { revalidateTag } from 'next/cache';
import { forgetResolvedRoutes } from '../lib/route-cache';

/**
 * Expires the given cache tags at once ({ expire: 0 }): the next reader gets a fresh page, never a
 * stale one, so a correction is visible within a second. Also forgets this process's resolved
 * article routes, so a moved or withdrawn article answers 301 or 410 on the next request.
 */
export function expireTags(tags: Iterable<string>): void {
  for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 });
  forgetResolvedRoutes();
}
