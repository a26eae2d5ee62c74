import { isInternalPath, isReservedTopLevelPath } from './site-paths';
import { isSlug, parseArticlePath } from './urls';

// What a reader path asks for, by its shape alone. The proxy uses it to answer 404 for a section,
// author, topic or article that does not exist before the request reaches an on-demand (ISR) page:
// Next renders notFound() from such a page as an empty shell whose content only appears with
// JavaScript (vercel/next.js#95613), which readers without JavaScript and crawlers see as blank.

/** What a reader path is now: live, moved (301), gone (410) or unknown (404). */
export type RouteResolution =
  /** frameOrigins: what the page's embeds load from, for its Content-Security-Policy (lib/embeds.ts). */
  | { kind: 'live'; frameOrigins?: string[] }
  | { kind: 'moved'; location: string }
  | { kind: 'gone' }
  | { kind: 'unknown' }
  /** A refused no-JavaScript comment shown again: its page answers with the refusal's status. */
  | { kind: 'refused'; status: number };

export type Listing = { type: 'section' | 'author' | 'tag'; slug: string; cursor: string | null };

export type ReaderRoute =
  | { kind: 'article' }
  | { kind: 'listing'; listing: Listing }
  /** The no-JavaScript comment pages: replying to one comment, and a thread's later pages. */
  | { kind: 'comment'; commentId: number }
  | { kind: 'thread-page'; articleId: number; cursor: string }
  /** A live blog's older entries: /live/<article id>/before/<cursor>. */
  | { kind: 'live-page'; articleId: number; cursor: string }
  /** Where a refused plain-form comment is shown again with what the reader typed. */
  | { kind: 'refusal'; token: string }
  /** Cannot exist: a malformed slug, a rewrite target asked for directly, /author with no name. */
  | { kind: 'missing' }
  /** Not a reader page this module knows (search, sign-in, the dashboard…): left to the router. */
  | { kind: 'other' };

const CURSOR = /^\d{1,15}-\d{1,10}$/;

function listing(type: Listing['type'], slug: string, cursor: string | null): ReaderRoute {
  if (!isSlug(slug) || (cursor !== null && !CURSOR.test(cursor))) return { kind: 'missing' };
  return { kind: 'listing', listing: { type, slug, cursor } };
}

const COMMENT_ID = /^\d{1,15}$/;
const ARTICLE_ID = /^\d{1,10}$/;

function commentPage(segments: string[]): ReaderRoute {
  const [, second, third, fourth] = segments;
  if (segments.length === 3 && second === 'reply') {
    return COMMENT_ID.test(third!) && Number(third) <= Number.MAX_SAFE_INTEGER ? { kind: 'comment', commentId: Number(third) } : { kind: 'missing' };
  }
  if (segments.length === 3 && second === 'not-posted') return { kind: 'refusal', token: third! };
  if (segments.length === 4 && third === 'after') {
    return ARTICLE_ID.test(second!) && Number(second) <= 2147483647 ? { kind: 'thread-page', articleId: Number(second), cursor: fourth! } : { kind: 'missing' };
  }
  return { kind: 'other' };
}

export function classifyReaderPath(pathname: string): ReaderRoute {
  const segments = pathname.split('/').slice(1);
  if (segments.at(-1) === '' && segments.length > 1) segments.pop();
  const [first = '', second, third, fourth] = segments;
  if (first === '') return { kind: 'other' };
  if (isInternalPath(first)) return { kind: 'missing' };
  if (first === 'author' || first === 'tag') {
    if (segments.length === 2) return listing(first, second!, null);
    if (segments.length === 4 && third === 'before') return listing(first, second!, fourth!);
    return segments.length === 1 ? { kind: 'missing' } : { kind: 'other' };
  }
  if (first === 'comments') return commentPage(segments);
  if (first === 'live') {
    if (segments.length === 4 && third === 'before') {
      return ARTICLE_ID.test(second!) && Number(second) <= 2147483647 && CURSOR.test(fourth!) ? { kind: 'live-page', articleId: Number(second), cursor: fourth! } : { kind: 'missing' };
    }
    // /live/<id>/updates.json is a route handler (the proxy never sees it); nothing else is here.
    return segments.length === 3 && third === 'updates.json' ? { kind: 'other' } : { kind: 'missing' };
  }
  if (isReservedTopLevelPath(first)) return { kind: 'other' };
  if (segments.length === 1) return listing('section', first, null);
  if (segments.length === 3 && second === 'before') return listing('section', first, third!);
  if (segments.length === 5) return parseArticlePath(pathname) ? { kind: 'article' } : { kind: 'missing' };
  return { kind: 'other' };
}
