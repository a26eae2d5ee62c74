import 'server-only';
import { getSitemapPage, getSitemapSummary, listNewsArticles, SITEMAP_KINDS, type SitemapKind } from '@/db/queries/sitemaps';
import { getSiteSettings } from '@/db/queries/settings';
import { conditionalResponse } from './http';
import { buildNewsSitemap, buildSitemapIndex, buildUrlSet, NEWS_SITEMAP_LIMIT, NEWS_SITEMAP_WINDOW_HOURS, newsLanguage, SITEMAP_URL_LIMIT } from '../../lib/seo/sitemap';
import { absoluteUrl } from './site-url';

const XML_TYPE = 'application/xml; charset=utf-8';

/** URLs per child sitemap: 50,000 (the protocol's limit), or fewer with SITEMAP_PAGE_SIZE (tests). */
export function sitemapPageSize(): number {
  const configured = Number(process.env.SITEMAP_PAGE_SIZE ?? SITEMAP_URL_LIMIT);
  return Number.isInteger(configured) && configured > 0 ? Math.min(configured, SITEMAP_URL_LIMIT) : SITEMAP_URL_LIMIT;
}

export const childSitemapPath = (kind: SitemapKind, page: number) => `/sitemaps/${kind}-${page}.xml`;

export function parseChildSitemap(file: string): { kind: SitemapKind; page: number } | null {
  const m = /^([a-z]+)-([1-9]\d{0,6})\.xml$/.exec(file);
  if (!m || !SITEMAP_KINDS.includes(m[1] as SitemapKind)) return null;
  return { kind: m[1] as SitemapKind, page: Number(m[2]) };
}

const newest = (dates: (string | null)[]) => {
  const times = dates.filter((d): d is string => Boolean(d)).map((d) => new Date(d).getTime());
  return times.length ? new Date(Math.max(...times)).toISOString() : null;
};

export async function sitemapIndexResponse(request: Request): Promise<Response> {
  const summary = await getSitemapSummary(sitemapPageSize());
  const refs = summary.map((s) => ({ loc: absoluteUrl(childSitemapPath(s.kind, s.page)), lastmod: s.lastmod }));
  return conditionalResponse(request, buildSitemapIndex(refs), { contentType: XML_TYPE, lastModified: newest(summary.map((s) => s.lastmod)) });
}

export async function childSitemapResponse(request: Request, file: string): Promise<Response> {
  const parsed = parseChildSitemap(file);
  const notFound = () => new Response('No such sitemap.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  if (!parsed) return notFound();
  const entries = await getSitemapPage(parsed.kind, parsed.page, sitemapPageSize());
  // Page 1 of a kind always answers (empty when there is nothing yet); later pages only if they exist.
  if (entries.length === 0 && parsed.page > 1) return notFound();
  const body = buildUrlSet(entries.map((e) => ({ loc: absoluteUrl(e.path), lastmod: e.lastmod, images: e.images.map(absoluteUrl) })));
  return conditionalResponse(request, body, { contentType: XML_TYPE, lastModified: newest(entries.map((e) => e.lastmod)) });
}

export async function newsSitemapResponse(request: Request): Promise<Response> {
  const [settings, entries] = await Promise.all([getSiteSettings(), listNewsArticles(NEWS_SITEMAP_WINDOW_HOURS, NEWS_SITEMAP_LIMIT)]);
  const language = newsLanguage(settings.locale);
  const body = buildNewsSitemap(entries.map((e) => ({ loc: absoluteUrl(e.path), title: e.headline, publishedAt: e.publishedAt, lastmod: e.lastmod, publicationName: settings.name, language })));
  return conditionalResponse(request, body, { contentType: XML_TYPE, lastModified: newest(entries.flatMap((e) => [e.publishedAt, e.lastmod])) });
}
