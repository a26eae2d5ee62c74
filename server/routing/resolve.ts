import { resolveReaderPath } from '../../db/queries/routes';
import type { RouteResolution } from '../../lib/reader-routes';
import { oldAddressTarget } from './redirects';
import { rememberedRoute, rememberRoute } from './route-memory';

/**
 * What a reader path is now, for the proxy: from this process's short memory of recent answers
 * (server/routing/route-memory.ts), else from the database through the pages' own statements.
 * `null` for paths that are not reader pages with data behind them.
 */
export async function resolveReaderRoute(path: string): Promise<RouteResolution | null> {
  const known = rememberedRoute(path);
  if (known) return known;
  let fresh = await resolveReaderPath(path);
  // Not a live page: perhaps an old address of a site moved here (a WordPress permalink, archive or feed).
  if (fresh === null || fresh.kind === 'unknown') {
    const location = await oldAddressTarget(path);
    if (location) fresh = { kind: 'moved', location };
  }
  // A refusal belongs to one reader and is looked at once or twice: not worth remembering.
  if (fresh && fresh.kind !== 'refused') rememberRoute(path, fresh);
  return fresh;
}
