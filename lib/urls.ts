import { dateFormat } from './dates';

// Reader URLs. An article lives at /{section}/{yyyy}/{mm}/{dd}/{slug}: readable, with its section,
// and dated by its first publication (in the publication's time zone) so the date never moves.

export type ArticlePathParts = { sectionSlug: string; slug: string; firstPublishedAt: Date };

export function datePartsInZone(date: Date, timeZone: string): { yyyy: string; mm: string; dd: string } {
  const parts = dateFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { yyyy: get('year'), mm: get('month'), dd: get('day') };
}

export function articlePath(article: ArticlePathParts, timeZone: string): string {
  const { yyyy, mm, dd } = datePartsInZone(article.firstPublishedAt, timeZone);
  return `/${article.sectionSlug}/${yyyy}/${mm}/${dd}/${article.slug}`;
}

export const sectionPath = (slug: string) => `/${slug}`;
export const authorPath = (slug: string) => `/author/${slug}`;
export const tagPath = (slug: string) => `/tag/${slug}`;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** True for a slug as the database allows it; anything else cannot exist, so it is a 404 before any query. */
export const isSlug = (value: string) => value.length <= 120 && SLUG.test(value);

/** Parses an article path; null when it cannot be one. */
export function parseArticlePath(pathname: string): { sectionSlug: string; yyyy: string; mm: string; dd: string; slug: string } | null {
  const m = /^\/([a-z0-9-]{1,120})\/(\d{4})\/(\d{2})\/(\d{2})\/([a-z0-9-]{1,120})\/?$/.exec(pathname);
  if (!m) return null;
  const [, sectionSlug, yyyy, mm, dd, slug] = m as unknown as [string, string, string, string, string, string];
  if (!isSlug(sectionSlug) || !isSlug(slug)) return null;
  return { sectionSlug, yyyy, mm, dd, slug };
}

/** A URL-safe slug from a headline: "Tide turns at Port Ellery" → "tide-turns-at-port-ellery". */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/g, '') || 'untitled';
}
