// Conditional GET for feeds and sitemaps: an ETag (a hash of the body) and Last-Modified on every
// answer, and 304 Not Modified when the client already has this version, so feed readers that poll
// every few minutes cost a hash, not a download.
import { createHash } from 'node:crypto';

export type ConditionalOptions = {
  contentType: string;
  /** When the content last changed, if known. */
  lastModified?: string | Date | null;
  /** Seconds a client or shared cache may reuse the answer without asking (default 0: always ask). */
  maxAge?: number;
};

export function etagFor(body: string): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** Opaque-tag comparison as RFC 9110 wants for If-None-Match: weak, and "*" matches anything. */
function matchesIfNoneMatch(header: string, etag: string): boolean {
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/** Whole seconds: HTTP dates have no milliseconds, so comparisons must not either. */
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** A 200 with validators, or a 304 when the request's If-None-Match / If-Modified-Since say the client is up to date. */
export function conditionalResponse(request: Request, body: string, options: ConditionalOptions): Response {
  const etag = etagFor(body);
  const lastModified = options.lastModified ? new Date(options.lastModified) : null;
  const headers = new Headers({
    'Content-Type': options.contentType,
    ETag: etag,
    'Cache-Control': `public, max-age=${options.maxAge ?? 0}, must-revalidate`,
  });
  if (lastModified && !Number.isNaN(lastModified.getTime())) headers.set('Last-Modified', lastModified.toUTCString());

  const ifNoneMatch = request.headers.get('if-none-match');
  const ifModifiedSince = request.headers.get('if-modified-since');
  let notModified = false;
  if (ifNoneMatch !== null) {
    // If-None-Match wins over If-Modified-Since when both are sent (RFC 9110 §13.2.2).
    notModified = matchesIfNoneMatch(ifNoneMatch, etag);
  } else if (ifModifiedSince !== null && lastModified) {
    const since = new Date(ifModifiedSince);
    notModified = !Number.isNaN(since.getTime()) && seconds(lastModified) <= seconds(since);
  }
  if (notModified) {
    headers.delete('Content-Type');
    return new Response(null, { status: 304, headers });
  }
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
}
