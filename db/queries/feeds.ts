import 'server-only';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { ArticleBody } from '../../lib/article-body';
import { cropOf, cropPixels } from '../../lib/media-crop';
import type { MediaVariant } from '../../lib/media-variants';
import { cachedQuery } from '../cache';
import { getDb } from '../client';
import { articleAuthors, articles, articleTags, comments, media, sections, staff, tags } from '../schema';
import { cacheTags } from '../tags';
import { isLive } from './conditions';

// Reads for the RSS feeds: the latest live articles of the site, a section, an author or a tag,
// with everything a feed item needs (full body, authors, topics, image file details), and the
// approved comments of one article. Every article query carries isLive().

export type FeedImage = { src: string; mimeType: string; bytes: number; width: number; height: number; alt: string };

export type FeedArticle = {
  id: number;
  slug: string;
  path: string;
  headline: string;
  standfirst: string;
  body: ArticleBody;
  sectionSlug: string;
  sectionName: string;
  /** First publication: the date readers see on the page. */
  publishedAt: string;
  authors: { slug: string; name: string }[];
  bylineText: string | null;
  tags: { slug: string; name: string }[];
  image: FeedImage | null;
};

export type FeedScope = 'site' | 'section' | 'author' | 'tag';

export type FeedArticles = {
  items: FeedArticle[];
  /** When this list was read from the database: it cannot have changed since (Last-Modified). */
  readAt: string;
};

function scopeCondition(scope: FeedScope, slug: string): SQL | undefined {
  const db = getDb();
  switch (scope) {
    case 'site':
      return undefined;
    case 'section':
      return eq(sections.slug, slug);
    case 'author':
      return inArray(
        articles.id,
        db.select({ id: articleAuthors.articleId }).from(articleAuthors).innerJoin(staff, eq(staff.id, articleAuthors.staffId)).where(eq(staff.slug, slug)),
      );
    case 'tag':
      return inArray(articles.id, db.select({ id: articleTags.articleId }).from(articleTags).innerJoin(tags, eq(tags.id, articleTags.tagId)).where(eq(tags.slug, slug)));
  }
}

function scopeTags(scope: FeedScope, slug: string): string[] {
  const base = [cacheTags.site()];
  switch (scope) {
    case 'site':
      return [...base, cacheTags.frontPage()];
    case 'section':
      return [...base, cacheTags.sections(), cacheTags.section(slug)];
    case 'author':
      return [...base, cacheTags.author(slug)];
    case 'tag':
      return [...base, cacheTags.topic(slug)];
  }
}

/** The newest live articles in a scope, newest first (the order of the reader pages). */
export async function readFeedArticles(scope: FeedScope, slug: string, limit: number): Promise<FeedArticles> {
  const db = getDb();
  const readAt = new Date().toISOString();
  const rows = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      path: articles.path,
      headline: articles.headline,
      standfirst: articles.standfirst,
      body: articles.body,
      sectionSlug: sections.slug,
      sectionName: sections.name,
      firstPublishedAt: articles.firstPublishedAt,
      publishedAt: articles.publishedAt,
      bylineText: articles.bylineText,
      imageSrc: media.src,
      imageMime: media.mimeType,
      imageBytes: media.bytes,
      imageWidth: media.width,
      imageHeight: media.height,
      imageAlt: sql<string | null>`coalesce(${articles.featuredAlt}, ${media.alt})`,
      imageVariants: media.variants,
      imageCropX: media.cropX,
      imageCropY: media.cropY,
      imageCropW: media.cropW,
      imageCropH: media.cropH,
      imageCropSrc: media.cropSrc,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(media, eq(media.id, articles.featuredImageId))
    .where(and(isLive(), scopeCondition(scope, slug)))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
  if (rows.length === 0) return { items: [], readAt };

  const ids = rows.map((r) => r.id);
  const [authorRows, tagRows] = await Promise.all([
    db
      .select({ articleId: articleAuthors.articleId, slug: staff.slug, name: staff.name })
      .from(articleAuthors)
      .innerJoin(staff, eq(staff.id, articleAuthors.staffId))
      .where(inArray(articleAuthors.articleId, ids))
      .orderBy(asc(articleAuthors.articleId), asc(articleAuthors.position)),
    db
      .select({ articleId: articleTags.articleId, slug: tags.slug, name: tags.name })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(inArray(articleTags.articleId, ids))
      .orderBy(asc(tags.name)),
  ]);
  const group = <T extends { articleId: number }>(list: T[]) => {
    const map = new Map<number, Omit<T, 'articleId'>[]>();
    for (const { articleId, ...rest } of list) map.set(articleId, [...(map.get(articleId) ?? []), rest]);
    return map;
  };
  const authorsOf = group(authorRows);
  const tagsOf = group(tagRows);

  return {
    readAt,
    items: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      path: r.path ?? '/',
      headline: r.headline,
      standfirst: r.standfirst,
      body: r.body,
      sectionSlug: r.sectionSlug,
      sectionName: r.sectionName,
      publishedAt: (r.firstPublishedAt ?? r.publishedAt ?? new Date(0)).toISOString(),
      authors: (authorsOf.get(r.id) ?? []) as { slug: string; name: string }[],
      bylineText: r.bylineText,
      tags: (tagsOf.get(r.id) ?? []) as { slug: string; name: string }[],
      image: r.imageSrc && r.imageWidth && r.imageHeight ? feedImage({ ...r, imageSrc: r.imageSrc, imageWidth: r.imageWidth, imageHeight: r.imageHeight }) : null,
    })),
  };
}

/** The enclosure of a featured image: the cropped file when an editor cropped it (its own size and bytes), else the original. */
function feedImage(r: { imageSrc: string; imageMime: string | null; imageBytes: number | null; imageWidth: number; imageHeight: number; imageAlt: string | null; imageVariants: MediaVariant[] | null; imageCropX: number | null; imageCropY: number | null; imageCropW: number | null; imageCropH: number | null; imageCropSrc: string | null }) {
  const mimeType = r.imageMime ?? 'application/octet-stream';
  const crop = cropOf(r.imageCropX, r.imageCropY, r.imageCropW, r.imageCropH);
  if (crop && r.imageCropSrc) {
    const px = cropPixels(r.imageWidth, r.imageHeight, crop);
    const file = (r.imageVariants ?? []).find((v) => v.src === r.imageCropSrc);
    return { src: r.imageCropSrc, mimeType, bytes: file?.bytes ?? 0, width: px.width, height: px.height, alt: r.imageAlt ?? '' };
  }
  return { src: r.imageSrc, mimeType, bytes: r.imageBytes ?? 0, width: r.imageWidth, height: r.imageHeight, alt: r.imageAlt ?? '' };
}

/** Cached per scope with the tags that a change to any article in it expires. */
export const listFeedArticles = cachedQuery(
  'feed-articles',
  (scope: FeedScope, slug: string, limit: number) => readFeedArticles(scope, slug, limit),
  (scope, slug) => scopeTags(scope, slug),
  600,
);

export type FeedComment = { id: number; parentId: number | null; authorName: string; body: string; createdAt: string };
export type CommentFeed = { comments: FeedComment[]; readAt: string };

/** The newest approved comments of an article, newest first. The commenter's e-mail is never selected. */
export async function readApprovedComments(articleId: number, limit: number): Promise<CommentFeed> {
  const readAt = new Date().toISOString();
  const rows = await getDb()
    .select({ id: comments.id, parentId: comments.parentId, authorName: comments.authorName, body: comments.body, createdAt: comments.createdAt })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(and(eq(comments.articleId, articleId), eq(comments.status, 'approved'), isLive()))
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(limit);
  return { readAt, comments: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}

export const listApprovedCommentsForFeed = cachedQuery(
  'feed-comments',
  (articleId: number, limit: number) => readApprovedComments(articleId, limit),
  (articleId) => [cacheTags.comments(articleId), cacheTags.article(articleId)],
  600,
);
