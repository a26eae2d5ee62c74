import { invalidationStatus } from '@/server/cache/invalidation';
import { buildId } from '@/server/build-id';
import { databaseIsUp, replicaHealth } from '@/server/health';

export const dynamic = 'force-dynamic';

/**
 * 200 when the app can reach its database, 503 when it cannot: for load balancers and monitors.
 * Also names the build this instance runs and the last invalidation it has applied, so a fleet
 * running mixed builds, or an instance lagging behind the others' changes, shows; and, with read
 * replicas, each replica's state and lag.
 */
export async function GET(request: Request) {
  // ?live=1: the process answers at all (Varnish's probe): a database outage must not take every
  // instance out of rotation, since they serve their cached pages through it.
  if (new URL(request.url).searchParams.has('live')) return Response.json({ status: 'live', build: buildId() }, { headers: { 'Cache-Control': 'no-store' } });
  const up = await databaseIsUp(0);
  const invalidation = invalidationStatus();
  const replicas = replicaHealth();
  return Response.json(
    {
      status: up ? 'ok' : 'unavailable',
      database: up ? 'up' : 'down',
      build: buildId(),
      invalidation: { applied: invalidation.applied, listening: invalidation.listening, settling: invalidation.settling },
      // With read replicas: each one's state and lag, and the WAL position a re-render needs.
      ...(replicas ?? {}),
    },
    { status: up ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
