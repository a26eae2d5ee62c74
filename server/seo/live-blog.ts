// A live blog's structured data: schema.org LiveBlogPosting (Google's "Live" badge reads it), with
// its coverage times and the latest updates, built on the article's own NewsArticle data so the
// two never disagree about the headline, authors or publisher.
import { LIVE_LATEST_UPDATES, entryAnchor } from '../../lib/live-blog';
import type { JsonLdValue } from '../../lib/seo/json-ld';
import { absoluteUrl } from './site-url';
import { articleModifiedAt, newsArticle, type ArticleInput, type SiteInfo } from './structured-data';

type Json = { [key: string]: JsonLdValue | undefined };

export type LiveBlogInput = { coverageStart: string; coverageEnd: string | null; lastChangeAt: string | null };
export type LiveUpdateInput = { id: number; title: string; bodyText: string; postedAt: string; editedAt: string | null; authors: { slug: string; name: string }[] };

/** The newest of the article's own dateModified and its newest entry (or edit): what crawlers are told changed. */
export function liveBlogModifiedAt(article: Pick<ArticleInput, 'firstPublishedAt' | 'updatedAt' | 'corrections'>, blog: LiveBlogInput): string {
  const own = articleModifiedAt(article);
  return blog.lastChangeAt && blog.lastChangeAt > own ? blog.lastChangeAt : own;
}

export function liveBlogPosting(article: ArticleInput, blog: LiveBlogInput, updates: LiveUpdateInput[], site: SiteInfo): Json {
  const base = newsArticle(article, site);
  const url = absoluteUrl(article.path);
  return {
    ...base,
    '@type': 'LiveBlogPosting',
    '@id': `${url}#live`,
    dateModified: liveBlogModifiedAt(article, blog),
    coverageStartTime: new Date(blog.coverageStart).toISOString(),
    coverageEndTime: blog.coverageEnd ? new Date(blog.coverageEnd).toISOString() : undefined,
    liveBlogUpdate: updates.slice(0, LIVE_LATEST_UPDATES).map((u) => ({
      '@type': 'BlogPosting',
      '@id': `${url}#${entryAnchor(u.id)}`,
      url: `${url}#${entryAnchor(u.id)}`,
      headline: (u.title || u.bodyText.replace(/\s+/g, ' ').trim()).slice(0, 110) || article.headline,
      articleBody: u.bodyText,
      datePublished: new Date(u.postedAt).toISOString(),
      dateModified: new Date(u.editedAt ?? u.postedAt).toISOString(),
      author: u.authors.length > 0 ? u.authors.map((p) => ({ '@type': 'Person', name: p.name, url: absoluteUrl(`/author/${p.slug}`) })) : undefined,
    })),
  };
}
