// Several instances (scripts/fleet.mjs: instances of this build on one PostgreSQL database,
// s3rver, Varnish with a director over them), measured against one instance in the same run:
//   - rendered-per-request article throughput through Varnish (draft-mode cookie: every request
//     renders; Varnish passes it round-robin), one instance vs two;
//   - comments accepted per second posted straight to the instances (as a load balancer spreads
//     them), one vs two, every accepted comment read back;
//   - a change through A (an approved comment) until it is visible on B and through Varnish, 50
//     times while readers load the front page and the article through Varnish: p50/p99;
//   - the Varnish hit ratio on twenty other pages while a story changes every 5 seconds.
// Runs on PostgreSQL whatever the bench's own database (PGlite is one process): the local server,
// or the one of DATABASE_URL.
//
//   npm run bench -- fleet [--duration=8]
import { spawn } from 'node:child_process';
import postgres from 'postgres';
import { processCpu } from '../app-server.mjs';
import { startFleet } from '../fleet.mjs';
import { findArticles, makePoster } from './comments.mjs';

export const name = 'fleet';
export const description = 'two instances vs one behind Varnish on PostgreSQL: renders, comments, change visibility, hit ratio';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const percentile = (values, p) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/**
 * CPU time of every process on the machine so far, in seconds, by program: where two cores go
 * while the fleet renders (the instances, PostgreSQL, Varnish, the load generator, the rest).
 */
function cpuByProgram() {
  const out = {};
  for (const { name, seconds } of processCpu()) {
    const program = name.startsWith('next-server') ? 'instances' : name === 'postgres' ? 'postgresql' : name === 'cache-main' || name.startsWith('varnish') ? 'varnish' : name === 'wrk' ? 'wrk' : 'other';
    out[program] = (out[program] ?? 0) + seconds;
  }
  return out;
}

const cpuShare = (before, after, seconds) =>
  Object.fromEntries(
    Object.keys(after)
      .map((k) => [k, Number(((after[k] - (before[k] ?? 0)) / seconds).toFixed(2))])
      .filter(([, cores]) => cores > 0),
  );

/** Makes every comment publish at once and tells every instance through the outbox. */
async function publishAllComments(databaseUrl) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.begin(async (tx) => {
      await tx`update site_settings set comment_policy = 'publish_all'`;
      const [row] = await tx`insert into invalidations (tags) values (${['site', 'all']}) returning seq`;
      await tx`select pg_notify('broadsheet_invalidation', ${String(row.seq)})`;
    });
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Closed-loop comment posting for `seconds` over `connections`, spread over the posters in turn. */
async function postFor(posters, connections, seconds) {
  const until = Date.now() + seconds * 1000;
  let turn = 0;
  const results = [];
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < until) {
        const poster = posters[turn++ % posters.length];
        results.push(await poster.postOne());
      }
    }),
  );
  return results;
}

async function countAccepted(databaseUrl, runId) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select count(*)::int as n from comments where idempotency_key like ${`bench-${runId}-%`}`;
    return row.n;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** wrk in the background against `url` until stopped; resolves with its summary line. */
function backgroundLoad(url, connections) {
  const child = spawn('/usr/bin/wrk', ['-t', '1', '-c', String(connections), '-d', '600s', url], { stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  return {
    stop: () =>
      new Promise((resolve) => {
        child.on('exit', () => resolve(/Requests\/sec:\s+(\S+)/.exec(out)?.[1] ?? null));
        child.kill('SIGINT');
      }),
  };
}

export async function run(ctx) {
  const serverUrl = ctx.dbKind === 'postgres' && process.env.DATABASE_URL ? process.env.DATABASE_URL : 'postgres://postgres@127.0.0.1:5432/postgres';
  const rows = [];
  const checks = [];
  const info = {};
  const fleets = {};
  try {
    ctx.log('  starting a fleet of one and a fleet of two (fresh databases)…');
    // The site-wide burst limit (30 comments a minute, lib/comments/config.ts) is a spam defence,
    // not what this measures: left on, it holds every comment after the thirtieth, so the
    // visibility test would wait for comments nobody can see and the flood would skip the expiry
    // an approved comment costs.
    const env = { COMMENT_BURST_LIMIT: '1000000' };
    fleets.one = await startFleet({ instances: 1, port: 3610, serverUrl, distDir: ctx.distDir, env });
    fleets.two = await startFleet({ instances: 2, port: 3620, serverUrl, distDir: ctx.distDir, env });
    for (const f of Object.values(fleets)) await publishAllComments(f.databaseUrl);
    await sleep(1500);

    // 1. Rendered per request, through Varnish (it passes draft-mode requests to the director).
    const articles = {};
    for (const [key, f] of Object.entries(fleets)) articles[key] = await findArticles(f.varnish.url, 5);
    const renders = {};
    info.renderCores = {};
    for (const [key, f] of Object.entries(fleets)) {
      const cpuBefore = cpuByProgram();
      const started = performance.now();
      const row = await ctx.load({
        group: 'fleet',
        label: `article rendered, ${f.apps.length} instance${f.apps.length > 1 ? 's' : ''}`,
        path: articles[key][0].path,
        connections: 20,
        headers: { Cookie: ctx.bypassCookie },
        baseUrl: f.varnish.url,
      });
      rows.push(row);
      renders[key] = row.rps;
      // Cores in use by each program over the load (1.00 = one core busy all the time).
      info.renderCores[key] = cpuShare(cpuBefore, cpuByProgram(), (performance.now() - started) / 1000);
      ctx.log(`    cores in use: ${Object.entries(info.renderCores[key]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    }
    const renderRatio = renders.two / renders.one;
    checks.push({ name: 'rendered article throughput, two instances / one', target: '≥ 1.6', actual: renderRatio.toFixed(2), ok: renderRatio >= 1.6 });

    // 2. A change through A, visible on B and through Varnish, under reader load on Varnish.
    const f = fleets.two;
    const [A, B] = f.apps.map((a) => a.url);
    const V = f.varnish.url;
    // Ten changes to each of five stories whose thread fits on its first page (50 comments), so
    // every new comment shows in the article's HTML rather than on a later page of its thread.
    const stories = [];
    for (const candidate of await findArticles(A, 12)) {
      const html = await (await fetch(`${A}${candidate.path}`)).text();
      if ((html.match(/class="comment comment--depth-0"/g) ?? []).length <= 35 && !/href="\/comments\/\d+\/after\//.test(html)) stories.push(candidate);
      if (stories.length === 5) break;
    }
    if (stories.length === 0) throw new Error('no story with a short thread to change');
    const readers = [backgroundLoad(`${V}/`, 8), backgroundLoad(`${V}${stories[0].path}`, 8)];
    const poster = makePoster(A, stories, `vis${Date.now().toString(36)}`, 5_000_000);
    await sleep(3000);
    const delays = [];
    let held = 0;
    const missed = { B: 0, V: 0 };
    for (let i = 0; i < 50; i++) {
      const started = performance.now();
      const res = await poster.postOne();
      if (res.status !== 201) continue;
      // A held comment is not a change readers can see: counted apart, never waited for.
      if (res.json?.comment?.status !== 'approved') {
        held++;
        continue;
      }
      const marker = `Benchmark comment ${poster.sent - 1} of run`;
      const story = stories[(poster.sent - 1) % stories.length];
      const seen = { B: null, V: null };
      while ((seen.B === null || seen.V === null) && performance.now() - started < 10_000) {
        const [b, v] = await Promise.all([seen.B === null ? fetch(`${B}${story.path}`).then((r) => r.text()) : null, seen.V === null ? fetch(`${V}${story.path}`).then((r) => r.text()) : null]);
        const now = performance.now() - started;
        if (b !== null && b.includes(marker)) seen.B = now;
        if (v !== null && v.includes(marker)) seen.V = now;
        if (seen.B === null || seen.V === null) await sleep(20);
      }
      if (seen.B === null) missed.B++;
      if (seen.V === null) missed.V++;
      delays.push(Math.max(seen.B ?? 10_000, seen.V ?? 10_000));
    }
    const readerRps = await Promise.all(readers.map((r) => r.stop()));
    const p50 = percentile(delays, 50);
    const p99 = percentile(delays, 99);
    info.changeVisibility = { changes: delays.length, held, unseenAfter10s: missed, p50Ms: p50, p99Ms: p99, readerLoad: 'wrk, 8 connections each on the front page and the first changing story through Varnish', readerRps };
    ctx.log(`  change through A → visible on B and through Varnish: ${delays.length} changes (${held} held; unseen after 10 s: ${missed.B} on B, ${missed.V} through Varnish), p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms (reader load ${readerRps.join(' + ')} req/s)`);
    checks.push({ name: 'change visible on B and through Varnish, p99 over 50 changes', target: '≤ 1000 ms', actual: `${p99.toFixed(0)} ms`, ok: delays.length >= 50 && p99 <= 1000 });

    // 3. Hit ratio on other pages while a story (one of five in turn) changes every 5 s.
    const front = await (await fetch(`${V}/`)).text();
    const others = [...new Set([...front.matchAll(/href="(\/[a-z0-9-]+(?:\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+)?)"/g)].map((m) => m[1]))].filter((p) => !stories.some((s) => s.path === p) && !p.startsWith('/search') && !p.startsWith('/dashboard')).slice(0, 20);
    for (const p of others) await fetch(`${V}${p}`);
    let hits = 0;
    let total = 0;
    const until = Date.now() + 30_000;
    let nextChange = Date.now();
    while (Date.now() < until) {
      if (Date.now() >= nextChange) {
        void poster.postOne();
        nextChange += 5000;
      }
      await Promise.all(
        others.map(async (p) => {
          const r = await fetch(`${V}${p}`);
          await r.arrayBuffer();
          total += 1;
          if (r.headers.get('x-cache') === 'HIT') hits += 1;
        }),
      );
    }
    const ratio = hits / total;
    info.hitRatio = { pages: others.length, requests: total, hits, changesEvery: '5 s' };
    ctx.log(`  hit ratio on ${others.length} other pages while a story changes every 5 s: ${(100 * ratio).toFixed(1)} % of ${total}`);
    checks.push({ name: 'Varnish hit ratio on other pages, one article changing every 5 s', target: '≥ 95 %', actual: `${(100 * ratio).toFixed(1)} %`, ok: ratio >= 0.95 });
    // 4. Comments accepted per second, posted straight to the instances in turn. Last: after a
    // flood the burst limit holds comments for a while, which would hide the visibility test's.
    const accepted = {};
    for (const [key, f] of Object.entries(fleets)) {
      const runId = `${key}${Date.now().toString(36)}`;
      const found = await findArticles(f.apps[0].url, 5);
      const posters = f.apps.map((app, i) => makePoster(app.url, found, runId, i * 1_000_000));
      await sleep(3000); // The form tokens must be older than the "too fast" limit.
      const cpuBefore = cpuByProgram();
      const started = performance.now();
      const results = await postFor(posters, 32, ctx.duration);
      info.commentCores ??= {};
      info.commentCores[key] = cpuShare(cpuBefore, cpuByProgram(), (performance.now() - started) / 1000);
      const ok = results.filter((r) => r.status === 201).length;
      const stored = await countAccepted(f.databaseUrl, runId);
      accepted[key] = ok / ctx.duration;
      const p99 = percentile(results.map((r) => r.ms), 99);
      ctx.log(`  comments, ${f.apps.length} instance(s): ${accepted[key].toFixed(0)} accepted/s, p99 ${p99.toFixed(0)} ms, ${stored} of ${ok} found in the database`);
      ctx.log(`    cores in use: ${Object.entries(info.commentCores[key]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
      rows.push({ group: 'fleet', label: `comments accepted, ${f.apps.length} instance(s)`, path: 'POST /api/comments', connections: 32, rps: accepted[key], p50: percentile(results.map((r) => r.ms), 50), p99, errors: results.length - ok });
      checks.push({ name: `every accepted comment stored (${f.apps.length} instance(s))`, target: `${ok}`, actual: `${stored}`, ok: stored === ok });
    }
    const commentRatio = accepted.two / accepted.one;
    checks.push({ name: 'comments accepted per second, two instances / one', target: '≥ 1.5', actual: commentRatio.toFixed(2), ok: commentRatio >= 1.5 });

  } finally {
    for (const f of Object.values(fleets)) await f.stop().catch(() => {});
  }
  return { rows, checks, info };
}
