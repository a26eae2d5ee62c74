import { databaseIsUp } from '@/server/health';

export const dynamic = 'force-dynamic';

/** 200 when the app can reach its database, 503 when it cannot: for load balancers and monitors. */
export async function GET() {
  const up = await databaseIsUp(0);
  return Response.json({ status: up ? 'ok' : 'unavailable', database: up ? 'up' : 'down' }, { status: up ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
