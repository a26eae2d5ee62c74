// The publication archive's format ("broadsheet-archive", version 1): the manifest and one zod
// schema per JSON Lines file, shared by the exporter and the importer (server/archive/) and the
// import's writes (db/mutations/publication-archive.ts). Every file, what is in it and what is
// left out: docs/decisions/2026-12-02-publication-export.md.
//
// Ids in the archive are the exporting database's own. They tie the lines together (an article's
// sectionId is a line of sections.jsonl) and are never written into the importing database as
// they are: the importer gives every row a new id and keeps the mapping.
import { z } from 'zod';
import { articleBodySchema } from './article-body';
import { ARTICLE_STATUSES, COMMENT_MODES, COMMENT_POLICIES, COMMENT_STATUSES, CORRECTION_KINDS, STAFF_ROLES } from './domain';

export const ARCHIVE_FORMAT = 'broadsheet-archive';
export const ARCHIVE_VERSION = 1;

/** The JSON Lines files, in the order they are written and imported (a line refers only to files before it). */
export const ARCHIVE_KINDS = [
  'settings',
  'staff',
  'sections',
  'topics',
  'media',
  'articles',
  'revisions',
  'corrections',
  'withdrawals',
  'url-history',
  'comments',
  'live-blogs',
  'live-entries',
  'redirects',
  'comment-bans',
] as const;
export type ArchiveKind = (typeof ARCHIVE_KINDS)[number];

export const archiveFileName = (kind: ArchiveKind) => `${kind}.jsonl`;
/** Media files sit under this folder of the archive by their store key: files/2026/11/abc.jpg. */
export const ARCHIVE_FILES_DIR = 'files';

const id = z.number().int().positive();
const ts = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const tsOrNull = ts.nullable();
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'not a slug (lower-case letters, digits and hyphens)').max(120);
/** A media URL as stored: /media/yyyy/mm/file.ext for uploads, or a path under public/ for pictures every install has. */
const mediaSrc = z.string().regex(/^\/[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'not a site path').refine((s) => !s.split('/').includes('..'), 'a path may not contain ..');

export const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.number().int().positive(),
  /** How many schema migrations the exporting database had applied. */
  schemaMigrations: z.number().int().nonnegative(),
  createdAt: ts,
  /**
   * The exporting publication: its name, its SITE_URL, and a key made of that address and when the
   * publication began, which the importer's mapping is kept under (two sites, one address apart).
   */
  source: z.object({ name: z.string(), siteUrl: z.string().min(1), key: z.string().min(1).max(200) }),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  /** Media files in files/, by count and total bytes, and the paths the exporting store did not have. */
  files: z.object({ count: z.number().int().nonnegative(), bytes: z.number().int().nonnegative(), missing: z.array(mediaSrc).default([]) }),
});
export type ArchiveManifest = z.infer<typeof manifestSchema>;
/** The manifest as written (dates as strings). */
export type ArchiveManifestJson = z.input<typeof manifestSchema>;

const settingsLine = z.object({
  name: z.string().min(1),
  tagline: z.string(),
  description: z.string(),
  locale: z.string(),
  timeZone: z.string(),
  staffEmailFormula: z.string(),
  commentPolicy: z.enum(COMMENT_POLICIES),
  commentsCloseAfterDays: z.number().int(),
  commentMaxDepth: z.number().int().min(1).max(10),
  commentLinkLimit: z.number().int(),
  moderationWords: z.array(z.string()),
  blockedWords: z.array(z.string()),
  blockingChecks: z.array(z.string()),
});

// Staff: who they are and what they may do. Never a password hash, a session version or a token
// (the schema is strict, so a line carrying one is refused rather than imported).
const staffLine = z.strictObject({
  id,
  slug,
  name: z.string().min(1).max(120),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().min(3).max(320),
  emailOverride: z.boolean(),
  bio: z.string(),
  jobTitle: z.string(),
  role: z.enum(STAFF_ROLES),
  active: z.boolean(),
  createdAt: ts,
  modifiedAt: ts,
});

const sectionLine = z.object({ id, slug, name: z.string().min(1).max(80), description: z.string(), position: z.number().int(), createdAt: ts, modifiedAt: ts });
const topicLine = z.object({ id, slug, name: z.string().min(1).max(80), description: z.string(), createdAt: ts, modifiedAt: ts });

const variant = z.object({ width: z.number().int().positive(), src: mediaSrc, type: z.string().optional(), height: z.number().int().positive().optional(), bytes: z.number().int().nonnegative().optional() });
const fraction = z.number().min(0).max(1.000001);
const mediaLine = z.object({
  id,
  src: mediaSrc,
  mimeType: z.string().min(1),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().nonnegative(),
  alt: z.string().max(500),
  caption: z.string(),
  credit: z.string(),
  variants: z.array(variant),
  focalX: z.number().min(0).max(100).nullable(),
  focalY: z.number().min(0).max(100).nullable(),
  /** The editor's crop (fractions of the original) and the file cut to it, when the exporting schema has crops. */
  crop: z.object({ x: fraction, y: fraction, w: fraction, h: fraction, src: mediaSrc }).nullable().default(null),
  uploadedBy: id.nullable(),
  createdAt: ts,
  modifiedAt: ts,
});

const articleLine = z.object({
  id,
  slug,
  path: z.string().nullable(),
  headline: z.string().min(1).max(300),
  standfirst: z.string().max(1000),
  body: articleBodySchema,
  bodyText: z.string(),
  status: z.enum(ARTICLE_STATUSES),
  sectionId: id.nullable(),
  firstPublishedAt: tsOrNull,
  publishedAt: tsOrNull,
  updatedAt: tsOrNull,
  embargoUntil: tsOrNull,
  withdrawnAt: tsOrNull,
  featuredImageId: id.nullable(),
  featuredAlt: z.string().nullable(),
  featuredCaption: z.string().nullable(),
  featuredCredit: z.string().nullable(),
  seoTitle: z.string().nullable(),
  seoDescription: z.string().nullable(),
  canonicalUrl: z.string().nullable(),
  commentMode: z.enum(COMMENT_MODES),
  commentsCloseAt: tsOrNull,
  bylineText: z.string().nullable(),
  wireInitials: z.string().nullable(),
  wireAgencies: z.array(z.string()),
  version: z.number().int().positive(),
  createdBy: id.nullable(),
  /** The byline's staff, in order (article_authors). */
  authorIds: z.array(id),
  /** The article's topics (article_tags). */
  topicIds: z.array(id),
  createdAt: ts,
  modifiedAt: ts,
});

const revisionLine = z.object({ id, articleId: id, version: z.number().int().positive(), snapshot: z.record(z.string(), z.unknown()), staffId: id.nullable(), createdAt: ts });
const correctionLine = z.object({ id, articleId: id, kind: z.enum(CORRECTION_KINDS), body: z.string().min(1).max(2000), publishedAt: ts, staffId: id.nullable() });
const withdrawalLine = z.object({ id, articleId: id, headline: z.string(), reason: z.string().min(1).max(1000), withdrawnAt: ts, staffId: id.nullable() });
const urlHistoryLine = z.object({ path: z.string().startsWith('/'), articleId: id, createdAt: ts });
// Commenters' e-mail addresses are in the archive (moderation needs them): it is personal data.
// Their network addresses and browsers are not.
const commentLine = z.object({
  id,
  articleId: id,
  parentId: id.nullable(),
  authorName: z.string().min(1),
  authorEmail: z.string().min(3).max(100),
  body: z.string().min(1).max(5000),
  status: z.enum(COMMENT_STATUSES),
  heldReason: z.string().nullable(),
  depth: z.number().int().nonnegative(),
  createdAt: ts,
  modifiedAt: ts,
});
const liveBlogLine = z.object({ articleId: id, coverageStart: ts, coverageEnd: tsOrNull, summary: z.string().max(4000), pollSeconds: z.number().int().min(2).max(600), createdAt: ts, modifiedAt: ts });
const liveEntryLine = z.object({
  id,
  articleId: id,
  title: z.string().max(200),
  body: articleBodySchema,
  bodyText: z.string(),
  postedAt: ts,
  keyEvent: z.boolean(),
  pinned: z.boolean(),
  correction: z.string().nullable(),
  editedAt: tsOrNull,
  deletedAt: tsOrNull,
  createdBy: id.nullable(),
  authorIds: z.array(id),
});
export const REDIRECT_KINDS = ['article', 'section', 'topic', 'author', 'media', 'home', 'feed-site', 'feed-section', 'feed-topic', 'feed-author', 'feed-comments'] as const;
const redirectLine = z.object({ path: z.string().startsWith('/'), targetKind: z.enum(REDIRECT_KINDS), targetId: z.number().int().nullable(), source: z.string(), createdAt: ts });
const commentBanLine = z.object({ kind: z.enum(['email', 'address']), value: z.string().min(1), reason: z.string(), createdBy: id.nullable(), createdAt: ts });

export const archiveLineSchemas = {
  settings: settingsLine,
  staff: staffLine,
  sections: sectionLine,
  topics: topicLine,
  media: mediaLine,
  articles: articleLine,
  revisions: revisionLine,
  corrections: correctionLine,
  withdrawals: withdrawalLine,
  'url-history': urlHistoryLine,
  comments: commentLine,
  'live-blogs': liveBlogLine,
  'live-entries': liveEntryLine,
  redirects: redirectLine,
  'comment-bans': commentBanLine,
} satisfies Record<ArchiveKind, z.ZodType>;

/** A line as the importer has it (dates as Date). */
export type ArchiveRow<K extends ArchiveKind> = z.output<(typeof archiveLineSchemas)[K]>;
/** A line as the exporter writes it (dates may be Date: JSON.stringify makes them ISO strings). */
export type ArchiveLine<K extends ArchiveKind> = z.input<(typeof archiveLineSchemas)[K]> | { [P in keyof ArchiveRow<K>]: ArchiveRow<K>[P] };

/** Which archive kind a redirect's target id refers to (null: it has none). */
export function redirectTargetKind(kind: (typeof REDIRECT_KINDS)[number]): 'articles' | 'sections' | 'topics' | 'staff' | 'media' | null {
  switch (kind) {
    case 'article':
    case 'feed-comments':
      return 'articles';
    case 'section':
    case 'feed-section':
      return 'sections';
    case 'topic':
    case 'feed-topic':
      return 'topics';
    case 'author':
    case 'feed-author':
      return 'staff';
    case 'media':
      return 'media';
    default:
      return null;
  }
}

/** Rewrites every media path an article body shows (its image blocks), so the importer can rewrite the ones it had to rename. */
export function rewriteBodySrcs<T>(body: T, rename: (src: string) => string): T {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(node)) out[k] = walk(v);
      const attrs = out.attrs as Record<string, unknown> | undefined;
      if (out.type === 'image' && attrs && typeof attrs.src === 'string') out.attrs = { ...attrs, src: rename(attrs.src) };
      return out;
    }
    return node;
  };
  return walk(body) as T;
}

/** A bad archive: names the file inside it (and the line, for a JSON Lines file) and what is wrong. */
export class ArchiveError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly problem: string,
  ) {
    super(`${file}${line ? `, line ${line}` : ''}: ${problem}`);
    this.name = 'ArchiveError';
  }
}

/** One line's place in the archive, for messages. */
export type LinePlace = { file: string; line: number };

/** JSON with object keys sorted, so two documents compare equal whatever order their keys came in. */
export function canonicalJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])]));
    return v;
  };
  return JSON.stringify(sort(value));
}
