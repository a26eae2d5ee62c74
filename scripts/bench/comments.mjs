// Comment posting under load: many readers, each from its own loopback address (the client
// socket is bound to 127.x.y.z, and the app reads the socket's address, so the per-address flood
// limit applies as it would to real readers), each with their own e-mail address. Measures:
//   - a fixed arrival rate (default 300 comments/s, open loop): accepted/s, p50 and p99;
//   - the most it takes (closed loop, several connection counts);
// then checks that nothing was lost: every accepted comment is read back through the API with its
// owner token (and, when run on its own, counted in the database).
//
//   npm run bench -- comments                          (part of the bench framework)
//   node scripts/bench/comments.mjs [--duration=8] [--rate=300] [--rates=100,200,300] [--connections=16,32,64]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node scripts/bench/comments.mjs
//
// Target: at least 300 accepted comments/s with p99 ≤ 100 ms on PostgreSQL, and nothing lost.
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const name = 'comments';
export const description = 'comment posting from distinct loopback addresses: accepted/s, p50/p99, nothing lost';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TARGET_RATE = 300;
const TARGET_P99_MS = 100;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const percentile = (values, p) => {
  if (!values.length) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** The n-th reader's own loopback address: 127.10.0.1, 127.10.0.2, … (no .0 or .255 hosts). */
export function addressFor(n) {
  const host = 1 + (n % 250);
  const mid = 1 + (Math.floor(n / 250) % 250);
  const top = 10 + Math.floor(n / 62_500);
  return `127.${top}.${mid}.${host}`;
}

export function request(base, { method, urlPath, body, localAddress }) {
  const url = new URL(urlPath, base);
  return new Promise((resolve) => {
    const started = performance.now();
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      {
        host: '127.0.0.1',
        port: url.port,
        path: url.pathname + url.search,
        method,
        localAddress,
        // One connection per reader, as separate people would have.
        agent: false,
        headers: { Accept: 'application/json', ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {}) },
        timeout: 10_000,
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          let json = null;
          try {
            json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            json = null;
          }
          resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, json });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve({ status: 0, ms: performance.now() - started, json: null, error: error.message }));
    if (payload) req.write(payload);
    req.end();
  });
}

/** Live articles that take comments, with a fresh form token each (waited out, so posts are not "too fast"). */
export async function findArticles(base, want = 5) {
  const front = await (await fetch(new URL('/', base))).text();
  const paths = [...new Set([...front.matchAll(/href="(\/[a-z0-9-]+\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+)"/g)].map((m) => m[1]))];
  const found = [];
  for (const p of paths) {
    const html = await (await fetch(new URL(p, base))).text();
    const id = /name="articleId" value="(\d+)"/.exec(html)?.[1];
    if (!id) continue;
    const thread = await (await fetch(new URL(`/api/comments?article=${id}`, base))).json();
    if (thread.open && thread.formToken) found.push({ id: Number(id), path: p, formToken: thread.formToken });
    if (found.length >= want) break;
  }
  if (found.length === 0) throw new Error('no article takes comments');
  return found;
}

/** Posts comments to `base`; `offset` shifts the client addresses, so several posters never share one. */
export function makePoster(base, articles, runId, offset = 0) {
  let next = 0;
  const accepted = [];
  return {
    accepted,
    async postOne() {
      const n = next++;
      const article = articles[n % articles.length];
      const res = await request(base, {
        method: 'POST',
        urlPath: '/api/comments',
        localAddress: addressFor(n + offset),
        body: {
          articleId: article.id,
          name: `Bench Reader ${n}`,
          email: `bench-${runId}-${n + offset}@example.net`,
          comment: `Benchmark comment ${n} of run ${runId}: the council should publish the flood report in full.`,
          formToken: article.formToken,
          idempotencyKey: `bench-${runId}-${String(n + offset).padStart(8, '0')}`,
        },
      });
      if (res.status === 201 && res.json?.ownerToken) accepted.push({ articleId: article.id, token: res.json.ownerToken, id: res.json.comment.id });
      return res;
    },
    get sent() {
      return next;
    },
  };
}

function summarise(label, connections, results, seconds, cpuMs) {
  const ok = results.filter((r) => r.status === 201);
  const latencies = results.map((r) => r.ms);
  const codes = {};
  for (const r of results) codes[r.status] = (codes[r.status] ?? 0) + 1;
  return {
    group: 'comments',
    label,
    path: 'POST /api/comments',
    connections,
    rps: ok.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    requests: results.length,
    errors: results.filter((r) => r.status === 0).length,
    non2xx: results.filter((r) => r.status !== 0 && r.status !== 201).length,
    statusCodes: codes,
    serverCpuMsPerRequest: results.length && Number.isFinite(cpuMs) ? cpuMs / results.length : NaN,
  };
}

/** Open loop: requests start on a fixed schedule whatever the server's speed (no coordinated omission). */
async function atRate(poster, rate, seconds) {
  const results = [];
  const inFlight = new Set();
  const started = performance.now();
  const total = Math.round(rate * seconds);
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const p = poster.postOne().then((r) => {
      // Latency counts from when the request was due, so a late start is not hidden.
      r.ms = performance.now() - due;
      results.push(r);
      inFlight.delete(p);
    });
    inFlight.add(p);
  }
  await Promise.all(inFlight);
  return { results, seconds: (performance.now() - started) / 1000 };
}

/** Closed loop: `connections` readers post one comment after another, as fast as answered. */
async function flatOut(poster, connections, seconds) {
  const results = [];
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) results.push(await poster.postOne());
    }),
  );
  return { results, seconds: (performance.now() - started) / 1000 };
}

/** Reads every accepted comment back as its poster would (owner tokens, 50 per request). */
async function readBack(base, accepted) {
  const byArticle = new Map();
  for (const a of accepted) byArticle.set(a.articleId, [...(byArticle.get(a.articleId) ?? []), a.token]);
  let found = 0;
  let approvedOrGone = 0;
  for (const [articleId, tokens] of byArticle) {
    for (let i = 0; i < tokens.length; i += 50) {
      const batch = tokens.slice(i, i + 50);
      const res = await fetch(new URL(`/api/comments?article=${articleId}&mine=${batch.join(',')}`, base));
      const body = await res.json();
      found += body.mine.length;
      approvedOrGone += body.gone.length;
    }
  }
  return { found, approvedOrGone };
}

export async function run(ctx) {
  const base = ctx.baseUrl;
  const seconds = ctx.commentSeconds ?? ctx.duration ?? 8;
  const rate = ctx.commentRate ?? TARGET_RATE;
  const rates = [...new Set([...(ctx.commentRates ?? [Math.round(rate / 3), Math.round((2 * rate) / 3)]), rate])].sort((a, b) => a - b);
  const connectionCounts = ctx.commentConnections ?? [16, 32, 64];
  const runId = Date.now().toString(36);
  const articles = await findArticles(base);
  ctx.log(`  posting to ${articles.length} articles from distinct 127.x.y.z addresses (run ${runId})`);
  // Form tokens must be older than the minimum time between showing a form and posting it.
  await sleep(3200);
  const poster = makePoster(base, articles, runId);
  const rows = [];

  // Warm-up: compiles and caches the route, fills connection pools.
  await flatOut(poster, 8, 2);

  // Fixed arrival rates up to the target, each followed by a pause so the next starts idle.
  let targetRow = null;
  for (const r of rates) {
    const cpu0 = ctx.cpuMs?.() ?? NaN;
    const fixed = await atRate(poster, r, seconds);
    const row = summarise(`at ${r}/s (open loop)`, r, fixed.results, fixed.seconds, (ctx.cpuMs?.() ?? NaN) - cpu0);
    rows.push(row);
    if (r === rate) targetRow = row;
    ctx.log(`  ${row.label.padEnd(28)} accepted ${row.rps.toFixed(0)}/s  p50 ${row.p50.toFixed(1)} ms  p99 ${row.p99.toFixed(1)} ms  cpu ${row.serverCpuMsPerRequest.toFixed(2)} ms/req  codes ${JSON.stringify(row.statusCodes)}`);
    await sleep(2000);
  }
  const fixedRow = targetRow ?? rows.at(-1);

  for (const c of connectionCounts) {
    const cpuBefore = ctx.cpuMs?.() ?? NaN;
    const out = await flatOut(poster, c, seconds);
    const row = summarise(`as fast as answered`, c, out.results, out.seconds, (ctx.cpuMs?.() ?? NaN) - cpuBefore);
    rows.push(row);
    ctx.log(`  ${`flat out, ${c} connections`.padEnd(28)} accepted ${row.rps.toFixed(0)}/s  p50 ${row.p50.toFixed(1)} ms  p99 ${row.p99.toFixed(1)} ms  cpu ${row.serverCpuMsPerRequest.toFixed(2)} ms/req  codes ${JSON.stringify(row.statusCodes)}`);
    await sleep(2000);
  }

  const back = await readBack(base, poster.accepted);
  const lost = poster.accepted.length - back.found - back.approvedOrGone;
  const notes = [
    `${poster.sent} posted, ${poster.accepted.length} accepted (201), ${back.found} read back as the poster's own pending comments, ${back.approvedOrGone} published or gone.`,
  ];
  const checks = [
    { name: `accepted comments/s at a fixed ${rate}/s`, target: `≥ ${TARGET_RATE}`, actual: fixedRow.rps.toFixed(0), ok: fixedRow.rps >= TARGET_RATE * 0.98 && rate >= TARGET_RATE },
    { name: `p99 at ${rate}/s`, target: `≤ ${TARGET_P99_MS} ms`, actual: `${fixedRow.p99.toFixed(1)} ms`, ok: fixedRow.p99 <= TARGET_P99_MS },
    { name: 'accepted comments lost', target: '0', actual: String(lost), ok: lost === 0 },
    { name: 'failed requests (not 201)', target: '0', actual: String(rows.reduce((n, r) => n + r.errors + r.non2xx, 0)), ok: rows.every((r) => r.errors + r.non2xx === 0) },
  ];
  return { rows, checks, notes, info: { runId, articles: articles.map((a) => a.id), sent: poster.sent, accepted: poster.accepted.length, acceptedIds: poster.accepted.map((a) => a.id), readBack: back } };
}

// ── On its own: a fresh server and database, the same run, and a row count in the database ────
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (n, fallback) => process.argv.find((a) => a.startsWith(`--${n}=`))?.slice(n.length + 3) ?? fallback;
  const { freshData, processGroupCpuMs, startApp } = await import(pathToFileURL(path.join(ROOT, 'scripts/app-server.mjs')).href);
  const { buildIfNeeded } = await import(pathToFileURL(path.join(ROOT, 'scripts/build-if-needed.mjs')).href);
  process.chdir(ROOT);
  buildIfNeeded({ quiet: true });
  const port = Number(process.env.COMMENTS_BENCH_PORT ?? 3106);
  const { databaseUrl, pgliteDir, drop } = await freshData('bench_comments');
  const app = await startApp({ port, databaseUrl, pgliteDir, env: { LOG_LEVEL: 'warn', DB_POOL_SIZE: process.env.DB_POOL_SIZE ?? '20' } });
  let code = 0;
  try {
    const result = await run({
      baseUrl: app.url,
      duration: Number(arg('duration', 8)),
      commentRate: Number(arg('rate', TARGET_RATE)),
      commentRates: arg('rates', '') ? arg('rates', '').split(',').map(Number) : undefined,
      commentConnections: arg('connections', '16,32,64').split(',').map(Number),
      cpuMs: () => processGroupCpuMs(app.pid),
      log: (...m) => console.log(...m),
    });
    if (databaseUrl) {
      const { default: postgres } = await import('postgres');
      const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
      const [{ n }] = await sql`SELECT count(*)::int AS n FROM comments WHERE author_email LIKE ${`bench-${result.info.runId}-%`}`;
      const ids = result.info.acceptedIds;
      const [{ found }] = await sql`SELECT count(*)::int AS found FROM comments WHERE id = ANY(${ids}::bigint[])`;
      await sql.end();
      // Every accepted comment is a row; requests the client gave up on may be rows too, but never more rows than posts.
      result.checks.push({ name: 'accepted comments found in the database', target: String(ids.length), actual: String(found), ok: found === ids.length });
      result.checks.push({ name: 'rows no more than posts sent', target: `≤ ${result.info.sent}`, actual: String(n), ok: n <= result.info.sent });
    }
    for (const line of result.notes) console.log(line);
    for (const c of result.checks) {
      console.log(`${c.ok ? 'met   ' : 'MISSED'}  ${c.name}: ${c.actual} (target ${c.target})`);
      if (!c.ok) code = 1;
    }
  } catch (error) {
    console.error(error);
    code = 1;
  } finally {
    await app.stop().catch(() => {});
    await drop().catch(() => {});
  }
  process.exit(code);
}
