import crypto from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { pruneInvalidations } from '@/db/invalidation';
import { publishDueArticles } from '@/db/mutations/articles';
import { pruneSignInAttempts } from '@/db/mutations/login-attempts';
import { getNextDueAt } from '@/db/queries/dashboard-articles';
import { expireTags } from '@/server/cache/expire';
import { logger } from '@/server/log';
import { schedulerToken } from '@/server/jobs/scheduler';
import { kickImports } from '@/server/wordpress/import-worker';

// Called only by this server's own scheduler (server/jobs/scheduler.ts), over loopback, with a secret
// that exists only in this process: publishes what is due and refreshes the affected pages.
export const dynamic = 'force-dynamic';

let lastPrune = 0;

export async function POST(request: NextRequest) {
  const given = Buffer.from(request.headers.get('x-scheduler-token') ?? '');
  const expected = Buffer.from(schedulerToken());
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    return NextResponse.json({ error: 'Not found' }, { status: 404 });
  }
  // Dashboard imports waiting, or stopped with their instance: resumed in the background here.
  kickImports();
  const { published, expire } = await publishDueArticles();
  if (expire.length) expireTags(expire);
  for (const p of published) logger().info({ event: 'article.published_on_schedule', articleId: p.id, path: p.path }, 'published on schedule');
  if (Date.now() - lastPrune > 3600_000) {
    lastPrune = Date.now();
    await pruneSignInAttempts().catch(() => {});
    await pruneInvalidations(getDb()).catch(() => {});
  }
  const nextDueAt = await getNextDueAt();
  return NextResponse.json({ published: published.length, nextDueAt: nextDueAt?.toISOString() ?? null }, { headers: { 'Cache-Control': 'no-store' } });
}
