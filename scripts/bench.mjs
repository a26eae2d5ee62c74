// `npm run bench`: starts the production build on its own port with fresh data (embedded PGlite,
// or a fresh database on the server of DATABASE_URL, seeded by the app), runs the benchmark parts
// in scripts/bench/, prints a table and writes JSON to bench-results/. Loopback only, bounded in
// time (a few minutes with the defaults).
//
//   npm run bench                      every part
//   npm run bench -- reader            only the parts named (file name without .mjs)
//   npm run bench -- --duration=5      seconds per measurement (default 8)
//   npm run bench -- --tool=wrk        load from /usr/bin/wrk instead of autocannon
//   BENCH_PORT (default 3105), NEXT_DIST_DIR (default .next), DATABASE_URL
//
// A part is a module in scripts/bench/ that exports `async run(ctx)` (and optionally `name` and
// `description`). It measures through ctx and returns { rows, checks, info }:
//   rows:   results of ctx.load(...) (printed as the table)
//   checks: [{ name, target, actual, ok }] compared against the targets and printed
//   info:   anything else worth keeping in the JSON
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { freshData, processGroupCpuMs, redactUrl, startApp } from './app-server.mjs';
import { buildIfNeeded } from './build-if-needed.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const hit = args.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
};
const selected = args.filter((a) => !a.startsWith('--'));
const duration = Number(option('duration', process.env.BENCH_DURATION ?? 8));
const tool = option('tool', 'autocannon');
const port = Number(process.env.BENCH_PORT ?? 3105);
const distDir = process.env.NEXT_DIST_DIR || '.next';
const PUBLIC_DIR = 'public';
const STATIC_DIR = path.join(PUBLIC_DIR, 'bench-static');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ── Parts ────────────────────────────────────────────────────────────────────────────────────
const partsDir = path.join(import.meta.dirname, 'bench');
const parts = [];
for (const file of fs.readdirSync(partsDir).filter((f) => f.endsWith('.mjs')).sort()) {
  const mod = await import(pathToFileURL(path.join(partsDir, file)).href);
  if (typeof mod.run !== 'function') continue;
  parts.push({ name: mod.name ?? path.basename(file, '.mjs'), description: mod.description ?? '', run: mod.run });
}
const chosen = selected.length ? parts.filter((p) => selected.includes(p.name)) : parts;
const unknown = selected.filter((s) => !parts.some((p) => p.name === s));
if (unknown.length || chosen.length === 0) {
  console.error(`Unknown bench part(s): ${unknown.join(', ') || '(none chosen)'}. Parts: ${parts.map((p) => p.name).join(', ')}`);
  process.exit(2);
}

// ── Machine load ─────────────────────────────────────────────────────────────────────────────
function cpuTicks() {
  const [, ...fields] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const n = fields.map(Number);
  const idle = n[3] + (n[4] ?? 0);
  return { busy: n.reduce((a, b) => a + b, 0) - idle, total: n.reduce((a, b) => a + b, 0) };
}
/** Share of all cores busy over `ms`, in percent (everything on the machine). */
async function machineBusy(ms) {
  const a = cpuTicks();
  await sleep(ms);
  const b = cpuTicks();
  return (100 * (b.busy - a.busy)) / Math.max(1, b.total - a.total);
}

// ── Load generators ──────────────────────────────────────────────────────────────────────────
async function runAutocannon({ url, connections, seconds, headers }) {
  const result = await autocannon({ url, connections, duration: seconds, headers, timeout: 10 });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    bytesPerRequest: result.requests.total ? result.throughput.total / result.requests.total : 0,
  };
}

function wrkMs(text) {
  const m = /([\d.]+)(us|ms|s)/.exec(text);
  if (!m) return NaN;
  const v = Number(m[1]);
  return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v;
}
async function runWrk({ url, connections, seconds, headers }) {
  const wrkArgs = ['--latency', '-t', '2', '-c', String(connections), '-d', `${seconds}s`];
  for (const [k, v] of Object.entries(headers ?? {})) wrkArgs.push('-H', `${k}: ${v}`);
  wrkArgs.push(url);
  const out = await new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/wrk', wrkArgs);
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.on('error', reject);
    child.on('exit', () => resolve(text));
  });
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0),
    p50: wrkMs(/\s50%\s+(\S+)/.exec(out)?.[1] ?? ''),
    p99: wrkMs(/\s99%\s+(\S+)/.exec(out)?.[1] ?? ''),
    requests,
    errors: errors ? errors.slice(1).map(Number).reduce((a, b) => a + b, 0) : 0,
    non2xx,
    bytesPerRequest: NaN,
  };
}

// ── The static file next to the pages ──────────────────────────────────────────────────────
// public/ is scanned when the server starts, so the file must exist by then; its content (and
// size) is written later, once a part knows the size it needs. Its times are set back so that
// scripts/build-if-needed.mjs does not take it for a source change.
const OLD = new Date('2001-01-01T00:00:00Z');
let publicTimes = null;
function prepareStaticDir() {
  const stat = fs.statSync(PUBLIC_DIR);
  publicTimes = { atime: stat.atime, mtime: stat.mtime };
  fs.mkdirSync(STATIC_DIR, { recursive: true });
  const file = path.join(STATIC_DIR, 'page.html');
  fs.writeFileSync(file, '<!doctype html><title>bench</title>');
  fs.utimesSync(file, OLD, OLD);
  fs.utimesSync(STATIC_DIR, OLD, OLD);
  fs.utimesSync(PUBLIC_DIR, publicTimes.atime, publicTimes.mtime);
}
function writeStaticFile(bytes) {
  const file = path.join(STATIC_DIR, 'page.html');
  const head = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Static file</title></head><body><p>';
  const tail = '</p></body></html>\n';
  const filler = 'Static text of the same size as the article page. '.repeat(Math.ceil(bytes / 50)).slice(0, Math.max(0, bytes - head.length - tail.length));
  fs.writeFileSync(file, head + filler + tail);
  fs.utimesSync(file, OLD, OLD);
  return '/bench-static/page.html';
}
function removeStaticDir() {
  if (!publicTimes) return;
  fs.rmSync(STATIC_DIR, { recursive: true, force: true });
  fs.utimesSync(PUBLIC_DIR, publicTimes.atime, publicTimes.mtime);
}

// ── Run ──────────────────────────────────────────────────────────────────────────────────────
const started = Date.now();
buildIfNeeded({ quiet: true });
const prerender = JSON.parse(fs.readFileSync(path.join(distDir, 'prerender-manifest.json'), 'utf8'));

let app;
let cleanupData = async () => {};
let finished = false;
async function cleanup() {
  if (finished) return;
  finished = true;
  await app?.stop().catch(() => {});
  await cleanupData().catch((error) => console.error(`cleanup: ${error.message}`));
  removeStaticDir();
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the bench server`);
    void cleanup().then(() => process.exit(130));
  });
}

const load = os.loadavg();
console.log(`Measuring background load for 3 s… (load average ${load.map((l) => l.toFixed(2)).join(' ')})`);
const backgroundBusy = await machineBusy(3000);
console.log(`Machine busy before the bench: ${backgroundBusy.toFixed(0)}% of ${os.cpus().length} cores.`);

let databaseUrl;
let pgliteDir;
try {
  ({ databaseUrl, pgliteDir, drop: cleanupData } = await freshData('bench'));
  prepareStaticDir();
  console.log(`Starting the production build (${distDir}) on 127.0.0.1:${port} with ${databaseUrl ? `PostgreSQL ${redactUrl(databaseUrl)}` : `PGlite in ${pgliteDir}`} (first start seeds the demo)…`);
  app = await startApp({ port, distDir, databaseUrl, pgliteDir });
} catch (error) {
  console.error(error.message);
  await cleanup();
  process.exit(1);
}

const ctx = {
  baseUrl: app.url,
  pid: app.pid,
  dbKind: app.kind,
  distDir,
  duration,
  connections: [10, 50],
  tool,
  /** Cookie that puts Next in draft mode: every request renders, skipping the ISR and data caches. */
  bypassCookie: `__prerender_bypass=${prerender.preview.previewModeId}`,
  /** CPU milliseconds used so far by the server's process group. */
  cpuMs: () => processGroupCpuMs(app.pid),
  fetch: (urlPath, init) => fetch(new URL(urlPath, app.url), { redirect: 'manual', ...init }),
  /** Makes /bench-static/page.html exactly `bytes` long and returns its path. */
  staticFile: writeStaticFile,
  log: (...m) => console.log(...m),
  /**
   * Loads `path` for `seconds` (default ctx.duration) at `connections` and returns one row:
   * req/s, p50 and p99 in ms, the server's CPU ms per request, errors and non-2xx answers.
   * `baseUrl` sends the load elsewhere (a cache in front of the app); `alsoPgid` adds that
   * process group's CPU to the server's.
   */
  async load({ label, path: urlPath, connections, headers = {}, seconds = duration, group = '', baseUrl = app.url, alsoPgid = null }) {
    const url = new URL(urlPath, baseUrl).toString();
    // CPU of the server, plus another process group in front of it when there is one (a cache).
    const groupsCpuMs = () => processGroupCpuMs(app.pid) + (alsoPgid ? processGroupCpuMs(alsoPgid) : 0);
    const cpuBefore = groupsCpuMs();
    const machineBefore = cpuTicks();
    const figures = tool === 'wrk' ? await runWrk({ url, connections, seconds, headers }) : await runAutocannon({ url, connections, seconds, headers });
    const cpu = groupsCpuMs() - cpuBefore;
    const machineAfter = cpuTicks();
    const row = {
      group,
      label,
      path: urlPath,
      connections,
      ...figures,
      serverCpuMsPerRequest: figures.requests ? cpu / figures.requests : NaN,
      serverCpuPercent: (100 * cpu) / (seconds * 1000),
      machineBusyPercent: (100 * (machineAfter.busy - machineBefore.busy)) / Math.max(1, machineAfter.total - machineBefore.total),
    };
    const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '–');
    console.log(
      `  ${label.padEnd(34)} c=${String(connections).padEnd(3)} ${fmt(row.rps).padStart(6)} req/s  p50 ${fmt(row.p50, 1).padStart(6)} ms  p99 ${fmt(row.p99, 1).padStart(7)} ms  ` +
        `cpu ${fmt(row.serverCpuMsPerRequest, 2).padStart(6)} ms/req${row.errors || row.non2xx ? `  errors ${row.errors} non-2xx ${row.non2xx}` : ''}`,
    );
    return row;
  },
};

const report = {
  startedAt: new Date(started).toISOString(),
  machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, loadAverageAtStart: load, backgroundBusyPercent: backgroundBusy },
  database: app.kind,
  tool,
  durationSeconds: duration,
  commit: await new Promise((resolve) => {
    const child = spawn('git', ['rev-parse', '--short', 'HEAD']);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', () => resolve(null));
    child.on('exit', () => resolve(out.trim() || null));
  }),
  parts: {},
};

let failedParts = 0;
for (const part of chosen) {
  console.log(`\n▶ ${part.name}${part.description ? `: ${part.description}` : ''}`);
  try {
    report.parts[part.name] = await part.run(ctx);
  } catch (error) {
    failedParts += 1;
    console.error(`  part ${part.name} failed: ${error.stack ?? error.message}`);
    report.parts[part.name] = { error: error.message };
  }
}
report.finishedAt = new Date().toISOString();
report.machine.loadAverageAtEnd = os.loadavg();
await cleanup();

// ── Report ───────────────────────────────────────────────────────────────────────────────────
const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '–');
console.log(`\nResults (${app.kind}, ${tool}, ${duration} s per run, ${report.machine.cores} cores, busy ${fmt(backgroundBusy)}% before start):`);
console.log(`${'what'.padEnd(36)}${'conn'.padStart(5)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'cpu ms/req'.padStart(12)}${'errors'.padStart(8)}`);
for (const [name, result] of Object.entries(report.parts)) {
  for (const row of result.rows ?? []) {
    console.log(
      `${`${row.group ? `${row.group}: ` : ''}${row.label}`.slice(0, 35).padEnd(36)}${String(row.connections).padStart(5)}${fmt(row.rps).padStart(9)}${fmt(row.p50, 1).padStart(9)}${fmt(row.p99, 1).padStart(9)}${fmt(row.serverCpuMsPerRequest, 2).padStart(12)}${String(row.errors + row.non2xx).padStart(8)}`,
    );
  }
  for (const line of result.notes ?? []) console.log(`  ${line}`);
  if (result.checks?.length) {
    console.log(`\nTargets (${name}):`);
    for (const c of result.checks) console.log(`  ${c.ok ? 'met   ' : 'MISSED'}  ${c.name}: ${c.actual} (target ${c.target})`);
  }
}
fs.mkdirSync('bench-results', { recursive: true });
const out = path.join('bench-results', `bench-${report.startedAt.replace(/[:.]/g, '-')}-${app.kind}.json`);
fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nWrote ${out} in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
process.exit(failedParts ? 1 : 0);
