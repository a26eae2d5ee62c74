// Starting and stopping the production server for tests and benchmarks, each on its own port and
// its own fresh data: a new embedded-database folder, or a new database on the PostgreSQL server
// named by DATABASE_URL. Used by the Playwright web server (e2e/support/web-server.mjs), the
// outage test, `npm test` and `npm run bench`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

const NEXT_BIN = path.join('node_modules', 'next', 'dist', 'bin', 'next');

/** A connection string with another database name (and no password, for messages). */
export function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export function redactUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}

/** The database name of a connection string ("postgres" when it has none). */
export function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

/**
 * Creates an empty database on the server of `serverUrl` and returns its URL and a drop function.
 * The name says what made it and when, so a leftover one is easy to recognise.
 */
export async function createFreshDatabase(serverUrl, prefix = 'broadsheet_e2e') {
  const name = `${prefix}_${Date.now().toString(36)}_${process.pid}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  return {
    name,
    url: withDatabase(serverUrl, name),
    drop: () => dropDatabase(serverUrl, name),
  };
}

export async function dropDatabase(serverUrl, name) {
  const admin = postgres(withDatabase(serverUrl, 'postgres'), { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '')}" WITH (FORCE)`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** A new, empty folder for the embedded database, under the system temp folder. */
export function freshPgliteDir(prefix = 'e2e') {
  const dir = path.join(os.tmpdir(), `${prefix}-${Date.now().toString(36)}-${process.pid}`);
  removePgliteDir(dir);
  return dir;
}

/**
 * Fresh data for a server of our own: a new database on the server of DATABASE_URL when it is set
 * (named `broadsheet_<name>_…`), a new embedded-database folder (`<name>-…`) otherwise, and how
 * to remove it again.
 */
export async function freshData(name) {
  if (process.env.DATABASE_URL) {
    const fresh = await createFreshDatabase(process.env.DATABASE_URL, `broadsheet_${name}`);
    return { databaseUrl: fresh.url, pgliteDir: undefined, drop: fresh.drop };
  }
  const pgliteDir = freshPgliteDir(name);
  return { databaseUrl: undefined, pgliteDir, drop: async () => removePgliteDir(pgliteDir) };
}

export function removePgliteDir(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  // What the app keeps beside the folder: its lock, its generated session secret, its uploads.
  fs.rmSync(`${dir}.lock`, { force: true });
  fs.rmSync(`${dir}.auth-secret`, { force: true });
  fs.rmSync(`${dir}-media`, { recursive: true, force: true });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `next start` from an existing build and resolves once /api/health answers 200 (the
 * schema is migrated and the demo content seeded by then: instrumentation.ts runs first).
 *
 * detached: the server leads its own process group, so `stop()` and CPU accounting cover the
 * child it forks. Pass false when something else (Playwright) owns the process group.
 */
export async function startApp({
  port,
  distDir = process.env.NEXT_DIST_DIR || '.next',
  databaseUrl,
  pgliteDir,
  env = {},
  detached = true,
  echo = false,
  timeoutMs = 180_000,
  // Loopback only. Bind by the name "localhost", not "127.0.0.1": Next gives the proxy
  // (middleware) request URLs on http://localhost:<port>, and when the bound name differs it takes
  // the proxy's rewrites (410, 503) for rewrites to another server and fetches them over HTTP,
  // losing their status and, for the 503 page, looping through the proxy forever.
  host = 'localhost',
  // Another checkout of the app to serve (a test's scratch copy); distDir is inside it.
  cwd = process.cwd(),
}) {
  if (!fs.existsSync(path.join(cwd, distDir, 'BUILD_ID'))) throw new Error(`No production build in ${distDir}: run scripts/build-if-needed.mjs first.`);
  const childEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: distDir,
    AUTH_TRUST_HOST: 'true',
    AUTH_SECRET: process.env.AUTH_SECRET || 'e2e-only-secret-not-for-production-0123456789',
    // A fleet shares one server-actions key (server/fleet-config.ts); tests and benchmarks use this one.
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY || 'dGVzdHMtb25seS1rZXktbm90LWZvci1wcm9kdWN0aW8=',
    // Tests and benchmarks are explicit demos: they expect the demo newspaper and its accounts on
    // either database (a database server otherwise starts empty; lib/demo-seed.ts). A caller's
    // env may still turn it off.
    SEED_DEMO: 'true',
    ...env,
  };
  if (databaseUrl) {
    childEnv.DATABASE_URL = databaseUrl;
    delete childEnv.PGLITE_DIR;
  } else {
    delete childEnv.DATABASE_URL;
    childEnv.PGLITE_DIR = pgliteDir;
  }
  // APP_NODE_FLAGS: flags for the server's node, e.g. "--cpu-prof --cpu-prof-dir=prof" to profile
  // what a benchmark measures (node refuses --cpu-prof in NODE_OPTIONS).
  const nodeFlags = (process.env.APP_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeFlags, NEXT_BIN, 'start', '-p', String(port), '-H', host], {
    env: childEnv,
    cwd,
    detached,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  const listeners = new Set();
  // Whole lines only: a chunk may end inside a line (the app writes its log in batches).
  const partial = new Map();
  const onData = (stream) => (chunk) => {
    const text = chunk.toString();
    const lines = ((partial.get(stream) ?? '') + text).split('\n');
    partial.set(stream, lines.pop() ?? '');
    for (const line of lines) if (line) output.push(line);
    if (output.length > 5000) output.splice(0, output.length - 5000);
    if (echo) stream.write(text);
    for (const listener of listeners) listener(text);
  };
  child.stdout.on('data', onData(process.stdout));
  child.stderr.on('data', onData(process.stderr));
  let exited = null;
  const exit = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
  });

  const url = `http://${host}:${port}`;
  const stop = async () => {
    if (exited) return;
    try {
      if (detached) process.kill(-child.pid, 'SIGTERM');
      else child.kill('SIGTERM');
    } catch {
      // Already gone.
    }
    const done = await Promise.race([exit.then(() => true), sleep(10_000).then(() => false)]);
    if (!done) {
      try {
        if (detached) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
      await exit;
    }
  };

  const started = Date.now();
  for (;;) {
    if (exited) {
      throw new Error(`The server on port ${port} exited during start-up (${exited.code ?? exited.signal}):\n${output.slice(-40).join('\n')}`);
    }
    if (Date.now() - started > timeoutMs) {
      await stop();
      throw new Error(`The server on port ${port} was not healthy after ${timeoutMs / 1000} s:\n${output.slice(-40).join('\n')}`);
    }
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (response.status === 200) break;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }

  return {
    url,
    port,
    pid: child.pid,
    kind: databaseUrl ? 'postgres' : 'pglite',
    /** Lines the server printed so far (the last 5,000). */
    output,
    /** Calls `listener(text)` with everything the server prints from now on; returns an unsubscribe. */
    onOutput(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    exited: () => exited,
    stop,
  };
}

/** Every live process (Linux /proc): its name, process group and utime + stime in seconds. */
export function processCpu() {
  const ticksPerSecond = 100; // USER_HZ on Linux; /proc reports times in these ticks.
  const out = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // Exited while we looked.
    }
    // The command name may contain spaces and parentheses: fields start after the last ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the name: state(0) ppid(1) pgrp(2) ... utime(11) stime(12).
    out.push({ pid: Number(entry), name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), pgid: Number(fields[2]), seconds: (Number(fields[11]) + Number(fields[12])) / ticksPerSecond });
  }
  return out;
}

/** utime + stime, in milliseconds, of every live process in a process group. */
export function processGroupCpuMs(pgid) {
  return processCpu()
    .filter((p) => p.pgid === pgid)
    .reduce((ms, p) => ms + p.seconds * 1000, 0);
}
