// Sitemaps (sitemaps.org 0.9, with Google's image and news extensions), written as strings.
import { element, w3cDate } from './xml';

/** The protocol's limit on URLs per sitemap file. */
export const SITEMAP_URL_LIMIT = 50_000;
/** Google News: at most 1,000 URLs per news sitemap, published in the last two days. */
export const NEWS_SITEMAP_LIMIT = 1_000;
export const NEWS_SITEMAP_WINDOW_HOURS = 48;

export type SitemapRef = { loc: string; lastmod?: string | null };
export type SitemapUrl = { loc: string; lastmod?: string | null; images?: string[] };
/** `lastmod`: the last change when later than publication (a live blog's newest entry). */
export type NewsUrl = { loc: string; title: string; publishedAt: string; lastmod?: string | null; publicationName: string; language: string };

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function buildSitemapIndex(sitemaps: SitemapRef[]): string {
  const body = sitemaps.map((s) => `<sitemap>${element('loc', s.loc)}${s.lastmod ? element('lastmod', w3cDate(s.lastmod)) : ''}</sitemap>`).join('\n');
  return `${XML_HEAD}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</sitemapindex>\n`;
}

export function buildUrlSet(urls: SitemapUrl[]): string {
  if (urls.length > SITEMAP_URL_LIMIT) throw new RangeError(`A sitemap holds at most ${SITEMAP_URL_LIMIT} URLs, not ${urls.length}`);
  const body = urls
    .map((u) => {
      const images = (u.images ?? []).map((src) => `<image:image>${element('image:loc', src)}</image:image>`).join('');
      return `<url>${element('loc', u.loc)}${u.lastmod ? element('lastmod', w3cDate(u.lastmod)) : ''}${images}</url>`;
    })
    .join('\n');
  return `${XML_HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">\n${body}\n</urlset>\n`;
}

/** Google News wants an ISO 639 language code: "en", but "zh-cn" and "zh-tw" for Chinese. */
export function newsLanguage(locale: string): string {
  const [lang = 'en', region = ''] = locale.toLowerCase().split(/[-_]/);
  if (lang === 'zh') return region === 'tw' || region === 'hk' || region === 'hant' ? 'zh-tw' : 'zh-cn';
  return lang;
}

export function buildNewsSitemap(urls: NewsUrl[]): string {
  if (urls.length > NEWS_SITEMAP_LIMIT) throw new RangeError(`A news sitemap holds at most ${NEWS_SITEMAP_LIMIT} URLs, not ${urls.length}`);
  const body = urls
    .map(
      (u) =>
        `<url>${element('loc', u.loc)}${u.lastmod ? element('lastmod', w3cDate(u.lastmod)) : ''}<news:news><news:publication>${element('news:name', u.publicationName)}${element('news:language', u.language)}</news:publication>` +
        `${element('news:publication_date', w3cDate(u.publishedAt))}${element('news:title', u.title)}</news:news></url>`,
    )
    .join('\n');
  return `${XML_HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${body}\n</urlset>\n`;
}

