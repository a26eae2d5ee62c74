// The comment housekeeping that runs on a schedule in the server process: client addresses and
// browser names are dropped from comments older than the retention period (30 days by default),
// and refused plain-form comments kept for their page are deleted once expired. Neither changes
// what readers see, so no cache tag expires. Safe to run on several instances at once: each is
// one idempotent statement.
import { purgeCommenterTraces } from '../../db/mutations/comments';
import { forgetExpiredRefusedComments } from '../../db/mutations/refused-comments';
import { logger } from '../log';

const KEY = Symbol.for('broadsheet.comment-maintenance');
const HOUR = 3600_000;

export async function runCommentMaintenance(): Promise<void> {
  try {
    const { addressesDropped } = await purgeCommenterTraces();
    if (addressesDropped > 0) logger().info({ event: 'comments.addresses-dropped', count: addressesDropped }, 'dropped old commenter addresses');
    const { deleted } = await forgetExpiredRefusedComments();
    if (deleted > 0) logger().info({ event: 'comments.refused-forgotten', count: deleted }, 'deleted expired refused comments');
  } catch (error) {
    logger().error({ event: 'comments.maintenance-failed', err: (error as Error).message }, 'comment maintenance failed');
  }
}

/** Runs the housekeeping a minute after start-up and then every hour (COMMENT_MAINTENANCE_MS). */
export function startCommentMaintenance(): void {
  const g = globalThis as typeof globalThis & { [KEY]?: NodeJS.Timeout };
  if (g[KEY]) return;
  const every = Number(process.env.COMMENT_MAINTENANCE_MS ?? HOUR);
  if (!(every > 0)) return;
  const first = setTimeout(() => void runCommentMaintenance(), Math.min(60_000, every));
  first.unref();
  g[KEY] = setInterval(() => void runCommentMaintenance(), every);
  g[KEY].unref();
}
