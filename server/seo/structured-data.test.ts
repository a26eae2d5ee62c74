import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeJsonLd } from '../../lib/seo/json-ld';
import { articleModifiedAt, breadcrumbList, collectionPage, newsArticle, newsMediaOrganization, profilePage, webSite, type ArticleInput } from './structured-data';

const site = { name: 'The Gazette', description: 'Local news', tagline: 'Since 1871', locale: 'en-GB' };

const article: ArticleInput = {
  slug: 'tide-turns',
  path: '/news/2026/05/01/tide-turns',
  headline: 'Tide turns </script><script>alert(1)</script>',
  standfirst: 'The harbour wall held.',
  sectionSlug: 'news',
  sectionName: 'News',
  firstPublishedAt: '2026-05-01T08:00:00.000Z',
  updatedAt: '2026-05-01T10:00:00.000Z',
  featured: { src: '/demo/harbour.svg', width: 1600, height: 900, mimeType: 'image/svg+xml', alt: 'Harbour', caption: '', credit: '' },
  authors: [{ slug: 'ana-ruiz', name: 'Ana Ruiz', jobTitle: 'Reporter' }],
  bylineText: null,
  wireInitials: 'ab/cd',
  wireAgencies: ['AP', 'Reuters'],
  corrections: [{ kind: 'correction', body: 'An earlier version misnamed the wall.', publishedAt: '2026-05-02T09:00:00.000Z' }],
  tags: [{ slug: 'harbour', name: 'Harbour' }],
  approvedComments: 3,
  wordCount: 120,
};

let saved: string | undefined;
beforeEach(() => {
  saved = process.env.SITE_URL;
  process.env.SITE_URL = 'https://news.example';
});
afterEach(() => {
  if (saved === undefined) delete process.env.SITE_URL;
  else process.env.SITE_URL = saved;
});

/** What a crawler sees: the data after it went through the page. */
const roundTrip = (data: Parameters<typeof serializeJsonLd>[0]) => JSON.parse(serializeJsonLd(data));

describe('NewsArticle', () => {
  it('has what Google asks of a news article, with absolute URLs from SITE_URL', () => {
    const ld = roundTrip(newsArticle(article, site));
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.headline).toBe(article.headline);
    expect(ld.url).toBe('https://news.example/news/2026/05/01/tide-turns');
    expect(ld.mainEntityOfPage['@id']).toBe(ld.url);
    expect(ld.datePublished).toBe('2026-05-01T08:00:00.000Z');
    expect(ld.dateModified).toBe('2026-05-02T09:00:00.000Z');
    expect(ld.author).toEqual([{ '@type': 'Person', name: 'Ana Ruiz', url: 'https://news.example/author/ana-ruiz', jobTitle: 'Reporter' }]);
    expect(ld.publisher['@type']).toBe('NewsMediaOrganization');
    expect(ld.publisher.logo.url).toMatch(/^https:\/\/news\.example\/.+\.png$/);
    expect(ld.articleSection).toBe('News');
    expect(ld.keywords).toEqual(['Harbour']);
    expect(ld.isAccessibleForFree).toBe(true);
    expect(ld.sourceOrganization).toEqual([
      { '@type': 'Organization', name: 'AP' },
      { '@type': 'Organization', name: 'Reuters' },
    ]);
    expect(ld.creditText).toBe('ab/cd (AP, Reuters)');
    expect(ld.correction).toEqual([{ '@type': 'CorrectionComment', text: 'An earlier version misnamed the wall.', datePublished: '2026-05-02T09:00:00.000Z' }]);
  });

  it('offers the image in 16:9, 4:3 and 1:1, each at least 1200 px wide', () => {
    const images = roundTrip(newsArticle(article, site)).image as { url: string; width: number; height: number }[];
    const ratios = images.map((i) => Math.round((i.width / i.height) * 100) / 100).sort();
    expect(ratios).toEqual([1, 1.33, 1.78]);
    for (const img of images) {
      expect(img.width).toBeGreaterThanOrEqual(1200);
      expect(img.url.startsWith('https://news.example/og/crop/')).toBe(true);
    }
  });

  it('falls back to the generated card when the article has no image', () => {
    const images = roundTrip(newsArticle({ ...article, featured: null }, site)).image;
    expect(images).toEqual([{ '@type': 'ImageObject', url: 'https://news.example/og/article/tide-turns', width: 1200, height: 630 }]);
  });

  it('credits a collective byline as an Organization, and leaves out wire fields when there are none', () => {
    const ld = roundTrip(newsArticle({ ...article, authors: [], bylineText: 'Gazette staff', wireAgencies: [], wireInitials: null, corrections: [] }, site));
    expect(ld.author).toEqual([{ '@type': 'Organization', name: 'Gazette staff', url: 'https://news.example/' }]);
    expect(ld).not.toHaveProperty('sourceOrganization');
    expect(ld).not.toHaveProperty('creditText');
    expect(ld).not.toHaveProperty('correction');
    expect(ld.dateModified).toBe('2026-05-01T10:00:00.000Z');
  });
});

describe('articleModifiedAt', () => {
  it('is the latest of publication, update and corrections', () => {
    expect(articleModifiedAt({ firstPublishedAt: '2026-05-01T08:00:00Z', updatedAt: null, corrections: [] })).toBe('2026-05-01T08:00:00.000Z');
    expect(articleModifiedAt({ firstPublishedAt: '2026-05-01T08:00:00Z', updatedAt: '2026-05-03T08:00:00Z', corrections: [{ publishedAt: '2026-05-02T08:00:00Z' }] })).toBe('2026-05-03T08:00:00.000Z');
  });
});

describe('site-wide structured data', () => {
  it('publisher names its policies and logo', () => {
    const org = roundTrip(newsMediaOrganization(site));
    expect(org['@type']).toBe('NewsMediaOrganization');
    expect(org.publishingPrinciples).toBe('https://news.example/standards');
    expect(org.correctionsPolicy).toBe('https://news.example/corrections-policy');
    expect(org.ethicsPolicy).toBe('https://news.example/ethics');
  });

  it('WebSite has a SearchAction whose template carries the query placeholder', () => {
    const ws = roundTrip(webSite(site));
    expect(ws.potentialAction['@type']).toBe('SearchAction');
    expect(ws.potentialAction.target.urlTemplate).toBe('https://news.example/search?q={search_term_string}');
    expect(ws.potentialAction['query-input']).toBe('required name=search_term_string');
  });

  it('breadcrumbs are numbered from 1 with absolute items', () => {
    const bc = roundTrip(breadcrumbList([{ name: 'Home', path: '/' }, { name: 'News', path: '/news' }]));
    expect(bc.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://news.example/' },
      { '@type': 'ListItem', position: 2, name: 'News', item: 'https://news.example/news' },
    ]);
  });

  it('CollectionPage lists the page’s stories in order; ProfilePage wraps a Person', () => {
    const cp = roundTrip(collectionPage({ name: 'News', description: '', path: '/news', items: [{ path: '/a', headline: 'A' }, { path: '/b', headline: 'B' }] }, site));
    expect(cp['@type']).toBe('CollectionPage');
    expect(cp.mainEntity.itemListElement.map((i: { url: string }) => i.url)).toEqual(['https://news.example/a', 'https://news.example/b']);
    const pp = roundTrip(profilePage({ slug: 'ana-ruiz', name: 'Ana Ruiz', jobTitle: '', bio: 'Covers the harbour.' }, '/author/ana-ruiz', site));
    expect(pp['@type']).toBe('ProfilePage');
    expect(pp.mainEntity).toMatchObject({ '@type': 'Person', name: 'Ana Ruiz', url: 'https://news.example/author/ana-ruiz', description: 'Covers the harbour.' });
  });
});
