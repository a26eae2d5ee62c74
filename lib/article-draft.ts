// What the newsroom editor sends when it saves an article, and how it is checked. Shared by the
// editor (client) and the save action (server): the server always validates again.
import { z } from 'zod';
import { articleBodySchema } from './article-body';
import type { CommentMode } from './domain';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Repeated from db/schema.ts (a type check keeps them equal) so the editor's bundle needs no drizzle.
const COMMENT_MODES = ['open', 'moderated', 'closed'] as const satisfies readonly CommentMode[];

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null);

const isoOrNull = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === '') return null;
    const d = new Date(v);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'Enter a valid date and time.' });
      return z.NEVER;
    }
    return d.toISOString();
  })
  .nullable()
  .default(null);

export const articleDraftSchema = z
  .object({
    headline: z.string().trim().min(1, 'Give the article a headline.').max(300, 'Headlines can be at most 300 characters.'),
    standfirst: z.string().trim().max(1000, 'The standfirst can be at most 1,000 characters.').default(''),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .max(120, 'The slug can be at most 120 characters.')
      .regex(SLUG, 'Use lower-case letters, digits and single hyphens, like "harbour-wall-holds".'),
    sectionId: z.coerce.number().int().positive().nullable().default(null),
    tags: z.array(z.string().trim().min(1).max(80, 'Tags can be at most 80 characters.')).max(30, 'At most 30 tags.').default([]),
    authorIds: z.array(z.coerce.number().int().positive()).max(12, 'At most 12 authors.').default([]),
    bylineText: optionalText(200, 'The collective byline'),
    wireInitials: optionalText(40, 'The initials'),
    wireAgencies: z.array(z.string().trim().min(1).max(60)).max(10).default([]),
    featuredImageId: z.coerce.number().int().positive().nullable().default(null),
    featuredAlt: optionalText(500, 'The alt text'),
    featuredCaption: optionalText(1000, 'The caption'),
    featuredCredit: optionalText(200, 'The credit'),
    body: articleBodySchema,
    seoTitle: optionalText(200, 'The SEO title'),
    seoDescription: optionalText(500, 'The description'),
    canonicalUrl: z
      .string()
      .trim()
      .max(2000)
      .refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v) || /^\/(?!\/)/.test(v), 'Use a full http(s) address or a path on this site.')
      .transform((v) => (v === '' ? null : v))
      .nullable()
      .default(null),
    commentMode: z.enum(COMMENT_MODES).default('open'),
    commentsCloseAt: isoOrNull,
    embargoUntil: isoOrNull,
  })
  .refine((d) => new Set(d.authorIds).size === d.authorIds.length, { path: ['authorIds'], message: 'An author is listed twice.' });

export type ArticleDraft = z.output<typeof articleDraftSchema>;

/** The first message for each field, for forms. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    out[key] ??= issue.path[0] === 'body' ? 'The article body cannot be saved: ' + issue.message : issue.message;
  }
  return out;
}

/** The article's own columns the editor edits, as a database row holds them (dates as dates). */
export type ArticleDraftColumns = Omit<ArticleDraft, 'tags' | 'authorIds' | 'commentsCloseAt' | 'embargoUntil'> & {
  commentsCloseAt: Date | null;
  embargoUntil: Date | null;
};

/**
 * An article row, with its tag names and its authors in byline order, in the shape the editor
 * edits. Copied field by field: a row carries more than a draft (status, paths, body text), and
 * the draft goes to the browser and into revisions.
 */
export function draftFromArticle(row: ArticleDraftColumns, related: { tags: string[]; authorIds: number[] }): ArticleDraft {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    headline: row.headline,
    standfirst: row.standfirst,
    slug: row.slug,
    sectionId: row.sectionId,
    tags: related.tags,
    authorIds: related.authorIds,
    bylineText: row.bylineText,
    wireInitials: row.wireInitials,
    wireAgencies: row.wireAgencies,
    featuredImageId: row.featuredImageId,
    featuredAlt: row.featuredAlt,
    featuredCaption: row.featuredCaption,
    featuredCredit: row.featuredCredit,
    body: row.body,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    canonicalUrl: row.canonicalUrl,
    commentMode: row.commentMode,
    commentsCloseAt: iso(row.commentsCloseAt),
    embargoUntil: iso(row.embargoUntil),
  };
}
