// Reader queries on PostgreSQL read replicas (DATABASE_REPLICA_URLS, comma-separated; see
// docs/decisions/2026-12-01-read-replicas.md). Only the queries of a cached reader render go here
// (db/cache.ts calls readOnReplica on a cache miss); everything else uses the primary.
//
// - Rotation: replicas take renders in turn. Each is probed every second (its replay position, and
//   how far behind the primary it is); one that does not answer, fails a query, or lags more than
//   REPLICA_MAX_LAG_MS is out of rotation until a probe finds it healthy again.
// - No stale re-render: when this instance applies a change from the invalidation outbox it first
//   notes the primary's WAL position (noteChangePosition), then expires the pages. A render after
//   that reads a replica only once the replica has replayed past that position, waiting at most
//   REPLICA_WAIT_MS, else it reads the primary. A change made on this instance expires its pages
//   before its outbox row comes back (server/cache/expire.ts): until it does, renders here read the
//   primary (noteLocalChange).
// - A query that fails on a replica is run again on the primary: readers see no error while the
//   primary is up.
import { sql } from 'drizzle-orm';
import { getConnection, onReplica, openReplicaPool, rowsOf, type Db } from './connection';

export type ReplicaState = 'starting' | 'up' | 'lagging' | 'down';

type Replica = {
  location: string;
  db: Db;
  close: () => Promise<void>;
  probeSql: (query: string) => Promise<Record<string, unknown>[]>;
  state: ReplicaState;
  /** How far it has replayed, as a byte position in the WAL, and when that was read. */
  replay: bigint;
  replayAt: number;
  replayInflight: Promise<bigint> | null;
  /** How long ago the primary was at a position this replica has not replayed (0: caught up). */
  lagMs: number | null;
  lagBytes: number | null;
  error: string | null;
  since: number;
};

type ReplicaSet = {
  replicas: Replica[];
  next: number;
  /** The primary's positions seen by the probes, oldest first: what a replica's lag is measured by. */
  primaryHistory: { lsn: bigint; at: number }[];
  probing: Promise<void> | null;
  timer: NodeJS.Timeout | null;
};

type Guard = {
  /** The primary's position when this instance last applied a change: renders need a replica past it. */
  required: bigint;
  /** The newest outbox row a change made here recorded, until when renders here read the primary. */
  localSeq: number;
  localUntil: number;
  /** The newest outbox row this instance has applied. */
  applied: number;
};

const SET_KEY = Symbol.for('broadsheet.db.replicas');
const GUARD_KEY = Symbol.for('broadsheet.db.replica-guard');
type G = typeof globalThis & { [SET_KEY]?: ReplicaSet | null; [GUARD_KEY]?: Guard };

const MAX_LAG_MS = Number(process.env.REPLICA_MAX_LAG_MS ?? 10_000);
const WAIT_MS = Number(process.env.REPLICA_WAIT_MS ?? 500);
const PROBE_MS = Number(process.env.REPLICA_PROBE_MS ?? 1000);
const PROBE_TIMEOUT_MS = Number(process.env.REPLICA_PROBE_TIMEOUT_MS ?? 2000);
/** How long a replica's replay position, once read, answers the guard without asking again. */
const POSITION_FRESH_MS = 10;
/** A change made here reads the primary until its outbox row is applied, at most this long. */
const LOCAL_CHANGE_MS = 30_000;

/** Parses a PostgreSQL LSN ('16/B374D848') into a byte position. */
export function parseLsn(text: string | null | undefined): bigint {
  if (!text) return 0n;
  const [hi, lo] = text.split('/');
  if (hi === undefined || lo === undefined) return 0n;
  return (BigInt(`0x${hi}`) << 32n) | BigInt(`0x${lo}`);
}

export function formatLsn(position: bigint): string {
  return `${(position >> 32n).toString(16).toUpperCase()}/${(position & 0xffffffffn).toString(16).toUpperCase()}`;
}

function guard(): Guard {
  const g = globalThis as G;
  g[GUARD_KEY] ??= { required: 0n, localSeq: 0, localUntil: 0, applied: 0 };
  return g[GUARD_KEY];
}

/** The replica URLs configured, or none (no DATABASE_REPLICA_URLS, or PGlite, which has no replicas). */
export function replicaUrls(): string[] {
  if (!process.env.DATABASE_URL) return [];
  return (process.env.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
}

export const replicasConfigured = (): boolean => replicaUrls().length > 0;

const timeout = (ms: number) => new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref());

/** The replica set of this process, opened on first use, with its probe running; null without replicas. */
function replicaSet(): ReplicaSet | null {
  const g = globalThis as G;
  if (g[SET_KEY] !== undefined) return g[SET_KEY];
  const urls = replicaUrls();
  if (urls.length === 0) {
    g[SET_KEY] = null;
    return null;
  }
  const set: ReplicaSet = {
    replicas: urls.map((url) => {
      const pool = openReplicaPool(url);
      return {
        location: pool.location,
        db: pool.db,
        close: () => pool.sql.end({ timeout: 5 }),
        probeSql: (query: string) => pool.sql.unsafe(query) as unknown as Promise<Record<string, unknown>[]>,
        state: 'starting',
        replay: 0n,
        replayAt: 0,
        replayInflight: null,
        lagMs: null,
        lagBytes: null,
        error: null,
        since: Date.now(),
      } satisfies Replica;
    }),
    next: 0,
    primaryHistory: [],
    probing: null,
    timer: null,
  };
  g[SET_KEY] = set;
  void probeAll(set);
  set.timer = setInterval(() => void probeAll(set), PROBE_MS);
  set.timer.unref();
  return set;
}

function setState(replica: Replica, state: ReplicaState, error: string | null = null): void {
  if (replica.state !== state) {
    const line = { event: 'db.replica', replica: replica.location, from: replica.state, to: state, lagMs: replica.lagMs, ...(error ? { err: error } : {}) };
    // db/ has no logger; one JSON line per change of state, in the shape server/log.ts writes.
    console.log(JSON.stringify({ level: state === 'up' ? 30 : 40, time: Date.now(), ...line, msg: `replica ${replica.location} is ${state}` }));
    replica.state = state;
    replica.since = Date.now();
  }
  replica.error = error;
}

async function primaryPosition(): Promise<bigint> {
  const rows = rowsOf<{ lsn: string }>(await getConnection().db.execute(sql`select pg_current_wal_insert_lsn()::text as lsn`));
  return parseLsn(rows[0]?.lsn);
}

/** One probe round: the primary's position, then each replica's; states follow. */
function probeAll(set: ReplicaSet): Promise<void> {
  set.probing ??= (async () => {
    const now = Date.now();
    try {
      const lsn = await Promise.race([primaryPosition(), timeout(PROBE_TIMEOUT_MS)]);
      const last = set.primaryHistory.at(-1);
      if (!last || last.lsn !== lsn) set.primaryHistory.push({ lsn, at: now });
      // Enough history to measure any lag up to the bound (and a little more).
      while (set.primaryHistory.length > 2 && set.primaryHistory[1]!.at < now - MAX_LAG_MS * 2) set.primaryHistory.shift();
    } catch {
      // The primary is down: the replicas' lag cannot be measured; their states stay as they are.
    }
    await Promise.all(set.replicas.map((r) => probeOne(set, r)));
  })().finally(() => {
    set.probing = null;
  });
  return set.probing;
}

async function probeOne(set: ReplicaSet, replica: Replica): Promise<void> {
  try {
    const [row] = await Promise.race([
      replica.probeSql('select pg_is_in_recovery() as standby, pg_last_wal_replay_lsn()::text as replay'),
      timeout(PROBE_TIMEOUT_MS),
    ]);
    if (row?.standby !== true) throw new Error('not a standby (pg_is_in_recovery() is false)');
    const now = Date.now();
    replica.replay = parseLsn(row.replay as string);
    replica.replayAt = now;
    const newest = set.primaryHistory.at(-1);
    const behind = set.primaryHistory.find((p) => p.lsn > replica.replay);
    replica.lagMs = newest ? (behind ? now - behind.at : 0) : null;
    replica.lagBytes = newest ? Math.max(0, Number(newest.lsn - replica.replay)) : null;
    if (replica.lagMs != null && replica.lagMs > MAX_LAG_MS) setState(replica, 'lagging', `replay is ${Math.round(replica.lagMs / 1000)} s behind the primary`);
    else setState(replica, 'up');
  } catch (error) {
    setState(replica, 'down', (error as Error).message);
  }
}

/** A replica's replay position, read at most every few milliseconds and shared by the renders waiting on it. */
function replayPosition(replica: Replica): Promise<bigint> {
  if (Date.now() - replica.replayAt < POSITION_FRESH_MS) return Promise.resolve(replica.replay);
  replica.replayInflight ??= Promise.race([replica.probeSql('select pg_last_wal_replay_lsn()::text as replay'), timeout(PROBE_TIMEOUT_MS)])
    .then(([row]) => {
      replica.replay = parseLsn(row?.replay as string);
      replica.replayAt = Date.now();
      return replica.replay;
    })
    .finally(() => {
      replica.replayInflight = null;
    });
  return replica.replayInflight;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The replica a render should read, or null for the primary. */
async function pickReplica(set: ReplicaSet): Promise<Replica | null> {
  const g = guard();
  const now = Date.now();
  if (g.localUntil > now && g.applied < g.localSeq) return null;
  const healthy = set.replicas.filter((r) => r.state === 'up');
  if (healthy.length === 0) return null;
  const start = set.next++ % healthy.length;
  const inTurn = [...healthy.slice(start), ...healthy.slice(0, start)];
  const required = g.required;
  if (required === 0n) return inTurn[0]!;
  // One that has replayed past the last change, as far as is known, in turn.
  const ready = inTurn.find((r) => r.replay >= required);
  if (ready) return ready;
  // Else wait a bounded time for the first in turn, unless it is known to lag longer than that.
  const candidate = inTurn.find((r) => (r.lagMs ?? 0) <= WAIT_MS);
  if (!candidate) return null;
  const deadline = now + WAIT_MS;
  try {
    for (;;) {
      if ((await replayPosition(candidate)) >= required) return candidate;
      if (Date.now() + 20 > deadline) return null;
      await sleep(20);
    }
  } catch {
    return null;
  }
}

/**
 * Runs a reader query (one render's cache miss) on a replica when one is healthy and has replayed
 * the last change, else on the primary; a replica's failure is retried on the primary.
 */
export async function readOnReplica<R>(query: () => Promise<R>): Promise<R> {
  const set = replicaSet();
  if (!set) return query();
  const replica = await pickReplica(set);
  if (!replica) return query();
  try {
    return await onReplica(replica.db, query);
  } catch (error) {
    // Run it on the primary; if that works too, the replica was at fault and leaves the rotation
    // until a probe finds it healthy.
    const result = await query();
    setState(replica, 'down', (error as Error).message);
    return result;
  }
}

/**
 * Called by the outbox applier before it expires a change's pages: renders from now on need a
 * replica that has replayed up to the primary's position now (read after the change committed).
 */
export async function noteChangePosition(appliedSeq: number): Promise<void> {
  const g = guard();
  g.applied = Math.max(g.applied, appliedSeq);
  if (!replicasConfigured()) return;
  const position = await primaryPosition();
  if (position > g.required) g.required = position;
}

/** The outbox applier's position, when it applied rows that expire nothing. */
export function noteApplied(appliedSeq: number): void {
  const g = guard();
  g.applied = Math.max(g.applied, appliedSeq);
}

/**
 * Called by recordInvalidation: this instance expires the change's pages itself right after its
 * commit, before the outbox row comes back, so until then its renders read the primary.
 */
export function noteLocalChange(seq: number): void {
  const g = guard();
  g.localSeq = Math.max(g.localSeq, seq);
  g.localUntil = Date.now() + LOCAL_CHANGE_MS;
}

export type ReplicaStatus = { replica: string; state: ReplicaState; lagMs: number | null; lagBytes: number | null; replayed: string; error: string | null };

/** Each replica's state and lag, for /api/health (empty without replicas). */
export function replicaStatus(): ReplicaStatus[] {
  const set = replicaSet();
  if (!set) return [];
  return set.replicas.map((r) => ({
    replica: r.location,
    state: r.state,
    lagMs: r.lagMs,
    lagBytes: r.lagBytes,
    replayed: formatLsn(r.replay),
    error: r.error,
  }));
}

/** The position renders currently need a replica to have replayed ('0/0': none). */
export function requiredPosition(): string {
  return formatLsn(guard().required);
}

export async function closeReplicas(): Promise<void> {
  const g = globalThis as G;
  const set = g[SET_KEY];
  g[SET_KEY] = undefined;
  if (!set) return;
  if (set.timer) clearInterval(set.timer);
  await Promise.all(set.replicas.map((r) => r.close().catch(() => {})));
}
