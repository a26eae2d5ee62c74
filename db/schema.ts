// Every table, index and relation of Broadsheet. One schema for the whole product: the reader
// pages, the newsroom, comments, search and feeds all read from here.
// SQL in this file must be accepted by both PostgreSQL 15 (the server) and PGlite (PostgreSQL 18).
import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { ArticleBody } from '../lib/article-body';
import type { MediaVariant } from '../lib/media-variants';
import type { ArticleStatus, CommentMode, CommentPolicy, CommentStatus, CorrectionKind, StaffRole } from '../lib/domain';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  modifiedAt: timestamp('modified_at', { withTimezone: true }).notNull().defaultNow(),
};


const slugCheck = (column: string) => sql.raw(`${column} ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(${column}) <= 120`);

/** The publication itself; exactly one row (id = 1). */
export const siteSettings = pgTable(
  'site_settings',
  {
    id: integer('id').primaryKey().default(1),
    name: text('name').notNull(),
    tagline: text('tagline').notNull().default(''),
    description: text('description').notNull().default(''),
    locale: text('locale').notNull().default('en-GB'),
    timeZone: text('time_zone').notNull().default('Europe/London'),
    staffEmailFormula: text('staff_email_formula').notNull().default('{first_initial}{last_name}@example.org'),
    commentPolicy: text('comment_policy').$type<CommentPolicy>().notNull().default('hold_first'),
    commentsCloseAfterDays: integer('comments_close_after_days').notNull().default(14),
    commentMaxDepth: integer('comment_max_depth').notNull().default(3),
    /** Comments with this many links or more are held for moderation. */
    commentLinkLimit: integer('comment_link_limit').notNull().default(2),
    /** Words that hold a comment for moderation, and words that mark it as spam outright. */
    moderationWords: text('moderation_words').array().notNull().default(sql`'{}'::text[]`),
    blockedWords: text('blocked_words').array().notNull().default(sql`'{}'::text[]`),
    /** Which pre-publish checklist warnings block publishing (the rest can be overridden). */
    blockingChecks: text('blocking_checks').array().notNull().default(sql`'{}'::text[]`),
    modifiedAt: timestamp('modified_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('site_settings_singleton', sql`${t.id} = 1`),
    check('site_settings_comment_policy', sql`${t.commentPolicy} IN ('hold_all', 'hold_first', 'publish_all')`),
    check('site_settings_depth', sql`${t.commentMaxDepth} BETWEEN 1 AND 10`),
    check('site_settings_formula', sql`${t.staffEmailFormula} LIKE '%@%'`),
  ],
);

export const sections = pgTable(
  'sections',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull().default(0),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('sections_slug_key').on(t.slug),
    index('sections_position_idx').on(t.position),
    check('sections_slug_format', slugCheck('slug')),
    check('sections_name_length', sql`length(${t.name}) BETWEEN 1 AND 80`),
  ],
);

export const staff = pgTable(
  'staff',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    /** The sign-in and contact address: derived from the site's formula unless emailOverride. */
    email: text('email').notNull(),
    emailOverride: boolean('email_override').notNull().default(false),
    bio: text('bio').notNull().default(''),
    jobTitle: text('job_title').notNull().default(''),
    role: text('role').$type<StaffRole>().notNull(),
    passwordHash: text('password_hash'),
    active: boolean('active').notNull().default(true),
    /** Bumped on sign-out, deactivation or role change so every older session stops working. */
    sessionVersion: integer('session_version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('staff_slug_key').on(t.slug),
    uniqueIndex('staff_email_key').on(sql`lower(${t.email})`),
    check('staff_role', sql`${t.role} IN ('admin', 'editor', 'author', 'contributor')`),
    check('staff_slug_format', slugCheck('slug')),
    check('staff_name_length', sql`length(${t.name}) BETWEEN 1 AND 120`),
  ],
);

export const media = pgTable(
  'media',
  {
    id: serial('id').primaryKey(),
    /** Path under public/ (demo images) or the upload folder, always starting with '/'. */
    src: text('src').notNull(),
    mimeType: text('mime_type').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull().default(0),
    alt: text('alt').notNull().default(''),
    caption: text('caption').notNull().default(''),
    credit: text('credit').notNull().default(''),
    /**
     * Derivatives made at upload, the only ones a reader page lists: [{ width, src, type, height,
     * bytes }] (uploads before AVIF and WebP have only { width, src }, in the original's format).
     */
    variants: jsonb('variants').$type<MediaVariant[]>().notNull().default([]),
    /** The editor's focal point in per cent from the left and the top; null means the centre. */
    focalX: real('focal_x'),
    focalY: real('focal_y'),
    /**
     * The editor's crop, as fractions (0 to 1) of the original's width and height from the top
     * left, so it holds at any size; null is the whole picture. The original file is never changed:
     * `cropSrc` is the cropped region at full size in the original's format (a new name each time),
     * and `variants` are then derivatives of that region. docs/decisions/2026-12-02-crops.md.
     */
    cropX: doublePrecision('crop_x'),
    cropY: doublePrecision('crop_y'),
    cropW: doublePrecision('crop_w'),
    cropH: doublePrecision('crop_h'),
    cropSrc: text('crop_src'),
    uploadedBy: integer('uploaded_by').references(() => staff.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    check('media_dimensions', sql`${t.width} > 0 AND ${t.height} > 0`),
    check('media_alt_length', sql`length(${t.alt}) <= 500`),
    // Both or neither (a lone NULL would make the range test unknown, which a CHECK lets through).
    check('media_focal_point', sql`(${t.focalX} IS NULL AND ${t.focalY} IS NULL) OR (${t.focalX} IS NOT NULL AND ${t.focalY} IS NOT NULL AND ${t.focalX} BETWEEN 0 AND 100 AND ${t.focalY} BETWEEN 0 AND 100)`),
    // All five or none; inside the picture (a hair of tolerance for the sum of two doubles).
    check('media_crop', sql`(${t.cropX} IS NULL AND ${t.cropY} IS NULL AND ${t.cropW} IS NULL AND ${t.cropH} IS NULL AND ${t.cropSrc} IS NULL) OR (${t.cropX} IS NOT NULL AND ${t.cropY} IS NOT NULL AND ${t.cropW} IS NOT NULL AND ${t.cropH} IS NOT NULL AND ${t.cropSrc} IS NOT NULL AND ${t.cropX} >= 0 AND ${t.cropY} >= 0 AND ${t.cropW} > 0 AND ${t.cropH} > 0 AND ${t.cropX} + ${t.cropW} <= 1.000001 AND ${t.cropY} + ${t.cropH} <= 1.000001)`),
    index('media_created_idx').on(t.createdAt),
  ],
);

export const articles = pgTable(
  'articles',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull(),
    /** The current reader URL, set at first publication and whenever section or slug change. */
    path: text('path'),
    headline: text('headline').notNull(),
    standfirst: text('standfirst').notNull().default(''),
    body: jsonb('body').$type<ArticleBody>().notNull().default({ type: 'doc', content: [] }),
    /** Plain text of the body, kept in step by the mutations; feeds the search vector. */
    bodyText: text('body_text').notNull().default(''),
    status: text('status').$type<ArticleStatus>().notNull().default('draft'),
    sectionId: integer('section_id').references(() => sections.id, { onDelete: 'restrict' }),
    /** Set once, at first publication; the date in the article's URL. */
    firstPublishedAt: timestamp('first_published_at', { withTimezone: true }),
    /** When readers may see it: the publication time, or the scheduled time while scheduled. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** The last substantive update shown to readers ("Updated ..."); null if never updated. */
    updatedAt: timestamp('updated_at', { withTimezone: true }),
    embargoUntil: timestamp('embargo_until', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    featuredImageId: integer('featured_image_id').references(() => media.id, { onDelete: 'set null' }),
    featuredAlt: text('featured_alt'),
    featuredCaption: text('featured_caption'),
    featuredCredit: text('featured_credit'),
    seoTitle: text('seo_title'),
    seoDescription: text('seo_description'),
    canonicalUrl: text('canonical_url'),
    commentMode: text('comment_mode').$type<CommentMode>().notNull().default('open'),
    commentsCloseAt: timestamp('comments_close_at', { withTimezone: true }),
    /** A collective byline ("Editors and Wire Services") used when the article has no staff authors. */
    bylineText: text('byline_text'),
    /** Wire credit: the editors' initials ("ab/cd") and the agencies (["AP", "Reuters"]). */
    wireInitials: text('wire_initials'),
    wireAgencies: text('wire_agencies').array().notNull().default(sql`'{}'::text[]`),
    /** Optimistic locking: every save must name the version it started from. */
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => staff.id, { onDelete: 'set null' }),
    /**
     * The staff in the byline (article_authors), copied here by a trigger on that table so the
     * search index can hold them: an author filter is then one more key GIN intersects, not a
     * test of each of the author's articles. Written only by that trigger (migration 0007).
     */
    bylineIds: integer('byline_ids').array().notNull().default(sql`'{}'::integer[]`),
    // 'broadsheet' is 'english' with accents folded first (unaccent, migration 0012), so "cafe"
    // finds "café" and the other way round; the query side uses the same configuration.
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('broadsheet', coalesce(headline, '')), 'A') || setweight(to_tsvector('broadsheet', coalesce(standfirst, '')), 'B') || setweight(to_tsvector('broadsheet', coalesce(body_text, '')), 'C')`,
    ),
    /**
     * The top of the story, for ranking only: headline (A), standfirst (B) and the first 600
     * characters of the body (C). Small enough to stay inside the row, so ranking a few thousand
     * matches never reads the large `search` vector back from TOAST (`search` is for matching).
     * See docs/decisions/2026-11-28-site-search.md.
     */
    searchLead: tsvector('search_lead').generatedAlwaysAs(
      sql`setweight(to_tsvector('broadsheet', coalesce(headline, '')), 'A') || setweight(to_tsvector('broadsheet', coalesce(standfirst, '')), 'B') || setweight(to_tsvector('broadsheet', left(coalesce(body_text, ''), 600)), 'C')`,
    ),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('articles_slug_key').on(t.slug),
    uniqueIndex('articles_path_key').on(t.path),
    check('articles_status', sql`${t.status} IN ('draft', 'in_review', 'scheduled', 'published', 'withdrawn')`),
    check('articles_comment_mode', sql`${t.commentMode} IN ('open', 'moderated', 'closed')`),
    check('articles_slug_format', slugCheck('slug')),
    check('articles_headline_length', sql`length(${t.headline}) BETWEEN 1 AND 300`),
    check('articles_standfirst_length', sql`length(${t.standfirst}) <= 1000`),
    check('articles_published_has_time', sql`${t.status} NOT IN ('published', 'scheduled') OR ${t.publishedAt} IS NOT NULL`),
    check('articles_published_has_section', sql`${t.status} <> 'published' OR ${t.sectionId} IS NOT NULL`),
    check('articles_version_positive', sql`${t.version} > 0`),
    // Reader queries: the newest published articles, site-wide and per section.
    index('articles_live_idx').on(t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(sql`status = 'published'`),
    index('articles_section_live_idx').on(t.sectionId, t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(sql`status = 'published'`),
    index('articles_status_idx').on(t.status, t.modifiedAt.desc().nullsFirst()),
    // Search: the words, and beside them (article_search_facets, defined in migration 0007) the
    // day, month and year of publication and of the last change, the creator and the byline, in
    // one GIN index. A query for a common word asks for its matches in the newest days only (and
    // by one author, if asked), and GIN intersects the posting lists, skipping through the word's
    // long one: the cost follows the window, not the word's matches.
    index('articles_search_facets_idx').using('gin', t.search, sql`article_search_facets(${t.publishedAt}, ${t.modifiedAt}, ${t.createdBy}, ${t.bylineIds})`),
  ],
);

/**
 * Every word (lexeme) the search vectors have held, for the prefix fallback: "harbo" is looked up
 * here ("harbour", "harbourside", ...) and those words are searched through the GIN index like any
 * others. Asking GIN for a prefix directly gathers every match of every word with that prefix into
 * a bitmap first (130,000 for "harbo" at a million articles), however few are then needed.
 * Filled by a trigger on articles (migration 0006), so a new word is found at once; never pruned
 * (a word no article holds any longer just matches nothing). The column's collation is "C", so
 * a prefix is a range of the primary key.
 */
export const searchWords = pgTable('search_words', {
  word: text('word').primaryKey(),
});

export const articleAuthors = pgTable(
  'article_authors',
  {
    articleId: integer('article_id').notNull().references(() => articles.id, { onDelete: 'cascade' }),
    staffId: integer('staff_id').notNull().references(() => staff.id, { onDelete: 'restrict' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.staffId] }),
    index('article_authors_staff_idx').on(t.staffId, t.articleId),
  ],
);

export const tags = pgTable(
  'tags',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('tags_slug_key').on(t.slug),
    check('tags_slug_format', slugCheck('slug')),
    check('tags_name_length', sql`length(${t.name}) BETWEEN 1 AND 80`),
  ],
);

export const articleTags = pgTable(
  'article_tags',
  {
    articleId: integer('article_id').notNull().references(() => articles.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id').notNull().references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.tagId] }), index('article_tags_tag_idx').on(t.tagId, t.articleId)],
);

export const revisions = pgTable(
  'revisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    articleId: integer('article_id').notNull().references(() => articles.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** The article's editable fields as they were saved. */
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    staffId: integer('staff_id').references(() => staff.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('revisions_article_version_key').on(t.articleId, t.version)],
);

export const corrections = pgTable(
  'corrections',
  {
    id: serial('id').primaryKey(),
    articleId: integer('article_id').notNull().references(() => articles.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<CorrectionKind>().notNull(),
    body: text('body').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    staffId: integer('staff_id').references(() => staff.id, { onDelete: 'set null' }),
  },
  (t) => [
    check('corrections_kind', sql`${t.kind} IN ('correction', 'clarification', 'update')`),
    check('corrections_body_length', sql`length(${t.body}) BETWEEN 1 AND 2000`),
    index('corrections_article_idx').on(t.articleId, t.publishedAt),
    index('corrections_published_idx').on(t.publishedAt.desc().nullsFirst()),
  ],
);

/**
 * Each time a published article was withdrawn, and why. The corrections page lists them (the
 * headline readers knew, the date, the reason; never the body), which is what the 410 page at the
 * article's address promises. Kept when the article is restored: the withdrawal still happened.
 */
export const articleWithdrawals = pgTable(
  'article_withdrawals',
  {
    id: serial('id').primaryKey(),
    articleId: integer('article_id').notNull().references(() => articles.id, { onDelete: 'cascade' }),
    headline: text('headline').notNull(),
    reason: text('reason').notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }).notNull().defaultNow(),
    staffId: integer('staff_id').references(() => staff.id, { onDelete: 'set null' }),
  },
  (t) => [
    check('article_withdrawals_reason_length', sql`length(${t.reason}) BETWEEN 1 AND 1000`),
    index('article_withdrawals_withdrawn_idx').on(t.withdrawnAt.desc().nullsFirst()),
  ],
);

/** Every path an article has been published under, so old links answer 301 to the current one. */
export const urlHistory = pgTable(
  'url_history',
  {
    path: text('path').primaryKey(),
    articleId: integer('article_id').notNull().references(() => articles.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('url_history_article_idx').on(t.articleId)],
);

export const comments = pgTable(
  'comments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    articleId: integer('article_id').notNull().references(() => articles.id, { onDelete: 'cascade' }),
    parentId: bigint('parent_id', { mode: 'number' }),
    authorName: text('author_name').notNull(),
    /** Never public: not in HTML, RSC payloads, JSON, feeds or info-level logs. */
    authorEmail: text('author_email').notNull(),
    body: text('body').notNull(),
    status: text('status').$type<CommentStatus>().notNull().default('pending'),
    heldReason: text('held_reason'),
    clientAddress: text('client_address'),
    userAgent: text('user_agent'),
    idempotencyKey: text('idempotency_key'),
    depth: integer('depth').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    modifiedAt: timestamp('modified_at', { withTimezone: true }).notNull().defaultNow(),
    /** Ids of the ancestors, top-level comment first ('{}' for a top-level comment). */
    parentPath: bigint('parent_path', { mode: 'number' }).array().notNull().default(sql`'{}'::bigint[]`),
    /** The top-level comment of this thread, and the comment's place in it: keyset pagination in reading order. */
    rootId: bigint('root_id', { mode: 'number' }).generatedAlwaysAs(sql`coalesce(parent_path[1], id)`),
    threadPath: bigint('thread_path', { mode: 'number' }).array().generatedAlwaysAs(sql`parent_path || id`),
  },
  (t) => [
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id], name: 'comments_parent_fk' }).onDelete('cascade'),
    check('comments_status', sql`${t.status} IN ('pending', 'approved', 'spam', 'trash')`),
    check('comments_name_length', sql`octet_length(${t.authorName}) BETWEEN 1 AND 245`),
    check('comments_email_length', sql`octet_length(${t.authorEmail}) BETWEEN 3 AND 100`),
    check('comments_body_length', sql`char_length(${t.body}) BETWEEN 1 AND 5000`),
    uniqueIndex('comments_idempotency_key').on(t.idempotencyKey),
    index('comments_thread_idx').on(t.articleId, t.status, t.createdAt, t.id),
    index('comments_status_idx').on(t.status, t.createdAt),
    index('comments_email_idx').on(sql`lower(${t.authorEmail})`, t.createdAt),
    index('comments_address_idx').on(t.clientAddress, t.createdAt),
    index('comments_created_idx').on(t.createdAt),
    // A thread page, oldest or newest conversation first, replies in order under their parent.
    index('comments_thread_oldest_idx').on(t.articleId, t.rootId, t.threadPath).where(sql`status = 'approved'`),
    index('comments_thread_newest_idx').on(t.articleId, t.rootId.desc().nullsFirst(), t.threadPath).where(sql`status = 'approved'`),
    index('comments_parent_idx').on(t.parentId),
  ],
);

/**
 * A comment the endpoint refused from a reader without JavaScript (a mistake in the form, too soon
 * after the last one, a closed thread…), kept for a short while so the page it redirects to
 * (/comments/not-posted/<token>) can show the reason with everything the reader typed. In the
 * database, not in one process's memory, so any instance can show it. Rows expire within an hour
 * (COMMENT_REFUSED_KEEP_SECONDS) and are deleted soon after (db/mutations/refused-comments.ts).
 */
export const refusedComments = pgTable(
  'refused_comments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** SHA-256 of the token in the page's address; the token itself is only in that address. */
    tokenHash: text('token_hash').notNull(),
    /** The HTTP status the refusal stands for (400, 403, 404, 409, 413, 415, 422 or 429). */
    status: integer('status').notNull(),
    message: text('message').notNull(),
    fieldErrors: jsonb('field_errors').$type<Partial<Record<'name' | 'email' | 'comment' | 'parentId', string>>>().notNull().default({}),
    /** As submitted, so no foreign key: it may name no article at all. */
    articleId: integer('article_id'),
    parentId: text('parent_id').notNull().default(''),
    authorName: text('author_name').notNull().default(''),
    /** Never public: only ever put back into the form of the reader who typed it. */
    authorEmail: text('author_email').notNull().default(''),
    body: text('body').notNull().default(''),
    /** Bounds how many one client can keep at once; gone with the row. */
    clientAddress: text('client_address'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('refused_comments_token_key').on(t.tokenHash),
    index('refused_comments_expires_idx').on(t.expiresAt),
    index('refused_comments_address_idx').on(t.clientAddress, t.id),
  ],
);

/** Staff actions, for admins: who did what, when. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    staffId: integer('staff_id').references(() => staff.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    subject: text('subject').notNull().default(''),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_log_created_idx').on(t.createdAt.desc().nullsFirst())],
);

/** Failed sign-ins, per account and per client address, for throttling (kept in the database so every instance sees them). */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** "account:<lower e-mail>" or "address:<client address>". */
    key: text('key').notNull(),
    succeeded: boolean('succeeded').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_attempts_key_idx').on(t.key, t.createdAt)],
);

/** Secret links that show a draft to someone without an account, until they expire or are revoked. */
export const previewLinks = pgTable(
  'preview_links',
  {
    id: serial('id').primaryKey(),
    articleId: integer('article_id').notNull().references(() => articles.id, { onDelete: 'cascade' }),
    /** SHA-256 of the token; the token itself is only ever shown once, to its creator. */
    tokenHash: text('token_hash').notNull(),
    createdBy: integer('created_by').references(() => staff.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('preview_links_token_key').on(t.tokenHash), index('preview_links_article_idx').on(t.articleId)],
);

/** One-time invitations for new staff, with the role they will have. */
export const staffInvites = pgTable(
  'staff_invites',
  {
    id: serial('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
    role: text('role').$type<StaffRole>().notNull(),
    invitedBy: integer('invited_by').references(() => staff.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('staff_invites_token_key').on(t.tokenHash),
    check('staff_invites_role', sql`${t.role} IN ('admin', 'editor', 'author', 'contributor')`),
  ],
);

/**
 * One-time links that give a way into an account: 'setup' creates the first admin of an empty
 * newsroom (no staff_id), 'reset' sets a new password for staff_id. Only the SHA-256 is stored.
 */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: serial('id').primaryKey(),
    purpose: text('purpose').$type<'setup' | 'reset'>().notNull(),
    tokenHash: text('token_hash').notNull(),
    staffId: integer('staff_id').references(() => staff.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('account_tokens_token_key').on(t.tokenHash),
    index('account_tokens_staff_idx').on(t.staffId),
    check('account_tokens_purpose', sql`${t.purpose} IN ('setup', 'reset')`),
  ],
);

/** Who has an article open in the editor, refreshed by a heartbeat, so others see it. */
export const editSessions = pgTable(
  'edit_sessions',
  {
    articleId: integer('article_id').notNull().references(() => articles.id, { onDelete: 'cascade' }),
    staffId: integer('staff_id').notNull().references(() => staff.id, { onDelete: 'cascade' }),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.staffId] })],
);

/** Banned commenters, by e-mail address or client address. */
export const commentBans = pgTable(
  'comment_bans',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').$type<'email' | 'address'>().notNull(),
    value: text('value').notNull(),
    reason: text('reason').notNull().default(''),
    createdBy: integer('created_by').references(() => staff.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('comment_bans_key').on(t.kind, t.value), check('comment_bans_kind', sql`${t.kind} IN ('email', 'address')`)],
);

/**
 * The invalidation outbox: every change that expires reader pages records its cache tags here, in
 * the transaction that made it, and signals NOTIFY broadsheet_invalidation. Every instance applies
 * the rows in sequence order (server/cache/invalidation-listener.ts) and, after a lost connection,
 * replays those it missed. Rows are kept for a day.
 */
export const invalidations = pgTable(
  'invalidations',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    tags: text('tags').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('invalidations_created_at').on(t.createdAt)],
);

/**
 * Audience figures: how often each article was read, per hour (the hour's start, UTC). Nothing
 * about the reader is stored, here or anywhere (no address, browser, cookie or identifier): a row
 * is an article, an hour and a count. Written in batches (server/views/), kept 90 days
 * (VIEWS_RAW_DAYS), then only the daily totals remain. See docs/decisions/2026-12-01-audience-figures.md.
 */
export const articleViewsHourly = pgTable(
  'article_views_hourly',
  {
    articleId: integer('article_id').notNull().references(() => articles.id, { onDelete: 'cascade' }),
    hour: timestamp('hour', { withTimezone: true }).notNull(),
    views: integer('views').notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.hour] }), index('article_views_hourly_hour_idx').on(t.hour), check('article_views_hourly_positive', sql`${t.views} > 0`)],
);

/** Where readers came from, per hour: the referring site's domain only ('' when none was sent). Kept 90 days. */
export const referrerViewsHourly = pgTable(
  'referrer_views_hourly',
  {
    hour: timestamp('hour', { withTimezone: true }).notNull(),
    domain: text('domain').notNull(),
    views: integer('views').notNull(),
  },
  (t) => [primaryKey({ columns: [t.hour, t.domain] }), check('referrer_views_hourly_positive', sql`${t.views} > 0`), check('referrer_views_hourly_domain', sql`length(${t.domain}) <= 253`)],
);

/** Each article's views per day (the publication's calendar day), kept for ever; rolled up from the hourly rows. */
export const articleViewsDaily = pgTable(
  'article_views_daily',
  {
    articleId: integer('article_id').notNull().references(() => articles.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    views: bigint('views', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.day] }), index('article_views_daily_day_idx').on(t.day)],
);

/** Referring domains per day, kept for ever; rolled up from the hourly rows. */
export const referrerViewsDaily = pgTable(
  'referrer_views_daily',
  {
    day: date('day', { mode: 'string' }).notNull(),
    domain: text('domain').notNull(),
    views: bigint('views', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.domain] })],
);

/**
 * An article that is a live blog: its coverage (start, and end once it is over), the summary shown
 * at the top, how often readers' pages ask for changes (set by editors, sent in every answer, so
 * slowing it slows every reader at once), and a version counter. Every change to an entry takes
 * the next version under this row's lock, so versions commit in order: a reader holding version V
 * has seen every change up to V. `prunedVersion` is the newest version whose deletion records
 * have been forgotten; a reader older than it must start again from the first page.
 */
export const liveBlogs = pgTable(
  'live_blogs',
  {
    articleId: integer('article_id').primaryKey().references(() => articles.id, { onDelete: 'cascade' }),
    coverageStart: timestamp('coverage_start', { withTimezone: true }).notNull().defaultNow(),
    coverageEnd: timestamp('coverage_end', { withTimezone: true }),
    /** Key points, one a line. */
    summary: text('summary').notNull().default(''),
    pollSeconds: integer('poll_seconds').notNull().default(5),
    version: integer('version').notNull().default(0),
    prunedVersion: integer('pruned_version').notNull().default(0),
    ...timestamps,
  },
  (t) => [
    check('live_blogs_poll_seconds', sql`${t.pollSeconds} BETWEEN 2 AND 600`),
    check('live_blogs_summary_length', sql`length(${t.summary}) <= 4000`),
    check('live_blogs_versions', sql`${t.prunedVersion} >= 0 AND ${t.prunedVersion} <= ${t.version}`),
    check('live_blogs_coverage', sql`${t.coverageEnd} IS NULL OR ${t.coverageEnd} >= ${t.coverageStart}`),
  ],
);

/**
 * One entry of a live blog: the same rich text as an article's body, posted at a time, perhaps a
 * key event (with a title for the key-events list) or the pinned entry. Edits keep the entry's
 * place and set editedAt; a deletion keeps the row as a record (deletedAt, body emptied) so
 * readers' pages can be told to remove it, until it is pruned. `version` is the blog's version at
 * the entry's last change.
 */
export const liveEntries = pgTable(
  'live_entries',
  {
    id: serial('id').primaryKey(),
    articleId: integer('article_id').notNull().references(() => liveBlogs.articleId, { onDelete: 'cascade' }),
    title: text('title').notNull().default(''),
    body: jsonb('body').$type<ArticleBody>().notNull(),
    bodyText: text('body_text').notNull().default(''),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull().defaultNow(),
    keyEvent: boolean('key_event').notNull().default(false),
    pinned: boolean('pinned').notNull().default(false),
    /** A correction note shown with the entry ("This entry was corrected: ..."). */
    correction: text('correction'),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    version: integer('version').notNull(),
    createdBy: integer('created_by').references(() => staff.id, { onDelete: 'set null' }),
  },
  (t) => [
    check('live_entries_title_length', sql`length(${t.title}) <= 200`),
    check('live_entries_correction_length', sql`${t.correction} IS NULL OR length(${t.correction}) BETWEEN 1 AND 1000`),
    check('live_entries_deleted_not_pinned', sql`${t.deletedAt} IS NULL OR NOT ${t.pinned}`),
    // The reader pages: a blog's entries newest first, by keyset.
    index('live_entries_page_idx').on(t.articleId, t.postedAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(sql`deleted_at IS NULL`),
    // The update endpoint: what changed after a version.
    index('live_entries_version_idx').on(t.articleId, t.version),
    uniqueIndex('live_entries_one_pinned_key').on(t.articleId).where(sql`pinned`),
  ],
);

/** The staff credited on an entry, in order (several reporters can share one). */
export const liveEntryAuthors = pgTable(
  'live_entry_authors',
  {
    entryId: integer('entry_id').notNull().references(() => liveEntries.id, { onDelete: 'cascade' }),
    staffId: integer('staff_id').notNull().references(() => staff.id, { onDelete: 'restrict' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.staffId] }), index('live_entry_authors_staff_idx').on(t.staffId)],
);

/**
 * The editors' choices for the front page and the sections: a story pinned as the front page's lead
 * (no section, position 0) or among a section's top stories (its section, positions 0-3, in
 * order). A pin stays until removed or until `expiresAt`. Readers' queries join the story with
 * the "published and due" condition, so a withdrawn, unpublished or not-yet-due story drops out
 * of its slot at once, and a section pin counts only while the story is still in that section.
 */
export const frontPagePins = pgTable(
  'front_page_pins',
  {
    id: serial('id').primaryKey(),
    sectionId: integer('section_id').references(() => sections.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    articleId: integer('article_id').notNull().references(() => articles.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    pinnedBy: integer('pinned_by').references(() => staff.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('front_page_pins_story_key').on(t.sectionId, t.articleId).nullsNotDistinct(),
    // One lead at most: the lead is the only pin without a section, always at position 0.
    uniqueIndex('front_page_pins_one_lead_key').on(t.position).where(sql`section_id IS NULL`),
    check('front_page_pins_position', sql`${t.position} BETWEEN 0 AND 3 AND (${t.sectionId} IS NOT NULL OR ${t.position} = 0)`),
    index('front_page_pins_section_idx').on(t.sectionId, t.position),
  ],
);

/**
 * The breaking-news strip: a line of text and an optional link (an http(s) address or a site
 * path), shown on the front page until `endsAt`, or until an editor ends it early (`endedAt`).
 * Rows are kept as a record; the strip shown is the newest row still running.
 */
export const breakingNews = pgTable(
  'breaking_news',
  {
    id: serial('id').primaryKey(),
    text: text('text').notNull(),
    href: text('href'),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    createdBy: integer('created_by').references(() => staff.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('breaking_news_text_length', sql`length(${t.text}) BETWEEN 1 AND 200`),
    check('breaking_news_href', sql`${t.href} IS NULL OR (length(${t.href}) <= 500 AND (${t.href} ~ '^https?://' OR ${t.href} ~ '^/([^/]|$)'))`),
    index('breaking_news_running_idx').on(t.endsAt).where(sql`ended_at IS NULL`),
  ],
);

export const sectionsRelations = relations(sections, ({ many }) => ({ articles: many(articles) }));
export const articlesRelations = relations(articles, ({ one, many }) => ({
  section: one(sections, { fields: [articles.sectionId], references: [sections.id] }),
  featuredImage: one(media, { fields: [articles.featuredImageId], references: [media.id] }),
  authors: many(articleAuthors),
  tags: many(articleTags),
  corrections: many(corrections),
  comments: many(comments),
}));
export const articleAuthorsRelations = relations(articleAuthors, ({ one }) => ({
  article: one(articles, { fields: [articleAuthors.articleId], references: [articles.id] }),
  staff: one(staff, { fields: [articleAuthors.staffId], references: [staff.id] }),
}));
export const articleTagsRelations = relations(articleTags, ({ one }) => ({
  article: one(articles, { fields: [articleTags.articleId], references: [articles.id] }),
  tag: one(tags, { fields: [articleTags.tagId], references: [tags.id] }),
}));

/**
 * One import of a WordPress export (docs/decisions/2026-12-01-wordpress-import.md): its files, the
 * mapping chosen for authors and categories, and where it has got to. The job checkpoints here in
 * the same transaction as the rows it writes, so a run stopped at any moment resumes where it
 * stopped. `source` is the WordPress site's own address; everything imported from it is keyed by it.
 */
export const importRuns = pgTable(
  'import_runs',
  {
    id: serial('id').primaryKey(),
    source: text('source').notNull(),
    files: text('files').array().notNull(),
    uploadsDir: text('uploads_dir'),
    /** The mapping (authors, categories, pingbacks) the dry run proposed and the person confirmed. */
    options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
    /** 'pending', 'running', 'done', 'failed'. */
    status: text('status').notNull().default('pending'),
    /** The pass the job is in ('media', 'posts', 'verify', 'done') and how many items of it are done. */
    phase: text('phase').notNull().default('media'),
    checkpoint: integer('checkpoint').notNull().default(0),
    counts: jsonb('counts').$type<Record<string, number>>().notNull().default({}),
    /** The dry run's report, then the verification report. */
    plan: jsonb('plan').$type<Record<string, unknown>>().notNull().default({}),
    report: jsonb('report').$type<Record<string, unknown>>().notNull().default({}),
    error: text('error'),
    /** A running job renews this lease; a job whose lease ran out was stopped and may be resumed. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    startedBy: integer('started_by').references(() => staff.id, { onDelete: 'set null' }),
    ...timestamps,
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    check('import_runs_status', sql`${t.status} IN ('pending', 'running', 'done', 'failed')`),
    index('import_runs_created_idx').on(t.createdAt.desc().nullsFirst()),
  ],
);

/**
 * What each WordPress thing became: (site, kind, WordPress id) → the new row's id, with its old
 * address and the notes made converting it. A re-run finds its earlier rows here and updates them.
 * Kinds: author, category, tag, attachment, upload (a file by its path under uploads/), post, page, comment.
 */
export const importItems = pgTable(
  'import_items',
  {
    source: text('source').notNull(),
    kind: text('kind').notNull(),
    wpKey: text('wp_key').notNull(),
    targetId: bigint('target_id', { mode: 'number' }),
    runId: integer('run_id').references(() => importRuns.id, { onDelete: 'set null' }),
    oldUrl: text('old_url'),
    notes: jsonb('notes').$type<{ code: string; detail: string }[]>().notNull().default([]),
    modifiedAt: timestamp('modified_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.source, t.kind, t.wpKey] }), index('import_items_run_idx').on(t.runId, t.kind)],
);

/**
 * Old addresses that answer 301: a moved site's permalinks, ?p=<id> links, old slugs, archives,
 * attachment pages and feeds. The target is a row, not a fixed URL, so a redirect follows the
 * article when its own address changes later. Query-string forms are stored as '/?p=12'.
 */
export const redirects = pgTable(
  'redirects',
  {
    path: text('path').primaryKey(),
    targetKind: text('target_kind').notNull(),
    targetId: integer('target_id'),
    source: text('source').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('redirects_target_kind', sql`${t.targetKind} IN ('article', 'section', 'topic', 'author', 'media', 'home', 'feed-site', 'feed-section', 'feed-topic', 'feed-author', 'feed-comments')`),
    index('redirects_target_idx').on(t.targetKind, t.targetId),
  ],
);
