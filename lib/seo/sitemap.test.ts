import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildNewsSitemap, buildSitemapIndex, buildUrlSet, newsLanguage, SITEMAP_URL_LIMIT } from './sitemap';

const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap', 'image:image'].includes(name) }).parse(xml);

describe('sitemaps', () => {
  it('index lists child sitemaps with W3C lastmod', () => {
    const xml = buildSitemapIndex([{ loc: 'https://news.example/sitemaps/articles-1.xml', lastmod: '2026-05-01T08:30:00.123Z' }, { loc: 'https://news.example/sitemaps/tags-1.xml' }]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parse(xml);
    expect(doc.sitemapindex['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(doc.sitemapindex.sitemap).toEqual([{ loc: 'https://news.example/sitemaps/articles-1.xml', lastmod: '2026-05-01T08:30:00Z' }, { loc: 'https://news.example/sitemaps/tags-1.xml' }]);
  });

  it('url sets carry lastmod and image entries, escaped', () => {
    const xml = buildUrlSet([{ loc: 'https://news.example/a?x=1&y=2', lastmod: '2026-05-01T08:30:00Z', images: ['https://news.example/demo/a.svg'] }]);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('x=1&amp;y=2');
    const [url] = parse(xml).urlset.url;
    expect(url.loc).toBe('https://news.example/a?x=1&y=2');
    expect(url['image:image'][0]['image:loc']).toBe('https://news.example/demo/a.svg');
  });

  it('refuses more than 50,000 URLs in one file', () => {
    const urls = Array.from({ length: SITEMAP_URL_LIMIT + 1 }, (_, i) => ({ loc: `https://news.example/${i}` }));
    expect(() => buildUrlSet(urls)).toThrow(RangeError);
  });

  it('news sitemap has publication name and language, date and title', () => {
    const xml = buildNewsSitemap([{ loc: 'https://news.example/a', title: 'Fish & chips <cheaper>', publishedAt: '2026-05-01T08:30:00Z', publicationName: 'The Gazette', language: 'en' }]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const news = parse(xml).urlset.url[0]['news:news'];
    expect(news['news:publication']).toEqual({ 'news:name': 'The Gazette', 'news:language': 'en' });
    expect(news['news:publication_date']).toBe('2026-05-01T08:30:00Z');
    expect(news['news:title']).toBe('Fish & chips <cheaper>');
  });

  it('gives Google News the language codes it accepts', () => {
    expect(newsLanguage('en-GB')).toBe('en');
    expect(newsLanguage('de')).toBe('de');
    expect(newsLanguage('zh-TW')).toBe('zh-tw');
    expect(newsLanguage('zh-CN')).toBe('zh-cn');
  });
});
