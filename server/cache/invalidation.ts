import 'server-only';
import { revalidateTag } from 'next/cache';
import { getConnection } from '../../db/client';
import { INVALIDATION_CHANNEL, invalidationBounds, invalidationsAfter, latestInvalidationSeq } from '../../db/invalidation';
import { noteApplied, noteChangePosition } from '../../db/replicas';
import { cacheTags } from '../../db/tags';
import { OutboxCursor } from '../../lib/outbox-cursor';
import { logger } from '../log';
import { forgetResolvedRoutes } from '../routing/route-memory';

// Shared invalidation: every instance applies every change's cache tags, in sequence order, from
// the outbox (db/invalidation.ts). A NOTIFY, or the listening connection coming back, only wakes
// this instance up: it reads the rows it has not applied from the database, so a forged or replayed
// notification changes nothing, and a lost connection loses nothing (it replays on reconnect).
//
// Cache tags can only be expired inside a request, so the listener calls this server's own route
// handler over loopback (app/api/cache/invalidations/route.ts, with a per-process secret, as the
// scheduler does), and that request applies the rows: it expires the tags locally and forgets the
// remembered routes; once Next has applied the expiry, the page store purges the shared HTTP cache
// by the same tags (server/cache/page-cache-handler.cjs). Every instance purges after its own
// expiry, so the last purge Varnish receives comes after the last instance has dropped the old
// page: Varnish cannot keep a stale copy fetched from a lagging instance.
//
// A render that began before the expiry and ends after it is stored as fresh although it read the
// old rows (Next dates an entry by when it was stored). So each instance expires the same tags once
// more SETTLE_MS later, when any such render has finished: a change is never hidden by a render
// that overlapped it, at the cost of one more render of the changed pages.
//
// Transactions commit out of sequence order, so where this instance stands is an OutboxCursor
// (lib/outbox-cursor.ts): a row is applied once, whenever it becomes visible.

type State = {
  cursor: OutboxCursor;
  token: string;
  started: boolean;
  listening: boolean;
  lostSince: number | null;
  running: Promise<void> | null;
  again: boolean;
  retry: NodeJS.Timeout | null;
  stop: (() => Promise<void>) | null;
  settling: Set<string>;
  settleTimer: NodeJS.Timeout | null;
};
const KEY = Symbol.for('broadsheet.invalidation');
const GAP_WAIT_MS = 30_000;
const SAFETY_POLL_MS = Number(process.env.INVALIDATION_POLL_MS ?? 30_000);
const SETTLE_MS = Number(process.env.INVALIDATION_SETTLE_MS ?? 1000);

function state(): State {
  const g = globalThis as typeof globalThis & { [KEY]?: State };
  g[KEY] ??= {
    cursor: new OutboxCursor(0, GAP_WAIT_MS),
    token: crypto.randomUUID() + crypto.randomUUID(),
    started: false,
    listening: false,
    lostSince: null,
    running: null,
    again: false,
    retry: null,
    stop: null,
    settling: new Set(),
    settleTimer: null,
  };
  return g[KEY];
}

/** The secret the apply route checks; only this process knows it. */
export const invalidationToken = () => state().token;

/**
 * What /api/health reports: the last sequence number this instance has applied, whether it listens,
 * and whether the second expiry of a change it applied is still to come (see the top of this file).
 */
export function invalidationStatus(): { applied: number; listening: boolean; settling: boolean } {
  const s = state();
  return { applied: s.cursor.applied, listening: s.listening, settling: s.settleTimer !== null || s.settling.size > 0 };
}

function origin(): string {
  const configured = process.env.INVALIDATION_ORIGIN ?? process.env.SCHEDULER_ORIGIN;
  if (configured) return configured.replace(/\/$/, '');
  return `http://127.0.0.1:${process.env.PORT ?? '3000'}`;
}

function expireLocally(tags: string[]): void {
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
}

/**
 * Applies every outbox row this instance has not applied yet. Runs inside a request (the route
 * handler). Returns the tags it expired, for tests and logs.
 */
export async function applyPendingInvalidations(now = Date.now()): Promise<string[]> {
  const s = state();
  const { db } = getConnection();
  const expired = new Set<string>();
  const { oldest } = await invalidationBounds(db);
  if (oldest != null && oldest > s.cursor.applied + 1 && s.cursor.applied > 0 && s.cursor.waiting === 0) {
    // Rows this instance never applied may have been pruned (it was cut off for a day): expire
    // every cached page rather than guess.
    logger().warn({ event: 'invalidation.too-far-behind', applied: s.cursor.applied, oldest }, 'missed invalidations were pruned: expiring every cached page');
    expired.add(cacheTags.all());
    s.cursor.reset(oldest - 1);
  }
  let newestTaken = s.cursor.applied;
  for (;;) {
    const rows = await invalidationsAfter(db, s.cursor.applied, 500);
    for (const row of s.cursor.take(rows, now)) {
      newestTaken = Math.max(newestTaken, row.seq);
      for (const tag of row.tags) expired.add(tag);
    }
    if (rows.length < 500) break;
  }
  if (expired.size > 0) {
    const tags = [...expired];
    // With read replicas: the primary's position now, read after these rows committed, is the one
    // a replica must have replayed before it serves a re-render of these pages (db/replicas.ts).
    await noteChangePosition(newestTaken);
    expireLocally(tags);
    forgetResolvedRoutes();
    planSettle(tags);
  } else {
    noteApplied(newestTaken);
  }
  if (s.cursor.waiting > 0) planRetry(GAP_WAIT_MS + 1000);
  return [...expired];
}

/** Expires, a second time, the tags applied SETTLE_MS ago (see the top of this file). Runs inside the route's request. */
export function applySettledInvalidations(): string[] {
  const s = state();
  const tags = [...s.settling];
  s.settling.clear();
  if (tags.length > 0) {
    expireLocally(tags);
    forgetResolvedRoutes();
  }
  return tags;
}

function planSettle(tags: string[]): void {
  if (SETTLE_MS <= 0) return;
  const s = state();
  for (const tag of tags) s.settling.add(tag);
  if (s.settleTimer) return;
  s.settleTimer = setTimeout(() => {
    s.settleTimer = null;
    void fetch(`${origin()}/api/cache/invalidations`, {
      method: 'POST',
      headers: { 'x-invalidation-token': s.token, 'x-invalidation-settle': '1' },
      signal: AbortSignal.timeout(30_000),
    })
      .then((response) => {
        if (!response.ok) throw new Error(`answered ${response.status}`);
      })
      .catch((error) => logger().debug({ event: 'invalidation.settle-failed', err: (error as Error).message }, 'the second expiry failed; the pages expire with their time limit'));
  }, SETTLE_MS);
  s.settleTimer.unref();
}

function planRetry(ms: number): void {
  const s = state();
  if (s.retry) return;
  s.retry = setTimeout(() => {
    s.retry = null;
    wake();
  }, ms);
  s.retry.unref();
}

/** Asks this server to apply what is pending; one call at a time, and once more if woken meanwhile. */
function wake(): void {
  const s = state();
  if (s.running) {
    s.again = true;
    return;
  }
  s.running = (async () => {
    try {
      const response = await fetch(`${origin()}/api/cache/invalidations`, {
        method: 'POST',
        headers: { 'x-invalidation-token': s.token },
        signal: AbortSignal.timeout(30_000),
      });
      if (!response.ok) throw new Error(`answered ${response.status}`);
    } catch (error) {
      // Not listening yet (start-up), or busy: try again soon; nothing is lost, the rows wait.
      logger().debug({ event: 'invalidation.apply-retry', err: (error as Error).message }, 'applying invalidations failed, retrying');
      planRetry(500);
    }
  })().finally(() => {
    s.running = null;
    if (s.again) {
      s.again = false;
      wake();
    }
  });
}

/**
 * Starts listening, once per process, before the server answers its first request: this instance's
 * cache is empty, so it starts from the newest row and applies only what comes after.
 */
export async function startInvalidationListener(): Promise<void> {
  const s = state();
  if (s.started) return;
  s.started = true;
  const connection = getConnection();
  s.cursor.reset(await latestInvalidationSeq(connection.db));
  const sub = await connection.listen(INVALIDATION_CHANNEL, {
    onNotify: () => wake(),
    onListening: () => {
      if (s.lostSince != null) {
        logger().info({ event: 'invalidation.reconnected', downForMs: Date.now() - s.lostSince }, 'invalidation listener reconnected; catching up');
        s.lostSince = null;
      }
      s.listening = true;
      wake();
    },
    onLost: () => {
      if (s.lostSince == null) {
        s.lostSince = Date.now();
        logger().warn({ event: 'invalidation.listener-lost' }, 'invalidation listener lost its connection; reconnecting');
      }
      s.listening = false;
    },
  });
  s.stop = sub.stop;
  // A safety net under the notifications: a look at the outbox every half minute costs one indexed
  // query, and bounds how long any missed notice could leave a page stale.
  setInterval(() => wake(), SAFETY_POLL_MS).unref();
}
