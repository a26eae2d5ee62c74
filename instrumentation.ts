// Runs once when the server starts (`next start` / `next dev`), never during `next build`:
// brings the schema up to date and, on an empty database, creates the demo newspaper.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Comments take the client's address from the socket, which route handlers cannot see: first
  // thing, every request gets a header naming it (server/comments/client-address.ts).
  const { installPeerAddressHeader } = await import('./server/comments/client-address');
  installPeerAddressHeader();
  // Sessions need a signing secret: production refuses to start without AUTH_SECRET; the demo
  // (embedded database) generates one beside its data.
  const { resolveAuthSecret } = await import('./server/auth/secret');
  resolveAuthSecret();
  const { logger } = await import('./server/log');
  const { migrateDatabase } = await import('./db/migrate');
  const { getConnection } = await import('./db/connection');
  const started = Date.now();
  await migrateDatabase();
  if (process.env.SEED_DEMO !== 'false') {
    const { seedDatabase } = await import('./db/seed');
    const { created } = await seedDatabase(getConnection().db);
    if (created) logger().info({ event: 'db.seeded' }, 'created the demo newspaper');
  }
  const { startCommentMaintenance } = await import('./server/comments/maintenance');
  startCommentMaintenance();
  logger().info({ event: 'db.ready', kind: getConnection().kind, ms: Date.now() - started }, 'database ready');
  // Publishes scheduled articles on time, and at start-up anything that came due while stopped.
  const { startScheduler } = await import('./server/jobs/scheduler');
  startScheduler();
}
