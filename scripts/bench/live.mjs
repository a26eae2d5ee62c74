// `npm run bench -- live`: the demo's live blog under a crowd, through Varnish with the project's
// VCL. Simulated readers poll the update endpoint as the reader's island does (since=<version>,
// at the interval each answer names, a little spread); an editor posts an entry every few seconds
// (one in five a key event) through POST /api/live/<id>/entries; meanwhile other readers browse
// the rest of the site. A small counting proxy between Varnish and the app counts what reaches
// the app. Reported: readers, backend requests per poll window (update endpoint and all), the
// time from posting to each reader holding the entry (p50/p95/max), and the rest of the site's
// hit ratio while the blog updates.
//
//   LIVE_BENCH_READERS (default 1000)  LIVE_BENCH_SECONDS (default 40)  LIVE_BENCH_POST_MS (default 4000)
//   BENCH_VARNISH_PORT (default 3106): Varnish's port. Unless SHARED_CACHE_PURGE_URLS is set, the
//   app is told to purge that Varnish (set here at import, before bench.mjs starts the app).
import http from 'node:http';
import { Agent } from 'node:http';
import { startVarnish } from '../varnish.mjs';

export const name = 'live';
export const description = 'a live blog polled by simulated readers through Varnish while an editor posts';

// The demo accounts' public password (README, db/seed.ts).
const DEMO_PASSWORD = 'broadsheet-demo-2026';
const VARNISH_PORT = Number(process.env.BENCH_VARNISH_PORT ?? 3106);
const selected = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if ((selected.length === 0 || selected.includes(name)) && !process.env.SHARED_CACHE_PURGE_URLS) {
  // The app purges by tag (xkey) whenever an entry changes, as a deployment behind Varnish would.
  process.env.SHARED_CACHE_PURGE_URLS = `http://127.0.0.1:${VARNISH_PORT}/`;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const quantile = (values, q) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

/** A pass-through proxy that counts the requests reaching the app, by kind. */
function countingProxy(targetUrl) {
  const target = new URL(targetUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const counts = { updates: 0, other: 0 };
  const server = http.createServer((req, res) => {
    if (req.url?.includes('/updates.json')) counts.updates += 1;
    else if (req.method === 'GET') counts.other += 1;
    const upstream = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, counts, close: () => server.close() })));
}

async function signIn(baseUrl, email) {
  const response = await fetch(new URL('/api/auth/login', baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', Origin: baseUrl },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    redirect: 'manual',
  });
  if (response.status >= 400) throw new Error(`sign-in answered ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

export async function run(ctx) {
  const readers = Number(process.env.LIVE_BENCH_READERS ?? 1000);
  const seconds = Number(process.env.LIVE_BENCH_SECONDS ?? 40);
  const postEvery = Number(process.env.LIVE_BENCH_POST_MS ?? 4000);
  const notes = [];

  // The blog and the rest of the site, as the front page links them.
  const front = await (await ctx.fetch('/')).text();
  const livePath = /href="(\/[a-z0-9-]+\/\d{4}\/\d{2}\/\d{2}\/storm-isolde-live)"/.exec(front)?.[1];
  if (!livePath) throw new Error('the front page does not link to the demo live blog');
  const page = await (await ctx.fetch(livePath)).text();
  const articleId = Number(/\/live\/(\d+)\/updates\.json/.exec(page)?.[1]);
  const rest = [...new Set([...front.matchAll(/href="(\/[a-z0-9-]+(?:\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+)?)"/g)].map((m) => m[1]))].filter((p) => p !== livePath && !p.startsWith('/live')).slice(0, 30);
  rest.unshift('/');

  const proxy = await countingProxy(ctx.baseUrl);
  const varnish = await startVarnish({ backendUrl: proxy.url, port: VARNISH_PORT });
  if (!varnish) {
    proxy.close();
    return { rows: [], checks: [], notes: ['live part skipped: varnishd is not installed (apt-get install varnish)'] };
  }
  if (process.env.SHARED_CACHE_PURGE_URLS !== `http://127.0.0.1:${VARNISH_PORT}/`) notes.push(`SHARED_CACHE_PURGE_URLS=${process.env.SHARED_CACHE_PURGE_URLS}: the app may not purge this Varnish; freshness then comes from s-maxage alone`);

  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const get = (path) =>
    new Promise((resolve) => {
      const req = http.get(`${varnish.url}${path}`, { agent }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode, xCache: res.headers['x-cache'], body }));
      });
      req.on('error', () => resolve({ status: 0, xCache: null, body: '' }));
    });

  try {
    const cookie = await signIn(ctx.baseUrl, 'twren@example.org');
    const first = JSON.parse((await get(`/live/${articleId}/updates.json?since=0`)).body);
    // Warm the rest of the site into Varnish.
    for (const p of rest) await get(p);

    const posted = new Map(); // entry id → time the post was sent
    const sightings = []; // { entry id, when a reader first held it }
    const started = Date.now();
    const stopAt = started + seconds * 1000;
    let errors = 0;
    let polls = 0;
    const windows = []; // per poll window: backend requests for updates and for everything
    const startCounts = { ...proxy.counts };

    // The editor.
    const poster = (async () => {
      let n = 0;
      while (Date.now() < stopAt - 6000) {
        n += 1;
        const sentAt = Date.now();
        const response = await fetch(new URL(`/api/live/${articleId}/entries`, ctx.baseUrl), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: ctx.baseUrl },
          body: JSON.stringify({
            title: n % 5 === 0 ? `Bench key event ${n}` : '',
            keyEvent: n % 5 === 0,
            body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Benchmark update number ${n}: the wind is still rising along the Esplanade.` }] }] },
          }),
        });
        if (response.status !== 201) throw new Error(`posting answered ${response.status}: ${await response.text()}`);
        const { id } = await response.json();
        posted.set(id, sentAt);
        await sleep(Math.max(0, postEvery - (Date.now() - sentAt)));
      }
    })();

    // The readers: each holds a version and asks at the interval the last answer named.
    const state = Array.from({ length: readers }, () => ({ version: first.version, interval: first.interval, next: started + Math.random() * first.interval * 1000, has: new Set(), busy: false }));
    const pollOne = async (r) => {
      r.busy = true;
      polls += 1;
      const answer = await get(`/live/${articleId}/updates.json?since=${r.version}`);
      const now = Date.now();
      if (answer.status !== 200) errors += 1;
      else {
        const u = JSON.parse(answer.body);
        // A reader may hold an entry before the editor's POST has even answered: note the
        // sighting now, match it with the posting time at the end.
        for (const e of u.entries) {
          if (!r.has.has(e.id)) {
            r.has.add(e.id);
            sightings.push({ id: e.id, at: now });
          }
        }
        r.version = u.version;
        r.interval = u.interval;
      }
      r.next = now + r.interval * 1000 * (0.9 + Math.random() * 0.1);
      r.busy = false;
    };
    const readersLoop = (async () => {
      while (Date.now() < stopAt) {
        const now = Date.now();
        for (const r of state) if (!r.busy && r.next <= now) void pollOne(r);
        await sleep(20);
      }
    })();

    // The rest of the site, browsed by others meanwhile.
    let restHits = 0;
    let restTotal = 0;
    const browsers = Array.from({ length: 8 }, async () => {
      while (Date.now() < stopAt) {
        const answer = await get(rest[Math.floor(Math.random() * rest.length)]);
        restTotal += 1;
        if (answer.xCache === 'HIT') restHits += 1;
      }
    });

    // Backend requests per poll window.
    const windowMs = first.interval * 1000;
    const windowLoop = (async () => {
      let last = { ...proxy.counts };
      while (Date.now() + windowMs <= stopAt) {
        await sleep(windowMs);
        const now = { ...proxy.counts };
        windows.push({ updates: now.updates - last.updates, other: now.other - last.other });
        last = now;
      }
    })();

    await Promise.all([poster, readersLoop, windowLoop, ...browsers]);
    await sleep(200);
    // ms from posting to a reader holding the entry (entries the bench posted only).
    const seen = sightings.filter((x) => posted.has(x.id)).map((x) => x.at - posted.get(x.id));
    const expected = posted.size * readers;
    const updatesPerWindow = windows.map((w) => w.updates);
    const result = {
      readers,
      seconds,
      pollIntervalSeconds: first.interval,
      entriesPosted: posted.size,
      polls,
      pollsPerSecond: polls / seconds,
      pollErrors: errors,
      deliveries: seen.length,
      deliveriesExpected: expected,
      postToSeenMs: { p50: quantile(seen, 0.5), p95: quantile(seen, 0.95), max: Math.max(...seen) },
      backendUpdateRequestsPerWindow: { mean: updatesPerWindow.reduce((a, b) => a + b, 0) / Math.max(1, updatesPerWindow.length), max: Math.max(...updatesPerWindow) },
      backendRequestsTotal: { updates: proxy.counts.updates - startCounts.updates, other: proxy.counts.other - startCounts.other },
      restOfSite: { requests: restTotal, hits: restHits, hitRatio: restTotal ? restHits / restTotal : NaN, paths: rest.length },
    };
    ctx.log(`  ${readers} readers polling every ${first.interval} s through Varnish for ${seconds} s: ${polls} polls (${result.pollsPerSecond.toFixed(0)}/s), ${errors} errors`);
    ctx.log(`  ${posted.size} entries posted; delivered ${seen.length} of ${expected}; post → reader p50 ${result.postToSeenMs.p50} ms, p95 ${result.postToSeenMs.p95} ms, max ${result.postToSeenMs.max} ms`);
    ctx.log(`  backend requests for the update endpoint per ${first.interval} s window: mean ${result.backendUpdateRequestsPerWindow.mean.toFixed(1)}, max ${result.backendUpdateRequestsPerWindow.max}`);
    ctx.log(`  rest of the site (${rest.length} pages, 8 browsing loops): ${restTotal} requests, hit ratio ${(100 * result.restOfSite.hitRatio).toFixed(1)} %`);
    notes.push(
      `live: ${readers} readers, ${posted.size} entries, post→seen p50 ${result.postToSeenMs.p50} ms p95 ${result.postToSeenMs.p95} ms; ${result.backendUpdateRequestsPerWindow.mean.toFixed(1)} backend update requests per ${first.interval} s window (max ${result.backendUpdateRequestsPerWindow.max}); rest of site hit ratio ${(100 * result.restOfSite.hitRatio).toFixed(1)} %`,
    );
    return {
      rows: [],
      notes,
      checks: [
        { name: 'post to reader, p95', target: '≤ 5000 ms', actual: `${result.postToSeenMs.p95} ms`, ok: result.postToSeenMs.p95 <= 5000 },
        { name: 'every reader got every entry', target: `${expected}`, actual: `${seen.length}`, ok: seen.length === expected },
        { name: `backend update requests per ${first.interval} s window (mean)`, target: '≤ 5, whatever the readers', actual: result.backendUpdateRequestsPerWindow.mean.toFixed(1), ok: result.backendUpdateRequestsPerWindow.mean <= 5 },
        { name: 'rest of the site hit ratio while the blog updates', target: '≥ 90 %', actual: `${(100 * result.restOfSite.hitRatio).toFixed(1)} %`, ok: result.restOfSite.hitRatio >= 0.9 },
      ],
      info: result,
    };
  } finally {
    varnish.stop();
    proxy.close();
    agent.destroy();
  }
}
