import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { frameOriginsOf } from '../../lib/embeds';
import { classifyReaderPath, type Listing, type RouteResolution } from '../../lib/reader-routes';
import { preparedQuery } from '../prepared';
import { articles, urlHistory } from '../schema';
import { decodeCursor, listingHasStoriesBefore, type ListingKind } from './articles';
import { findAuthor } from './authors';
import { decodeThreadCursor, getCommentTarget, getReplyTarget } from './comments';
import { isLive } from './conditions';
import { getLiveBlog, listLiveEntries } from './live-blog';
import { getRefusedComment } from './refused-comments';
import { findSection } from './settings';
import { findTopic } from './topics';

// "Does this reader page exist, and is it live?", answered for the proxy before the page renders
// (docs/decisions/2026-12-01-proxy-status-codes.md). Each answer comes from the statements the
// page itself runs (a listing's owner and older page, a comment page's target), or, for an
// article, from the database's own isLive(): nothing here decides liveness in JavaScript.

// What an article row says about a path: its current path, whether it was withdrawn, and whether
// it is live (published and due), as the database judges it.
// embedUrls: the addresses of the body's embed blocks, so the page's policy can allow exactly their
// providers' frames (lib/embeds.ts) without a second query.
const routeColumns = {
  path: articles.path,
  withdrawn: sql<boolean>`${articles.status} = 'withdrawn'`,
  live: sql<boolean>`${isLive()}`,
  embedUrls: sql<unknown>`jsonb_path_query_array(${articles.body}, '$.content[*] ? (@.type == "embed").attrs.url')`,
};
const articleAtPath = preparedQuery((db) => db.select(routeColumns).from(articles).where(eq(articles.path, sql.placeholder('path'))).prepare('route_article_path'));
const articleOnceAtPath = preparedQuery((db) =>
  db.select(routeColumns).from(urlHistory).innerJoin(articles, eq(articles.id, urlHistory.articleId)).where(eq(urlHistory.path, sql.placeholder('path'))).prepare('route_article_old_path'),
);
const articleWithSlug = preparedQuery((db) => db.select(routeColumns).from(articles).where(eq(articles.slug, sql.placeholder('slug'))).prepare('route_article_slug'));

type RouteRow = { path: string | null; withdrawn: boolean; live: boolean; embedUrls: unknown };

function classify(row: RouteRow, requested: string): RouteResolution {
  if (row.withdrawn) return { kind: 'gone' };
  if (!row.live || !row.path) return { kind: 'unknown' };
  if (row.path !== requested) return { kind: 'moved', location: row.path };
  // postgres.js parses jsonb; a driver that hands back text is parsed here.
  const urls = typeof row.embedUrls === 'string' ? (JSON.parse(row.embedUrls) as unknown) : row.embedUrls;
  const frameOrigins = Array.isArray(urls) ? frameOriginsOf(urls.filter((u): u is string => typeof u === 'string')) : [];
  return frameOrigins.length ? { kind: 'live', frameOrigins } : { kind: 'live' };
}

/**
 * What an article-shaped path is now: the live article's own URL, an old URL of an article that
 * moved (301), a withdrawn article (410), or nothing (404).
 */
export async function resolveArticlePath(path: string): Promise<RouteResolution> {
  const [current] = await articleAtPath().execute({ path });
  if (current) return classify(current, path);
  const [moved] = await articleOnceAtPath().execute({ path });
  if (moved) return classify(moved, path);
  // A mistyped date or section with a real slug: send the reader to the article's own URL.
  const [bySlug] = await articleWithSlug().execute({ slug: path.split('/').at(-1) ?? '' });
  return bySlug ? classify(bySlug, path) : { kind: 'unknown' };
}

const LISTING_KIND: Record<Listing['type'], ListingKind> = { section: 'section', author: 'author', tag: 'topic' };

/** The owner's id of a section, author or topic page, found as the page finds it. */
async function listingOwnerId(listing: Listing): Promise<number | null> {
  const owner = listing.type === 'section' ? await findSection(listing.slug) : listing.type === 'author' ? await findAuthor(listing.slug) : await findTopic(listing.slug);
  return owner?.id ?? null;
}

/** Whether a section, author or topic page exists, and for an older page, has stories on it. */
async function resolveListing(listing: Listing): Promise<RouteResolution> {
  const cursor = listing.cursor === null ? null : decodeCursor(listing.cursor);
  if (listing.cursor !== null && !cursor) return { kind: 'unknown' };
  const ownerId = await listingOwnerId(listing);
  if (ownerId === null) return { kind: 'unknown' };
  if (cursor && !(await listingHasStoriesBefore(LISTING_KIND[listing.type], ownerId, cursor))) return { kind: 'unknown' };
  return { kind: 'live' };
}

/**
 * What a reader path is now, for the proxy: live, moved (301), gone (410) or unknown (404), or
 * `null` for paths that are not reader pages with data behind them (search, the dashboard…).
 */
export async function resolveReaderPath(path: string): Promise<RouteResolution | null> {
  const route = classifyReaderPath(path);
  switch (route.kind) {
    case 'other':
      return null;
    case 'missing':
      return { kind: 'unknown' };
    case 'article':
      return resolveArticlePath(path);
    case 'listing':
      return resolveListing(route.listing);
    case 'comment':
      // The reply page's own read: an approved comment under a live article.
      return (await getReplyTarget(route.commentId)) ? { kind: 'live' } : { kind: 'unknown' };
    case 'refusal': {
      // The page's own read. A refusal is the reader's mistake, so its page says so with the
      // refusal's 4xx; an expired or mistyped address is gone.
      const refused = await getRefusedComment(route.token);
      return { kind: 'refused', status: refused ? refused.status : 410 };
    }
    case 'live-page': {
      // The page's own reads: a live blog readers can see, and entries before the cursor.
      if (!(await getLiveBlog(route.articleId))) return { kind: 'unknown' };
      return (await listLiveEntries(route.articleId, route.cursor)).entries.length > 0 ? { kind: 'live' } : { kind: 'unknown' };
    }
    case 'thread-page': {
      // A later page of a live article's thread (a cursor past the end is an empty page, not a 404).
      if (!decodeThreadCursor(route.cursor)) return { kind: 'unknown' };
      const target = await getCommentTarget(route.articleId);
      return target?.path ? { kind: 'live' } : { kind: 'unknown' };
    }
  }
}
