import 'server-only';
import { and, asc, count, desc, eq, gt, ilike, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { draftFromArticle, type ArticleDraft } from '../../lib/article-draft';
import { articleListScope, type Actor } from '../../lib/permissions';
import { ownArticles, readableBy } from './article-access';
import { getDb } from '../client';
import { articleAuthors, articles, articleTags, comments, editSessions, media, revisions, sections, staff, tags } from '../schema';
import { type ArticleStatus, type StaffRole } from '../../lib/domain';
import type { Segment } from '../../lib/search-query';
import { searchArticlesForStaff } from './search';

// Reads for the newsroom. Unlike reader queries they see every status, and they are never cached:
// staff must always see the latest state. Each read of article content takes the person asking and
// carries readableBy(actor) in its SQL, so a colleague's draft is "not found" for those who may not
// read it (articleReadScope in lib/permissions.ts).

export const DASHBOARD_PAGE_SIZE = 25;
export const ARTICLE_SORTS = ['modified', 'published', 'headline', 'created'] as const;
export type ArticleSort = (typeof ARTICLE_SORTS)[number];

export type ArticleFilter = {
  status?: ArticleStatus;
  sectionId?: number;
  authorId?: number;
  q?: string;
  sort?: ArticleSort;
  direction?: 'asc' | 'desc';
  page?: number;
};

export type DashboardArticleRow = {
  id: number;
  headline: string;
  status: ArticleStatus;
  sectionName: string | null;
  authors: string[];
  bylineText: string | null;
  modifiedAt: string;
  publishedAt: string | null;
  path: string | null;
  /** Other people with the article open in the editor right now. */
  editing: string[];
  /** When the list was searched by words: the headline with the matched words marked, and a passage of the text around them. */
  headlineMarked?: Segment[];
  snippet?: Segment[];
};

/** How long after the last heartbeat someone still counts as editing. */
export const PRESENCE_MS = () => Number(process.env.PRESENCE_WINDOW_SECONDS ?? 45) * 1000;

export async function listEditingNow(articleIds: number[], now = new Date()): Promise<Map<number, { staffId: number; name: string }[]>> {
  const out = new Map<number, { staffId: number; name: string }[]>();
  if (articleIds.length === 0) return out;
  const rows = await getDb()
    .select({ articleId: editSessions.articleId, staffId: staff.id, name: staff.name })
    .from(editSessions)
    .innerJoin(staff, eq(staff.id, editSessions.staffId))
    .where(and(inArray(editSessions.articleId, articleIds), gt(editSessions.seenAt, new Date(now.getTime() - PRESENCE_MS()))))
    .orderBy(asc(staff.name));
  for (const r of rows) out.set(r.articleId, [...(out.get(r.articleId) ?? []), { staffId: r.staffId, name: r.name }]);
  return out;
}

export type DashboardArticleList = {
  items: DashboardArticleRow[];
  total: number;
  /** True when a common word matched too many articles to count: `total` is then an estimate. */
  totalIsEstimate: boolean;
  page: number;
  pages: number;
  /**
   * How the query matched: 'none' when there was none (the chosen sort applies); 'words' by
   * full-text search over headline, standfirst and body, in order of relevance; 'headline' by the
   * start of the headline, when full-text search found nothing (too short a word, only stop words).
   */
  matchedBy: 'none' | 'words' | 'headline';
};

export type ArticleListViewer = Actor;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The newsroom's article list: every status, with the status, section and author filters, one
 * page at a time. A query is searched with site search's own full-text engine (relevance first);
 * when that finds nothing, headlines starting with the query are listed instead. Whose articles
 * the list holds depends on the viewer's role (articleListScope).
 */
export async function listDashboardArticles(filter: ArticleFilter, viewer: ArticleListViewer): Promise<DashboardArticleList> {
  const db = getDb();
  const scope = articleListScope(viewer);
  const ownOnly = scope === 'own';
  const q = filter.q?.trim();

  if (q) {
    const input = {
      q,
      statuses: filter.status ? [filter.status] : undefined,
      sectionId: filter.sectionId,
      bylineId: filter.authorId,
      authorId: ownOnly ? viewer.id : undefined,
      readableBy: scope === 'readable' ? viewer.id : undefined,
      pageSize: DASHBOARD_PAGE_SIZE,
    };
    let found = await searchArticlesForStaff({ ...input, page: filter.page });
    // Past the last page (a stale link): the last page, as the unsearched list does.
    if (found.total > 0 && found.hits.length === 0 && found.pageCount > 0 && found.page > found.pageCount) {
      found = await searchArticlesForStaff({ ...input, page: found.pageCount });
    }
    if (found.total > 0) {
      const ids = found.hits.map((h) => h.id);
      const [bylines, decorations] = await Promise.all([
        ids.length ? db.select({ id: articles.id, headline: articles.headline, bylineText: articles.bylineText }).from(articles).where(inArray(articles.id, ids)) : Promise.resolve([]),
        decorate(ids, viewer.id),
      ]);
      const byId = new Map(bylines.map((b) => [b.id, b]));
      return {
        total: found.total,
        totalIsEstimate: found.totalIsEstimate,
        page: found.page,
        pages: Math.max(1, found.pageCount),
        matchedBy: 'words',
        items: found.hits.map((h) => ({
          id: h.id,
          headline: byId.get(h.id)?.headline ?? h.headline.map((s) => s.text).join(''),
          headlineMarked: h.headline,
          snippet: h.snippet,
          status: h.status,
          sectionName: h.sectionName,
          bylineText: byId.get(h.id)?.bylineText ?? null,
          modifiedAt: h.modifiedAt,
          publishedAt: h.publishedAt,
          path: h.path,
          ...decorations(h.id),
        })),
      };
    }
  }

  const where: SQL[] = [];
  if (filter.status) where.push(eq(articles.status, filter.status));
  if (filter.sectionId) where.push(eq(articles.sectionId, filter.sectionId));
  if (filter.authorId) {
    where.push(inArray(articles.id, db.select({ id: articleAuthors.articleId }).from(articleAuthors).where(eq(articleAuthors.staffId, filter.authorId))));
  }
  if (ownOnly) where.push(ownArticles(viewer));
  const readable = readableBy(viewer);
  if (readable) where.push(readable);
  if (q) where.push(ilike(articles.headline, `${escapeLike(q)}%`));
  const condition = where.length ? and(...where) : undefined;
  const dir = filter.direction === 'asc' ? asc : desc;
  const order = {
    modified: [dir(articles.modifiedAt), dir(articles.id)],
    published: [sql`${articles.publishedAt} ${sql.raw(filter.direction === 'asc' ? 'ASC' : 'DESC')} NULLS LAST`, dir(articles.id)],
    headline: [filter.direction === 'desc' ? desc(sql`lower(${articles.headline})`) : asc(sql`lower(${articles.headline})`), dir(articles.id)],
    created: [dir(articles.createdAt), dir(articles.id)],
  }[filter.sort ?? 'modified'];

  const [{ n: total } = { n: 0 }] = await db.select({ n: count() }).from(articles).where(condition);
  const pages = Math.max(1, Math.ceil(total / DASHBOARD_PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page ?? 1), pages);
  const rows = await db
    .select({
      id: articles.id,
      headline: articles.headline,
      status: articles.status,
      sectionName: sections.name,
      bylineText: articles.bylineText,
      modifiedAt: articles.modifiedAt,
      publishedAt: articles.publishedAt,
      path: articles.path,
    })
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where(condition)
    .orderBy(...order)
    .limit(DASHBOARD_PAGE_SIZE)
    .offset((page - 1) * DASHBOARD_PAGE_SIZE);
  const decorations = await decorate(
    rows.map((r) => r.id),
    viewer.id,
  );
  return {
    total,
    totalIsEstimate: false,
    page,
    pages,
    matchedBy: q ? 'headline' : 'none',
    items: rows.map((r) => ({
      ...r,
      modifiedAt: r.modifiedAt.toISOString(),
      publishedAt: r.publishedAt ? r.publishedAt.toISOString() : null,
      ...decorations(r.id),
    })),
  };
}

/** The bylines of a page of articles, and who else has each open in the editor. */
async function decorate(ids: number[], viewerId: number): Promise<(id: number) => { authors: string[]; editing: string[] }> {
  const [authorRows, editing] = await Promise.all([
    ids.length
      ? getDb()
          .select({ articleId: articleAuthors.articleId, name: staff.name })
          .from(articleAuthors)
          .innerJoin(staff, eq(staff.id, articleAuthors.staffId))
          .where(inArray(articleAuthors.articleId, ids))
          .orderBy(asc(articleAuthors.position))
      : Promise.resolve([]),
    listEditingNow(ids),
  ]);
  return (id) => ({
    authors: authorRows.filter((a) => a.articleId === id).map((a) => a.name),
    editing: (editing.get(id) ?? []).filter((e) => e.staffId !== viewerId).map((e) => e.name),
  });
}

export type EditorArticle = {
  id: number;
  version: number;
  status: ArticleStatus;
  path: string | null;
  createdBy: number | null;
  firstPublishedAt: string | null;
  publishedAt: string | null;
  modifiedAt: string;
  draft: ArticleDraft;
  featuredImage: { id: number; src: string; alt: string; width: number; height: number } | null;
};

/** Everything the editor form shows, in the shape it edits; null when missing or not the reader's to read. */
export async function getEditorArticle(id: number, reader: Actor): Promise<EditorArticle | null> {
  const db = getDb();
  const [row] = await db.select().from(articles).where(and(eq(articles.id, id), readableBy(reader)));
  if (!row) return null;
  const [authorRows, tagRows, image] = await Promise.all([
    db.select({ staffId: articleAuthors.staffId }).from(articleAuthors).where(eq(articleAuthors.articleId, id)).orderBy(asc(articleAuthors.position)),
    db.select({ name: tags.name }).from(articleTags).innerJoin(tags, eq(tags.id, articleTags.tagId)).where(eq(articleTags.articleId, id)).orderBy(asc(tags.name)),
    row.featuredImageId
      ? db.select({ id: media.id, src: media.src, alt: media.alt, width: media.width, height: media.height }).from(media).where(eq(media.id, row.featuredImageId))
      : Promise.resolve([]),
  ]);
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    path: row.path,
    createdBy: row.createdBy,
    firstPublishedAt: iso(row.firstPublishedAt),
    publishedAt: iso(row.publishedAt),
    modifiedAt: row.modifiedAt.toISOString(),
    featuredImage: image[0] ?? null,
    draft: draftFromArticle(row, { tags: tagRows.map((t) => t.name), authorIds: authorRows.map((a) => a.staffId) }),
  };
}

export type RevisionListItem = { id: number; version: number; staffName: string | null; createdAt: string };

/** An article's revisions, newest first; none when the reader may not read the article. */
export async function listRevisions(articleId: number, reader: Actor, limit = 50): Promise<RevisionListItem[]> {
  const rows = await getDb()
    .select({ id: revisions.id, version: revisions.version, staffName: staff.name, createdAt: revisions.createdAt })
    .from(revisions)
    .innerJoin(articles, eq(articles.id, revisions.articleId))
    .leftJoin(staff, eq(staff.id, revisions.staffId))
    .where(and(eq(revisions.articleId, articleId), readableBy(reader)))
    .orderBy(desc(revisions.version))
    .limit(limit);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** One revision's snapshot and the one saved before it, for a diff; null when the reader may not read the article. */
export async function getRevisionPair(articleId: number, revisionId: number, reader: Actor) {
  const db = getDb();
  const [rev] = await db
    .select({ id: revisions.id, version: revisions.version, snapshot: revisions.snapshot, createdAt: revisions.createdAt, staffName: staff.name })
    .from(revisions)
    .innerJoin(articles, eq(articles.id, revisions.articleId))
    .leftJoin(staff, eq(staff.id, revisions.staffId))
    .where(and(eq(revisions.articleId, articleId), eq(revisions.id, revisionId), readableBy(reader)));
  if (!rev) return null;
  const [previous] = await db
    .select({ version: revisions.version, snapshot: revisions.snapshot })
    .from(revisions)
    .where(and(eq(revisions.articleId, articleId), lt(revisions.version, rev.version)))
    .orderBy(desc(revisions.version))
    .limit(1);
  return { revision: { ...rev, createdAt: rev.createdAt.toISOString() }, previous: previous ?? null };
}

export type HomeCounts = {
  myDrafts: { id: number; headline: string; modifiedAt: string }[];
  inReview: { id: number; headline: string; modifiedAt: string }[];
  scheduled: { id: number; headline: string; publishedAt: string }[];
  missed: { id: number; headline: string; publishedAt: string; embargoUntil: string | null }[];
  publishedPerDay: { day: string; n: number }[];
  commentsWaiting: number;
};

/** The dashboard home's lists: headlines only of what `me` may read (a contributor sees no colleague's draft). */
export async function getDashboardHome(me: Actor, timeZone: string, now = new Date()): Promise<HomeCounts> {
  const db = getDb();
  const brief = { id: articles.id, headline: articles.headline };
  const mine = ownArticles(me);
  const readable = readableBy(me);
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const [myDrafts, inReview, scheduled, missed, perDay, [waiting]] = await Promise.all([
    db.select({ ...brief, modifiedAt: articles.modifiedAt }).from(articles).where(and(eq(articles.status, 'draft'), mine)).orderBy(desc(articles.modifiedAt)).limit(10),
    db.select({ ...brief, modifiedAt: articles.modifiedAt }).from(articles).where(and(eq(articles.status, 'in_review'), readable)).orderBy(asc(articles.modifiedAt)).limit(10),
    db.select({ ...brief, publishedAt: articles.publishedAt }).from(articles).where(and(eq(articles.status, 'scheduled'), gt(articles.publishedAt, now), readable)).orderBy(asc(articles.publishedAt)).limit(10),
    db
      .select({ ...brief, publishedAt: articles.publishedAt, embargoUntil: articles.embargoUntil })
      .from(articles)
      .where(and(eq(articles.status, 'scheduled'), lte(articles.publishedAt, now), readable))
      .orderBy(asc(articles.publishedAt))
      .limit(20),
    db
      .select({ day: sql<string>`to_char(${articles.firstPublishedAt} AT TIME ZONE ${timeZone}, 'YYYY-MM-DD')`, n: count() })
      .from(articles)
      .where(and(inArray(articles.status, ['published', 'withdrawn']), gt(articles.firstPublishedAt, since), lte(articles.firstPublishedAt, now)))
      .groupBy(sql`1`),
    db.select({ n: count() }).from(comments).where(eq(comments.status, 'pending')),
  ]);
  const iso = (d: Date | null) => (d ?? new Date(0)).toISOString();
  return {
    myDrafts: myDrafts.map((r) => ({ ...r, modifiedAt: iso(r.modifiedAt) })),
    inReview: inReview.map((r) => ({ ...r, modifiedAt: iso(r.modifiedAt) })),
    scheduled: scheduled.map((r) => ({ ...r, publishedAt: iso(r.publishedAt) })),
    missed: missed.map((r) => ({ ...r, publishedAt: iso(r.publishedAt), embargoUntil: r.embargoUntil ? r.embargoUntil.toISOString() : null })),
    publishedPerDay: perDay.map((r) => ({ day: r.day, n: Number(r.n) })),
    commentsWaiting: Number(waiting?.n ?? 0),
  };
}

export async function listSectionOptions(): Promise<{ id: number; name: string; slug: string }[]> {
  return getDb().select({ id: sections.id, name: sections.name, slug: sections.slug }).from(sections).orderBy(asc(sections.position), asc(sections.name));
}

export async function listTagNames(limit = 500): Promise<string[]> {
  const rows = await getDb().select({ name: tags.name }).from(tags).orderBy(asc(tags.name)).limit(limit);
  return rows.map((r) => r.name);
}

/** When the next scheduled article comes due (embargo included), for the scheduler's next call. */
export async function getNextDueAt(): Promise<Date | null> {
  const [row] = await getDb()
    .select({ at: sql<Date | string | null>`min(greatest(${articles.publishedAt}, coalesce(${articles.embargoUntil}, ${articles.publishedAt})))` })
    .from(articles)
    .where(and(eq(articles.status, 'scheduled'), sql`greatest(${articles.publishedAt}, coalesce(${articles.embargoUntil}, ${articles.publishedAt})) > now()`));
  const at = row?.at;
  return at ? new Date(at) : null;
}
