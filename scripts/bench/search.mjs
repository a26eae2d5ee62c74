// Site search at scale: p50 and p95 of a mix of reader queries against generated corpora of
// 10,000 and 100,000 articles (and 1,000,000 on request), measured on the query function itself
// and through the /search page of the production build, plus EXPLAIN (ANALYZE, BUFFERS) of the
// statements one common and one rare query really run.
//
//   npm run bench -- search                                  (part of the bench framework)
//   SEARCH_BENCH_ARTICLES=10000,100000,1000000 npm run bench -- search
//   node scripts/bench/search.mjs [--articles=10000,100000] [--no-http]   (on its own)
//
// Each corpus is its own database (npm run db:corpus -- --articles N), built when missing: about
// a minute for 100,000 articles, many minutes for 1,000,000. Target: p95 ≤ 30 ms at 1,000,000.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const name = 'search';
export const description = 'search latency (p50, p95) at 10k and 100k articles (1M on request), on the query function and through /search';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SELF = fileURLToPath(import.meta.url);
const TARGET_P95_MS = 30;
const HTTP_PORT = Number(process.env.SEARCH_BENCH_PORT ?? 3104);

// ── The query mix: what readers type, drawn from the corpus vocabulary (scripts/corpus.ts) ────
// kind: rare (a name few articles mention), topic (a subject word), common (in most articles),
// and, or, not, phrase, prefix (no exact match, so the fallback runs), none (nothing matches),
// filtered (section, author or dates), deep (a later page).
export function queryMix({ places, surnames, authorId }) {
  const yearAgo = new Date(Date.now() - 365 * 86400_000).toISOString().slice(0, 10);
  const twoYearsAgo = new Date(Date.now() - 730 * 86400_000).toISOString().slice(0, 10);
  return [
    { kind: 'rare', q: places[700] },
    { kind: 'rare', q: surnames[1500] },
    { kind: 'rare', q: `${places[400]} harbour` },
    { kind: 'topic', q: 'harbour' },
    { kind: 'topic', q: 'referendum' },
    { kind: 'topic', q: 'telescope' },
    { kind: 'common', q: 'council' },
    { kind: 'common', q: 'people' },
    { kind: 'and', q: 'flood evacuation' },
    { kind: 'and', q: 'hospital patients ambulance' },
    { kind: 'phrase', q: '"interest rates"' },
    { kind: 'phrase', q: '"wind farm" turbines' },
    { kind: 'or', q: 'strike OR walkout' },
    { kind: 'not', q: 'budget -tax' },
    { kind: 'prefix', q: 'harbo' },
    { kind: 'prefix', q: 'telesc' },
    { kind: 'none', q: 'xylophonist' },
    { kind: 'filtered', q: 'inflation', section: 'business' },
    { kind: 'filtered', q: 'harbour', authorId },
    { kind: 'filtered', q: 'election', from: twoYearsAgo, to: yearAgo },
    { kind: 'deep', q: 'council', page: 3 },
  ];
}

const percentile = (values, p) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const summary = (ms) => ({ n: ms.length, p50: percentile(ms, 50), p95: percentile(ms, 95), max: Math.max(...ms) });
const fmt = (n) => (Number.isFinite(n) ? n.toFixed(1) : '–');

function run$(command, args, env = {}, { capture = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'] });
    let out = '';
    if (capture) child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

const tsxNode = (args, env, opts) => run$(process.execPath, ['--conditions=react-server', '--import', 'tsx', ...args], env, opts);

// ── The worker: runs in a child process (TypeScript through tsx, server-only resolved) ─────────
async function worker() {
  const arg = (n) => process.argv.find((a) => a.startsWith(`--${n}=`))?.slice(n.length + 3);
  const url = arg('url');
  const rounds = Number(arg('rounds') ?? 10);
  const explain = process.argv.includes('--explain');
  const postgres = (await import('postgres')).default;
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const schema = await import(pathToFileURL(path.join(ROOT, 'db/schema.ts')).href);
  const notices = [];
  const client = postgres(url, { max: 1, onnotice: (n) => notices.push(n.message) });
  // The app opens its one connection lazily under this key (db/connection.ts); putting ours there
  // first lets the bench read the notices auto_explain sends.
  globalThis[Symbol.for('broadsheet.db.connection')] = { db: drizzle(client, { schema }), kind: 'postgres', location: 'bench', close: () => client.end() };
  const search = await import(pathToFileURL(path.join(ROOT, 'db/queries/search.ts')).href);
  const corpus = await import(pathToFileURL(path.join(ROOT, 'scripts/corpus.ts')).href);
  const [author] = await client`SELECT staff_id AS id FROM article_authors GROUP BY staff_id ORDER BY count(*) DESC LIMIT 1`;
  const sections = await client`SELECT id, slug FROM sections`;
  const mix = queryMix({ places: corpus.PLACES, surnames: corpus.SURNAMES, authorId: author?.id });
  const call = (m) =>
    search.searchArticles({
      q: m.q,
      page: m.page,
      sectionId: m.section ? sections.find((s) => s.slug === m.section)?.id : null,
      authorId: m.authorId ?? null,
      from: m.from ?? null,
      to: m.to ?? null,
      timeZone: 'Europe/London',
    });

  if (explain) {
    await client`LOAD 'auto_explain'`;
    await client`SET auto_explain.log_min_duration = 0`;
    await client`SET auto_explain.log_analyze = on`;
    await client`SET auto_explain.log_buffers = on`;
    await client`SET auto_explain.log_timing = on`;
    await client`SET auto_explain.log_nested_statements = on`;
    await client`SET client_min_messages = log`;
    const plans = {};
    for (const m of mix.filter((x) => ['common', 'topic', 'rare', 'phrase'].includes(x.kind)).slice(0, 8)) {
      await call(m);
      notices.length = 0;
      const result = await call(m);
      plans[m.q] = { total: result.total, estimate: result.totalIsEstimate, mode: result.mode, plans: notices.filter((n) => n.includes('Query Text') || n.includes('duration')) };
    }
    process.stdout.write(JSON.stringify({ plans }));
    await client.end();
    return;
  }

  // CPU time as well as wall time: on a machine shared with other work, wall time includes the
  // wait for a core. The database backend's CPU comes from /proc/<pid>/schedstat (nanoseconds on
  // a CPU); the worker's own from process.cpuUsage(). Their sum is what a search costs in work.
  const [{ pid }] = await client`SELECT pg_backend_pid() AS pid`;
  const backendNs = () => {
    try {
      return Number(fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      return NaN;
    }
  };
  // Warm up once (plans, caches), then time `rounds` shuffled passes over the mix.
  for (const m of mix) await call(m);
  const times = mix.map(() => []);
  const cpu = mix.map(() => []);
  const results = mix.map(() => null);
  for (let round = 0; round < rounds; round++) {
    const order = mix.map((_, i) => i).sort(() => Math.random() - 0.5);
    for (const i of order) {
      const ns0 = backendNs();
      const cpu0 = process.cpuUsage();
      const started = performance.now();
      const r = await call(mix[i]);
      times[i].push(performance.now() - started);
      const own = process.cpuUsage(cpu0);
      cpu[i].push((backendNs() - ns0) / 1e6 + (own.user + own.system) / 1000);
      results[i] = { total: r.total, estimate: r.totalIsEstimate, mode: r.mode, hits: r.hits.length };
    }
  }
  process.stdout.write(JSON.stringify({ mix: mix.map((m, i) => ({ ...m, ...results[i], times: times[i], cpu: cpu[i] })) }));
  await client.end();
}

// ── The part ──────────────────────────────────────────────────────────────────────────────────
async function ensureCorpus(articles, log) {
  const admin = process.env.CORPUS_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  log(`  corpus of ${articles.toLocaleString('en-GB')} articles (built if missing)…`);
  await run$(process.execPath, ['--import', 'tsx', 'scripts/corpus.ts', '--articles', String(articles)], {});
  const u = new URL(admin);
  u.pathname = `/broadsheet_corpus_${articles}`;
  const url = u.toString();
  // Brings an older corpus up to the current schema (new columns, indexes).
  await run$(process.execPath, ['--import', 'tsx', 'db/migrate.ts'], { DATABASE_URL: url });
  return url;
}

async function measureHttp({ url, distDir, mix, rounds, log }) {
  const { startApp } = await import(pathToFileURL(path.join(ROOT, 'scripts/app-server.mjs')).href);
  const app = await startApp({ port: HTTP_PORT, distDir, databaseUrl: url, env: { SEED_DEMO: 'false', LOG_LEVEL: 'warn' } });
  try {
    const sections = new Map();
    const home = await (await fetch(`${app.url}/search`)).text();
    for (const m of home.matchAll(/<option value="([a-z0-9-]+)">([^<]+)<\/option>/g)) sections.set(m[1], m[2]);
    const pathFor = (m) => {
      const qs = new URLSearchParams({ q: m.q });
      if (m.section) qs.set('section', m.section);
      if (m.from) qs.set('from', m.from);
      if (m.to) qs.set('to', m.to);
      if (m.page) qs.set('page', String(m.page));
      return `/search?${qs}`;
    };
    const get = async (p) => {
      const started = performance.now();
      const response = await fetch(`${app.url}${p}`);
      await response.text();
      if (response.status !== 200) throw new Error(`${p} answered ${response.status}`);
      return performance.now() - started;
    };
    const httpMix = mix.filter((m) => !m.authorId);
    for (const m of httpMix) await get(pathFor(m));
    const times = [];
    for (let round = 0; round < rounds; round++) for (const m of httpMix) times.push(await get(pathFor(m)));
    log(`  through /search (one connection, ${times.length} requests): p50 ${fmt(percentile(times, 50))} ms, p95 ${fmt(percentile(times, 95))} ms`);
    return summary(times);
  } finally {
    await app.stop();
  }
}

export async function run(ctx = {}) {
  const log = ctx.log ?? console.log;
  const sizes = (process.env.SEARCH_BENCH_ARTICLES ?? ctx.searchArticles ?? '10000,100000')
    .split(',')
    .map((s) => Number(s.replace(/[_\s]/g, '')))
    .filter((n) => Number.isInteger(n) && n > 0);
  const distDir = ctx.distDir ?? process.env.NEXT_DIST_DIR ?? '.next-search';
  const http = ctx.http ?? !process.argv.includes('--no-http');
  const rows = [];
  const checks = [];
  const info = { sizes: {}, explain: {} };

  if (ctx.load && ctx.baseUrl) {
    // The page itself on the demo newspaper, under load, next to the framework's other pages
    // (warmed first: the first render compiles and fills the cached lists the form needs).
    for (let i = 0; i < 5; i++) await (await ctx.fetch('/search?q=harbour')).text();
    rows.push(await ctx.load({ group: 'search', label: 'search page (demo data)', path: '/search?q=harbour', connections: 10 }));
  }

  for (const articles of sizes) {
    const url = await ensureCorpus(articles, log);
    const rounds = articles >= 1_000_000 ? 8 : 12;
    const out = JSON.parse(await tsxNode([SELF, '--worker', `--url=${url}`, `--rounds=${rounds}`], {}, { capture: true }));
    const all = out.mix.flatMap((m) => m.times);
    const allCpu = out.mix.flatMap((m) => m.cpu);
    const overall = summary(all);
    const overallCpu = summary(allCpu);
    log(`  ${articles.toLocaleString('en-GB')} articles, query function, ${all.length} searches: wall p50 ${fmt(overall.p50)} ms, p95 ${fmt(overall.p95)} ms; CPU p50 ${fmt(overallCpu.p50)} ms, p95 ${fmt(overallCpu.p95)} ms`);
    const byKind = {};
    const byKindCpu = {};
    for (const m of out.mix) {
      (byKind[m.kind] ??= []).push(...m.times);
      (byKindCpu[m.kind] ??= []).push(...m.cpu);
    }
    for (const [kind, ms] of Object.entries(byKind)) {
      const s = summary(ms);
      const c = summary(byKindCpu[kind]);
      log(`    ${kind.padEnd(9)} wall p50 ${fmt(s.p50).padStart(6)}  p95 ${fmt(s.p95).padStart(6)}   CPU p50 ${fmt(c.p50).padStart(6)}  p95 ${fmt(c.p95).padStart(6)} ms`);
    }
    for (const m of out.mix) {
      const s = summary(m.times);
      const c = summary(m.cpu);
      log(`      ${JSON.stringify(m.q).slice(0, 34).padEnd(36)} ${String(m.total).padStart(8)}${m.estimate ? '~' : ' '} ${m.mode.padEnd(6)} wall p50 ${fmt(s.p50).padStart(6)} p95 ${fmt(s.p95).padStart(6)}  CPU p50 ${fmt(c.p50).padStart(6)} p95 ${fmt(c.p95).padStart(6)}`);
    }
    const entry = {
      queryFunction: overall,
      queryFunctionCpu: overallCpu,
      byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, { wall: summary(v), cpu: summary(byKindCpu[k]) }])),
      queries: out.mix.map(({ times, cpu, ...m }) => ({ ...m, wall: summary(times), cpu: summary(cpu) })),
    };
    if (http && fs.existsSync(path.join(ROOT, distDir, 'BUILD_ID'))) {
      entry.http = await measureHttp({ url, distDir, mix: out.mix, rounds: Math.max(3, Math.floor(rounds / 3)), log });
    }
    const explained = JSON.parse(await tsxNode([SELF, '--worker', '--explain', `--url=${url}`], {}, { capture: true }));
    info.explain[articles] = explained.plans;
    info.sizes[articles] = entry;
    rows.push({ group: 'search', label: `query fn, ${articles.toLocaleString('en-GB')} articles`, path: '(direct)', connections: 1, rps: NaN, p50: overall.p50, p99: percentile(all, 99), requests: all.length, errors: 0, non2xx: 0, serverCpuMsPerRequest: overallCpu.p50 });
    const scope = articles >= 1_000_000 ? '' : ' (the target is set at 1,000,000)';
    checks.push({ name: `search p95 at ${articles.toLocaleString('en-GB')} articles (query function, wall)`, target: `≤ ${TARGET_P95_MS} ms${scope}`, actual: `${fmt(overall.p95)} ms`, ok: overall.p95 <= TARGET_P95_MS });
    checks.push({ name: `search p95 at ${articles.toLocaleString('en-GB')} articles (query function, CPU of database + caller)`, target: `≤ ${TARGET_P95_MS} ms${scope}`, actual: `${fmt(overallCpu.p95)} ms`, ok: overallCpu.p95 <= TARGET_P95_MS });
  }
  const outDir = path.join(ROOT, 'bench-results');
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `search-explain-${new Date().toISOString().replace(/[:.]/g, '-')}.txt`);
  fs.writeFileSync(
    file,
    Object.entries(info.explain)
      .flatMap(([size, plans]) => Object.entries(plans).flatMap(([q, p]) => [`==== ${size} articles: ${q} (${p.total}${p.estimate ? ' estimated' : ''}, ${p.mode})`, ...p.plans, '']))
      .join('\n'),
  );
  log(`  EXPLAIN (ANALYZE, BUFFERS) of every statement: ${path.relative(ROOT, file)}`);
  return { rows, checks, info };
}

if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  if (process.argv.includes('--worker')) {
    await worker();
  } else {
    const articles = process.argv.find((a) => a.startsWith('--articles='))?.slice(11);
    if (articles) process.env.SEARCH_BENCH_ARTICLES = articles;
    const result = await run({});
    for (const c of result.checks) console.log(`${c.ok ? 'met   ' : 'MISSED'}  ${c.name}: ${c.actual} (target ${c.target})`);
  }
}
