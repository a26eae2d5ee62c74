// The invalidation outbox (table `invalidations`): how a change made on one instance reaches the
// caches of every instance. A mutation that expires reader pages records its tags here inside its
// own transaction, so the record commits or rolls back with the change; the NOTIFY sent in the same
// transaction is delivered by PostgreSQL only at commit. Listeners read the rows themselves, in
// sequence order: the notification's payload is never trusted, so a forged or replayed NOTIFY can
// only make an instance look for rows it has not applied yet (server/cache/invalidation-listener.ts).
import { and, asc, gt, lt, max, min, sql } from 'drizzle-orm';
import type { Db } from './connection';
import { noteLocalChange } from './replicas';
import { invalidations } from './schema';

export const INVALIDATION_CHANNEL = 'broadsheet_invalidation';

/** Rows older than this are pruned; an instance further behind than the oldest row expires everything. */
export const INVALIDATION_KEEP_MS = 24 * 3600_000;

type Executor = Pick<Db, 'insert' | 'execute'>;

/** Records the tags of a change in the caller's transaction and signals the listeners at commit. */
export async function recordInvalidation(tx: Executor, tags: Iterable<string>): Promise<number | null> {
  const unique = [...new Set(tags)];
  if (unique.length === 0) return null;
  const [row] = await tx.insert(invalidations).values({ tags: unique }).returning({ seq: invalidations.seq });
  await tx.execute(sql`select pg_notify(${INVALIDATION_CHANNEL}, ${String(row!.seq)})`);
  // This instance expires the change's pages itself just after the commit (expireTags): until the
  // row comes back through the outbox, with the primary's position after the commit, its renders
  // read the primary, not a replica that may not have replayed the change (db/replicas.ts).
  noteLocalChange(row!.seq);
  return row!.seq;
}

export type InvalidationRow = { seq: number; tags: string[] };

/** The rows after `afterSeq`, oldest first, at most `limit`. */
export async function invalidationsAfter(db: Db, afterSeq: number, limit = 500): Promise<InvalidationRow[]> {
  return db
    .select({ seq: invalidations.seq, tags: invalidations.tags })
    .from(invalidations)
    .where(gt(invalidations.seq, afterSeq))
    .orderBy(asc(invalidations.seq))
    .limit(limit);
}

/** The oldest and newest sequence numbers kept (null when the outbox is empty). */
export async function invalidationBounds(db: Db): Promise<{ oldest: number | null; newest: number | null }> {
  const [row] = await db.select({ oldest: min(invalidations.seq), newest: max(invalidations.seq) }).from(invalidations);
  return { oldest: row?.oldest == null ? null : Number(row.oldest), newest: row?.newest == null ? null : Number(row.newest) };
}

/** The newest sequence number, or 0 for an empty outbox: where a freshly started instance begins. */
export async function latestInvalidationSeq(db: Db): Promise<number> {
  return (await invalidationBounds(db)).newest ?? 0;
}

/** Deletes rows older than the keep time, always leaving the newest so the sequence stays readable. */
export async function pruneInvalidations(db: Db, now = new Date()): Promise<number> {
  const { newest } = await invalidationBounds(db);
  if (newest == null) return 0;
  const cutoff = new Date(now.getTime() - INVALIDATION_KEEP_MS);
  const gone = await db
    .delete(invalidations)
    .where(and(lt(invalidations.createdAt, cutoff), lt(invalidations.seq, newest)))
    .returning({ seq: invalidations.seq });
  return gone.length;
}

/** `recordInvalidation`, returning the tags: `return { ..., expire: await recorded(tx, tags) }`. */
export async function recorded(tx: Executor, tags: string[]): Promise<string[]> {
  await recordInvalidation(tx, tags);
  return tags;
}
