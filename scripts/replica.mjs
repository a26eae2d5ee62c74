// A PostgreSQL primary and a streaming replica of it on this machine, made with Debian's cluster
// tools: `pg_createcluster` for two clusters of their own on spare ports (the machine's main cluster
// is left alone), `pg_basebackup -R -X stream` to make the second a standby of the first, and
// optionally `recovery_min_apply_delay` so the replica replays each commit late (the tests prove
// the read-after-write guard with it). Used by the replica tests (e2e/replicas.spec.ts) and the
// replicas benchmark (scripts/bench/replicas.mjs). `stop()` drops both clusters.
//
// Needs pg_createcluster (Debian's postgresql-common) and either root (the clusters belong to the
// postgres user, and the base backup is taken as that user) or to be that user.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

const PG_CREATECLUSTER = '/usr/bin/pg_createcluster';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isPostgres = os.userInfo().username === 'postgres';

/** Why replicas cannot be made here, or null when they can. */
export const replicaUnavailable = !fs.existsSync(PG_CREATECLUSTER)
  ? 'pg_createcluster is not installed (Debian: apt-get install postgresql-common postgresql-15)'
  : !isRoot && !isPostgres
    ? 'making PostgreSQL clusters needs root or the postgres user'
    : null;

function run(command, args, { asPostgres = false } = {}) {
  const [file, argv] = asPostgres && isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function clusterExists(version, name) {
  return fs.existsSync(`/etc/postgresql/${version}/${name}`);
}

function drop(version, name) {
  if (clusterExists(version, name)) run('pg_dropcluster', ['--stop', version, name]);
}

const ctl = (version, name, action) => run('pg_ctlcluster', ['--skip-systemctl-redirect', version, name, action]);

async function waitFor(check, what, ms = 30_000) {
  const until = Date.now() + ms;
  let last;
  while (Date.now() < until) {
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} in ${ms / 1000} s${last ? `: ${last.message}` : ''}`);
}

/**
 * Creates and starts a primary on `port` and its replica on `port + 1` (clusters `<name>_p` and
 * `<name>_r`, left-overs of an earlier run dropped first). `applyDelay` ('2s') delays the
 * replica's replay of each commit. Returns their URLs (database `postgres`, user postgres, trust
 * on loopback), `stopReplica()`/`startReplica()`, and `stop()`, which drops both.
 */
export async function startReplicaPair({ name = 'broadsheet', port = 5460, applyDelay = null, version = '15' } = {}) {
  if (replicaUnavailable) throw new Error(replicaUnavailable);
  const primary = `${name}_p`;
  const replica = `${name}_r`;
  drop(version, replica);
  drop(version, primary);
  const trust = ['--', '--auth-local=trust', '--auth-host=trust', '--no-sync'];
  run('pg_createcluster', [version, primary, '--port', String(port), ...trust]);
  const stop = async () => {
    for (const cluster of [replica, primary]) {
      try {
        drop(version, cluster);
      } catch {
        // Dropped already, or half made: nothing more to do.
      }
    }
  };
  try {
    ctl(version, primary, 'start');
    const primaryUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    const replicaUrl = `postgres://postgres@127.0.0.1:${port + 1}/postgres`;
    // The replica's own cluster gives it its configuration (port, paths); its data is replaced by
    // a base backup of the primary, which also writes how to reach it (-R: standby.signal and
    // primary_conninfo).
    run('pg_createcluster', [version, replica, '--port', String(port + 1), ...trust]);
    const dataDir = `/var/lib/postgresql/${version}/${replica}`;
    run('find', [dataDir, '-mindepth', '1', '-delete'], { asPostgres: true });
    run('pg_basebackup', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-D', dataDir, '-R', '-X', 'stream', '-c', 'fast', '--no-sync'], { asPostgres: true });
    if (applyDelay) {
      fs.writeFileSync(`/etc/postgresql/${version}/${replica}/conf.d/broadsheet-delay.conf`, `recovery_min_apply_delay = '${applyDelay}'\n`);
    }
    ctl(version, replica, 'start');
    const psql = (p, query) => run('psql', ['-h', '127.0.0.1', '-p', String(p), '-U', 'postgres', '-At', '-c', query]).trim();
    await waitFor(() => psql(port + 1, 'select pg_is_in_recovery()') === 't', 'the replica did not come up as a standby');
    await waitFor(() => Number(psql(port, 'select count(*) from pg_stat_replication')) > 0, 'the replica did not start streaming');
    return {
      primaryUrl,
      replicaUrl,
      /** Stops the replica (fast shutdown): connections to it are cut and refused. */
      stopReplica: () => {
        ctl(version, replica, 'stop');
      },
      /** Starts it again and waits until it streams from the primary. */
      startReplica: async () => {
        ctl(version, replica, 'start');
        await waitFor(() => Number(psql(port, 'select count(*) from pg_stat_replication')) > 0, 'the replica did not resume streaming');
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
