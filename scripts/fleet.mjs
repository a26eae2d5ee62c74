// `npm run fleet`: the newspaper as several instances on this machine, to try what deploy/README.md
// describes: N `next start` of one build (default two) on one PostgreSQL database, S3-compatible
// media storage (s3rver, on loopback), and Varnish in front with a director over the instances and
// purges by tag. Prints the addresses; Ctrl-C stops everything.
//
//   npm run fleet                         two instances, a fresh database broadsheet_fleet_*
//   npm run fleet -- --instances=3        three
//   FLEET_DATABASE_URL=postgres://…/db    use that database as it is (migrated at start-up)
//   FLEET_PORT (default 3400)             Varnish; the instances take the next ports
//   npm run fleet -- --replica            also a primary and a streaming replica of its own
//                                         (scripts/replica.mjs, ports 5470-5471; needs root and
//                                         pg_createcluster): the instances render reader pages
//                                         from the replica (DATABASE_REPLICA_URLS)
//
// Also the harness of the fleet tests (e2e/fleet.spec.ts) and the fleet benchmark
// (scripts/bench/fleet.mjs): `startFleet()` returns the running pieces and `stop()`.
import crypto from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { createFreshDatabase, redactUrl, startApp, withDatabase } from './app-server.mjs';
import { buildIfNeeded } from './build-if-needed.mjs';
import { startReplicaPair } from './replica.mjs';
import { startS3rver } from './s3rver.mjs';
import { startVarnish } from './varnish.mjs';

/**
 * Starts a fleet. `databaseUrl` is used as it is; without it a fresh database is made on the
 * server of `serverUrl` (or DATABASE_URL, or the local PostgreSQL) and dropped by stop().
 * The instances start together, as a fleet does after a deploy: one migrates and seeds, the others
 * wait for it (instrumentation.ts).
 */
export async function startFleet({
  instances = 2,
  port = 3400,
  databaseUrl,
  serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  distDir = process.env.NEXT_DIST_DIR || '.next',
  env = {},
  s3 = true,
  varnish = true,
  seedDemo = true,
  replica = null,
} = {}) {
  const cleanups = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
    cleanups.length = 0;
  };
  try {
    let url = databaseUrl;
    let replicaEnv = {};
    let pair = null;
    if (replica) {
      // A primary and a streaming replica of their own: `replica` is { port, applyDelay }.
      pair = await startReplicaPair({ name: `broadsheet_fleet${replica.port ?? 5470}`, port: replica.port ?? 5470, applyDelay: replica.applyDelay ?? null });
      cleanups.push(() => pair.stop());
      const fresh = await createFreshDatabase(pair.primaryUrl, 'broadsheet_fleet');
      url = fresh.url;
      replicaEnv = { DATABASE_REPLICA_URLS: withDatabase(pair.replicaUrl, fresh.name) };
    } else if (!url) {
      const fresh = await createFreshDatabase(serverUrl, 'broadsheet_fleet');
      url = fresh.url;
      cleanups.push(fresh.drop);
    }
    const store = s3 ? await startS3rver({ port: port + 50 }) : null;
    if (store) cleanups.push(() => store.stop());
    const varnishPort = port;
    const appPorts = Array.from({ length: instances }, (_, i) => port + 1 + i);
    // What every instance must share: the session secret, the server actions' key, the media
    // store, the build, and where to purge.
    const shared = {
      AUTH_SECRET: env.AUTH_SECRET ?? crypto.randomBytes(33).toString('base64'),
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? crypto.randomBytes(32).toString('base64'),
      SEED_DEMO: seedDemo ? 'true' : 'false',
      ...(varnish ? { SHARED_CACHE_PURGE_URLS: `http://127.0.0.1:${varnishPort}/`, SITE_URL: `http://localhost:${varnishPort}` } : {}),
      ...(store?.env ?? {}),
      ...replicaEnv,
      ...env,
    };
    const apps = await Promise.all(appPorts.map((p) => startApp({ port: p, distDir, databaseUrl: url, env: shared })));
    for (const app of apps) cleanups.push(() => app.stop());
    const cache = varnish ? await startVarnish({ backendUrls: apps.map((a) => a.url), port: varnishPort }) : null;
    if (varnish && !cache) throw new Error('varnishd is not installed (Debian: apt-get install varnish varnish-modules)');
    if (cache) cleanups.push(async () => cache.stop());
    if (cache) await waitForBackends(cache.url);
    return { databaseUrl: url, replica: pair, apps, varnish: cache, s3: store, env: shared, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Waits until Varnish's probes have found the instances healthy (a page answers through it). */
async function waitForBackends(url) {
  for (let i = 0; i < 100; i++) {
    try {
      const response = await fetch(`${url}/api/health?live=1`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // Not yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('Varnish found no healthy instance');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const option = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  buildIfNeeded();
  const fleet = await startFleet({
    instances: Number(option('instances', 2)),
    port: Number(process.env.FLEET_PORT ?? 3400),
    databaseUrl: process.env.FLEET_DATABASE_URL,
    replica: process.argv.includes('--replica') ? { port: 5470 } : null,
  });
  console.log(`\nBroadsheet fleet on ${redactUrl(fleet.databaseUrl)}:`);
  console.log(`  readers (Varnish):  ${fleet.varnish.url.replace('127.0.0.1', 'localhost')}`);
  for (const [i, app] of fleet.apps.entries()) console.log(`  instance ${i + 1}:         ${app.url}   (health: ${app.url}/api/health)`);
  console.log(`  media (s3rver):     ${fleet.s3.endpoint}  bucket ${fleet.s3.bucket}`);
  if (fleet.replica) console.log(`  read replica:       ${fleet.env.DATABASE_REPLICA_URLS} (primary ${redactUrl(fleet.databaseUrl)})`);
  console.log('\nDemo sign-in: see the README. Ctrl-C stops the fleet and drops its database.');
  const shutdown = async () => {
    await fleet.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
