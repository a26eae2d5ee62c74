import 'server-only';
import crypto from 'node:crypto';
import { and, asc, count, desc, eq, gt, isNull } from 'drizzle-orm';
import { getDb } from '../client';
import { articleAuthors, articles, articleTags, comments, corrections, media, previewLinks, sections, staff, tags, type ArticleStatus } from '../schema';
import type { ArticlePage } from './articles';

// An article as readers would see it, whatever its status: for the staff preview and for secret
// preview links. Never cached, never used by reader pages.

export type PreviewArticle = Omit<ArticlePage, 'path' | 'sectionSlug' | 'sectionName'> & {
  path: string | null;
  sectionSlug: string | null;
  sectionName: string | null;
  status: ArticleStatus;
};

export async function getPreviewArticle(id: number): Promise<PreviewArticle | null> {
  const db = getDb();
  const [row] = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      path: articles.path,
      status: articles.status,
      headline: articles.headline,
      standfirst: articles.standfirst,
      body: articles.body,
      sectionSlug: sections.slug,
      sectionName: sections.name,
      publishedAt: articles.publishedAt,
      firstPublishedAt: articles.firstPublishedAt,
      updatedAt: articles.updatedAt,
      imageSrc: media.src,
      imageWidth: media.width,
      imageHeight: media.height,
      imageAlt: media.alt,
      imageCaption: media.caption,
      imageCredit: media.credit,
      featuredAlt: articles.featuredAlt,
      featuredCaption: articles.featuredCaption,
      featuredCredit: articles.featuredCredit,
      bylineText: articles.bylineText,
      wireInitials: articles.wireInitials,
      wireAgencies: articles.wireAgencies,
      commentMode: articles.commentMode,
      commentsCloseAt: articles.commentsCloseAt,
      seoTitle: articles.seoTitle,
      seoDescription: articles.seoDescription,
      canonicalUrl: articles.canonicalUrl,
    })
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(media, eq(media.id, articles.featuredImageId))
    .where(eq(articles.id, id));
  if (!row) return null;
  const [authorRows, tagRows, correctionRows, [commentCount]] = await Promise.all([
    db
      .select({ slug: staff.slug, name: staff.name, email: staff.email, jobTitle: staff.jobTitle })
      .from(articleAuthors)
      .innerJoin(staff, eq(staff.id, articleAuthors.staffId))
      .where(eq(articleAuthors.articleId, id))
      .orderBy(asc(articleAuthors.position)),
    db.select({ slug: tags.slug, name: tags.name }).from(articleTags).innerJoin(tags, eq(tags.id, articleTags.tagId)).where(eq(articleTags.articleId, id)).orderBy(asc(tags.name)),
    db.select({ id: corrections.id, kind: corrections.kind, body: corrections.body, publishedAt: corrections.publishedAt }).from(corrections).where(eq(corrections.articleId, id)).orderBy(asc(corrections.publishedAt)),
    db.select({ n: count() }).from(comments).where(and(eq(comments.articleId, id), eq(comments.status, 'approved'))),
  ]);
  const when = (row.publishedAt ?? new Date()).toISOString();
  const image =
    row.imageSrc && row.imageWidth && row.imageHeight
      ? { src: row.imageSrc, alt: row.featuredAlt || row.imageAlt || '', width: row.imageWidth, height: row.imageHeight }
      : null;
  return {
    id: row.id,
    slug: row.slug,
    path: row.path,
    status: row.status,
    headline: row.headline,
    standfirst: row.standfirst,
    body: row.body,
    sectionSlug: row.sectionSlug,
    sectionName: row.sectionName,
    publishedAt: when,
    firstPublishedAt: (row.firstPublishedAt ?? row.publishedAt ?? new Date()).toISOString(),
    updatedAt: row.updatedAt ? row.updatedAt.toISOString() : null,
    image,
    featured: image ? { ...image, caption: row.featuredCaption ?? row.imageCaption ?? '', credit: row.featuredCredit ?? row.imageCredit ?? '' } : null,
    authors: authorRows,
    bylineText: row.bylineText,
    wireInitials: row.wireInitials,
    wireAgencies: row.wireAgencies,
    corrections: correctionRows.map((c) => ({ ...c, publishedAt: c.publishedAt.toISOString() })),
    tags: tagRows,
    commentMode: row.commentMode,
    commentsCloseAt: row.commentsCloseAt ? row.commentsCloseAt.toISOString() : null,
    approvedComments: commentCount?.n ?? 0,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    canonicalUrl: row.canonicalUrl,
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
