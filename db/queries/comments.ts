import 'server-only';
import { and, asc, count, desc, eq, ilike, inArray, lt, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { THREAD_PAGE_SIZE } from '../../lib/comments/config';
import { closingTime, describeReasons } from '../../lib/comments/rules';
import { cachedQuery } from '../cache';
import { getDb, type Db } from '../client';
import { preparedQuery } from '../prepared';
import { articleAuthors, articles, commentBans, comments, siteSettings } from '../schema';
import { type CommentMode, type CommentPolicy, type CommentStatus } from '../../lib/domain';
import type { PublicComment, ThreadOrder } from '../../lib/comments/thread-types';
import { cacheTags } from '../tags';
import { isLive } from './conditions';
import { PUBLIC_COMMENT_DEFAULTS } from './settings';

// Reading comments. Reader shapes (PublicComment, ThreadInfo) carry no e-mail, address or
// browser; those appear only in the moderation shapes, which only dashboard pages use.

export type ThreadPage = { comments: PublicComment[]; next: string | null };

/** What a thread needs to know about its article: whether it takes comments and how deep replies go. */
export type ThreadInfo = {
  articleId: number;
  slug: string;
  open: boolean;
  /** When an open thread closes by itself (ISO), or null if it does not. */
  closesAt: string | null;
  maxDepth: number;
  count: number;
};

export type CommentSettings = {
  policy: CommentPolicy;
  closeAfterDays: number;
  maxDepth: number;
  linkLimit: number;
  moderationWords: string[];
  blockedWords: string[];
};

export const DEFAULT_COMMENT_SETTINGS: CommentSettings = { policy: 'hold_first', ...PUBLIC_COMMENT_DEFAULTS, linkLimit: 2, moderationWords: [], blockedWords: [] };

const settingsColumns = {
  policy: siteSettings.commentPolicy,
  closeAfterDays: siteSettings.commentsCloseAfterDays,
  maxDepth: siteSettings.commentMaxDepth,
  linkLimit: siteSettings.commentLinkLimit,
  moderationWords: siteSettings.moderationWords,
  blockedWords: siteSettings.blockedWords,
};

export type CommentTarget = {
  id: number;
  slug: string;
  path: string | null;
  headline: string;
  commentMode: CommentMode;
  closesAt: Date | null;
  /** The database's clock, which the rules use. */
  now: Date;
  settings: CommentSettings;
};

const toDate = (v: unknown): Date | null => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));

/**
 * A live (published and due) article with the site's comment settings, in one query; null for a
 * draft, scheduled, withdrawn or unknown article, which must look the same from outside.
 */
export async function getCommentTarget(articleId: number): Promise<CommentTarget | null> {
  const [row] = await getDb()
    .select({
      id: articles.id,
      slug: articles.slug,
      path: articles.path,
      headline: articles.headline,
      live: sql<boolean>`${isLive()}`,
      commentMode: articles.commentMode,
      commentsCloseAt: articles.commentsCloseAt,
      firstPublishedAt: articles.firstPublishedAt,
      publishedAt: articles.publishedAt,
      now: sql<Date>`now()`,
      ...settingsColumns,
    })
    .from(articles)
    .leftJoin(siteSettings, eq(siteSettings.id, 1))
    .where(eq(articles.id, articleId));
  if (!row || !row.live) return null;
  const settings: CommentSettings = row.policy
    ? {
        policy: row.policy,
        closeAfterDays: row.closeAfterDays ?? DEFAULT_COMMENT_SETTINGS.closeAfterDays,
        maxDepth: row.maxDepth ?? DEFAULT_COMMENT_SETTINGS.maxDepth,
        linkLimit: row.linkLimit ?? DEFAULT_COMMENT_SETTINGS.linkLimit,
        moderationWords: row.moderationWords ?? [],
        blockedWords: row.blockedWords ?? [],
      }
    : DEFAULT_COMMENT_SETTINGS;
  const closesAt = closingTime(
    { commentMode: row.commentMode, commentsCloseAt: toDate(row.commentsCloseAt), firstPublishedAt: toDate(row.firstPublishedAt) ?? toDate(row.publishedAt) },
    settings.closeAfterDays,
  );
  return { id: row.id, slug: row.slug, path: row.path, headline: row.headline, commentMode: row.commentMode, closesAt, now: toDate(row.now) ?? new Date(), settings };
}

const approved = sql`${comments.status} = 'approved'`;

export async function countApprovedComments(articleId: number): Promise<number> {
  const [row] = await getDb()
    .select({ n: count() })
    .from(comments)
    .where(and(eq(comments.articleId, articleId), approved));
  return row?.n ?? 0;
}

export async function getThreadInfo(articleId: number): Promise<ThreadInfo | null> {
  const target = await getCommentTarget(articleId);
  if (!target) return null;
  const open = target.closesAt === null || target.closesAt > target.now;
  return {
    articleId: target.id,
    slug: target.slug,
    open,
    closesAt: open && target.closesAt ? target.closesAt.toISOString() : null,
    maxDepth: target.settings.maxDepth,
    count: await countApprovedComments(articleId),
  };
}

// A position in a thread: the top-level comment's id and the path to a comment under it.
// Encoded as "<rootId>-<id>.<id>...", e.g. "41-41.57.60".
type ThreadCursor = { rootId: number; path: number[] };

export function encodeThreadCursor(c: ThreadCursor): string {
  return `${c.rootId}-${c.path.join('.')}`;
}

export function decodeThreadCursor(value: string): ThreadCursor | null {
  const m = /^(\d{1,16})-(\d{1,16}(?:\.\d{1,16}){0,11})$/.exec(value);
  if (!m) return null;
  const rootId = Number(m[1]);
  const path = m[2]!.split('.').map(Number);
  if (!Number.isSafeInteger(rootId) || !path.every(Number.isSafeInteger)) return null;
  return { rootId, path };
}

const parent = alias(comments, 'parent');

/**
 * One page of an article's approved comments in reading order: conversations oldest (or newest)
 * first, each followed by its replies in order. Keyset pagination on (root, path), so page 200
 * of a 10,000-comment thread costs what page 1 does.
 */
function threadRows(db: Db, articleId: number | Placeholder, order: ThreadOrder, keyset: SQL | undefined, limit: number | Placeholder) {
  return db
    .select({
      id: comments.id,
      parentId: comments.parentId,
      depth: comments.depth,
      authorName: comments.authorName,
      body: comments.body,
      createdAt: comments.createdAt,
      rootId: comments.rootId,
      threadPath: comments.threadPath,
      replyToName: parent.authorName,
    })
    .from(comments)
    .leftJoin(parent, and(eq(parent.id, comments.parentId), sql`${parent.status} = 'approved'`))
    .where(and(eq(comments.articleId, articleId), approved, keyset))
    .orderBy(order === 'oldest' ? asc(comments.rootId) : desc(comments.rootId), asc(comments.threadPath))
    .limit(limit);
}

/** The page every article renders: its first comments, oldest first. */
const firstThreadRows = preparedQuery((db) => threadRows(db, sql.placeholder('articleId'), 'oldest', undefined, sql.placeholder('limit')).prepare('reader_thread_first'));

export async function listThreadPage(articleId: number, order: ThreadOrder, cursor: string | null, limit = THREAD_PAGE_SIZE): Promise<ThreadPage> {
  const after = cursor ? decodeThreadCursor(cursor) : null;
  let keyset: SQL | undefined;
  if (after) {
    const path = `{${after.path.join(',')}}`;
    keyset =
      order === 'oldest'
        ? sql`(${comments.rootId}, ${comments.threadPath}) > (${after.rootId}::bigint, ${path}::bigint[])`
        : sql`${comments.rootId} <= ${after.rootId}::bigint AND (${comments.rootId} < ${after.rootId}::bigint OR ${comments.threadPath} > ${path}::bigint[])`;
  }
  const rows =
    order === 'oldest' && !keyset
      ? await firstThreadRows().execute({ articleId, limit: limit + 1 })
      : await threadRows(getDb(), articleId, order, keyset, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    comments: page.map((r) => ({
      id: Number(r.id),
      parentId: r.parentId === null ? null : Number(r.parentId),
      depth: r.depth,
      authorName: r.authorName,
      body: r.body,
      createdAt: r.createdAt.toISOString(),
      replyToName: r.replyToName,
    })),
    next: rows.length > limit && last ? encodeThreadCursor({ rootId: Number(last.rootId), path: (last.threadPath ?? []).map(Number) }) : null,
  };
}

/** The first page, oldest first, as the article's HTML shows it; refreshed when a comment is approved. */
export const getFirstThreadPage = cachedQuery(
  'comment-thread',
  async (articleId: number): Promise<ThreadPage> => listThreadPage(articleId, 'oldest', null),
  (articleId) => [cacheTags.comments(articleId)],
  3600,
);

/** A later page for readers without JavaScript (the island fetches its own); refreshed like the first. */
export const getLaterThreadPage = cachedQuery(
  'comment-thread-after',
  async (articleId: number, cursor: string): Promise<ThreadPage> => listThreadPage(articleId, 'oldest', cursor),
  (articleId) => [cacheTags.comments(articleId)],
  3600,
);

/** A commenter's own comments that are still waiting (spam looks the same to them). */
export type OwnPendingComment = PublicComment & { status: 'pending' };

export async function listOwnPendingComments(articleId: number, ids: number[]): Promise<{ pending: OwnPendingComment[]; gone: number[] }> {
  const wanted = [...new Set(ids)].slice(0, 50);
  if (wanted.length === 0) return { pending: [], gone: [] };
  const rows = await getDb()
    .select({
      id: comments.id,
      parentId: comments.parentId,
      depth: comments.depth,
      authorName: comments.authorName,
      body: comments.body,
      createdAt: comments.createdAt,
      status: comments.status,
      replyToName: parent.authorName,
    })
    .from(comments)
    .leftJoin(parent, and(eq(parent.id, comments.parentId), sql`${parent.status} = 'approved'`))
    .where(and(eq(comments.articleId, articleId), inArray(comments.id, wanted)));
  const pending = rows
    .filter((r) => r.status === 'pending' || r.status === 'spam')
    .map((r) => ({
      id: Number(r.id),
      parentId: r.parentId === null ? null : Number(r.parentId),
      depth: r.depth,
      authorName: r.authorName,
      body: r.body,
      createdAt: r.createdAt.toISOString(),
      replyToName: r.replyToName,
      status: 'pending' as const,
    }));
  const waiting = new Set(pending.map((p) => p.id));
  const approvedIds = new Set(rows.filter((r) => r.status === 'approved').map((r) => Number(r.id)));
  // Approved ones are in the thread now; trashed or unknown ones will never show: forget both.
  return { pending, gone: wanted.filter((id) => !waiting.has(id) || approvedIds.has(id)) };
}

// ---------------------------------------------------------------------------------------------
// Moderation (dashboard only: these shapes carry e-mail and client addresses)

export type ModerationComment = {
  id: number;
  articleId: number;
  articleHeadline: string;
  articlePath: string | null;
  parentId: number | null;
  authorName: string;
  authorEmail: string;
  body: string;
  status: CommentStatus;
  heldReasons: string[];
  clientAddress: string | null;
  userAgent: string | null;
  createdAt: string;
  modifiedAt: string;
};

export type ModerationFilter = {
  status?: CommentStatus;
  articleId?: number;
  email?: string;
  address?: string;
  /** Words in the name or text. */
  search?: string;
  /** Only comments on articles this staff member wrote (authors see their own articles' comments). */
  ownArticlesOf?: number;
  /** Keyset: comments with a smaller id than this. */
  before?: number;
  limit?: number;
};

const moderationColumns = {
  id: comments.id,
  articleId: comments.articleId,
  articleHeadline: articles.headline,
  articlePath: articles.path,
  parentId: comments.parentId,
  authorName: comments.authorName,
  authorEmail: comments.authorEmail,
  body: comments.body,
  status: comments.status,
  heldReason: comments.heldReason,
  clientAddress: comments.clientAddress,
  userAgent: comments.userAgent,
  createdAt: comments.createdAt,
  modifiedAt: comments.modifiedAt,
};

type ModerationRow = {
  id: number;
  articleId: number;
  articleHeadline: string;
  articlePath: string | null;
  parentId: number | null;
  authorName: string;
  authorEmail: string;
  body: string;
  status: CommentStatus;
  heldReason: string | null;
  clientAddress: string | null;
  userAgent: string | null;
  createdAt: Date;
  modifiedAt: Date;
};

function toModeration(r: ModerationRow): ModerationComment {
  return {
    id: Number(r.id),
    articleId: r.articleId,
    articleHeadline: r.articleHeadline,
    articlePath: r.articlePath,
    parentId: r.parentId === null ? null : Number(r.parentId),
    authorName: r.authorName,
    authorEmail: r.authorEmail,
    body: r.body,
    status: r.status,
    heldReasons: describeReasons(r.heldReason),
    clientAddress: r.clientAddress,
    userAgent: r.userAgent,
    createdAt: r.createdAt.toISOString(),
    modifiedAt: r.modifiedAt.toISOString(),
  };
}

function ownArticles(staffId: number): SQL {
  return or(
    inArray(comments.articleId, getDb().select({ id: articleAuthors.articleId }).from(articleAuthors).where(eq(articleAuthors.staffId, staffId))),
    inArray(comments.articleId, getDb().select({ id: articles.id }).from(articles).where(eq(articles.createdBy, staffId))),
  )!;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function moderationWhere(f: ModerationFilter): SQL | undefined {
  return and(
    f.status ? eq(comments.status, f.status) : undefined,
    f.articleId ? eq(comments.articleId, f.articleId) : undefined,
    f.email ? eq(sql`lower(${comments.authorEmail})`, f.email.trim().toLowerCase()) : undefined,
    f.address ? eq(comments.clientAddress, f.address.trim()) : undefined,
    f.search ? or(ilike(comments.body, `%${escapeLike(f.search)}%`), ilike(comments.authorName, `%${escapeLike(f.search)}%`)) : undefined,
    f.ownArticlesOf ? ownArticles(f.ownArticlesOf) : undefined,
  );
}

export async function listCommentsForModeration(f: ModerationFilter): Promise<{ items: ModerationComment[]; before: number | null }> {
  const limit = Math.min(f.limit ?? 50, 200);
  const rows = await getDb()
    .select(moderationColumns)
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(and(moderationWhere(f), f.before ? lt(comments.id, f.before) : undefined))
    .orderBy(desc(comments.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map(toModeration);
  return { items, before: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

export async function countCommentsByStatus(f: Omit<ModerationFilter, 'status' | 'before' | 'limit'> = {}): Promise<Record<CommentStatus, number>> {
  const rows = await getDb().select({ status: comments.status, n: count() }).from(comments).where(moderationWhere(f)).groupBy(comments.status);
  const out: Record<CommentStatus, number> = { pending: 0, approved: 0, spam: 0, trash: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

export async function getCommentForModeration(id: number): Promise<ModerationComment | null> {
  const [row] = await getDb().select(moderationColumns).from(comments).innerJoin(articles, eq(articles.id, comments.articleId)).where(eq(comments.id, id));
  return row ? toModeration(row) : null;
}

export type CommentBan = { id: number; kind: 'email' | 'address'; value: string; reason: string; createdAt: string };

export async function listCommentBans(filter: { email?: string; address?: string } = {}): Promise<CommentBan[]> {
  const rows = await getDb()
    .select({ id: commentBans.id, kind: commentBans.kind, value: commentBans.value, reason: commentBans.reason, createdAt: commentBans.createdAt })
    .from(commentBans)
    .where(
      filter.email || filter.address
        ? or(
            filter.email ? and(eq(commentBans.kind, 'email'), eq(commentBans.value, filter.email.trim().toLowerCase())) : undefined,
            filter.address ? and(eq(commentBans.kind, 'address'), eq(commentBans.value, filter.address.trim())) : undefined,
          )
        : undefined,
    )
    .orderBy(desc(commentBans.createdAt))
    .limit(500);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** Everything held about one commenter, by e-mail address: for a data request. */
export async function exportCommenterData(email: string) {
  const target = email.trim().toLowerCase();
  const rows = await getDb()
    .select(moderationColumns)
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(eq(sql`lower(${comments.authorEmail})`, target))
    .orderBy(asc(comments.id));
  const bans = await listCommentBans({ email: target });
  return {
    email: target,
    exportedAt: new Date().toISOString(),
    comments: rows.map((r) => ({
      id: Number(r.id),
      article: { headline: r.articleHeadline, path: r.articlePath },
      inReplyTo: r.parentId === null ? null : Number(r.parentId),
      name: r.authorName,
      email: r.authorEmail,
      text: r.body,
      status: r.status,
      postedAt: r.createdAt.toISOString(),
      networkAddress: r.clientAddress,
      browser: r.userAgent,
    })),
    bans: bans.map((b) => ({ reason: b.reason, since: b.createdAt })),
  };
}

/** A comment as its author sees it after posting (the no-JavaScript landing page), by id. */
export type ReceivedComment = {
  id: number;
  status: 'approved' | 'pending';
  authorName: string;
  body: string;
  createdAt: string;
  articlePath: string;
  articleHeadline: string;
};

export async function getReceivedComment(id: number): Promise<ReceivedComment | null> {
  const [row] = await getDb()
    .select({
      id: comments.id,
      status: comments.status,
      authorName: comments.authorName,
      body: comments.body,
      createdAt: comments.createdAt,
      articlePath: articles.path,
      articleHeadline: articles.headline,
    })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(and(eq(comments.id, id), sql`${articles.status} = 'published'`, sql`${articles.publishedAt} <= now()`));
  if (!row || row.status === 'trash' || !row.articlePath) return null;
  return {
    id: Number(row.id),
    status: row.status === 'approved' ? 'approved' : 'pending',
    authorName: row.authorName,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    articlePath: row.articlePath,
    articleHeadline: row.articleHeadline,
  };
}

/** An approved comment on a live article, for the plain reply page: the comment and its thread's state. */
export async function getReplyTarget(id: number): Promise<{ comment: PublicComment; thread: ThreadInfo; articlePath: string; articleHeadline: string } | null> {
  const [row] = await getDb()
    .select({
      id: comments.id,
      articleId: comments.articleId,
      parentId: comments.parentId,
      depth: comments.depth,
      authorName: comments.authorName,
      body: comments.body,
      createdAt: comments.createdAt,
    })
    .from(comments)
    .where(and(eq(comments.id, id), approved));
  if (!row) return null;
  const [thread, target] = await Promise.all([getThreadInfo(row.articleId), getCommentTarget(row.articleId)]);
  if (!thread || !target?.path) return null;
  return {
    comment: {
      id: Number(row.id),
      parentId: row.parentId === null ? null : Number(row.parentId),
      depth: row.depth,
      authorName: row.authorName,
      body: row.body,
      createdAt: row.createdAt.toISOString(),
      replyToName: null,
    },
    thread,
    articlePath: target.path,
    articleHeadline: target.headline,
  };
}
