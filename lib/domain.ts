// The newsroom's vocabulary: every status, role and mode the product knows. The database schema
// (db/schema.ts) builds its columns and checks from these lists, and client code can import them
// without pulling in drizzle.

export const ARTICLE_STATUSES = ['draft', 'in_review', 'scheduled', 'published', 'withdrawn'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];
export const STAFF_ROLES = ['admin', 'editor', 'author', 'contributor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const COMMENT_STATUSES = ['pending', 'approved', 'spam', 'trash'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];
export const COMMENT_MODES = ['open', 'moderated', 'closed'] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];
export const CORRECTION_KINDS = ['correction', 'clarification', 'update'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];
export const COMMENT_POLICIES = ['hold_all', 'hold_first', 'publish_all'] as const;
export type CommentPolicy = (typeof COMMENT_POLICIES)[number];
