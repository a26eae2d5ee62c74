import 'server-only';
import { sql } from 'drizzle-orm';
import { logger } from './log';
import { getConnection } from '../db/client';
import { replicaStatus, requiredPosition, type ReplicaStatus } from '../db/replicas';

type Health = { ok: boolean; checkedAt: number; inflight: Promise<boolean> | null; downSince: number | null };
const KEY = Symbol.for('broadsheet.db.health');

function state(): Health {
  const g = globalThis as typeof globalThis & { [KEY]?: Health };
  g[KEY] ??= { ok: true, checkedAt: 0, inflight: null, downSince: null };
  return g[KEY];
}

const timeout = (ms: number) => new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref());

async function probe(): Promise<boolean> {
  const s = state();
  try {
    await Promise.race([getConnection().db.execute(sql`select 1`), timeout(Number(process.env.DB_HEALTH_TIMEOUT_MS ?? 2000))]);
    if (!s.ok) logger().info({ event: 'db.recovered', downForMs: Date.now() - (s.downSince ?? Date.now()) }, 'database reachable again');
    s.ok = true;
    s.downSince = null;
  } catch (error) {
    // Logged once per outage, not once per request.
    if (s.ok) logger().error({ event: 'db.unreachable', err: (error as Error).message }, 'database unreachable');
    s.ok = false;
    s.downSince ??= Date.now();
  }
  s.checkedAt = Date.now();
  return s.ok;
}

/**
 * Whether the database answers, checked at most once per interval (one second by default) and
 * shared by all requests in between, so an outage is noticed within a second without a query
 * on every request.
 */
export async function databaseIsUp(maxAgeMs = Number(process.env.DB_HEALTH_INTERVAL_MS ?? 1000)): Promise<boolean> {
  const s = state();
  if (Date.now() - s.checkedAt < maxAgeMs) return s.ok;
  s.inflight ??= probe().finally(() => {
    s.inflight = null;
  });
  return s.inflight;
}

/**
 * Each read replica's state (up, lagging, down, or starting before its first probe) and lag: how
 * long ago the primary was at a position it has not replayed, and by how many bytes. Empty without
 * DATABASE_REPLICA_URLS. A replica's trouble never makes the instance unhealthy: its readers go to
 * the primary meanwhile.
 */
export function replicaHealth(): { replicas: ReplicaStatus[]; renderNeeds: string } | null {
  const replicas = replicaStatus();
  return replicas.length === 0 ? null : { replicas, renderNeeds: requiredPosition() };
}
