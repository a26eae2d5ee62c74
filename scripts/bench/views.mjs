// Audience figures under load (docs/decisions/2026-12-01-audience-figures.md):
//   - beacons per second accepted (POST /api/views from a browser's user agent), then, after a
//     clean stop of the server (SIGTERM, which writes what is waiting), the count in the database
//     compared with the beacons acknowledged: nothing may be lost;
//   - the reader's article page, cached, on an instance counting views and on one with
//     VIEW_COUNTING=off, in the same run, alternated; and the page with its beacon (each view a GET
//     and a POST), which is what a reader's visit costs the app when counting is on.
// It starts its own two instances beside the bench's (ports BENCH_PORT+1 and +2, fresh data each):
// the counting one is stopped and its database read at the end.
//
//   npm run bench -- views              BENCH_PORT, DATABASE_URL as for every part
import autocannon from 'autocannon';
import { freshData, processGroupCpuMs, startApp } from '../app-server.mjs';

export const name = 'views';
export const description = 'page-view beacons accepted per second with nothing lost; the article page with counting on and off';

const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const BENCH_DOMAIN = 'bench-referrer.example';
const TARGET_SHARE = 0.95;
const ARTICLE = /href="(\/[a-z0-9-]+\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+)"/g;

async function cannon({ url, connections, seconds, amount, method = 'GET', body, headers = {}, requests }) {
  // A fixed amount of requests when counting matters: a timed run stops with requests in flight,
  // which the server counts and the load generator never hears back from.
  const result = await autocannon({ url, connections, ...(amount ? { amount } : { duration: seconds }), method, body, headers, requests, timeout: 10 });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    ok: result['2xx'],
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

async function measure(ctx, rows, { label, app, connections, seconds = ctx.duration, ...load }) {
  const cpuBefore = processGroupCpuMs(app.pid);
  const started = performance.now();
  const figures = await cannon({ url: new URL(load.path, app.url).toString(), connections, seconds, ...load });
  const elapsed = (performance.now() - started) / 1000;
  const cpu = processGroupCpuMs(app.pid) - cpuBefore;
  // autocannon's average is per whole second; with a fixed amount the last second is partial.
  if (load.amount) figures.rps = figures.requests / elapsed;
  const row = { group: 'views', label, path: load.path, connections, ...figures, serverCpuMsPerRequest: figures.requests ? cpu / figures.requests : NaN, serverCpuPercent: (100 * cpu) / (elapsed * 1000) };
  const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '–');
  ctx.log(`  ${label.padEnd(34)} c=${String(connections).padEnd(3)} ${fmt(row.rps).padStart(6)} req/s  p50 ${fmt(row.p50, 1).padStart(6)} ms  p99 ${fmt(row.p99, 1).padStart(7)} ms  cpu ${fmt(row.serverCpuMsPerRequest, 2).padStart(6)} ms/req${row.errors || row.non2xx ? `  errors ${row.errors} non-2xx ${row.non2xx}` : ''}`);
  rows.push(row);
  return row;
}

/** Live article paths from the front page, and the article id each page's beacon sends. */
async function findArticles(app, want = 5) {
  const front = await (await fetch(new URL('/', app.url))).text();
  const paths = [...new Set([...front.matchAll(ARTICLE)].map((m) => m[1]))].slice(0, want);
  const out = [];
  for (const p of paths) {
    const html = await (await fetch(new URL(p, app.url))).text();
    const id = /articleId\\?":(\d+)/.exec(html)?.[1];
    if (id) out.push({ path: p, id: Number(id) });
  }
  if (!out.length) throw new Error('could not find an article id in the article pages');
  return out;
}

/** Beacons the database holds from this bench (its own referring domain), read after the server stopped. */
async function countStored({ databaseUrl, pgliteDir }) {
  const query = `select coalesce(sum(views), 0)::int as n from referrer_views_hourly where domain = '${BENCH_DOMAIN}'`;
  const articleQuery = `select coalesce(sum(views), 0)::int as n from article_views_hourly`;
  if (databaseUrl) {
    const { default: postgres } = await import('postgres');
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const [[a], [b]] = [await sql.unsafe(query), await sql.unsafe(articleQuery)];
      return { bench: a.n, articles: b.n };
    } finally {
      await sql.end();
    }
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite(pgliteDir);
  try {
    return { bench: (await db.query(query)).rows[0].n, articles: (await db.query(articleQuery)).rows[0].n };
  } finally {
    await db.close();
  }
}

export async function run(ctx) {
  const rows = [];
  const checks = [];
  const notes = [];
  const base = Number(new URL(ctx.baseUrl).port);
  const onData = await freshData('bench-views-on');
  const offData = await freshData('bench-views-off');
  let on;
  let off;
  try {
    ctx.log('  starting an instance counting views and one with VIEW_COUNTING=off (fresh data each)…');
    [on, off] = await Promise.all([
      startApp({ port: base + 1, distDir: ctx.distDir, databaseUrl: onData.databaseUrl, pgliteDir: onData.pgliteDir }),
      startApp({ port: base + 2, distDir: ctx.distDir, databaseUrl: offData.databaseUrl, pgliteDir: offData.pgliteDir, env: { VIEW_COUNTING: 'off' } }),
    ]);
    const articles = await findArticles(on);
    const article = articles[0];
    const offHtml = await (await fetch(new URL(article.path, off.url))).text();
    const onHtml = await (await fetch(new URL(article.path, on.url))).text();
    const scripts = (html) => new Set([...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]));
    const [onScripts, offScripts] = [scripts(onHtml), scripts(offHtml)];
    const extra = [...onScripts].filter((src) => !offScripts.has(src));
    notes.push(`article page: ${onHtml.length} bytes with counting on, ${offHtml.length} off; ${onScripts.size} scripts on, ${offScripts.size} off${extra.length ? ` (extra: ${extra.join(', ')})` : ''}`);
    checks.push({ name: 'scripts an article page loads for counting', target: '0 extra', actual: `${extra.length} extra`, ok: extra.length === 0 });

    // ── Beacons ───────────────────────────────────────────────────────────────────────────────
    const headers = { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': BROWSER_UA, 'sec-fetch-site': 'same-origin' };
    for (const connections of ctx.connections) {
      // A short timed probe (its own referring domain, so its unanswered last requests do not
      // blur the count) sizes a fixed amount of about ctx.duration seconds.
      const probe = await cannon({ url: new URL('/api/views', on.url).toString(), connections, seconds: 2, method: 'POST', body: `a=${article.id}&r=probe-${BENCH_DOMAIN}`, headers });
      const amount = Number(process.env.VIEWS_BENCH_BEACONS) || Math.max(500, Math.round((probe.requests / 2) * ctx.duration));
      await measure(ctx, rows, { label: 'beacon POST /api/views', app: on, connections, amount, path: '/api/views', method: 'POST', body: `a=${article.id}&r=${BENCH_DOMAIN}`, headers });
    }

    // ── The article page, counting on and off ────────────────────────────────────────────────
    const pageHeaders = { 'user-agent': BROWSER_UA };
    await cannon({ url: new URL(article.path, on.url).toString(), connections: 10, seconds: 2, headers: pageHeaders });
    await cannon({ url: new URL(article.path, off.url).toString(), connections: 10, seconds: 2, headers: pageHeaders });
    const pageRuns = { on: [], off: [], withBeacon: [] };
    // Alternated in short rounds, so a change in the machine's other load falls on both alike.
    const rounds = 4;
    const seconds = Math.max(2, Math.round(ctx.duration / 2));
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 ? ['off', 'on'] : ['on', 'off'];
      for (const which of order) {
        pageRuns[which].push(await measure(ctx, rows, { label: `article, counting ${which} (${round + 1})`, app: which === 'on' ? on : off, connections: 10, seconds, path: article.path, headers: pageHeaders }));
      }
    }
    // A reader's visit with counting on: the page, then its beacon, on each connection in turn.
    const visit = await measure(ctx, rows, {
      label: 'visit: article + its beacon',
      app: on,
      connections: 10,
      path: article.path,
      headers: pageHeaders,
      requests: [
        { method: 'GET', path: article.path, headers: pageHeaders },
        { method: 'POST', path: '/api/views', headers, body: `a=${article.id}&r=visit-${BENCH_DOMAIN}` },
      ],
    });
    const mean = (list) => list.reduce((s, r) => s + r.rps, 0) / list.length;
    const onRps = mean(pageRuns.on);
    const offRps = mean(pageRuns.off);
    const visitPages = visit.rps / 2;
    notes.push(`article page: ${onRps.toFixed(0)} req/s counting on, ${offRps.toFixed(0)} off (${((100 * onRps) / offRps).toFixed(1)} %); with each view's beacon ${visitPages.toFixed(0)} pages/s (${((100 * visitPages) / offRps).toFixed(1)} % of off)`);
    checks.push({ name: 'article page throughput, counting on vs off', target: `≥ ${TARGET_SHARE * 100} %`, actual: `${((100 * onRps) / offRps).toFixed(1)} %`, ok: onRps >= TARGET_SHARE * offRps });

    // ── Nothing lost: stop cleanly (the buffer is written on SIGTERM), then count ─────────────
    const acknowledged = rows.filter((r) => r.path === '/api/views').reduce((s, r) => s + r.ok, 0);
    await on.stop();
    const stored = await countStored(onData);
    notes.push(`beacons acknowledged (204): ${acknowledged}; stored after a clean stop (SIGTERM): ${stored.bench}`);
    checks.push({ name: 'beacons stored = beacons acknowledged (after SIGTERM)', target: 'equal', actual: `${stored.bench} stored, ${acknowledged} acknowledged`, ok: stored.bench === acknowledged });
    const best = Math.max(...rows.filter((r) => r.path === '/api/views').map((r) => r.rps));
    checks.push({ name: 'beacons accepted per second (best of c=' + ctx.connections.join(', ') + ')', target: 'reported', actual: `${best.toFixed(0)}/s`, ok: best > 0 });
    return { rows, checks, notes, info: { articleId: article.id, acknowledged, stored, onRps, offRps, visitPages } };
  } finally {
    await on?.stop().catch(() => {});
    await off?.stop().catch(() => {});
    await onData.drop().catch(() => {});
    await offData.drop().catch(() => {});
  }
}
