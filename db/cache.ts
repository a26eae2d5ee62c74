import 'server-only';
import { unstable_cache } from 'next/cache';
import { cache } from 'react';

/**
 * Wraps a reader query in Next's data cache with the given tags (which also attach to the page
 * that used it, so expiring a tag refreshes the page) and in React's per-request cache (so
 * generateMetadata and the page share one query). Results must be JSON: dates as ISO strings.
 * Outside a Next.js server (scripts, unit tests) there is no cache, and the query runs as is.
 */
export function cachedQuery<A extends (string | number)[], R>(
  name: string,
  query: (...args: A) => Promise<R>,
  tagsFor: (...args: A) => string[],
  revalidateSeconds = 3600,
): (...args: A) => Promise<R> {
  return cache((...args: A) => {
    if (!process.env.NEXT_RUNTIME) return query(...args);
    return unstable_cache(() => query(...args), [name, ...args.map(String)], {
      tags: tagsFor(...args),
      revalidate: revalidateSeconds,
    })();
  });
}
