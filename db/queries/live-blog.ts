import 'server-only';
import { and, asc, desc, eq, gt, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { ArticleBody } from '../../lib/article-body';
import {
  coverageIsLive,
  cursorStartingAt,
  decodeEntryCursor,
  encodeEntryCursor,
  entryAnchor,
  keyEventLabel,
  LIVE_MAX_CHANGES,
  LIVE_PAGE_SIZE,
  liveOlderPath,
  type KeyEventLink,
  type LiveAuthor,
  type LiveEntryView,
  type LiveUpdate,
} from '../../lib/live-blog';
import { bodyToHtml } from '../../lib/seo/body-html';
import { cachedQuery } from '../cache';
import { getDb } from '../client';
import { articles, liveBlogs, liveEntries, sections } from '../schema';
import { cacheTags } from '../tags';
import { isLive } from './conditions';

// Reads for live blogs. Reader reads are cached under the blog's own tag (cacheTags.liveBlog), so
// an entry change refreshes this blog's page, its older pages, its update answers and its feed,
// and nothing else. Deleted entries never leave this module except as ids in an update answer.
// Correlated subqueries name their tables in plain SQL: drizzle leaves columns unqualified in a
// single-table select, and "id" inside a subquery would then mean the subquery's own table.

export type LiveBlogInfo = {
  articleId: number;
  /** The article's address and headline (older-entry pages link back to it). */
  path: string;
  headline: string;
  coverageStart: string;
  coverageEnd: string | null;
  summary: string;
  pollSeconds: number;
  version: number;
  prunedVersion: number;
  /** The newest entry's time, or its last edit if later: the blog's dateModified. */
  lastChangeAt: string | null;
  entryCount: number;
};

/** An entry as reader pages render it on the server: the view plus its body for the page's own renderer. */
export type LiveEntry = LiveEntryView & { body: ArticleBody; bodyText: string };

export type LiveEntryPage = { entries: LiveEntry[]; next: string | null };

const visible = isNull(liveEntries.deletedAt);

const entryColumns = {
  id: liveEntries.id,
  title: liveEntries.title,
  body: liveEntries.body,
  bodyText: liveEntries.bodyText,
  postedAt: liveEntries.postedAt,
  editedAt: liveEntries.editedAt,
  keyEvent: liveEntries.keyEvent,
  pinned: liveEntries.pinned,
  correction: liveEntries.correction,
  deletedAt: liveEntries.deletedAt,
  version: liveEntries.version,
  authors: sql<LiveAuthor[]>`coalesce((
    select json_agg(json_build_object('slug', s.slug, 'name', s.name) order by a.position)
    from live_entry_authors a join staff s on s.id = a.staff_id
    where a.entry_id = "live_entries"."id"), '[]'::json)`,
};

type EntryRow = {
  id: number;
  title: string;
  body: ArticleBody;
  bodyText: string;
  postedAt: Date;
  editedAt: Date | null;
  keyEvent: boolean;
  pinned: boolean;
  correction: string | null;
  deletedAt: Date | null;
  version: number;
  authors: LiveAuthor[];
};

function toEntry(row: EntryRow): LiveEntry {
  return {
    id: row.id,
    title: row.title,
    // Site-relative links and images stay relative: this HTML is shown on this site's own page.
    html: bodyToHtml(row.body, ''),
    body: row.body,
    bodyText: row.bodyText,
    postedAt: row.postedAt.toISOString(),
    editedAt: row.editedAt ? row.editedAt.toISOString() : null,
    keyEvent: row.keyEvent,
    pinned: row.pinned,
    correction: row.correction,
    authors: row.authors,
  };
}

/** The view an update answer carries (no body: the island shows the server's HTML). */
export function toView(entry: LiveEntry): LiveEntryView {
  const { body: _body, bodyText: _text, ...view } = entry;
  return view;
}

/** A live blog's own row, only while its article is live (published and due). */
async function readLiveBlog(articleId: number): Promise<LiveBlogInfo | null> {
  const db = getDb();
  const [row] = await db
    .select({
      articleId: liveBlogs.articleId,
      path: articles.path,
      headline: articles.headline,
      coverageStart: liveBlogs.coverageStart,
      coverageEnd: liveBlogs.coverageEnd,
      summary: liveBlogs.summary,
      pollSeconds: liveBlogs.pollSeconds,
      version: liveBlogs.version,
      prunedVersion: liveBlogs.prunedVersion,
      lastChangeAt: sql<string | null>`(select max(greatest(e.posted_at, e.edited_at)) from live_entries e where e.article_id = "live_blogs"."article_id" and e.deleted_at is null)`,
      entryCount: sql<number>`(select count(*)::int from live_entries e where e.article_id = "live_blogs"."article_id" and e.deleted_at is null)`,
    })
    .from(liveBlogs)
    .innerJoin(articles, eq(articles.id, liveBlogs.articleId))
    .where(and(eq(liveBlogs.articleId, articleId), isLive()));
  if (!row?.path) return null;
  return {
    ...row,
    path: row.path,
    coverageStart: row.coverageStart.toISOString(),
    coverageEnd: row.coverageEnd ? row.coverageEnd.toISOString() : null,
    lastChangeAt: row.lastChangeAt ? new Date(row.lastChangeAt).toISOString() : null,
    entryCount: Number(row.entryCount),
  };
}

export const getLiveBlog = cachedQuery('live-blog', readLiveBlog, (articleId) => [cacheTags.liveBlog(articleId)], 3600);

async function readEntryPage(articleId: number, cursor: string): Promise<LiveEntryPage> {
  const at = cursor ? decodeEntryCursor(cursor) : null;
  if (cursor && !at) return { entries: [], next: null };
  const where: SQL[] = [eq(liveEntries.articleId, articleId), visible];
  if (at) where.push(sql`(${liveEntries.postedAt}, ${liveEntries.id}) < (${at.postedAt.toISOString()}::timestamptz, ${at.id}::int)`);
  const rows = await getDb()
    .select(entryColumns)
    .from(liveEntries)
    .where(and(...where))
    .orderBy(desc(liveEntries.postedAt), desc(liveEntries.id))
    .limit(LIVE_PAGE_SIZE + 1);
  const entries = rows.slice(0, LIVE_PAGE_SIZE).map(toEntry);
  const last = entries.at(-1);
  return { entries, next: rows.length > LIVE_PAGE_SIZE && last ? encodeEntryCursor(last) : null };
}

/** One page of a blog's entries, newest first; `cursor` ('' for the first page) is where it starts. */
export const listLiveEntries = cachedQuery('live-entries', readEntryPage, (articleId) => [cacheTags.liveBlog(articleId)], 3600);

export type LiveFrame = { pinned: LiveEntry | null; keyEvents: KeyEventLink[] };

/**
 * The pinned entry and the key events, each linking to its entry: an anchor on the first page, or
 * the older page that starts with it.
 */
async function readFrame(articleId: number): Promise<LiveFrame> {
  const db = getDb();
  const newer = sql<number>`(select count(*)::int from live_entries n where n.article_id = "live_entries"."article_id" and n.deleted_at is null and (n.posted_at, n.id) > ("live_entries"."posted_at", "live_entries"."id"))`;
  const [pinnedRows, keyRows] = await Promise.all([
    db.select(entryColumns).from(liveEntries).where(and(eq(liveEntries.articleId, articleId), eq(liveEntries.pinned, true), visible)).limit(1),
    db
      .select({ id: liveEntries.id, title: liveEntries.title, bodyText: liveEntries.bodyText, postedAt: liveEntries.postedAt, newer })
      .from(liveEntries)
      .where(and(eq(liveEntries.articleId, articleId), eq(liveEntries.keyEvent, true), visible))
      .orderBy(desc(liveEntries.postedAt), desc(liveEntries.id))
      .limit(50),
  ]);
  const keyEvents = keyRows.map((k) => {
    const anchor = `#${entryAnchor(k.id)}`;
    return {
      id: k.id,
      label: keyEventLabel(k.title, k.bodyText),
      postedAt: k.postedAt.toISOString(),
      href: Number(k.newer) < LIVE_PAGE_SIZE ? anchor : `${liveOlderPath(articleId, cursorStartingAt(k))}${anchor}`,
    };
  });
  return { pinned: pinnedRows[0] ? toEntry(pinnedRows[0]) : null, keyEvents };
}

export const getLiveFrame = cachedQuery('live-frame', readFrame, (articleId) => [cacheTags.liveBlog(articleId)], 3600);

/**
 * What changed in a live blog after version `since`: the answer of the update endpoint (see
 * LiveUpdate). A version the blog cannot answer exactly (newer than the blog, older than the
 * oldest deletion record kept, or more than LIVE_MAX_CHANGES changes behind) gets the first page.
 * Null when the article is not a live blog readers can see.
 */
export async function readLiveChanges(articleId: number, since: number): Promise<LiveUpdate | null> {
  const blog = await readLiveBlog(articleId);
  if (!blog) return null;
  const [frame, rows] = await Promise.all([
    readFrame(articleId),
    since <= blog.version && since >= blog.prunedVersion
      ? getDb()
          .select(entryColumns)
          .from(liveEntries)
          .where(and(eq(liveEntries.articleId, articleId), gt(liveEntries.version, since)))
          .orderBy(desc(liveEntries.version))
          .limit(LIVE_MAX_CHANGES + 1)
      : Promise.resolve(null),
  ]);
  const common = {
    version: blog.version,
    interval: blog.pollSeconds,
    live: coverageIsLive(blog, new Date()),
    pinned: frame.pinned ? toView(frame.pinned) : null,
    keyEvents: frame.keyEvents,
  };
  if (rows === null || rows.length > LIVE_MAX_CHANGES) {
    const first = await readEntryPage(articleId, '');
    return { ...common, reset: true, entries: first.entries.map(toView), deleted: [], olderHref: first.next ? liveOlderPath(articleId, first.next) : null };
  }
  const changed = rows.filter((r) => r.deletedAt === null).map((r) => toView(toEntry(r)));
  changed.sort((a, b) => b.postedAt.localeCompare(a.postedAt) || b.id - a.id);
  return { ...common, reset: false, entries: changed, deleted: rows.filter((r) => r.deletedAt !== null).map((r) => r.id) };
}

export const getLiveChanges = cachedQuery('live-changes', readLiveChanges, (articleId) => [cacheTags.liveBlog(articleId)], 3600);

// The newsroom's reads (uncached: staff see the database as it is).

export type DashboardLiveEntry = {
  id: number;
  title: string;
  body: ArticleBody;
  postedAt: string;
  editedAt: string | null;
  keyEvent: boolean;
  pinned: boolean;
  correction: string | null;
  version: number;
  createdBy: number | null;
  authorIds: number[];
  authorNames: string[];
};

export type DashboardLiveBlog = {
  articleId: number;
  headline: string;
  path: string | null;
  status: string;
  sectionSlug: string | null;
  coverageStart: string;
  coverageEnd: string | null;
  summary: string;
  pollSeconds: number;
  version: number;
  entries: DashboardLiveEntry[];
};

/**
 * A live blog's version, read from the primary for the newsroom's desk: every post, edit, deletion
 * and flag raises it, so the desk refreshes only when a colleague changed something. Null when the
 * story is not (or no longer) a live blog.
 */
export async function getLiveBlogVersion(articleId: number): Promise<number | null> {
  const [row] = await getDb().select({ version: liveBlogs.version }).from(liveBlogs).where(eq(liveBlogs.articleId, articleId));
  return row ? row.version : null;
}

/** A live blog for its newsroom page, with its newest entries (deleted ones left out). */
export async function getLiveBlogForNewsroom(articleId: number, limit = 200): Promise<DashboardLiveBlog | null> {
  const db = getDb();
  const [blog] = await db
    .select({
      articleId: liveBlogs.articleId,
      headline: articles.headline,
      path: articles.path,
      status: articles.status,
      sectionSlug: sections.slug,
      coverageStart: liveBlogs.coverageStart,
      coverageEnd: liveBlogs.coverageEnd,
      summary: liveBlogs.summary,
      pollSeconds: liveBlogs.pollSeconds,
      version: liveBlogs.version,
    })
    .from(liveBlogs)
    .innerJoin(articles, eq(articles.id, liveBlogs.articleId))
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where(eq(liveBlogs.articleId, articleId));
  if (!blog) return null;
  const rows = await db
    .select({
      id: liveEntries.id,
      title: liveEntries.title,
      body: liveEntries.body,
      postedAt: liveEntries.postedAt,
      editedAt: liveEntries.editedAt,
      keyEvent: liveEntries.keyEvent,
      pinned: liveEntries.pinned,
      correction: liveEntries.correction,
      version: liveEntries.version,
      createdBy: liveEntries.createdBy,
      authorIds: sql<number[]>`coalesce((select json_agg(a.staff_id order by a.position) from live_entry_authors a where a.entry_id = "live_entries"."id"), '[]'::json)`,
      authorNames: sql<string[]>`coalesce((select json_agg(s.name order by a.position) from live_entry_authors a join staff s on s.id = a.staff_id where a.entry_id = "live_entries"."id"), '[]'::json)`,
    })
    .from(liveEntries)
    .where(and(eq(liveEntries.articleId, articleId), visible))
    .orderBy(desc(liveEntries.postedAt), desc(liveEntries.id))
    .limit(limit);
  return {
    ...blog,
    coverageStart: blog.coverageStart.toISOString(),
    coverageEnd: blog.coverageEnd ? blog.coverageEnd.toISOString() : null,
    entries: rows.map((r) => ({ ...r, postedAt: r.postedAt.toISOString(), editedAt: r.editedAt ? r.editedAt.toISOString() : null })),
  };
}

export type LiveBlogListItem = { articleId: number; headline: string; status: string; coverageEnd: string | null; entryCount: number; lastPostAt: string | null };

/** Every live blog, the newest coverage first, for the newsroom's list. */
export async function listLiveBlogsForNewsroom(): Promise<LiveBlogListItem[]> {
  const rows = await getDb()
    .select({
      articleId: liveBlogs.articleId,
      headline: articles.headline,
      status: articles.status,
      coverageEnd: liveBlogs.coverageEnd,
      entryCount: sql<number>`(select count(*)::int from live_entries e where e.article_id = "live_blogs"."article_id" and e.deleted_at is null)`,
      lastPostAt: sql<string | null>`(select max(e.posted_at) from live_entries e where e.article_id = "live_blogs"."article_id" and e.deleted_at is null)`,
    })
    .from(liveBlogs)
    .innerJoin(articles, eq(articles.id, liveBlogs.articleId))
    .orderBy(desc(liveBlogs.coverageStart), asc(liveBlogs.articleId));
  return rows.map((r) => ({
    ...r,
    coverageEnd: r.coverageEnd ? r.coverageEnd.toISOString() : null,
    entryCount: Number(r.entryCount),
    lastPostAt: r.lastPostAt ? new Date(r.lastPostAt).toISOString() : null,
  }));
}

/** Whether an article is a live blog (any status): the article editor links to its live page. */
export async function isLiveBlog(articleId: number): Promise<boolean> {
  const [row] = await getDb().select({ id: liveBlogs.articleId }).from(liveBlogs).where(eq(liveBlogs.articleId, articleId));
  return Boolean(row);
}

/** Ids of deleted entries still kept as records (tests and pruning). */
export async function countDeletionRecords(articleId: number): Promise<number> {
  const [row] = await getDb().select({ n: sql<number>`count(*)::int` }).from(liveEntries).where(and(eq(liveEntries.articleId, articleId), isNotNull(liveEntries.deletedAt)));
  return Number(row?.n ?? 0);
}

/** Articles that could become live blogs (not already one, not withdrawn), the newest 100. */
export async function listLiveBlogCandidates(): Promise<{ id: number; headline: string; status: string }[]> {
  return getDb()
    .select({ id: articles.id, headline: articles.headline, status: articles.status })
    .from(articles)
    .where(and(sql`${articles.status} <> 'withdrawn'`, sql`not exists (select 1 from live_blogs b where b.article_id = "articles"."id")`))
    .orderBy(desc(articles.modifiedAt), desc(articles.id))
    .limit(100);
}
