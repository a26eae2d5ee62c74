// Runs once when the server starts (`next start` / `next dev`), never during `next build`:
// brings the schema up to date, creates the demo newspaper in an explicit demo, and on a
// newsroom with no staff prints the one-time link that creates the first admin.
// An advisory lock key of Broadsheet's own ("BRDS" in ASCII) for start-up work.
const STARTUP_LOCK = 0x42524453;

export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Comments take the client's address from the socket, which route handlers cannot see: first
  // thing, every request gets a header naming it (server/comments/client-address.ts).
  const { installPeerAddressHeader } = await import('./server/comments/client-address');
  installPeerAddressHeader();
  // TRACE fails inside Next before the proxy, as a 500: it is answered 405 on the server itself.
  const { refuseUnsupportedMethods } = await import('./server/http/unsupported-methods');
  refuseUnsupportedMethods();
  // Sessions need a signing secret: production refuses to start without AUTH_SECRET; the demo
  // (embedded database) generates one beside its data.
  const { resolveAuthSecret } = await import('./server/auth/secret');
  resolveAuthSecret();
  // Several instances must share the server actions' key (server/fleet-config.ts).
  const { assertFleetConfig } = await import('./server/fleet-config');
  assertFleetConfig(process.env);
  const { logger } = await import('./server/log');
  const { migrateDatabase } = await import('./db/migrate');
  const { getConnection } = await import('./db/connection');
  const started = Date.now();
  // Instances starting together take turns: one migrates (and seeds), the others then find
  // nothing to do. drizzle's migrator takes no lock of its own.
  const { demoSeedWanted } = await import('./lib/demo-seed');
  await getConnection().withAdvisoryLock(STARTUP_LOCK, async () => {
    await migrateDatabase();
    // The demo's accounts share a published password: only in an explicit demo (lib/demo-seed.ts).
    if (demoSeedWanted(process.env)) {
      const { seedDatabase } = await import('./db/seed');
      const { created } = await seedDatabase(getConnection().db);
      if (created) logger().info({ event: 'db.seeded' }, 'created the demo newspaper');
    }
  });
  // Every expiry of cache tags here is followed by a purge of the shared HTTP caches by those tags.
  const { purgeAfterEveryExpiry } = await import('./server/cache/http-purge');
  purgeAfterEveryExpiry();
  // Changes made through other instances reach this one's caches (server/cache/invalidation.ts).
  // Started before the first request, so nothing is cached that a missed change could make stale.
  const { startInvalidationListener } = await import('./server/cache/invalidation');
  await startInvalidationListener();
  // A real first start has nobody to sign in as: print a one-time link that creates the first
  // admin. Each start without staff prints a fresh one and retires the last.
  const { issueSetupToken } = await import('./db/mutations/account-tokens');
  const setup = await issueSetupToken(getConnection().db);
  if (setup) {
    const { absoluteUrl } = await import('./server/seo/site-url');
    const url = absoluteUrl(`/signin/setup/${setup.token}`);
    logger().warn(
      { event: 'auth.setup_link', url, expiresAt: setup.expiresAt.toISOString() },
      `No staff accounts yet. Create the first admin at ${url} (one use, until ${setup.expiresAt.toISOString()}), or run: npm run user -- create --email <address> --name "<name>" --role admin`,
    );
  }
  const { startCommentMaintenance } = await import('./server/comments/maintenance');
  startCommentMaintenance();
  // The audience figures' hourly-to-daily rollup and 90-day pruning (idempotent, any instance).
  const { startViewMaintenance } = await import('./server/views/maintenance');
  startViewMaintenance();
  logger().info({ event: 'db.ready', kind: getConnection().kind, ms: Date.now() - started }, 'database ready');
  // Publishes scheduled articles on time, and at start-up anything that came due while stopped.
  const { startScheduler } = await import('./server/jobs/scheduler');
  startScheduler();
}
