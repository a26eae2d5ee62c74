import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy } from './lib/csp';
import { ALL_FRAME_ORIGINS, withFrameOrigins } from './lib/embeds';
import { databaseIsUp } from './server/health';
import { methodVerdict } from './server/http/methods';
import { ORIGIN_REFUSED_MESSAGE, refuseForeignRequest } from './server/http/origin';
import { isOutageProbe, pageWithoutDatabase } from './server/http/outage';
import { logger } from './server/log';
import { oldQueryTarget } from './server/routing/redirects';
import { resolveReaderRoute } from './server/routing/resolve';
import type { RouteResolution } from './lib/reader-routes';

// Routing that App Router pages cannot express: 301 for an article's old URLs, 410 for a
// withdrawn article, 404 for a section, author, topic or article that does not exist (rendered
// per request, because Next leaves notFound() from an on-demand page to client-side rendering),
// 503 while the database is unreachable for any page not already in Next's cache (stale if error:
// docs/decisions/2026-12-01-stale-if-error.md), 405 to methods a page does not answer, 403 to a
// state-changing request from elsewhere. It reads no cookies for reader pages and answers the
// same for every reader, and it is never an access check (dashboard pages check for themselves).

function withRequestId(request: NextRequest, response: NextResponse, requestId: string): NextResponse {
  response.headers.set('x-request-id', requestId);
  return response;
}

const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];
const hasSessionCookie = (request: NextRequest) =>
  request.cookies.getAll().some((c) => SESSION_COOKIES.some((name) => c.name === name || c.name.startsWith(`${name}.`)));

export async function proxy(request: NextRequest) {
  const requestId = crypto.randomUUID();
  const { pathname } = request.nextUrl;
  logger().info({ reqId: requestId, method: request.method, path: pathname.slice(0, 300) }, 'request');

  // Methods first: no database, and a PUT or DELETE must never be answered with the page itself.
  const method = methodVerdict(request.method, pathname);
  if (method.kind === 'options') {
    return withRequestId(request, new NextResponse(null, { status: 204, headers: { Allow: method.allow } }), requestId);
  }
  if (method.kind === 'not-allowed') {
    const text = `Method not allowed: ${request.method.slice(0, 20)} is not something this page answers (it answers ${method.allow}).`;
    return withRequestId(request, new NextResponse(text, { status: 405, headers: { Allow: method.allow, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } }), requestId);
  }
  if (request.method !== 'GET' && request.method !== 'HEAD' && refuseForeignRequest(request, requestId)) {
    // Before Next's own server-action check, which answers a foreign Origin with a 500.
    return withRequestId(request, new NextResponse(ORIGIN_REFUSED_MESSAGE, { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } }), requestId);
  }

  const read = request.method === 'GET' || request.method === 'HEAD';
  const dashboard = pathname === '/dashboard' || pathname.startsWith('/dashboard/');
  // The proxy's own inner request during an outage (see below): straight to the page.
  const probe = read && isOutageProbe(request);
  if (!probe && !(await databaseIsUp())) {
    // Stale if error: a page already in Next's cache is still served; only what must be
    // rendered from the database gets the 503 page. The newsroom always needs the database.
    if (read && !dashboard) {
      const page = await pageWithoutDatabase(request);
      if (page) return withRequestId(request, new NextResponse(page.body, { status: page.status, headers: page.headers }), requestId);
    }
    return withRequestId(request, NextResponse.rewrite(new URL('/unavailable', request.url), { status: 503, headers: { 'Retry-After': '30' } }), requestId);
  }

  if (read && !probe && request.nextUrl.search) {
    // WordPress's own query addresses of a site moved here (/?p=12, /index.php?page_id=3); any
    // other query on the front page goes straight on, without a lookup.
    const location = await oldQueryTarget(pathname, request.nextUrl.search).catch((error: unknown) => {
      logger().error({ reqId: requestId, err: (error as Error).message }, 'redirect lookup failed');
      return null;
    });
    if (location) return withRequestId(request, NextResponse.redirect(new URL(location, request.url), 301), requestId);
  }

  let route: RouteResolution | null = null;
  if (read && !probe) {
    route = await resolveReaderRoute(pathname).catch((error: unknown) => {
      // Let the page answer for itself: it reads the same data and has its own error page.
      logger().error({ reqId: requestId, err: (error as Error).message }, 'route lookup failed');
      return null;
    });
    if (route?.kind === 'moved') {
      const target = new URL(route.location, request.url);
      target.search = request.nextUrl.search;
      return withRequestId(request, NextResponse.redirect(target, 301), requestId);
    }
    if (route?.kind === 'gone') {
      return withRequestId(request, NextResponse.rewrite(new URL('/withdrawn', request.url), { status: 410 }), requestId);
    }
    if (route?.kind === 'refused') {
      // The page renders per request; the proxy gives it the refusal's status (400, 403, 429…).
      return withRequestId(request, NextResponse.rewrite(request.nextUrl, { status: route.status }), requestId);
    }
    if (route?.kind === 'unknown') {
      return withRequestId(request, NextResponse.rewrite(new URL('/missing', request.url), { status: 404 }), requestId);
    }
  }

  const headers = new Headers(request.headers);
  headers.set('x-request-id', requestId);
  if (dashboard) {
    // A courtesy only: with no session cookie at all, go straight to sign-in and come back here.
    // Every dashboard page, action and route handler still checks the session and role itself.
    const wanted = `${pathname}${request.nextUrl.search}`;
    if (!hasSessionCookie(request)) {
      const signIn = new URL('/signin', request.url);
      signIn.searchParams.set('callbackUrl', wanted);
      return withRequestId(request, NextResponse.redirect(signIn, 303), requestId);
    }
    // Lets a page that finds the session revoked send the person back here after signing in.
    headers.set('x-dashboard-path', wanted.slice(0, 2000));
  }
  const response = NextResponse.next({ request: { headers } });
  // Frames only where embeds are: an article's policy allows exactly its embeds' providers, a
  // preview (which shows unsaved work) every provider an embed can come from; every other page
  // keeps next.config.ts's policy, which allows no frames at all.
  const preview = pathname.startsWith('/preview/') || pathname.startsWith('/dashboard/preview/');
  const frames = route?.kind === 'live' ? route.frameOrigins : preview ? ALL_FRAME_ORIGINS : undefined;
  if (frames?.length) response.headers.set('Content-Security-Policy', withFrameOrigins(contentSecurityPolicy(process.env.NODE_ENV === 'production'), frames));
  return withRequestId(request, response, requestId);
}

export const config = {
  // Pages only: not Next's assets, not files in public/, not API routes (they answer for themselves).
  // And two addresses a site moved from WordPress still gets: /index.php?p=12 and its old uploads.
  matcher: ['/((?!_next/|api/|demo/|media/|favicon\\.ico|.*\\.[a-z0-9]{2,5}$).*)', '/index.php', '/wp-content/uploads/:path*'],
};
