// How WordPress's things map onto Broadsheet's: statuses, authors, categories, slugs, and the old
// addresses that must answer 301. Pure rules, shared by the dry run, the job and the dashboard.
import type { ArticleStatus, CommentStatus } from '../domain';
import { isInternalPath, isReservedTopLevelPath } from '../site-paths';
import { slugify } from '../urls';
import { parseWpGmtDate, type WxrItem, type WxrSite, type WxrTerm } from './wxr';

/** What an author of the export becomes: an existing staff member, new inactive staff, or a byline only. */
export type AuthorChoice = { as: 'staff'; staffId: number } | { as: 'new' } | { as: 'byline'; name: string };
/** What a category becomes. A sub-category may be its own section or a topic. */
export type CategoryChoice = 'section' | 'topic';

export type ImportOptions = {
  authors: Record<string, AuthorChoice>;
  categories: Record<string, CategoryChoice>;
  /** The section of posts none of whose categories is a section (WordPress's "Uncategorized"). */
  defaultSection: string;
  /** The section WordPress pages are published in (Broadsheet has no free-standing pages). */
  pagesSection: string;
  /** Pingbacks and trackbacks: listed in the report only ('report'), or not at all ('skip'). */
  pingbacks: 'report' | 'skip';
};

export const DEFAULT_PAGES_SECTION = 'info';

/** WordPress's post status as Broadsheet's. Private and trashed posts are never published. */
export function statusFor(item: Pick<WxrItem, 'status'>): ArticleStatus {
  switch (item.status) {
    case 'publish':
      return 'published';
    case 'future':
      return 'scheduled';
    case 'pending':
      return 'in_review';
    default:
      return 'draft';
  }
}

/** When a post was (or is to be) published: the GMT date, else the feed date, else the local one. */
export function publicationDate(item: Pick<WxrItem, 'dateGmt' | 'pubDate' | 'date'>): Date | null {
  const gmt = parseWpGmtDate(item.dateGmt);
  if (gmt) return gmt;
  const feed = item.pubDate ? new Date(item.pubDate) : null;
  if (feed && !Number.isNaN(feed.getTime()) && feed.getUTCFullYear() > 1970) return feed;
  return parseWpGmtDate(item.date);
}

/** The status an item is imported with: a password-protected post, or a published one with no date, stays a draft. */
export function effectiveStatus(item: Pick<WxrItem, 'status' | 'password' | 'dateGmt' | 'pubDate' | 'date'>): ArticleStatus {
  const status = statusFor(item);
  if (item.password) return 'draft';
  if ((status === 'published' || status === 'scheduled') && !publicationDate(item)) return 'draft';
  return status;
}

export function commentStatusFor(approved: string): CommentStatus {
  if (approved === '1' || approved === 'approve') return 'approved';
  if (approved === 'spam') return 'spam';
  if (approved === 'trash' || approved === 'post-trashed') return 'trash';
  return 'pending';
}

export const isPingback = (type: string) => type === 'pingback' || type === 'trackback';

/** The item types the import carries over as articles. */
export const isArticleItem = (item: Pick<WxrItem, 'type'>) => item.type === 'post' || item.type === 'page';

/**
 * A slug Broadsheet accepts, from WordPress's (which may be percent-encoded UTF-8, or carry
 * "__trashed"), or from the title when WordPress never gave one (drafts).
 */
export function articleSlugFor(item: Pick<WxrItem, 'slug' | 'title' | 'id'>): string {
  let raw = item.slug.replace(/__trashed(-\d+)?$/, '');
  try {
    raw = decodeURIComponent(raw);
  } catch {
    // Not valid percent-encoding: use it as it is.
  }
  const slug = slugify(raw || item.title, 110);
  return slug === 'untitled' && !raw && !item.title ? `post-${item.id}` : slug;
}

/** A section slug that no route of the site answers already (a category called "search" gets "search-news"). */
export function sectionSlugFor(categorySlug: string): string {
  const slug = slugify(decodeSafe(categorySlug), 100);
  return isReservedTopLevelPath(slug) || isInternalPath(slug) ? `${slug}-news` : slug;
}

export const topicSlugFor = (termSlug: string) => slugify(decodeSafe(termSlug), 100);

function decodeSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Each category with its depth, parents before children, for the dry run's tree. */
export function categoryTree(terms: WxrTerm[]): { slug: string; name: string; depth: number; parentSlug: string }[] {
  const cats = terms.filter((t) => t.taxonomy === 'category');
  const bySlug = new Map(cats.map((c) => [c.slug, c]));
  const children = new Map<string, WxrTerm[]>();
  for (const c of cats) {
    const parent = c.parentSlug && bySlug.has(c.parentSlug) ? c.parentSlug : '';
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const out: { slug: string; name: string; depth: number; parentSlug: string }[] = [];
  const walk = (parent: string, depth: number, seen: Set<string>) => {
    for (const c of children.get(parent) ?? []) {
      if (seen.has(c.slug)) continue;
      seen.add(c.slug);
      out.push({ slug: c.slug, name: c.name, depth, parentSlug: parent });
      walk(c.slug, depth + 1, seen);
    }
  };
  walk('', 0, new Set());
  return out;
}

/** The default mapping the dry run proposes: top-level categories are sections, sub-categories topics. */
export function defaultCategoryChoices(terms: WxrTerm[]): Record<string, CategoryChoice> {
  const out: Record<string, CategoryChoice> = {};
  for (const c of categoryTree(terms)) out[c.slug] = c.depth === 0 ? 'section' : 'topic';
  return out;
}

/**
 * The section a post files under: its first category that is a section, else the nearest ancestor
 * of one of its categories that is, else the default section.
 */
export function sectionCategoryFor(categorySlugs: string[], terms: Map<string, WxrTerm>, choices: Record<string, CategoryChoice>): string | null {
  for (const slug of categorySlugs) if (choices[slug] === 'section') return slug;
  for (const slug of categorySlugs) {
    const seen = new Set<string>();
    let parent = terms.get(slug)?.parentSlug;
    while (parent && !seen.has(parent)) {
      seen.add(parent);
      if (choices[parent] === 'section') return parent;
      parent = terms.get(parent)?.parentSlug;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Old addresses

/**
 * The form every old address is stored and looked up in: the path without its trailing slash
 * (WordPress writes one, readers often drop it), percent-escapes in upper case, no query unless it
 * is one of WordPress's own (?p=, ?page_id=, …), which is kept as the one parameter that counts.
 */
export function normalizeOldPath(pathname: string, search = ''): string {
  let path = pathname.replace(/\/{2,}/g, '/').replace(/%[0-9a-f]{2}/gi, (e) => e.toUpperCase());
  if (path.length > 1) path = path.replace(/\/+$/, '');
  if (path === '/index.php') path = '/';
  // An image's sized copies (photo-1024x683.jpg) answer with the original's redirect.
  if (path.includes('/wp-content/uploads/')) path = path.replace(/-\d+x\d+(?=\.[a-z0-9]+$)/i, '').replace(/-scaled(?=\.[a-z0-9]+$)/i, '');
  const query = wordpressQuery(search);
  return query ? `${path}?${query}` : path || '/';
}

const WP_QUERY_KEYS = ['p', 'page_id', 'attachment_id', 'cat', 'tag', 'author', 'feed'] as const;

/** The one WordPress query parameter of a search string that names a thing ("p=12"), or null. */
export function wordpressQuery(search: string): string | null {
  if (!search || search === '?') return null;
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  for (const key of WP_QUERY_KEYS) {
    const value = params.get(key);
    if (value && value.length <= 200) return `${key}=${encodeURIComponent(value)}`;
  }
  return null;
}

// The site's own folders: no old address of a moved site is looked up under them.
const NEVER_OLD = new Set(['', 'api', 'dashboard', 'signin', 'search', '_next', 'media', 'feeds', 'preview', 'og', 'sitemaps', 'edition', 'missing', 'withdrawn', 'unavailable', 'pages', 'demo', 'icons']);

/** Whether a path could be an old address worth looking up in the redirects (never the site's own folders). */
export function mayBeOldAddress(pathname: string): boolean {
  return pathname.length <= 1000 && !NEVER_OLD.has(pathname.split('/')[1] ?? '');
}

/** The path of an old address on the old site, or null for an address on another site. */
export function oldPathOf(url: string, site: Pick<WxrSite, 'baseSiteUrl' | 'baseBlogUrl' | 'link'>): string | null {
  const bases = [site.baseBlogUrl, site.baseSiteUrl, site.link].filter(Boolean);
  let parsed: URL;
  try {
    parsed = new URL(url, bases[0] || 'http://localhost');
  } catch {
    return null;
  }
  const host = (u: string) => {
    try {
      return new URL(u).hostname.replace(/^www\./, '');
    } catch {
      return '';
    }
  };
  if (bases.length && !bases.some((b) => host(b) === parsed.hostname.replace(/^www\./, ''))) return null;
  return normalizeOldPath(parsed.pathname, parsed.search);
}

/** Where the blog's archives live: the path of base_blog_url ('' at the root, '/news' under a folder). */
export function blogBasePath(site: Pick<WxrSite, 'baseBlogUrl' | 'baseSiteUrl'>): string {
  try {
    return new URL(site.baseBlogUrl || site.baseSiteUrl).pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

export type OldAddress = { path: string; kind: 'permalink' | 'shortlink' | 'old-slug' | 'feed' };

/**
 * Every address a post or page answered at on WordPress: its permalink (the export's <link>), its
 * ?p= or ?page_id= shortlink (and the GUID when it is one), one per old slug (the permalink with
 * the slug swapped), and its comment feed.
 */
export function oldAddressesOfItem(item: Pick<WxrItem, 'id' | 'link' | 'guid' | 'type' | 'slug' | 'meta'>, site: WxrSite): OldAddress[] {
  const out: OldAddress[] = [];
  const add = (path: string | null, kind: OldAddress['kind']) => {
    if (path && path !== '/' && !out.some((o) => o.path === path)) out.push({ path, kind });
  };
  const permalink = item.link ? oldPathOf(item.link, site) : null;
  add(permalink, 'permalink');
  const base = blogBasePath(site);
  add(normalizeOldPath(`${base}/`, item.type === 'page' ? `page_id=${item.id}` : `p=${item.id}`), 'shortlink');
  if (item.type === 'page') add(normalizeOldPath(`${base}/`, `p=${item.id}`), 'shortlink');
  if (item.guid) add(oldPathOf(item.guid, site), 'shortlink');
  if (permalink && !permalink.includes('?')) {
    const slug = permalink.split('/').at(-1) ?? '';
    for (const old of item.meta.filter((m) => m.key === '_wp_old_slug').map((m) => m.value.trim())) {
      if (old && slug && old !== slug) add(`${permalink.slice(0, permalink.length - slug.length)}${old}`, 'old-slug');
    }
    add(`${permalink}/feed`, 'feed');
  }
  return out;
}

/** The archive addresses of a category, tag or author, and their feeds. */
export function archiveAddresses(kind: 'category' | 'tag' | 'author', slugPath: string, id: number | null, site: WxrSite): OldAddress[] {
  const base = blogBasePath(site);
  const prefix = kind === 'category' ? 'category' : kind === 'tag' ? 'tag' : 'author';
  const path = normalizeOldPath(`${base}/${prefix}/${slugPath}`);
  const out: OldAddress[] = [
    { path, kind: 'permalink' },
    { path: `${path}/feed`, kind: 'feed' },
  ];
  if (kind === 'category' && id) out.push({ path: normalizeOldPath(`${base}/`, `cat=${id}`), kind: 'shortlink' });
  if (kind === 'tag') out.push({ path: normalizeOldPath(`${base}/`, `tag=${slugPath}`), kind: 'shortlink' });
  if (kind === 'author' && id) out.push({ path: normalizeOldPath(`${base}/`, `author=${id}`), kind: 'shortlink' });
  return out;
}

/** The site's own feeds on WordPress. */
export function siteFeedAddresses(site: WxrSite): string[] {
  const base = blogBasePath(site);
  return [`${base}/feed`, `${base}/feed/rss2`, `${base}/feed/atom`, `${base}/feed/rss`, `${base}/rss`, `${base}/comments/feed`].map((p) => normalizeOldPath(p)).concat(normalizeOldPath(`${base}/`, 'feed=rss2'));
}

/** The old address of an upload ("2024/03/photo.jpg" → /wp-content/uploads/2024/03/photo.jpg, under the site's folder). */
export function uploadAddress(relative: string, site: Pick<WxrSite, 'baseSiteUrl' | 'baseBlogUrl'>): string {
  let base = '';
  try {
    base = new URL(site.baseSiteUrl || site.baseBlogUrl).pathname.replace(/\/+$/, '');
  } catch {
    // no base: the root
  }
  return normalizeOldPath(`${base}/wp-content/uploads/${relative.split('/').map(encodeURIComponent).join('/')}`);
}

/** The path of an upload under wp-content/uploads ("2024/03/photo.jpg"), sizes like -1024x683 removed. */
export function uploadPathOf(url: string): { path: string; original: string } | null {
  let pathname: string;
  try {
    pathname = new URL(url, 'http://localhost').pathname;
  } catch {
    return null;
  }
  const m = /\/wp-content\/uploads\/(?:sites\/\d+\/)?(.+)$/.exec(pathname);
  if (!m) return null;
  let path = m[1]!;
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep as written
  }
  if (path.split('/').some((part) => part === '..' || part === '')) return null;
  return { path, original: path.replace(/-\d+x\d+(?=\.[a-z0-9]+$)/i, '').replace(/-scaled(?=\.[a-z0-9]+$)/i, '') };
}

/** A person's first and last name from WordPress's fields, or split from the display name. */
export function personName(author: { displayName: string; firstName: string; lastName: string; login: string }): { name: string; firstName: string; lastName: string } {
  const name = (author.displayName || [author.firstName, author.lastName].filter(Boolean).join(' ') || author.login).trim().slice(0, 120) || 'Unknown';
  if (author.firstName || author.lastName) return { name, firstName: author.firstName || name, lastName: author.lastName || '' };
  const parts = name.split(/\s+/);
  return { name, firstName: parts[0] ?? name, lastName: parts.slice(1).join(' ') };
}

/** Cuts text to at most `max` UTF-8 bytes without splitting a character. */
export function truncateBytes(text: string, max: number): string {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= max) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const n = new TextEncoder().encode(ch).length;
    if (used + n > max) break;
    out += ch;
    used += n;
  }
  return out;
}
