import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clampDescription, pageMetadata } from './metadata';

let saved: string | undefined;
beforeEach(() => {
  saved = process.env.SITE_URL;
  process.env.SITE_URL = 'https://news.example/';
});
afterEach(() => {
  if (saved === undefined) delete process.env.SITE_URL;
  else process.env.SITE_URL = saved;
});

const input = {
  site: { name: 'The Gazette', locale: 'en-GB' },
  title: 'Tide turns – The Gazette',
  socialTitle: 'Tide turns',
  description: 'The harbour wall held.',
  canonical: '/news/2026/05/01/tide-turns',
  image: { url: '/og/article/tide-turns', width: 1200, height: 630, alt: 'Tide turns' },
};

describe('pageMetadata', () => {
  it('builds one absolute canonical, Open Graph and Twitter cards from SITE_URL', () => {
    const md = pageMetadata(input);
    expect(md.alternates?.canonical).toBe('https://news.example/news/2026/05/01/tide-turns');
    expect(md.openGraph).toMatchObject({ url: 'https://news.example/news/2026/05/01/tide-turns', siteName: 'The Gazette', locale: 'en_GB', type: 'website' });
    expect(md.openGraph?.images).toEqual([{ url: 'https://news.example/og/article/tide-turns', width: 1200, height: 630, alt: 'Tide turns' }]);
    expect(md.twitter).toMatchObject({ card: 'summary_large_image', title: 'Tide turns' });
  });

  it('lets search engines show large image previews, unless the page opts out', () => {
    expect(pageMetadata(input).robots).toMatchObject({ index: true, 'max-image-preview': 'large' });
    expect(pageMetadata({ ...input, index: false }).robots).toMatchObject({ index: false });
  });

  it('advertises the page’s own feeds before the site-wide one', () => {
    const types = pageMetadata({ ...input, feeds: [{ title: 'News', path: '/feeds/section/news.xml' }] }).alternates?.types as Record<string, { url: string }[]>;
    expect(types['application/rss+xml']!.map((f) => f.url)).toEqual(['https://news.example/feeds/section/news.xml', 'https://news.example/feeds/all.xml']);
  });

  it('keeps an absolute canonical (a story first published elsewhere) as it is', () => {
    expect(pageMetadata({ ...input, canonical: 'https://partner.example/story' }).alternates?.canonical).toBe('https://partner.example/story');
  });
});

describe('clampDescription', () => {
  it('cuts long text at a word with an ellipsis and leaves short text alone', () => {
    expect(clampDescription('  short   text ')).toBe('short text');
    const long = 'word '.repeat(100);
    const out = clampDescription(long, 50);
    expect(out.length).toBeLessThanOrEqual(50);
    expect(out.endsWith('word…')).toBe(true);
  });
});
