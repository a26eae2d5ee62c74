import Parser from 'rss-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleFeedItem, commentFeedItem, feedChannel, newestDate } from './feed-documents';
import { buildRss } from '../../lib/seo/rss';

let saved: string | undefined;
beforeEach(() => {
  saved = process.env.SITE_URL;
  process.env.SITE_URL = 'https://news.example';
});
afterEach(() => {
  if (saved === undefined) delete process.env.SITE_URL;
  else process.env.SITE_URL = saved;
});

const article = {
  id: 7,
  path: '/news/2026/05/01/tide-turns',
  headline: 'Tide turns at <Port> Ellery',
  standfirst: 'The wall held.',
  body: { type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'Engineers will inspect it & report.' }] }] },
  sectionName: 'News',
  publishedAt: '2026-05-01T08:00:00.000Z',
  authors: [{ name: 'Ana Ruiz' }],
  bylineText: null,
  tags: [{ name: 'Harbour' }],
  image: { src: '/demo/harbour.svg', mimeType: 'image/svg+xml', bytes: 4321, width: 1600, height: 900, alt: 'The harbour' },
};

const channel = () => feedChannel({ title: 'News – The Gazette', path: '/news', selfPath: '/feeds/section/news.xml', description: 'News', locale: 'en-GB', lastBuildDate: article.publishedAt });

describe('article feed items', () => {
  it('read back in a feed parser as the story: link, full content, author, categories, image enclosure', async () => {
    const feed = await new Parser().parseString(buildRss(channel(), [articleFeedItem(article, 4321, 'The Gazette')]));
    expect(feed.feedUrl).toBe('https://news.example/feeds/section/news.xml');
    const [item] = feed.items;
    expect(item!.title).toBe('Tide turns at <Port> Ellery');
    expect(item!.link).toBe('https://news.example/news/2026/05/01/tide-turns');
    expect(item!.guid).toBe('news.example/article/7');
    expect(item!.creator).toBe('Ana Ruiz');
    expect(item!.categories).toEqual(['News', 'Harbour']);
    expect(item!.enclosure).toEqual({ url: 'https://news.example/demo/harbour.svg', type: 'image/svg+xml', length: '4321' });
    expect(item!['content:encoded']).toContain('<p>Engineers will inspect it &amp; report.</p>');
    expect(item!['content:encoded']).toContain('<img src="https://news.example/demo/harbour.svg" alt="The harbour"');
  });

  it("give a feed reader the contributor's standfirst as text: markup typed in it is not live", async () => {
    const feed = await new Parser().parseString(buildRss(channel(), [articleFeedItem({ ...article, standfirst: 'Fish & <b>chips</b>' }, 0, 'The Gazette')]));
    const [item] = feed.items;
    // item.content is the description as the HTML a reader renders; its snippet is the text shown.
    expect(item!.content).not.toContain('<b>');
    expect(item!.contentSnippet).toBe('Fish & <b>chips</b>');
    expect(item!['content:encoded']).toContain('<p><strong>Fish &amp; &lt;b&gt;chips&lt;/b&gt;</strong></p>');
  });

  it('falls back to the collective byline, then the publication, for dc:creator', () => {
    expect(articleFeedItem({ ...article, authors: [], bylineText: 'Wire staff' }, 0, 'The Gazette').creators).toEqual(['Wire staff']);
    expect(articleFeedItem({ ...article, authors: [], bylineText: null }, 0, 'The Gazette').creators).toEqual(['The Gazette']);
  });
});

describe('comment feed items', () => {
  it('name the commenter and link to the comment, with the text escaped', async () => {
    const item = commentFeedItem({ id: 3, authorName: 'Annie', body: 'Lovely <b>show</b>', createdAt: '2026-05-02T08:00:00.000Z' }, article);
    const feed = await new Parser().parseString(buildRss(channel(), [item]));
    expect(feed.items[0]!.link).toBe('https://news.example/news/2026/05/01/tide-turns#comment-3');
    expect(feed.items[0]!.creator).toBe('Annie');
    expect(feed.items[0]!['content:encoded']).toBe('<p>Lovely &lt;b&gt;show&lt;/b&gt;</p>');
  });

  it("give a feed reader an anonymous commenter's text as text, in the description and the content", async () => {
    const typed = '<script>alert(1)</script> & <i>x</i>';
    const item = commentFeedItem({ id: 4, authorName: 'Anon', body: typed, createdAt: '2026-05-02T08:00:00.000Z' }, article);
    const [got] = (await new Parser().parseString(buildRss(channel(), [item]))).items;
    expect(got!.content).not.toMatch(/<(script|i)\b/);
    expect(got!.contentSnippet).toBe(typed);
    expect(got!['content:encoded']).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;i&gt;x&lt;/i&gt;</p>');
  });
});

describe('newestDate', () => {
  it('is the newest item date, or the fallback for an empty feed', () => {
    expect(newestDate(['2026-05-01T08:00:00Z', '2026-05-03T08:00:00Z'], 'x')).toBe('2026-05-03T08:00:00.000Z');
    expect(newestDate([], '2026-01-01T00:00:00.000Z')).toBe('2026-01-01T00:00:00.000Z');
  });
});
