import 'server-only';
import { and, asc, eq, max, sql, type SQL } from 'drizzle-orm';
import { cachedQuery } from '../cache';
import { getDb } from '../client';
import { articleAuthors, articles, articleTags, corrections, media, sections, staff, tags } from '../schema';
import { cacheTags } from '../tags';
import { isLive } from './conditions';

// Reads for the sitemaps: every live article (with its image and last significant change), and
// the sections, authors and topics that have live articles, in stable pages (oldest first, so a
// new article only ever changes the last page). Every article query carries isLive().

/**
 * The article's last significant change: first publication, the last update shown to readers, or
 * the last correction, whichever is latest. The same rule as dateModified in its JSON-LD
 * (server/seo/structured-data.ts articleModifiedAt), so the sitemap and the page agree.
 */
/** A live blog's newest entry or edit (null for other articles): its lastmod follows the blog. */
const liveBlogLastEntry = sql`(select max(greatest(e.posted_at, e.edited_at)) from live_entries e where e.article_id = "articles"."id" and e.deleted_at is null)`;

const articleLastmod = sql`greatest(coalesce(${articles.firstPublishedAt}, ${articles.publishedAt}), ${articles.updatedAt}, (select max(${corrections.publishedAt}) from ${corrections} where ${corrections.articleId} = ${articles.id}), ${liveBlogLastEntry})`;

/** Epoch milliseconds as a double: both drivers return it as a JS number, unlike timestamps in raw SQL. */
const epochMs = (expr: SQL) => sql<number | null>`floor(extract(epoch from ${expr}) * 1000)::float8`;
const iso = (ms: number | null) => (ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString());

export type SitemapKind = 'articles' | 'sections' | 'authors' | 'tags';
export const SITEMAP_KINDS: SitemapKind[] = ['articles', 'sections', 'authors', 'tags'];

export type SitemapEntry = { path: string; lastmod: string | null; images: string[] };
export type SitemapPageSummary = { kind: SitemapKind; page: number; lastmod: string | null };

/** Everything that can change a sitemap: any article change expires the front page's tag. */
const SITEMAP_TAGS = () => [cacheTags.frontPage(), cacheTags.sections(), cacheTags.site(), cacheTags.liveBlogs()];

/** Each section's newest live article, as a subquery. */
const sectionLastSubquery = () =>
  getDb()
    .select({ sectionId: articles.sectionId, lastmod: max(articles.publishedAt).as('section_lastmod') })
    .from(articles)
    .where(isLive())
    .groupBy(articles.sectionId)
    .as('section_last');

/** Per kind, the pages of `pageSize` entries and each page's newest lastmod: the sitemap index. */
export async function readSitemapSummary(pageSize: number): Promise<SitemapPageSummary[]> {
  const db = getDb();
  const pageOf = (orderBy: SQL) => sql<number>`((row_number() over (order by ${orderBy}) - 1) / ${pageSize})::int`;

  const numberedArticles = db
    .select({ page: pageOf(sql`${articles.id}`).as('page'), lastmod: epochMs(articleLastmod).as('lastmod') })
    .from(articles)
    .where(isLive())
    .as('numbered_articles');

  const sectionLast = sectionLastSubquery();
  const numberedSections = db
    .select({ page: pageOf(sql`${sections.position}, ${sections.id}`).as('page'), lastmod: epochMs(sql`${sectionLast.lastmod}`).as('lastmod') })
    .from(sections)
    .leftJoin(sectionLast, eq(sectionLast.sectionId, sections.id))
    .as('numbered_sections');

  const authorLast = db
    .select({ staffId: articleAuthors.staffId, lastmod: max(articles.publishedAt).as('author_lastmod') })
    .from(articleAuthors)
    .innerJoin(articles, eq(articles.id, articleAuthors.articleId))
    .where(isLive())
    .groupBy(articleAuthors.staffId)
    .as('author_last');
  const numberedAuthors = db
    .select({ page: pageOf(sql`${staff.id}`).as('page'), lastmod: epochMs(sql`${authorLast.lastmod}`).as('lastmod') })
    .from(staff)
    .innerJoin(authorLast, eq(authorLast.staffId, staff.id))
    .where(eq(staff.active, true))
    .as('numbered_authors');

  const tagLast = db
    .select({ tagId: articleTags.tagId, lastmod: max(articles.publishedAt).as('tag_lastmod') })
    .from(articleTags)
    .innerJoin(articles, eq(articles.id, articleTags.articleId))
    .where(isLive())
    .groupBy(articleTags.tagId)
    .as('tag_last');
  const numberedTags = db
    .select({ page: pageOf(sql`${tags.id}`).as('page'), lastmod: epochMs(sql`${tagLast.lastmod}`).as('lastmod') })
    .from(tags)
    .innerJoin(tagLast, eq(tagLast.tagId, tags.id))
    .as('numbered_tags');

  const summarise = async (kind: SitemapKind, numbered: typeof numberedArticles) => {
    const rows = await db
      .select({ page: numbered.page, lastmod: sql<number | null>`max(${numbered.lastmod})` })
      .from(numbered)
      .groupBy(numbered.page)
      .orderBy(asc(numbered.page));
    return rows.map((r) => ({ kind, page: Number(r.page) + 1, lastmod: iso(r.lastmod) }));
  };
  const all = await Promise.all([
    summarise('articles', numberedArticles),
    summarise('sections', numberedSections as unknown as typeof numberedArticles),
    summarise('authors', numberedAuthors as unknown as typeof numberedArticles),
    summarise('tags', numberedTags as unknown as typeof numberedArticles),
  ]);
  return all.flat();
}

export const getSitemapSummary = cachedQuery('sitemap-summary', (pageSize: number) => readSitemapSummary(pageSize), () => SITEMAP_TAGS(), 600);

/** One page of a kind's sitemap, in the same order as the summary numbered it. */
export async function readSitemapPage(kind: SitemapKind, page: number, pageSize: number): Promise<SitemapEntry[]> {
  const db = getDb();
  const offset = (page - 1) * pageSize;
  switch (kind) {
    case 'articles': {
      const rows = await db
        .select({ path: articles.path, lastmod: epochMs(articleLastmod), image: sql<string | null>`coalesce(${media.cropSrc}, ${media.src})` })
        .from(articles)
        .leftJoin(media, eq(media.id, articles.featuredImageId))
        .where(isLive())
        .orderBy(asc(articles.id))
        .limit(pageSize)
        .offset(offset);
      return rows.filter((r) => r.path).map((r) => ({ path: r.path!, lastmod: iso(r.lastmod), images: r.image ? [r.image] : [] }));
    }
    case 'sections': {
      const sectionLast = sectionLastSubquery();
      const rows = await db
        .select({ slug: sections.slug, lastmod: epochMs(sql`${sectionLast.lastmod}`) })
        .from(sections)
        .leftJoin(sectionLast, eq(sectionLast.sectionId, sections.id))
        .orderBy(asc(sections.position), asc(sections.id))
        .limit(pageSize)
        .offset(offset);
      return rows.map((r) => ({ path: `/${r.slug}`, lastmod: iso(r.lastmod), images: [] }));
    }
    case 'authors': {
      const rows = await db
        .select({ slug: staff.slug, lastmod: epochMs(max(articles.publishedAt)) })
        .from(staff)
        .innerJoin(articleAuthors, eq(articleAuthors.staffId, staff.id))
        .innerJoin(articles, eq(articles.id, articleAuthors.articleId))
        .where(and(eq(staff.active, true), isLive()))
        .groupBy(staff.id, staff.slug)
        .orderBy(asc(staff.id))
        .limit(pageSize)
        .offset(offset);
      return rows.map((r) => ({ path: `/author/${r.slug}`, lastmod: iso(r.lastmod), images: [] }));
    }
    case 'tags': {
      const rows = await db
        .select({ slug: tags.slug, lastmod: epochMs(max(articles.publishedAt)) })
        .from(tags)
        .innerJoin(articleTags, eq(articleTags.tagId, tags.id))
        .innerJoin(articles, eq(articles.id, articleTags.articleId))
        .where(isLive())
        .groupBy(tags.id, tags.slug)
        .orderBy(asc(tags.id))
        .limit(pageSize)
        .offset(offset);
      return rows.map((r) => ({ path: `/tag/${r.slug}`, lastmod: iso(r.lastmod), images: [] }));
    }
  }
}

export const getSitemapPage = cachedQuery(
  'sitemap-page',
  (kind: SitemapKind, page: number, pageSize: number) => readSitemapPage(kind, page, pageSize),
  () => SITEMAP_TAGS(),
  600,
);

export type NewsEntry = { path: string; headline: string; publishedAt: string; lastmod: string | null };

/**
 * Articles first published in the last `hours` hours, and live blogs with an entry in that time
 * (however long ago they began), newest first, at most `limit` (Google News). A live blog's
 * lastmod is its newest entry.
 */
export async function readNewsArticles(hours: number, limit: number): Promise<NewsEntry[]> {
  const since = sql`now() - make_interval(hours => ${hours})`;
  const rows = await getDb()
    .select({ path: articles.path, headline: articles.headline, firstPublishedAt: articles.firstPublishedAt, publishedAt: articles.publishedAt, lastEntryMs: epochMs(liveBlogLastEntry) })
    .from(articles)
    .where(and(isLive(), sql`(coalesce(${articles.firstPublishedAt}, ${articles.publishedAt}) >= ${since} or ${liveBlogLastEntry} >= ${since})`))
    .orderBy(sql`greatest(coalesce(${articles.firstPublishedAt}, ${articles.publishedAt}), ${liveBlogLastEntry}) desc`, sql`${articles.id} desc`)
    .limit(limit);
  return rows
    .filter((r) => r.path)
    .map((r) => ({ path: r.path!, headline: r.headline, publishedAt: (r.firstPublishedAt ?? r.publishedAt ?? new Date(0)).toISOString(), lastmod: iso(r.lastEntryMs) }));
}

// Short revalidation: an article leaves the 48-hour window without any change that expires a tag.
export const listNewsArticles = cachedQuery('news-sitemap', (hours: number, limit: number) => readNewsArticles(hours, limit), () => SITEMAP_TAGS(), 300);
