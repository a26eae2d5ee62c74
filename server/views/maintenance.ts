import 'server-only';
import { rollUpViews } from '../../db/mutations/views';
import { logger } from '../log';

// The audience figures' housekeeping, on a timer in every server process: daily totals rolled up
// from the hourly counts, and hourly counts older than VIEWS_RAW_DAYS (90) deleted. Any instance
// may run it at any time: one at a time holds the lock and the rest skip, and the totals are
// recomputed, never added to. Nothing readers see changes, so no cache tag expires.

const KEY = Symbol.for('broadsheet.view-maintenance');

export async function runViewMaintenance(): Promise<void> {
  try {
    const result = await rollUpViews();
    if (result.pruned > 0) logger().info({ event: 'views.pruned', rows: result.pruned }, 'deleted hourly view counts past their retention');
  } catch (error) {
    logger().error({ event: 'views.maintenance-failed', err: (error as Error).message }, 'audience figures rollup failed');
  }
}

/** Runs the rollup a minute after start-up and then every ten minutes (VIEWS_MAINTENANCE_MS). */
export function startViewMaintenance(): void {
  const g = globalThis as typeof globalThis & { [KEY]?: NodeJS.Timeout };
  if (g[KEY]) return;
  const every = Number(process.env.VIEWS_MAINTENANCE_MS ?? 600_000);
  if (!(every > 0)) return;
  const first = setTimeout(() => void runViewMaintenance(), Math.min(60_000, every));
  first.unref();
  g[KEY] = setInterval(() => void runViewMaintenance(), every);
  g[KEY].unref();
}
