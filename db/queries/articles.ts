import 'server-only';
import { and, asc, desc, eq, inArray, ne, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ArticleBody } from '../../lib/article-body';
import type { FocalPoint, MediaVariant, PictureImage } from '../../lib/media-variants';
import { cachedQuery } from '../cache';
import { getDb, type Db } from '../client';
import { preparedQuery } from '../prepared';
import { articleAuthors, articles, articleTags, comments, corrections, media, sections, staff, tags } from '../schema';
import { type CommentMode, type CorrectionKind } from '../../lib/domain';
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

export type BylineAuthor = { slug: string; name: string; email: string; jobTitle: string };

export type ArticlePage = ArticleCard & {
  slug: string;
  body: ArticleBody;
  firstPublishedAt: string;
  updatedAt: string | null;
  featured: (ImageRef & { caption: string; credit: string }) | null;
  /** The media rows of the images inside the body, by src, so they get their derivatives too. */
  bodyImages: PictureImage[];
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
};

type CardRow = {
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
};

function toCard(row: CardRow): ArticleCard {
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
export function imageOf(row: Pick<CardRow, 'imageSrc' | 'imageAlt' | 'imageWidth' | 'imageHeight'> & Partial<Pick<CardRow, 'imageMime' | 'imageVariants' | 'imageFocalX' | 'imageFocalY'>>): ImageRef | null {
  if (!row.imageSrc || !row.imageWidth || !row.imageHeight) return null;
  return {
    src: row.imageSrc,
    alt: row.imageAlt ?? '',
    width: row.imageWidth,
    height: row.imageHeight,
    mimeType: row.imageMime ?? null,
    variants: row.imageVariants ?? [],
    focal: row.imageFocalX != null && row.imageFocalY != null ? { x: row.imageFocalX, y: row.imageFocalY } : null,
  };
}

function cardQuery(where: SQL | undefined, limit: number | Placeholder, db: Db = getDb()) {
  return db
    .select(cardColumns)
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(media, eq(media.id, articles.featuredImageId))
    .where(and(isLive(), where))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
}

export type CardPage = { items: ArticleCard[]; next: string | null };

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
// row comparison, which the index can seek to: page 500 costs what page 2 does.
const beforeCursor = sql`(${articles.publishedAt}, ${articles.id}) < (${sql.placeholder('beforeAt')}::timestamptz, ${sql.placeholder('beforeId')}::int)`;
function listingStatements(kind: ListingKind) {
  return {
    first: preparedQuery((db) => cardQuery(listingMembers(db, kind), sql.placeholder('limit'), db).prepare(`reader_${kind}_list`)),
    older: preparedQuery((db) => cardQuery(and(listingMembers(db, kind), beforeCursor), sql.placeholder('limit'), db).prepare(`reader_${kind}_list_before`)),
  };
}
const listingQueries = { section: listingStatements('section'), author: listingStatements('author'), topic: listingStatements('topic') };

/** One page of a newest-first listing, plus the cursor of the next page if there is one. */
async function cardPage(kind: ListingKind, ownerId: number, cursor: Cursor | null, pageSize: number): Promise<CardPage> {
  const limit = pageSize + 1;
  const rows = cursor
    ? await listingQueries[kind].older().execute({ ownerId, limit, beforeAt: cursor.publishedAt.toISOString(), beforeId: cursor.id })
    : await listingQueries[kind].first().execute({ ownerId, limit });
  const items = rows.slice(0, pageSize).map(toCard);
  const last = items.at(-1);
  return { items, next: rows.length > pageSize && last ? encodeCursor(last) : null };
}

/** Whether an older page of a listing has any story, uncached, through the page's own statement: the proxy's 404 test. */
export async function listingHasStoriesBefore(kind: ListingKind, ownerId: number, cursor: Cursor): Promise<boolean> {
  return (await cardPage(kind, ownerId, cursor, 1)).items.length > 0;
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

export type FrontPage = {
  lead: ArticleCard | null;
  sections: { slug: string; name: string; stories: ArticleCard[] }[];
  latest: ArticleCard[];
};

// The front page in three statements: the lead (the newest story with a picture), then, at once,
// each section's newest four (one LATERAL join, each section stopping at four on its index) and
// the latest twelve, both leaving out the lead.
const frontLead = preparedQuery((db) => cardQuery(sql`${media.id} IS NOT NULL`, 1, db).prepare('reader_front_lead'));
const frontSection = alias(sections, 'front_section');
const frontStories = preparedQuery((db) => {
  const story = db
    .select({ ...cardColumns, imageAlt: sql<string | null>`coalesce(${articles.featuredAlt}, ${media.alt})`.as('image_alt') })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(media, eq(media.id, articles.featuredImageId))
    .where(and(isLive(), eq(articles.sectionId, frontSection.id), ne(articles.id, sql.placeholder('leadId'))))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(4)
    .as('story');
  return db
    .select()
    .from(frontSection)
    .crossJoinLateral(story)
    .orderBy(asc(frontSection.position), asc(frontSection.id), desc(story.publishedAt), desc(story.id))
    .prepare('reader_front_sections');
});
const frontLatest = preparedQuery((db) => cardQuery(ne(articles.id, sql.placeholder('leadId')), 12, db).prepare('reader_front_latest'));

export const getFrontPage = cachedQuery(
  'front-page',
  async (): Promise<FrontPage> => {
    const [leadRow] = await frontLead().execute();
    const lead = leadRow ? toCard(leadRow) : null;
    const leadId = lead?.id ?? 0;
    const [storyRows, latestRows] = await Promise.all([frontStories().execute({ leadId }), frontLatest().execute({ leadId })]);
    const sectionsShown: FrontPage['sections'] = [];
    for (const { story } of storyRows) {
      const card = toCard(story);
      const entry = sectionsShown.at(-1);
      if (entry?.slug === card.sectionSlug) entry.stories.push(card);
      else sectionsShown.push({ slug: card.sectionSlug, name: card.sectionName, stories: [card] });
    }
    return { lead, sections: sectionsShown, latest: latestRows.map(toCard) };
  },
  () => [cacheTags.frontPage(), cacheTags.sections()],
  300,
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
    select json_agg(json_build_object('src', bm.src, 'mimeType', bm.mime_type, 'width', bm.width, 'height', bm.height, 'variants', bm.variants, 'focalX', bm.focal_x, 'focalY', bm.focal_y))
    from ${media} bm
    where bm.src in (select jsonb_path_query(${articles.body}, '$.content[*] ? (@.type == "image").attrs.src') #>> '{}')), '[]'::json)`,
};

type BodyImageRow = { src: string; mimeType: string; width: number; height: number; variants: MediaVariant[]; focalX: number | null; focalY: number | null };

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
    bodyImages: row.bodyImages.map((m) => ({ src: m.src, mimeType: m.mimeType, width: m.width, height: m.height, variants: m.variants ?? [], focal: m.focalX != null && m.focalY != null ? { x: m.focalX, y: m.focalY } : null })),
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
