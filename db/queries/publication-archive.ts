import 'server-only';
// The publication export's reads (server/archive/export.ts): every row of every table the archive
// carries, as archive lines (lib/publication-archive.ts), a batch at a time in key order so a large
// publication never sits in memory. Columns are named one by one: a column added later stays out
// of the archive until someone decides it belongs there (a secret must never arrive by default).
import { asc, gt, sql } from 'drizzle-orm';
import type { ArchiveKind, ArchiveLine } from '../../lib/publication-archive';
import { getDb } from '../client';
import { rowsOf } from '../connection';
import {
  articleAuthors,
  articles,
  articleTags,
  articleWithdrawals,
  commentBans,
  comments,
  corrections,
  liveBlogs,
  liveEntries,
  liveEntryAuthors,
  media,
  redirects,
  revisions,
  sections,
  siteSettings,
  staff,
  tags,
  urlHistory,
} from '../schema';

const BATCH = 500;

/** How many schema migrations this database has applied (drizzle's own record of them). */
export async function countAppliedMigrations(): Promise<number> {
  const rows = rowsOf<{ n: number | string }>(await getDb().execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
  return Number(rows[0]?.n ?? 0);
}

/** The publication's name, for the manifest. */
export async function getPublicationName(): Promise<string> {
  const [row] = await getDb().select({ name: siteSettings.name }).from(siteSettings).limit(1);
  return row?.name ?? '';
}

/**
 * When this publication began, as its oldest staff, section or article row says: with the site's
 * address, what tells its archives apart from another publication's (two installations that never
 * set SITE_URL both call themselves http://localhost:3000).
 */
export async function getPublicationOrigin(): Promise<string> {
  const rows = rowsOf<{ t: string | Date | null }>(
    await getDb().execute(sql`select least((select min(created_at) from staff), (select min(created_at) from sections), (select min(created_at) from articles)) as t`),
  );
  const t = rows[0]?.t;
  return t ? new Date(t).toISOString() : 'empty';
}

/** Pages through a table by a numeric key. */
async function* byNumericKey<R>(page: (after: number) => Promise<R[]>, keyOf: (row: R) => number): AsyncGenerator<R> {
  let after = 0;
  for (;;) {
    const rows = await page(after);
    for (const row of rows) yield row;
    if (rows.length < BATCH) return;
    after = keyOf(rows.at(-1)!);
  }
}

/** Pages through a table by a text key. */
async function* byTextKey<R>(page: (after: string) => Promise<R[]>, keyOf: (row: R) => string): AsyncGenerator<R> {
  let after = '';
  for (;;) {
    const rows = await page(after);
    for (const row of rows) yield row;
    if (rows.length < BATCH) return;
    after = keyOf(rows.at(-1)!);
  }
}

/** The ids of many articles' (or entries') related rows, grouped and in order. */
function groupIds<R extends { owner: number; id: number }>(rows: R[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const r of rows) out.set(r.owner, [...(out.get(r.owner) ?? []), r.id]);
  return out;
}

async function* settingsLines(): AsyncGenerator<ArchiveLine<'settings'>> {
  const rows = await getDb()
    .select({
      name: siteSettings.name,
      tagline: siteSettings.tagline,
      description: siteSettings.description,
      locale: siteSettings.locale,
      timeZone: siteSettings.timeZone,
      staffEmailFormula: siteSettings.staffEmailFormula,
      commentPolicy: siteSettings.commentPolicy,
      commentsCloseAfterDays: siteSettings.commentsCloseAfterDays,
      commentMaxDepth: siteSettings.commentMaxDepth,
      commentLinkLimit: siteSettings.commentLinkLimit,
      moderationWords: siteSettings.moderationWords,
      blockedWords: siteSettings.blockedWords,
      blockingChecks: siteSettings.blockingChecks,
    })
    .from(siteSettings)
    .limit(1);
  yield* rows;
}

// Staff without password_hash and session_version, by construction: they are not selected.
function staffLines(): AsyncGenerator<ArchiveLine<'staff'>> {
  return byNumericKey(
    (after) =>
      getDb()
        .select({
          id: staff.id,
          slug: staff.slug,
          name: staff.name,
          firstName: staff.firstName,
          lastName: staff.lastName,
          email: staff.email,
          emailOverride: staff.emailOverride,
          bio: staff.bio,
          jobTitle: staff.jobTitle,
          role: staff.role,
          active: staff.active,
          createdAt: staff.createdAt,
          modifiedAt: staff.modifiedAt,
        })
        .from(staff)
        .where(gt(staff.id, after))
        .orderBy(asc(staff.id))
        .limit(BATCH),
    (r) => r.id,
  );
}

function sectionLines(): AsyncGenerator<ArchiveLine<'sections'>> {
  return byNumericKey(
    (after) =>
      getDb()
        .select({ id: sections.id, slug: sections.slug, name: sections.name, description: sections.description, position: sections.position, createdAt: sections.createdAt, modifiedAt: sections.modifiedAt })
        .from(sections)
        .where(gt(sections.id, after))
        .orderBy(asc(sections.id))
        .limit(BATCH),
    (r) => r.id,
  );
}

function topicLines(): AsyncGenerator<ArchiveLine<'topics'>> {
  return byNumericKey(
    (after) =>
      getDb()
        .select({ id: tags.id, slug: tags.slug, name: tags.name, description: tags.description, createdAt: tags.createdAt, modifiedAt: tags.modifiedAt })
        .from(tags)
        .where(gt(tags.id, after))
        .orderBy(asc(tags.id))
        .limit(BATCH),
    (r) => r.id,
  );
}

async function* mediaLines(): AsyncGenerator<ArchiveLine<'media'>> {
  const rows = byNumericKey(
    (after) =>
      getDb()
        .select({
          id: media.id,
          src: media.src,
          mimeType: media.mimeType,
          width: media.width,
          height: media.height,
          bytes: media.bytes,
          alt: media.alt,
          caption: media.caption,
          credit: media.credit,
          variants: media.variants,
          focalX: media.focalX,
          focalY: media.focalY,
          cropX: media.cropX,
          cropY: media.cropY,
          cropW: media.cropW,
          cropH: media.cropH,
          cropSrc: media.cropSrc,
          uploadedBy: media.uploadedBy,
          createdAt: media.createdAt,
          modifiedAt: media.modifiedAt,
        })
        .from(media)
        .where(gt(media.id, after))
        .orderBy(asc(media.id))
        .limit(BATCH),
    (r) => r.id,
  );
  for await (const { cropX, cropY, cropW, cropH, cropSrc, ...row } of rows) {
    yield { ...row, crop: cropSrc != null && cropX != null && cropY != null && cropW != null && cropH != null ? { x: cropX, y: cropY, w: cropW, h: cropH, src: cropSrc } : null };
  }
}

async function* articleLines(): AsyncGenerator<ArchiveLine<'articles'>> {
  const db = getDb();
  let after = 0;
  for (;;) {
    const rows = await db
      .select({
        id: articles.id,
        slug: articles.slug,
        path: articles.path,
        headline: articles.headline,
        standfirst: articles.standfirst,
        body: articles.body,
        bodyText: articles.bodyText,
        status: articles.status,
        sectionId: articles.sectionId,
        firstPublishedAt: articles.firstPublishedAt,
        publishedAt: articles.publishedAt,
        updatedAt: articles.updatedAt,
        embargoUntil: articles.embargoUntil,
        withdrawnAt: articles.withdrawnAt,
        featuredImageId: articles.featuredImageId,
        featuredAlt: articles.featuredAlt,
        featuredCaption: articles.featuredCaption,
        featuredCredit: articles.featuredCredit,
        seoTitle: articles.seoTitle,
        seoDescription: articles.seoDescription,
        canonicalUrl: articles.canonicalUrl,
        commentMode: articles.commentMode,
        commentsCloseAt: articles.commentsCloseAt,
        bylineText: articles.bylineText,
        wireInitials: articles.wireInitials,
        wireAgencies: articles.wireAgencies,
        version: articles.version,
        createdBy: articles.createdBy,
        createdAt: articles.createdAt,
        modifiedAt: articles.modifiedAt,
      })
      .from(articles)
      .where(gt(articles.id, after))
      .orderBy(asc(articles.id))
      .limit(BATCH);
    if (rows.length === 0) return;
    const first = rows[0]!.id;
    const last = rows.at(-1)!.id;
    const inRange = (column: typeof articleAuthors.articleId | typeof articleTags.articleId) => sql`${column} between ${first} and ${last}`;
    const authors = groupIds(
      await db.select({ owner: articleAuthors.articleId, id: articleAuthors.staffId }).from(articleAuthors).where(inRange(articleAuthors.articleId)).orderBy(asc(articleAuthors.articleId), asc(articleAuthors.position), asc(articleAuthors.staffId)),
    );
    const topics = groupIds(await db.select({ owner: articleTags.articleId, id: articleTags.tagId }).from(articleTags).where(inRange(articleTags.articleId)).orderBy(asc(articleTags.articleId), asc(articleTags.tagId)));
    for (const row of rows) yield { ...row, authorIds: authors.get(row.id) ?? [], topicIds: topics.get(row.id) ?? [] };
    if (rows.length < BATCH) return;
    after = last;
  }
}

function revisionLines(): AsyncGenerator<ArchiveLine<'revisions'>> {
  return byNumericKey(
    (after) =>
      getDb()
        .select({ id: revisions.id, articleId: revisions.articleId, version: revisions.version, snapshot: revisions.snapshot, staffId: revisions.staffId, createdAt: revisions.createdAt })
        .from(revisions)
        .where(gt(revisions.id, after))
        .orderBy(asc(revisions.id))
        .limit(BATCH),
    (r) => r.id,
  );
}

function correctionLines(): AsyncGenerator<ArchiveLine<'corrections'>> {
  return byNumericKey(
    (after) =>
      getDb()
        .select({ id: corrections.id, articleId: corrections.articleId, kind: corrections.kind, body: corrections.body, publishedAt: corrections.publishedAt, staffId: corrections.staffId })
        .from(corrections)
        .where(gt(corrections.id, after))
        .orderBy(asc(corrections.id))
        .limit(BATCH),
    (r) => r.id,
  );
}

function withdrawalLines(): AsyncGenerator<ArchiveLine<'withdrawals'>> {
  return byNumericKey(
    (after) =>
      getDb()
        .select({ id: articleWithdrawals.id, articleId: articleWithdrawals.articleId, headline: articleWithdrawals.headline, reason: articleWithdrawals.reason, withdrawnAt: articleWithdrawals.withdrawnAt, staffId: articleWithdrawals.staffId })
        .from(articleWithdrawals)
        .where(gt(articleWithdrawals.id, after))
        .orderBy(asc(articleWithdrawals.id))
        .limit(BATCH),
    (r) => r.id,
  );
}

function urlHistoryLines(): AsyncGenerator<ArchiveLine<'url-history'>> {
  return byTextKey(
    (after) =>
      getDb()
        .select({ path: urlHistory.path, articleId: urlHistory.articleId, createdAt: urlHistory.createdAt })
        .from(urlHistory)
        .where(sql`${urlHistory.path} > ${after} collate "C"`)
        .orderBy(sql`${urlHistory.path} collate "C"`)
        .limit(BATCH),
    (r) => r.path,
  );
}

// Parents before their replies: by depth, then id.
async function* commentLines(): AsyncGenerator<ArchiveLine<'comments'>> {
  const db = getDb();
  const [deepest] = await db.select({ depth: sql<number>`coalesce(max(${comments.depth}), -1)::int` }).from(comments);
  for (let depth = 0; depth <= Number(deepest?.depth ?? -1); depth++) {
    yield* byNumericKey(
      (after) =>
        db
          .select({
            id: comments.id,
            articleId: comments.articleId,
            parentId: comments.parentId,
            authorName: comments.authorName,
            authorEmail: comments.authorEmail,
            body: comments.body,
            status: comments.status,
            heldReason: comments.heldReason,
            depth: comments.depth,
            createdAt: comments.createdAt,
            modifiedAt: comments.modifiedAt,
          })
          .from(comments)
          .where(sql`${comments.depth} = ${depth} and ${comments.id} > ${after}`)
          .orderBy(asc(comments.id))
          .limit(BATCH),
      (r) => r.id,
    );
  }
}

function liveBlogLines(): AsyncGenerator<ArchiveLine<'live-blogs'>> {
  return byNumericKey(
    (after) =>
      getDb()
        .select({ articleId: liveBlogs.articleId, coverageStart: liveBlogs.coverageStart, coverageEnd: liveBlogs.coverageEnd, summary: liveBlogs.summary, pollSeconds: liveBlogs.pollSeconds, createdAt: liveBlogs.createdAt, modifiedAt: liveBlogs.modifiedAt })
        .from(liveBlogs)
        .where(gt(liveBlogs.articleId, after))
        .orderBy(asc(liveBlogs.articleId))
        .limit(BATCH),
    (r) => r.articleId,
  );
}

async function* liveEntryLines(): AsyncGenerator<ArchiveLine<'live-entries'>> {
  const db = getDb();
  let after = 0;
  for (;;) {
    const rows = await db
      .select({
        id: liveEntries.id,
        articleId: liveEntries.articleId,
        title: liveEntries.title,
        body: liveEntries.body,
        bodyText: liveEntries.bodyText,
        postedAt: liveEntries.postedAt,
        keyEvent: liveEntries.keyEvent,
        pinned: liveEntries.pinned,
        correction: liveEntries.correction,
        editedAt: liveEntries.editedAt,
        deletedAt: liveEntries.deletedAt,
        createdBy: liveEntries.createdBy,
      })
      .from(liveEntries)
      .where(sql`${liveEntries.id} > ${after} and ${liveEntries.deletedAt} is null`)
      .orderBy(asc(liveEntries.id))
      .limit(BATCH);
    if (rows.length === 0) return;
    const authors = groupIds(
      await db
        .select({ owner: liveEntryAuthors.entryId, id: liveEntryAuthors.staffId })
        .from(liveEntryAuthors)
        .where(sql`${liveEntryAuthors.entryId} between ${rows[0]!.id} and ${rows.at(-1)!.id}`)
        .orderBy(asc(liveEntryAuthors.entryId), asc(liveEntryAuthors.position), asc(liveEntryAuthors.staffId)),
    );
    for (const row of rows) yield { ...row, authorIds: authors.get(row.id) ?? [] };
    if (rows.length < BATCH) return;
    after = rows.at(-1)!.id;
  }
}

function redirectLines(): AsyncGenerator<ArchiveLine<'redirects'>> {
  return byTextKey(
    async (after) => {
      const rows = await getDb()
        .select({ path: redirects.path, targetKind: redirects.targetKind, targetId: redirects.targetId, source: redirects.source, createdAt: redirects.createdAt })
        .from(redirects)
        .where(sql`${redirects.path} > ${after} collate "C"`)
        .orderBy(sql`${redirects.path} collate "C"`)
        .limit(BATCH);
      return rows as ArchiveLine<'redirects'>[];
    },
    (r) => r.path,
  );
}

async function* commentBanLines(): AsyncGenerator<ArchiveLine<'comment-bans'>> {
  const rows = byNumericKey(
    async (after) =>
      getDb()
        .select({ id: commentBans.id, kind: commentBans.kind, value: commentBans.value, reason: commentBans.reason, createdBy: commentBans.createdBy, createdAt: commentBans.createdAt })
        .from(commentBans)
        .where(gt(commentBans.id, after))
        .orderBy(asc(commentBans.id))
        .limit(BATCH),
    (r) => r.id,
  );
  for await (const { id: _id, ...row } of rows) yield row;
}

/** Every line of one kind of the archive, in the order the importer needs them. */
export const archiveLines: { [K in ArchiveKind]: () => AsyncIterable<ArchiveLine<K>> } = {
  settings: settingsLines,
  staff: staffLines,
  sections: sectionLines,
  topics: topicLines,
  media: mediaLines,
  articles: articleLines,
  revisions: revisionLines,
  corrections: correctionLines,
  withdrawals: withdrawalLines,
  'url-history': urlHistoryLines,
  comments: commentLines,
  'live-blogs': liveBlogLines,
  'live-entries': liveEntryLines,
  redirects: redirectLines,
  'comment-bans': commentBanLines,
};
