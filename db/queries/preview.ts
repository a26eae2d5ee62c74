import 'server-only';
import crypto from 'node:crypto';
import { and, desc, eq, gt, isNull, type SQL } from 'drizzle-orm';
import { getDb } from '../client';
import { articles, media, previewLinks, sections, staff } from '../schema';
import { type ArticleStatus } from '../../lib/domain';
import type { Actor } from '../../lib/permissions';
import { readableBy } from './article-access';
import { cardColumns, imageOf, storyColumns, toStory, type ArticlePage } from './articles';

// An article as readers would see it, whatever its status: for the staff preview (only what the
// person asking may read, checked in the query) and for secret preview links (only while the
// link is valid, checked in the same query). Never cached, never used by reader pages.

/**
 * What a preview's dateline may truthfully say. The story fields date an unpublished article now
 * (so it renders like the page it will become), but saying "Published" on a draft misleads the
 * editor or source reading it: only an article that has been out says so.
 */
export type PreviewPublication = { kind: 'published' } | { kind: 'scheduled'; at: string } | { kind: 'unpublished' };

export type PreviewArticle = Omit<ArticlePage, 'path' | 'sectionSlug' | 'sectionName'> & {
  path: string | null;
  sectionSlug: string | null;
  sectionName: string | null;
  status: ArticleStatus;
  publication: PreviewPublication;
};

function publicationOf(status: ArticleStatus, publishedAt: Date | null): PreviewPublication {
  // A withdrawn article was out, and its page said when; publishing is the only way to either.
  if (status === 'published' || status === 'withdrawn') return { kind: 'published' };
  if (status === 'scheduled' && publishedAt) return { kind: 'scheduled', at: publishedAt.toISOString() };
  return { kind: 'unpublished' };
}

/** The staff preview: null when the article is missing or `reader` may not read it (articleReadScope). */
export async function getPreviewArticle(id: number, reader: Actor): Promise<PreviewArticle | null> {
  return previewWhere(and(eq(articles.id, id), readableBy(reader))!);
}

/** What a secret preview link shows: null unless the link exists and is neither expired nor revoked. */
export async function getPreviewArticleForToken(token: string, now = new Date()): Promise<PreviewArticle | null> {
  const articleId = await getArticleIdForPreviewToken(token, now);
  return articleId === null ? null : previewWhere(eq(articles.id, articleId));
}

async function previewWhere(condition: SQL): Promise<PreviewArticle | null> {
  const [row] = await getDb()
    .select({ ...cardColumns, status: articles.status, ...storyColumns })
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(media, eq(media.id, articles.featuredImageId))
    .where(condition);
  if (!row) return null;
  const image = imageOf(row);
  return {
    id: row.id,
    path: row.path,
    status: row.status,
    publication: publicationOf(row.status, row.publishedAt),
    headline: row.headline,
    standfirst: row.standfirst,
    sectionSlug: row.sectionSlug,
    sectionName: row.sectionName,
    publishedAt: (row.publishedAt ?? new Date()).toISOString(),
    image,
    ...toStory(row, image),
  };
}

export const hashPreviewToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** The article a secret preview link shows, while the link is neither expired nor revoked. */
export async function getArticleIdForPreviewToken(token: string, now = new Date()): Promise<number | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await getDb()
    .select({ articleId: previewLinks.articleId })
    .from(previewLinks)
    .where(and(eq(previewLinks.tokenHash, hashPreviewToken(token)), isNull(previewLinks.revokedAt), gt(previewLinks.expiresAt, now)));
  return row?.articleId ?? null;
}

export type PreviewLinkItem = { id: number; createdBy: string | null; createdAt: string; expiresAt: string; revokedAt: string | null };

export async function listPreviewLinks(articleId: number): Promise<PreviewLinkItem[]> {
  const rows = await getDb()
    .select({ id: previewLinks.id, createdBy: staff.name, createdAt: previewLinks.createdAt, expiresAt: previewLinks.expiresAt, revokedAt: previewLinks.revokedAt })
    .from(previewLinks)
    .leftJoin(staff, eq(staff.id, previewLinks.createdBy))
    .where(eq(previewLinks.articleId, articleId))
    .orderBy(desc(previewLinks.createdAt))
    .limit(20);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), expiresAt: r.expiresAt.toISOString(), revokedAt: r.revokedAt ? r.revokedAt.toISOString() : null }));
}
