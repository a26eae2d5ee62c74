import 'server-only';
import { and, asc, desc, eq, inArray, ne, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { ArticleBody } from '../../lib/article-body';
import { cropOf, displayedImage } from '../../lib/media-crop';
import type { FocalPoint, MediaVariant, PictureImage } from '../../lib/media-variants';
import { cachedQuery } from '../cache';
import { getDb, type Db } from '../client';
import { preparedQuery } from '../prepared';
import { articleAuthors, articles, articleTags, comments, corrections, media, sections, staff, tags } from '../schema';
import { type CommentMode, type CorrectionKind } from '../../lib/domain';
import { SECTION_TOP_SLOTS } from '../../lib/front-layout';
import { cacheTags } from '../tags';
import { isLive } from './conditions';

/**
 * A picture as reader pages show it: the original and its size, and for <picture> the stored
 * derivatives and the focal point (components/site/picture.tsx). Rows from before either simply
 * have none.
 */
export type ImageRef = { src: string; alt: string; width: number; height: number; mimeType?: string | null; variants?: MediaVariant[]; focal?: FocalPoint | null };

export type ArticleCard = {
  id: number;
  path: string;
  headline: string;
  standfirst: string;
  sectionSlug: string;
  sectionName: string;
  publishedAt: string;
  image: ImageRef | null;
};

/** A body figure's picture; `librarySrc` is the src the body names when readers are shown a cropped file instead. */
export type BodyImage = PictureImage & { librarySrc?: string };

export type BylineAuthor = { slug: string; name: string; email: string; jobTitle: string };

export type ArticlePage = ArticleCard & {
  slug: string;
  body: ArticleBody;
  firstPublishedAt: string;
  updatedAt: string | null;
  featured: (ImageRef & { caption: string; credit: string }) | null;
  /** The media rows of the images inside the body, by src, so they get their derivatives too. */
  bodyImages: BodyImage[];
  authors: BylineAuthor[];
  bylineText: string | null;
  wireInitials: string | null;
  wireAgencies: string[];
  corrections: { id: number; kind: CorrectionKind; body: string; publishedAt: string }[];
  tags: { slug: string; name: string }[];
  commentMode: CommentMode;
  commentsCloseAt: string | null;
  approvedComments: number;
  seoTitle: string | null;
  seoDescription: string | null;
  canonicalUrl: string | null;
};

/** A position in a newest-first list: "<published ms>-<id>". */
export type Cursor = { publishedAt: Date; id: number };

export function encodeCursor(card: Pick<ArticleCard, 'publishedAt' | 'id'>): string {
  return `${new Date(card.publishedAt).getTime()}-${card.id}`;
}

export function decodeCursor(value: string): Cursor | null {
  const m = /^(\d{1,15})-(\d{1,10})$/.exec(value);
  if (!m) return null;
  const ms = Number(m[1]);
  const id = Number(m[2]);
  if (!Number.isSafeInteger(ms) || id > 2147483647) return null;
  const publishedAt = new Date(ms);
  return Number.isNaN(publishedAt.getTime()) ? null : { publishedAt, id };
}

export const cardColumns = {
  id: articles.id,
  path: articles.path,
  headline: articles.headline,
  standfirst: articles.standfirst,
  sectionSlug: sections.slug,
  sectionName: sections.name,
  publishedAt: articles.publishedAt,
  imageSrc: media.src,
  imageAlt: sql<string | null>`coalesce(${articles.featuredAlt}, ${media.alt})`,
  imageWidth: media.width,
  imageHeight: media.height,
  imageMime: media.mimeType,
  imageVariants: media.variants,
  imageFocalX: media.focalX,
  imageFocalY: media.focalY,
  imageCropX: media.cropX,
  imageCropY: media.cropY,
  imageCropW: media.cropW,
  imageCropH: media.cropH,
  imageCropSrc: media.cropSrc,
};

export type CardRow = {
  id: number;
  path: string | null;
  headline: string;
  standfirst: string;
  sectionSlug: string;
  sectionName: string;
  publishedAt: Date | null;
  imageSrc: string | null;
  imageAlt: string | null;
  imageWidth: number | null;
  imageHeight: number | null;
  imageMime: string | null;
  imageVariants: MediaVariant[] | null;
  imageFocalX: number | null;
  imageFocalY: number | null;
  imageCropX?: number | null;
  imageCropY?: number | null;
  imageCropW?: number | null;
  imageCropH?: number | null;
  imageCropSrc?: string | null;
};

export function toCard(row: CardRow): ArticleCard {
  return {
    id: row.id,
    path: row.path ?? '/',
    headline: row.headline,
    standfirst: row.standfirst,
    sectionSlug: row.sectionSlug,
    sectionName: row.sectionName,
    publishedAt: (row.publishedAt ?? new Date(0)).toISOString(),
    image: imageOf(row),
  };
}

/** The featured image of a card-shaped row, when it has one with known dimensions. */
export function imageOf(
  row: Pick<CardRow, 'imageSrc' | 'imageAlt' | 'imageWidth' | 'imageHeight'> & Partial<Pick<CardRow, 'imageMime' | 'imageVariants' | 'imageFocalX' | 'imageFocalY' | 'imageCropX' | 'imageCropY' | 'imageCropW' | 'imageCropH' | 'imageCropSrc'>>,
): ImageRef | null {
  if (!row.imageSrc || !row.imageWidth || !row.imageHeight) return null;
  // With an editor's crop, readers see the cropped file and its sizes (lib/media-crop.ts).
  const shown = displayedImage({
    src: row.imageSrc,
    width: row.imageWidth,
    height: row.imageHeight,
    mimeType: row.imageMime ?? null,
    variants: row.imageVariants ?? [],
    focal: row.imageFocalX != null && row.imageFocalY != null ? { x: row.imageFocalX, y: row.imageFocalY } : null,
    crop: cropOf(row.imageCropX, row.imageCropY, row.imageCropW, row.imageCropH),
    cropSrc: row.imageCropSrc ?? null,
  });
  return { src: shown.src, alt: row.imageAlt ?? '', width: shown.width, height: shown.height, mimeType: shown.mimeType ?? null, variants: shown.variants ?? [], focal: shown.focal ?? null };
}

export function cardQuery(where: SQL | undefined, limit: number | Placeholder, db: Db = getDb()) {
  return db
    .select(cardColumns)
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(media, eq(media.id, articles.featuredImageId))
    .where(and(isLive(), where))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
}

/**
 * One page of a newest-first listing: its stories, the cursor of the next (older) page, and where
 * "Newer stories" goes: null on the first page, '' for the first page, else the cursor of the
 * newer page.
 */
export type CardPage = { items: ArticleCard[]; next: string | null; newer: string | null };

/** The reader pages that list stories newest first: a section's, an author's (byline) and a topic's. */
export type ListingKind = 'section' | 'author' | 'topic';

/** Which live articles a listing holds; its owner (section, staff member or topic) is a parameter. */
function listingMembers(db: Db, kind: ListingKind): SQL {
  const owner = sql.placeholder('ownerId');
  if (kind === 'section') return eq(articles.sectionId, owner);
  if (kind === 'author') return inArray(articles.id, db.select({ id: articleAuthors.articleId }).from(articleAuthors).where(eq(articleAuthors.staffId, owner)));
  return inArray(articles.id, db.select({ id: articleTags.articleId }).from(articleTags).where(eq(articleTags.tagId, owner)));
}

// Each listing's first page and its older pages, prepared. The keyset (published time, then id) is a
// row comparison, which the index can seek to: page 500 costs what page 2 does. "Newer" reads the
// same index backwards from the page's first story (ascending is the exact reverse of the index's
// DESC NULLS FIRST order), so it costs what "older" does.
const beforeCursor = sql`(${articles.publishedAt}, ${articles.id}) < (${sql.placeholder('beforeAt')}::timestamptz, ${sql.placeholder('beforeId')}::int)`;
const afterCursor = sql`(${articles.publishedAt}, ${articles.id}) > (${sql.placeholder('afterAt')}::timestamptz, ${sql.placeholder('afterId')}::int)`;
function listingStatements(kind: ListingKind) {
  return {
    first: preparedQuery((db) => cardQuery(listingMembers(db, kind), sql.placeholder('limit'), db).prepare(`reader_${kind}_list`)),
    older: preparedQuery((db) => cardQuery(and(listingMembers(db, kind), beforeCursor), sql.placeholder('limit'), db).prepare(`reader_${kind}_list_before`)),
    newer: preparedQuery((db) =>
      db
        .select({ id: articles.id, publishedAt: articles.publishedAt })
        .from(articles)
        .where(and(isLive(), listingMembers(db, kind), afterCursor))
        .orderBy(asc(articles.publishedAt), asc(articles.id))
        .limit(sql.placeholder('limit'))
        .prepare(`reader_${kind}_list_after`),
    ),
  };
}
const listingQueries = { section: listingStatements('section'), author: listingStatements('author'), topic: listingStatements('topic') };

/**
 * How many stories a listing's first page shows before its "Older stories" link: a section's
 * first page has its top stories (lead and secondary row) above the list.
 */
export function firstPageSpan(kind: ListingKind, pageSize: number): number {
  return pageSize + (kind === 'section' ? SECTION_TOP_SLOTS : 0);
}

/**
 * Where "Newer stories" goes from a page whose newest story is `first`: the older pages are
 * "the `pageSize` stories before a cursor", so the newer page is the one before the story
 * `pageSize + 1` places above `first`; when the stories above would all fit on the first page,
 * it is the first page (''). Going older from the page this names comes back to the same page,
 * and the cursor is the one the chain of "Older stories" links gave it, so each page has one URL.
 */
async function newerCursor(kind: ListingKind, ownerId: number, first: ArticleCard, pageSize: number): Promise<string> {
  const span = firstPageSpan(kind, pageSize);
  const above = await listingQueries[kind].newer().execute({ ownerId, afterAt: first.publishedAt, afterId: first.id, limit: span + 1 });
  const target = above[pageSize];
  return above.length <= span || !target?.publishedAt ? '' : encodeCursor({ id: target.id, publishedAt: target.publishedAt.toISOString() });
}

/** One page of a newest-first listing, plus the cursors of the pages around it. */
async function cardPage(kind: ListingKind, ownerId: number, cursor: Cursor | null, pageSize: number, withNewer = true): Promise<CardPage> {
  const limit = pageSize + 1;
  const rows = cursor
    ? await listingQueries[kind].older().execute({ ownerId, limit, beforeAt: cursor.publishedAt.toISOString(), beforeId: cursor.id })
    : await listingQueries[kind].first().execute({ ownerId, limit });
  const items = rows.slice(0, pageSize).map(toCard);
  const last = items.at(-1);
  const newer = cursor && withNewer && items[0] ? await newerCursor(kind, ownerId, items[0], pageSize) : null;
  return { items, next: rows.length > pageSize && last ? encodeCursor(last) : null, newer };
}

/** Whether an older page of a listing has any story, uncached, through the page's own statement: the proxy's 404 test. */
export async function listingHasStoriesBefore(kind: ListingKind, ownerId: number, cursor: Cursor): Promise<boolean> {
  return (await cardPage(kind, ownerId, cursor, 1, false)).items.length > 0;
}

export const PAGE_SIZE = 20;

/** The cache tag of each listing's page, named by its owner's slug. */
const listingTag: Record<ListingKind, (slug: string) => string> = { section: cacheTags.section, author: cacheTags.author, topic: cacheTags.topic };

/**
 * One page of a section's, an author's or a topic's stories, newest first: the owner's id selects
 * them, its slug names the cache tag, and `cursor` ('' for the first page) is where the page starts.
 */
export const listListingArticles = cachedQuery(
  'listing-articles',
  async (kind: ListingKind, ownerId: number, ownerSlug: string, cursor: string): Promise<CardPage> => cardPage(kind, ownerId, cursor ? decodeCursor(cursor) : null, PAGE_SIZE),
  (kind, _id, slug) => [listingTag[kind](slug)],
  600,
);

/**
 * What the article page shows beyond its card, with its lists (authors, topics, corrections) and
 * the count of approved comments built by the database in the same statement. The newsroom
 * preview selects the same columns, so it shows what readers will see.
 */
export const storyColumns = {
  slug: articles.slug,
  body: articles.body,
  firstPublishedAt: articles.firstPublishedAt,
  updatedAt: articles.updatedAt,
  imageCaption: sql<string | null>`coalesce(${articles.featuredCaption}, ${media.caption})`,
  imageCredit: sql<string | null>`coalesce(${articles.featuredCredit}, ${media.credit})`,
  bylineText: articles.bylineText,
  wireInitials: articles.wireInitials,
  wireAgencies: articles.wireAgencies,
  commentMode: articles.commentMode,
  commentsCloseAt: articles.commentsCloseAt,
  seoTitle: articles.seoTitle,
  seoDescription: articles.seoDescription,
  canonicalUrl: articles.canonicalUrl,
  authors: sql<BylineAuthor[]>`coalesce((
    select json_agg(json_build_object('slug', ${staff.slug}, 'name', ${staff.name}, 'email', ${staff.email}, 'jobTitle', ${staff.jobTitle}) order by ${articleAuthors.position})
    from ${articleAuthors} join ${staff} on ${staff.id} = ${articleAuthors.staffId}
    where ${articleAuthors.articleId} = ${articles.id}), '[]'::json)`,
  tags: sql<{ slug: string; name: string }[]>`coalesce((
    select json_agg(json_build_object('slug', ${tags.slug}, 'name', ${tags.name}) order by ${tags.name})
    from ${articleTags} join ${tags} on ${tags.id} = ${articleTags.tagId}
    where ${articleTags.articleId} = ${articles.id}), '[]'::json)`,
  corrections: sql<{ id: number; kind: CorrectionKind; body: string; publishedAt: string }[]>`coalesce((
    select json_agg(json_build_object('id', ${corrections.id}, 'kind', ${corrections.kind}, 'body', ${corrections.body}, 'publishedAt', ${corrections.publishedAt}) order by ${corrections.publishedAt}, ${corrections.id})
    from ${corrections} where ${corrections.articleId} = ${articles.id}), '[]'::json)`,
  approvedComments: sql<number>`(select count(*)::int from ${comments} where ${comments.articleId} = ${articles.id} and ${comments.status} = 'approved')`,
  // The library rows of the body's figures (matched by src), in the same statement.
  bodyImages: sql<BodyImageRow[]>`coalesce((
    select json_agg(json_build_object('src', bm.src, 'mimeType', bm.mime_type, 'width', bm.width, 'height', bm.height, 'variants', bm.variants, 'focalX', bm.focal_x, 'focalY', bm.focal_y, 'cropX', bm.crop_x, 'cropY', bm.crop_y, 'cropW', bm.crop_w, 'cropH', bm.crop_h, 'cropSrc', bm.crop_src))
    from ${media} bm
    where bm.src in (select jsonb_path_query(${articles.body}, '$.content[*] ? (@.type == "image").attrs.src') #>> '{}')), '[]'::json)`,
};

type BodyImageRow = {
  src: string;
  mimeType: string;
  width: number;
  height: number;
  variants: MediaVariant[];
  focalX: number | null;
  focalY: number | null;
  cropX?: number | null;
  cropY?: number | null;
  cropW?: number | null;
  cropH?: number | null;
  cropSrc?: string | null;
};

/** A body figure's library image as readers see it (cropped when the editor cropped it), found by the src the body names. */
function bodyImageOf(m: BodyImageRow): BodyImage {
  const crop = cropOf(m.cropX, m.cropY, m.cropW, m.cropH);
  const shown = displayedImage({ src: m.src, mimeType: m.mimeType, width: m.width, height: m.height, variants: m.variants ?? [], focal: m.focalX != null && m.focalY != null ? { x: m.focalX, y: m.focalY } : null, crop, cropSrc: m.cropSrc ?? null });
  return crop && m.cropSrc ? { ...shown, librarySrc: m.src } : shown;
}

type StoryRow = {
  slug: string;
  body: ArticleBody;
  firstPublishedAt: Date | null;
  publishedAt: Date | null;
  updatedAt: Date | null;
  imageCaption: string | null;
  imageCredit: string | null;
  bylineText: string | null;
  wireInitials: string | null;
  wireAgencies: string[];
  commentMode: CommentMode;
  commentsCloseAt: Date | null;
  seoTitle: string | null;
  seoDescription: string | null;
  canonicalUrl: string | null;
  authors: BylineAuthor[];
  tags: { slug: string; name: string }[];
  corrections: { id: number; kind: CorrectionKind; body: string; publishedAt: string }[];
  approvedComments: number;
  bodyImages: BodyImageRow[];
};

/** The story fields of an ArticlePage from a row with storyColumns; an unpublished one is dated now. */
export function toStory(row: StoryRow, image: ImageRef | null): Omit<ArticlePage, keyof ArticleCard> {
  return {
    slug: row.slug,
    body: row.body,
    firstPublishedAt: (row.firstPublishedAt ?? row.publishedAt ?? new Date()).toISOString(),
    updatedAt: row.updatedAt ? row.updatedAt.toISOString() : null,
    featured: image ? { ...image, caption: row.imageCaption ?? '', credit: row.imageCredit ?? '' } : null,
    bodyImages: row.bodyImages.map(bodyImageOf),
    authors: row.authors,
    bylineText: row.bylineText,
    wireInitials: row.wireInitials,
    wireAgencies: row.wireAgencies,
    corrections: row.corrections.map((c) => ({ ...c, publishedAt: new Date(c.publishedAt).toISOString() })),
    tags: row.tags,
    commentMode: row.commentMode,
    commentsCloseAt: row.commentsCloseAt ? row.commentsCloseAt.toISOString() : null,
    approvedComments: row.approvedComments,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    canonicalUrl: row.canonicalUrl,
  };
}

// The article page's one statement (see storyColumns).
const articleBySlug = preparedQuery((db) =>
  db
    .select({ ...cardColumns, ...storyColumns })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(media, eq(media.id, articles.featuredImageId))
    .where(and(isLive(), eq(articles.slug, sql.placeholder('slug'))))
    .prepare('reader_article'),
);

export const getPublishedArticle = cachedQuery(
  'article',
  async (slug: string): Promise<ArticlePage | null> => {
    const [row] = await articleBySlug().execute({ slug });
    if (!row) return null;
    const card = toCard(row);
    return { ...card, ...toStory(row, card.image) };
  },
  (slug) => [cacheTags.articleSlug(slug)],
  3600,
);

const relatedCards = preparedQuery((db) => {
  const articleId = sql.placeholder('articleId');
  const sharedTags = db
    .select({ id: articleTags.articleId })
    .from(articleTags)
    .where(inArray(articleTags.tagId, db.select({ id: articleTags.tagId }).from(articleTags).where(eq(articleTags.articleId, articleId))));
  const candidates = (rank: number, where: SQL | undefined, limit: number) =>
    db
      .select({ ...cardColumns, rank: sql<number>`${sql.raw(String(rank))}::int`.as('rank') })
      .from(articles)
      .innerJoin(sections, eq(sections.id, articles.sectionId))
      .leftJoin(media, eq(media.id, articles.featuredImageId))
      .where(and(isLive(), ne(articles.id, articleId), where))
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(limit);
  // Each half walks its own index newest first and stops early; one round trip for both.
  return candidates(0, inArray(articles.id, sharedTags), 4)
    .unionAll(candidates(1, eq(sections.slug, sql.placeholder('sectionSlug')), 8))
    .prepare('reader_related');
});

/** Other live stories sharing a tag, else from the same section: newest first. */
export const listRelatedArticles = cachedQuery(
  'related',
  async (articleId: number, sectionSlug: string): Promise<ArticleCard[]> => {
    const rows = await relatedCards().execute({ articleId, sectionSlug });
    rows.sort((a, b) => a.rank - b.rank || (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0) || b.id - a.id);
    const seen = new Set<number>();
    const cards: ArticleCard[] = [];
    for (const row of rows) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      cards.push(toCard(row));
    }
    return cards.slice(0, 4);
  },
  (articleId) => [cacheTags.article(articleId)],
  900,
);
