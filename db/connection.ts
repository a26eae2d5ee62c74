// The one database of this process, opened lazily on first use: postgres.js when DATABASE_URL is
// set, else embedded PGlite in a local folder. Scripts import this file directly; app code goes
// through db/client.ts, which adds the server-only guard.
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

type Connection = {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Where the data lives, for messages: the folder, or the server URL without its password. */
  location: string;
  close: () => Promise<void>;
  /**
   * Listens on a NOTIFY channel: `onNotify` for each notification, `onListening` each time the
   * listening connection is (re)established, `onLost` when it drops (a dedicated connection on
   * PostgreSQL, reconnected by postgres.js; never on PGlite, which is in this process).
   */
  listen: (channel: string, handlers: ListenHandlers) => Promise<{ stop: () => Promise<void> }>;
  /**
   * Runs `work` holding a PostgreSQL advisory lock, waiting for it: one instance at a time migrates
   * and seeds. On a dedicated connection, so the lock is held for the whole of `work` whatever
   * pool connections it uses. PGlite is one process and needs none.
   */
  withAdvisoryLock: <T>(key: number, work: () => Promise<T>) => Promise<T>;
};

export type ListenHandlers = { onNotify: (payload: string) => void; onListening: () => void; onLost?: () => void };

// Next evaluates server modules more than once per process (page and route-handler bundles), so
// the one connection lives on globalThis, not in a module variable.
const KEY = Symbol.for('broadsheet.db.connection');
type GlobalWithDb = typeof globalThis & { [KEY]?: Connection };

export class DatabaseLockedError extends Error {
  constructor(folder: string, holder: { pid: number; command?: string; since?: string }) {
    super(
      `The embedded database in ${folder} is already open in process ${holder.pid}` +
        `${holder.command ? ` (${holder.command})` : ''}${holder.since ? `, since ${holder.since}` : ''}. ` +
        'Only one process may open it at a time: stop that process first, or set DATABASE_URL to use a PostgreSQL server.',
    );
    this.name = 'DatabaseLockedError';
  }
}

export function pgliteFolder(): string {
  return path.resolve(/* turbopackIgnore: true */ process.env.PGLITE_DIR ?? path.join(process.cwd(), 'data', 'pglite'));
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no lock between processes, and two processes on one folder silently lose data, so
 * a lock file beside the folder names the owner. A lock left by a dead process is taken over.
 */
function acquireLock(folder: string): () => void {
  const lockFile = `${folder}.lock`;
  const mine = JSON.stringify({
    pid: process.pid,
    command: process.argv.slice(1).map((a) => path.basename(a)).join(' ').slice(0, 200),
    since: new Date().toISOString(),
  });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockFile, mine, { flag: 'wx' });
      const release = () => {
        try {
          const held = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as { pid: number };
          if (held.pid === process.pid) fs.unlinkSync(lockFile);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid: number; command?: string; since?: string } | undefined;
      try {
        holder = JSON.parse(fs.readFileSync(lockFile, 'utf8'));
      } catch {
        holder = undefined; // Half-written or unreadable: treat as stale.
      }
      if (holder && holder.pid === process.pid) return () => {};
      if (holder && processIsAlive(holder.pid)) throw new DatabaseLockedError(folder, holder);
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockFile}`);
}

function openPostgres(url: string): Connection {
  const client = postgres(url, {
    max: Number(process.env.DB_POOL_SIZE ?? 10),
    onnotice: () => {},
    connect_timeout: Number(process.env.DB_CONNECT_TIMEOUT ?? 5),
    idle_timeout: 60,
  });
  const safe = redact(url);
  let listener: postgres.Sql | null = null;
  return {
    db: drizzlePostgres(client, { schema }) as unknown as Db,
    kind: 'postgres',
    location: safe,
    close: async () => {
      await listener?.end({ timeout: 5 });
      await client.end({ timeout: 5 });
    },
    listen: async (channel, { onNotify, onListening, onLost }) => {
      // A connection of its own, held for the life of the process. postgres.js's own listen()
      // re-listens after a drop but gives up silently if the server is still down then, so the
      // connection is supervised here: on close it says so and tries again until LISTEN succeeds.
      let stopped = false;
      let retry: NodeJS.Timeout | null = null;
      listener ??= postgres(url, {
        max: 1,
        max_lifetime: null,
        fetch_types: false,
        onnotice: () => {},
        connect_timeout: Number(process.env.DB_CONNECT_TIMEOUT ?? 5),
        // Not in postgres.js's types, but its connections call it for every NOTIFY they receive.
        ...({ onnotify: (name: string, payload: string) => name === channel && onNotify(payload) } as object),
        onclose: () => {
          if (stopped) return;
          onLost?.();
          plan(1000);
        },
      });
      const sql = listener;
      const quoted = sql.unsafe(`"${channel.replace(/"/g, '""')}"`);
      const attempt = async (): Promise<void> => {
        retry = null;
        if (stopped) return;
        try {
          await sql`listen ${quoted}`;
          onListening();
        } catch {
          plan(2000);
        }
      };
      function plan(ms: number) {
        if (retry || stopped) return;
        retry = setTimeout(() => void attempt(), ms);
        retry.unref();
      }
      await sql`listen ${quoted}`;
      onListening();
      return {
        stop: async () => {
          stopped = true;
          if (retry) clearTimeout(retry);
          await sql`unlisten ${quoted}`.catch(() => {});
        },
      };
    },
    withAdvisoryLock: async <T,>(key: number, work: () => Promise<T>): Promise<T> => {
      const locker = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: Number(process.env.DB_CONNECT_TIMEOUT ?? 5) });
      try {
        let result: T | undefined;
        await locker.begin(async (tx) => {
          await tx`select pg_advisory_xact_lock(${key})`;
          result = await work();
        });
        return result as T;
      } finally {
        await locker.end({ timeout: 5 });
      }
    },
  };
}

// The search configuration folds accents with unaccent (migration 0012); a PostgreSQL server has
// it among its contrib extensions, PGlite only when it is loaded here.
const PGLITE_EXTENSIONS = { unaccent };

function openPglite(location: string): Connection {
  if (location === 'memory://' || location.startsWith('memory://')) {
    const client = new PGlite({ extensions: PGLITE_EXTENSIONS });
    return { db: drizzlePglite(client, { schema }) as unknown as Db, kind: 'pglite', location, close: () => client.close(), ...pgliteExtras(client) };
  }
  fs.mkdirSync(path.dirname(location), { recursive: true });
  const release = acquireLock(location);
  const client = new PGlite(location, { extensions: PGLITE_EXTENSIONS });
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    kind: 'pglite',
    location,
    close: async () => {
      await client.close();
      release();
    },
    ...pgliteExtras(client),
  };
}

function pgliteExtras(client: PGlite): Pick<Connection, 'listen' | 'withAdvisoryLock'> {
  return {
    listen: async (channel, { onNotify, onListening }) => {
      const unlisten = await client.listen(channel, onNotify);
      onListening();
      return { stop: () => unlisten() };
    },
    withAdvisoryLock: (_key, work) => work(),
  };
}

function open(): Connection {
  if (process.env.NEXT_PHASE === 'phase-production-build') {
    // Reader pages render on demand; a build that reaches for the data is a bug, and with PGlite
    // it would fight the running app for the folder.
    throw new Error('The database must not be opened during next build.');
  }
  const url = process.env.DATABASE_URL;
  if (url) return openPostgres(url);
  return openPglite(process.env.PGLITE_DIR === 'memory://' ? 'memory://' : pgliteFolder());
}

export function getConnection(): Connection {
  const g = globalThis as GlobalWithDb;
  g[KEY] ??= open();
  return g[KEY];
}

// Where the queries of the current reader render go: a replica's database, set by
// db/replicas.ts around a cached reader query, or none (the primary). One store per process.
const READER_KEY = Symbol.for('broadsheet.db.reader-target');
const readerTarget: AsyncLocalStorage<Db> = ((globalThis as typeof globalThis & { [READER_KEY]?: AsyncLocalStorage<Db> })[READER_KEY] ??=
  new AsyncLocalStorage<Db>());

/** The database for the query being built: a read replica inside `onReplica`, else the primary. */
export function getDb(): Db {
  return readerTarget.getStore() ?? getConnection().db;
}

/** Runs `work` with getDb() answering `db` (a replica's) for every query it makes. */
export function onReplica<R>(db: Db, work: () => Promise<R>): Promise<R> {
  return readerTarget.run(db, work);
}

/** A read-only pool on a replica server, for db/replicas.ts. */
export function openReplicaPool(url: string): { db: Db; sql: postgres.Sql; location: string } {
  const sql = postgres(url, {
    max: Number(process.env.DB_REPLICA_POOL_SIZE ?? process.env.DB_POOL_SIZE ?? 10),
    onnotice: () => {},
    connect_timeout: Number(process.env.DB_CONNECT_TIMEOUT ?? 5),
    idle_timeout: 60,
  });
  return { db: drizzlePostgres(sql, { schema }) as unknown as Db, sql, location: redact(url) };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return 'postgres';
  }
}

export async function closeDb(): Promise<void> {
  const g = globalThis as GlobalWithDb;
  const connection = g[KEY];
  g[KEY] = undefined;
  if (connection) await connection.close();
}

/** The rows of `db.execute(...)`: postgres.js returns an array, PGlite an object with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}
