import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { getPublishedArticle } from '@/db/queries/articles';
import { getAuthor } from '@/db/queries/authors';
import { listApprovedCommentsForFeed, listFeedArticles, type FeedScope } from '@/db/queries/feeds';
import { getSection, getSiteSettings } from '@/db/queries/settings';
import { getTopic } from '@/db/queries/topics';
import { statMediaFile } from '../media/storage';
import { isSlug } from '../../lib/urls';
import { articleFeedItem, commentFeedItem, feedChannel, newestDate } from './feed-documents';
import { authorFeedPath, commentsFeedPath, FEED_LIMIT, sectionFeedPath, siteFeedPath, slugFromFeedFile, tagFeedPath } from '../../lib/seo/feeds';
import { conditionalResponse } from './http';
import { buildRss } from '../../lib/seo/rss';

// The RSS route handlers' shared work: look the scope up (404 if it does not exist), read the
// cached items, build the document and answer with ETag / Last-Modified (304 when unchanged).

const RSS_TYPE = 'application/rss+xml; charset=utf-8';

const notFound = (message: string) => new Response(message, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

/** Real file sizes for enclosures (public/ or uploads), when the media row does not know them. */
const sizes = new Map<string, number>();
async function fileBytes(src: string, known: number): Promise<number> {
  if (known > 0) return known;
  if (sizes.has(src)) return sizes.get(src)!;
  let bytes: number;
  if (src.startsWith('/media/')) {
    // A store that does not answer gives no size this time (an enclosure of length 0 is allowed),
    // and nothing is remembered, so the next request asks again.
    const stat = await statMediaFile(src).catch(() => undefined);
    if (stat === undefined) return 0;
    bytes = stat?.size ?? 0;
  } else {
    const publicDir = path.join(process.cwd(), 'public');
    const resolved = path.resolve(publicDir, `.${src}`);
    bytes = resolved.startsWith(publicDir + path.sep) ? await fs.stat(resolved).then((s) => s.size, () => 0) : 0;
  }
  if (sizes.size > 5000) sizes.clear();
  sizes.set(src, bytes);
  return bytes;
}

type Scope = { title: string; path: string; selfPath: string; description: string };

async function describeScope(scope: FeedScope, slug: string, siteName: string, siteDescription: string): Promise<Scope | null> {
  switch (scope) {
    case 'site':
      return { title: siteName, path: '/', selfPath: siteFeedPath(), description: siteDescription || `The latest stories from ${siteName}` };
    case 'section': {
      const section = await getSection(slug);
      return section ? { title: `${section.name} – ${siteName}`, path: `/${section.slug}`, selfPath: sectionFeedPath(section.slug), description: section.description || `${section.name} stories from ${siteName}` } : null;
    }
    case 'author': {
      const author = await getAuthor(slug);
      return author ? { title: `${author.name} – ${siteName}`, path: `/author/${author.slug}`, selfPath: authorFeedPath(author.slug), description: author.bio || `Stories by ${author.name}` } : null;
    }
    case 'tag': {
      const tag = await getTopic(slug);
      return tag ? { title: `${tag.name} – ${siteName}`, path: `/tag/${tag.slug}`, selfPath: tagFeedPath(tag.slug), description: tag.description || `Stories about ${tag.name}` } : null;
    }
  }
}

/** The RSS answer for the site (file ignored) or for the section, author or tag named by "<slug>.xml". */
export async function articleFeedResponse(request: Request, scope: FeedScope, file = ''): Promise<Response> {
  const slug = scope === 'site' ? '' : slugFromFeedFile(file);
  if (slug === null || (scope !== 'site' && !isSlug(slug))) return notFound('No such feed.');
  const settings = await getSiteSettings();
  const described = await describeScope(scope, slug, settings.name, settings.description || settings.tagline);
  if (!described) return notFound('No such feed.');
  const { items, readAt } = await listFeedArticles(scope, slug, FEED_LIMIT);
  const rssItems = await Promise.all(items.map(async (a) => articleFeedItem(a, a.image ? await fileBytes(a.image.src, a.image.bytes) : 0, settings.name)));
  const channel = feedChannel({ ...described, locale: settings.locale, lastBuildDate: newestDate(items.map((i) => i.publishedAt), readAt) });
  return conditionalResponse(request, buildRss(channel, rssItems), { contentType: RSS_TYPE, lastModified: readAt });
}

/** The approved comments of one live article, as RSS. */
export async function commentsFeedResponse(request: Request, file: string): Promise<Response> {
  const slug = slugFromFeedFile(file);
  if (!slug || !isSlug(slug)) return notFound('No such feed.');
  const [settings, article] = await Promise.all([getSiteSettings(), getPublishedArticle(slug)]);
  if (!article) return notFound('No such feed.');
  const { comments, readAt } = await listApprovedCommentsForFeed(article.id, FEED_LIMIT);
  const channel = feedChannel({
    title: `Comments on “${article.headline}” – ${settings.name}`,
    path: article.path,
    selfPath: commentsFeedPath(article.slug),
    description: `Comments on “${article.headline}”`,
    locale: settings.locale,
    lastBuildDate: newestDate(comments.map((c) => c.createdAt), readAt),
  });
  const items = comments.map((c) => commentFeedItem(c, article));
  return conditionalResponse(request, buildRss(channel, items), { contentType: RSS_TYPE, lastModified: readAt });
}
