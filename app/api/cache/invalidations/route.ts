import crypto from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { applyPendingInvalidations, applySettledInvalidations, invalidationToken } from '@/server/cache/invalidation';
import { logger } from '@/server/log';

// Called only by this server's own invalidation listener (server/cache/invalidation.ts), over
// loopback, with a secret that exists only in this process: applies the outbox rows this instance
// has not applied yet. Anyone else gets a 404, as for a page that does not exist.
export const dynamic = 'force-dynamic';

export async function POST(request: NextRequest) {
  const given = Buffer.from(request.headers.get('x-invalidation-token') ?? '');
  const expected = Buffer.from(invalidationToken());
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    return NextResponse.json({ error: 'Not found' }, { status: 404 });
  }
  try {
    // The second expiry of what was applied a moment ago (server/cache/invalidation.ts).
    if (request.headers.get('x-invalidation-settle')) {
      return NextResponse.json({ expired: applySettledInvalidations().length }, { headers: { 'Cache-Control': 'no-store' } });
    }
    const expired = await applyPendingInvalidations();
    return NextResponse.json({ expired: expired.length }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    logger().error({ event: 'invalidation.apply-failed', err: (error as Error).message }, 'applying invalidations failed');
    return NextResponse.json({ error: 'Could not apply invalidations' }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
}
