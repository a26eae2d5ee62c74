import { after } from 'next/server';
import { isBot, optedOut, parseBeacon, referrerDomain } from '@/lib/views';
import { viewCountingOn } from '@/server/views/settings';
import { viewBuffer } from '@/server/views/buffer';

// The page-view beacon: article pages send `a=<article id>&r=<referring host>` here once per view
// (navigator.sendBeacon). Counted into this instance's buffer (server/views/buffer.ts), written in
// batches. Nothing about the reader is read beyond what decides whether to count: the user agent
// (bots are not counted), Do Not Track / Global Privacy Control, and whether a newsroom session
// cookie is present (staff reading their own pages are not counted); none of it is kept. The
// answer sets no cookie and is never cached (Varnish passes /api; no-store says so to anyone else).

export const dynamic = 'force-dynamic';

const HEADERS = { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' };
const SESSION_COOKIE = /(^|;\s*)(__Secure-)?authjs\.session-token/;

const answer = (status: number, text?: string) => new Response(text ?? null, { status, headers: status === 204 ? { 'Cache-Control': 'no-store' } : HEADERS });

export async function POST(request: Request) {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > 600) return answer(413, 'A view report is a few bytes: a=<article id>&r=<referring host>.');
  const body = await request.text();
  const beacon = parseBeacon(body);
  if (!beacon.ok) return answer(400, beacon.error);
  // From another site's page: not one of our readers' views.
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return answer(403, 'Views are counted only from this site’s own pages.');
  if (!viewCountingOn() || isBot(request.headers.get('user-agent')) || optedOut(request.headers) || SESSION_COOKIE.test(request.headers.get('cookie') ?? '')) {
    return answer(204);
  }
  const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || request.headers.get('host');
  const kept = viewBuffer().add(beacon.articleId, referrerDomain(beacon.referrerHost, host));
  if (kept === 'full') return answer(503, 'Views cannot be counted just now.');
  // The first view of a batch: a stopping server waits for that batch's write before it exits.
  if (kept !== 'kept' && process.env.NEXT_RUNTIME) after(kept);
  return answer(204);
}

export function GET() {
  return new Response('Send a view with POST: a=<article id>&r=<referring host>.', { status: 405, headers: { ...HEADERS, Allow: 'POST' } });
}
