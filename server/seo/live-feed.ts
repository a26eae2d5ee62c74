import 'server-only';
import { getPublishedArticle } from '@/db/queries/articles';
import { getLiveBlog, listLiveEntries } from '@/db/queries/live-blog';
import { getSiteSettings } from '@/db/queries/settings';
import { entryAnchor, liveFeedPath } from '../../lib/live-blog';
import { bodyToHtml } from '../../lib/seo/body-html';
import { slugFromFeedFile } from '../../lib/seo/feeds';
import { buildRss, type FeedItem } from '../../lib/seo/rss';
import { isSlug } from '../../lib/urls';
import { feedChannel, newestDate } from './feed-documents';
import { conditionalResponse } from './http';
import { absoluteUrl, siteHost, siteUrl } from './site-url';

// A live blog's own RSS feed: its newest entries, one item each, linking to the entry's anchor on
// the blog. Key events say so in their title. Answered with ETag / Last-Modified like every feed.

const RSS_TYPE = 'application/rss+xml; charset=utf-8';
const notFound = () => new Response('No such feed.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

export async function liveFeedResponse(request: Request, file: string): Promise<Response> {
  const slug = slugFromFeedFile(file);
  if (!slug || !isSlug(slug)) return notFound();
  const [settings, article] = await Promise.all([getSiteSettings(), getPublishedArticle(slug)]);
  if (!article) return notFound();
  const blog = await getLiveBlog(article.id);
  if (!blog) return notFound();
  const page = await listLiveEntries(article.id, '');
  const link = absoluteUrl(article.path);
  const items: FeedItem[] = page.entries.map((e) => ({
    title: `${e.keyEvent ? 'Key event: ' : ''}${e.title || e.bodyText.replace(/\s+/g, ' ').trim().slice(0, 90) || article.headline}`,
    link: `${link}#${entryAnchor(e.id)}`,
    guid: `${siteHost()}/live-entry/${e.id}`,
    guidIsPermaLink: false,
    pubDate: e.postedAt,
    description: e.bodyText.replace(/\s+/g, ' ').trim().slice(0, 300),
    contentHtml: `${bodyToHtml(e.body, siteUrl())}${e.correction ? `\n<p><strong>Correction:</strong> ${e.correction.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>` : ''}`,
    creators: e.authors.length > 0 ? e.authors.map((a) => a.name) : [settings.name],
    categories: e.keyEvent ? ['Key event'] : [],
  }));
  const lastChange = blog.lastChangeAt ?? blog.coverageStart;
  const channel = {
    ...feedChannel({
      title: `Live: ${article.headline} – ${settings.name}`,
      path: article.path,
      selfPath: liveFeedPath(article.slug),
      description: article.standfirst || `Live coverage: ${article.headline}`,
      locale: settings.locale,
      lastBuildDate: newestDate(page.entries.map((e) => e.editedAt ?? e.postedAt), lastChange),
    }),
    // Feed readers may ask every couple of minutes while coverage is live.
    ttl: blog.coverageEnd ? 60 : 2,
  };
  return conditionalResponse(request, buildRss(channel, items), { contentType: RSS_TYPE, lastModified: lastChange });
}
