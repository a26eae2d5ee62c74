// Reader renders on a read replica (db/replicas.ts), against one primary alone, in one run: a
// primary and a streaming replica made by scripts/replica.mjs on spare ports, one fresh database
// on them, and two instances of this build: P reads the primary only, R renders reader pages from
// the replica (DATABASE_REPLICA_URLS).
//   - rendered-per-request article throughput (draft-mode cookie: every request renders), P vs R,
//     with the transactions the primary ran meanwhile (the load a reader spike puts on it);
//   - the first render of a page right after a change (an outbox row expiring everything), on P
//     and on R, 30 times each: p50/p99, the cost of R's guard;
// Needs pg_createcluster and root (CI's machine); skipped with a message elsewhere.
//
//   npm run bench -- replicas [--duration=8]
import postgres from 'postgres';
import { createFreshDatabase, startApp, withDatabase } from '../app-server.mjs';
import { replicaUnavailable, startReplicaPair } from '../replica.mjs';
import { findArticles } from './comments.mjs';

export const name = 'replicas';
export const description = 'reader renders from one primary + one replica vs the primary alone, the guard after a change, the primary\'s load';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const percentile = (values, p) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

export async function run(ctx) {
  const rows = [];
  const checks = [];
  const info = {};
  if (replicaUnavailable) {
    ctx.log(`  skipped: ${replicaUnavailable}`);
    return { rows, checks, info: { skipped: replicaUnavailable } };
  }
  const port = Number(process.env.BENCH_PORT ?? 3300);
  const pgPort = Number(process.env.REPLICA_BENCH_PORT ?? 5480 + (port % 10) * 2);
  const cleanups = [];
  try {
    ctx.log('  making a primary and a streaming replica, and two instances on a fresh database…');
    const pair = await startReplicaPair({ name: `broadsheet_bench${pgPort}`, port: pgPort });
    cleanups.push(() => pair.stop());
    const fresh = await createFreshDatabase(pair.primaryUrl, 'broadsheet_bench_replicas');
    const env = { SEED_DEMO: 'true', AUTH_SECRET: 'bench-replicas-secret-0123456789abcdefghij', NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64') };
    const P = await startApp({ port: port + 60, distDir: ctx.distDir, databaseUrl: fresh.url, env });
    cleanups.push(() => P.stop());
    const R = await startApp({ port: port + 61, distDir: ctx.distDir, databaseUrl: fresh.url, env: { ...env, DATABASE_REPLICA_URLS: withDatabase(pair.replicaUrl, fresh.name) } });
    cleanups.push(() => R.stop());
    const primary = postgres(fresh.url, { max: 1, onnotice: () => {} });
    cleanups.push(() => primary.end({ timeout: 5 }));
    const transactions = async () => Number((await primary`select xact_commit::text as n from pg_stat_database where datname = ${fresh.name}`)[0].n);
    for (let i = 0; i < 100; i++) {
      const h = await (await fetch(`${R.url}/api/health`)).json();
      if (h.replicas?.[0]?.state === 'up') break;
      await sleep(200);
    }
    const [story] = await findArticles(P.url, 1);

    // 1. Rendered per request: P (primary) vs R (replica), and the primary's transactions meanwhile.
    const rps = {};
    for (const [key, app] of [['primary', P], ['replica', R]]) {
      const before = await transactions();
      const row = await ctx.load({ group: 'replicas', label: `article rendered, reads on ${key}`, path: story.path, connections: 10, headers: { Cookie: ctx.bypassCookie }, baseUrl: app.url });
      const onPrimary = (await transactions()) - before;
      // ctx.load counts the CPU of the bench's own server, not of P or R.
      row.serverCpuMsPerRequest = NaN;
      row.serverCpuPercent = NaN;
      row.primaryTransactionsPerRequest = row.requests ? onPrimary / row.requests : NaN;
      ctx.log(`    primary ran ${onPrimary} transactions (${row.primaryTransactionsPerRequest.toFixed(2)} per render)`);
      rows.push(row);
      rps[key] = row;
    }
    info.primaryTransactionsPerRender = { primaryOnly: rps.primary.primaryTransactionsPerRequest, withReplica: rps.replica.primaryTransactionsPerRequest };
    checks.push({
      name: 'primary transactions per render with a replica / without',
      target: '≤ 0.2',
      actual: (rps.replica.primaryTransactionsPerRequest / rps.primary.primaryTransactionsPerRequest).toFixed(2),
      ok: rps.replica.primaryTransactionsPerRequest <= 0.2 * rps.primary.primaryTransactionsPerRequest,
    });

    // 2. The first render after a change, P vs R.
    const firstRender = {};
    for (const [key, app] of [['primary', P], ['replica', R]]) {
      const times = [];
      for (let i = 0; i < 30; i++) {
        await (await fetch(`${app.url}${story.path}`)).arrayBuffer();
        const [row] = await primary.begin(async (tx) => {
          const rows = await tx`insert into invalidations (tags) values (${['all']}) returning seq`;
          await tx`select pg_notify('broadsheet_invalidation', ${String(rows[0].seq)})`;
          return rows;
        });
        for (let j = 0; j < 200; j++) {
          const h = await (await fetch(`${app.url}/api/health`)).json();
          if (h.invalidation.applied >= row.seq) break;
          await sleep(5);
        }
        const started = performance.now();
        await (await fetch(`${app.url}${story.path}`)).arrayBuffer();
        times.push(performance.now() - started);
      }
      firstRender[key] = { p50: percentile(times, 50), p99: percentile(times, 99) };
      ctx.log(`  first render after a change, reads on ${key}: p50 ${firstRender[key].p50.toFixed(1)} ms, p99 ${firstRender[key].p99.toFixed(1)} ms`);
    }
    info.firstRenderAfterChange = firstRender;
    const extra = firstRender.replica.p99 - firstRender.primary.p99;
    checks.push({ name: "the guard's extra latency on the first render after a change, p99", target: '≤ 500 ms', actual: `${extra.toFixed(0)} ms`, ok: extra <= 500 });
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  }
  return { rows, checks, info };
}
