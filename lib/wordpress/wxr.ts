// The records a WordPress export (WXR) is read into (server/wordpress/wxr-reader.ts): plain data,
// as WordPress wrote it, before any mapping to Broadsheet's own things.

export type WxrSite = { title: string; link: string; baseSiteUrl: string; baseBlogUrl: string; wxrVersion: string; language: string };

export type WxrAuthor = { id: number; login: string; email: string; displayName: string; firstName: string; lastName: string };

/** A category, tag or other term from the channel. `taxonomy` is 'category', 'post_tag', or a custom one. */
export type WxrTerm = { taxonomy: string; termId: number; slug: string; name: string; parentSlug: string; description: string };

export type WxrComment = {
  id: number;
  author: string;
  authorEmail: string;
  authorUrl: string;
  authorIp: string;
  date: string;
  dateGmt: string;
  content: string;
  /** '1' approved, '0' pending, 'spam', 'trash'. */
  approved: string;
  /** '' or 'comment' for a comment; 'pingback' and 'trackback' for links from elsewhere. */
  type: string;
  parent: number;
  userId: number;
};

export type WxrItem = {
  /** Which file of a split export the item came from (0 for the first). */
  fileIndex: number;
  id: number;
  title: string;
  link: string;
  pubDate: string;
  creator: string;
  guid: string;
  content: string;
  excerpt: string;
  /** Local time as WordPress showed it, and the same moment in UTC ('0000-00-00 00:00:00' when never set). */
  date: string;
  dateGmt: string;
  modifiedGmt: string;
  commentStatus: string;
  slug: string;
  /** publish, draft, pending, future, private, trash, inherit (attachments) */
  status: string;
  parent: number;
  menuOrder: number;
  /** post, page, attachment, nav_menu_item, … */
  type: string;
  password: string;
  sticky: boolean;
  attachmentUrl: string;
  terms: { domain: string; slug: string; name: string }[];
  meta: { key: string; value: string }[];
  comments: WxrComment[];
};

export type WxrRecord =
  | { kind: 'site'; site: WxrSite }
  | { kind: 'author'; author: WxrAuthor }
  | { kind: 'term'; term: WxrTerm }
  | { kind: 'item'; item: WxrItem };

/** The values of a post's custom field, in order (a field may repeat, as _wp_old_slug does). */
export const metaValues = (item: WxrItem, key: string) => item.meta.filter((m) => m.key === key).map((m) => m.value);
export const metaValue = (item: WxrItem, key: string) => metaValues(item, key)[0];

/**
 * A WordPress "GMT" date ("2024-03-05 14:30:00") as a Date, or null when WordPress left it unset
 * ("0000-00-00 00:00:00", as drafts have).
 */
export function parseWpGmtDate(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m || m[1] === '0000') return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
  return Number.isNaN(date.getTime()) ? null : date;
}
