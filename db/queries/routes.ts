import 'server-only';
import { and, eq, exists, sql, type SQL } from 'drizzle-orm';
import { classifyReaderPath, type Listing, type RouteResolution } from '../../lib/reader-routes';
import { getDb } from '../client';
import { articleAuthors, articles, articleTags, comments, sections, staff, tags, urlHistory } from '../schema';
import { decodeCursor } from './articles';
import { decodeThreadCursor } from './comments';
import { isLive } from './conditions';

function classify(row: { path: string | null; status: string; publishedAt: Date | null }, requested: string): RouteResolution {
  if (row.status === 'withdrawn') return { kind: 'gone' };
  const due = row.status === 'published' && row.publishedAt !== null && row.publishedAt.getTime() <= Date.now();
  if (!due || !row.path) return { kind: 'unknown' };
  return row.path === requested ? { kind: 'live' } : { kind: 'moved', location: row.path };
}

/**
 * What an article-shaped path is now: the live article's own URL, an old URL of an article that
 * moved (301), a withdrawn article (410), or nothing (404).
 */
export async function resolveArticlePath(path: string): Promise<RouteResolution> {
  const db = getDb();
  const columns = { path: articles.path, status: articles.status, publishedAt: articles.publishedAt };
  const [current] = await db.select(columns).from(articles).where(eq(articles.path, path));
  if (current) return classify(current, path);
  const [moved] = await db
    .select(columns)
    .from(urlHistory)
    .innerJoin(articles, eq(articles.id, urlHistory.articleId))
    .where(eq(urlHistory.path, path));
  if (moved) return classify(moved, path);
  // A mistyped date or section with a real slug: send the reader to the article's own URL.
  const slug = path.split('/').at(-1) ?? '';
  const [bySlug] = await db.select(columns).from(articles).where(eq(articles.slug, slug));
  return bySlug ? classify(bySlug, path) : { kind: 'unknown' };
}

/** The articles a listing shows: a section's, an author's or a topic's (as db/queries/articles.ts lists them). */
function listingArticles(listing: Listing): SQL {
  const db = getDb();
  switch (listing.type) {
    case 'section':
      return sql`${articles.sectionId} = (${db.select({ id: sections.id }).from(sections).where(eq(sections.slug, listing.slug))})`;
    case 'author':
      return exists(
        db
          .select({ one: sql`1` })
          .from(articleAuthors)
          .innerJoin(staff, eq(staff.id, articleAuthors.staffId))
          .where(and(eq(articleAuthors.articleId, articles.id), eq(staff.slug, listing.slug), eq(staff.active, true))),
      );
    case 'tag':
      return exists(
        db
          .select({ one: sql`1` })
          .from(articleTags)
          .innerJoin(tags, eq(tags.id, articleTags.tagId))
          .where(and(eq(articleTags.articleId, articles.id), eq(tags.slug, listing.slug))),
      );
  }
}

/** Whether a section, author or topic page exists, and for an older page, has stories on it. */
async function resolveListing(listing: Listing): Promise<RouteResolution> {
  const db = getDb();
  if (listing.cursor !== null) {
    const cursor = decodeCursor(listing.cursor);
    if (!cursor) return { kind: 'unknown' };
    const older = sql`(${articles.publishedAt}, ${articles.id}) < (${cursor.publishedAt.toISOString()}::timestamptz, ${cursor.id}::int)`;
    const [row] = await db.select({ id: articles.id }).from(articles).where(and(isLive(), listingArticles(listing), older)).limit(1);
    return row ? { kind: 'live' } : { kind: 'unknown' };
  }
  const [row] =
    listing.type === 'section'
      ? await db.select({ id: sections.id }).from(sections).where(eq(sections.slug, listing.slug))
      : listing.type === 'author'
        ? await db.select({ id: staff.id }).from(staff).where(and(eq(staff.slug, listing.slug), eq(staff.active, true)))
        : await db.select({ id: tags.id }).from(tags).where(eq(tags.slug, listing.slug));
  return row ? { kind: 'live' } : { kind: 'unknown' };
}

/** A comment readers can reply to without JavaScript: approved, under a live article. */
async function resolveComment(commentId: number): Promise<RouteResolution> {
  const [row] = await getDb()
    .select({ id: comments.id })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(and(eq(comments.id, commentId), eq(comments.status, 'approved'), isLive()));
  return row ? { kind: 'live' } : { kind: 'unknown' };
}

/** A later page of a live article's thread (a cursor past the end is an empty page, not a 404). */
async function resolveThreadPage(articleId: number): Promise<RouteResolution> {
  const [row] = await getDb().select({ id: articles.id }).from(articles).where(and(eq(articles.id, articleId), isLive()));
  return row ? { kind: 'live' } : { kind: 'unknown' };
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
      return resolveComment(route.commentId);
    case 'thread-page':
      return decodeThreadCursor(route.cursor) ? resolveThreadPage(route.articleId) : { kind: 'unknown' };
  }
}
