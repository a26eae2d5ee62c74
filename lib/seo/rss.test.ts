import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { buildRss, type FeedChannel, type FeedItem } from './rss';

const channel: FeedChannel = {
  title: 'The Test Gazette',
  link: 'https://news.example/',
  selfUrl: 'https://news.example/feeds/all.xml',
  description: 'News & views',
  language: 'en-GB',
  lastBuildDate: '2026-05-01T08:30:00.000Z',
  ttl: 15,
};

const nasty = 'Tide & time </script> ]]> <b>"quoted"</b> \u0001bell';

const item: FeedItem = {
  title: nasty,
  link: 'https://news.example/news/2026/05/01/tide',
  guid: 'news.example/article/7',
  guidIsPermaLink: false,
  pubDate: '2026-05-01T08:00:00.000Z',
  description: 'A short summary',
  contentHtml: '<p>Full <strong>text</strong> with ]]&gt; inside &amp; more</p>',
  creators: ['Ana Ruiz', 'Tom Hale'],
  categories: ['News', 'Harbour'],
  enclosure: { url: 'https://news.example/demo/tide.jpg', type: 'image/jpeg', length: 12345 },
};

describe('buildRss', () => {
  it('is well-formed XML even when text holds markup, CDATA ends and control characters', () => {
    const xml = buildRss(channel, [item]);
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('reads back in a feed parser with the same title, link, date, authors, full content and enclosure', async () => {
    const feed = await new Parser().parseString(buildRss(channel, [item]));
    expect(feed.title).toBe('The Test Gazette');
    expect(feed.link).toBe('https://news.example/');
    expect(feed.items).toHaveLength(1);
    const [got] = feed.items;
    // The control character cannot exist in XML 1.0, so it is the one thing dropped.
    expect(got!.title).toBe(nasty.replace('\u0001', ''));
    expect(got!.link).toBe(item.link);
    expect(got!.guid).toBe(item.guid);
    expect(new Date(got!.pubDate!).toISOString()).toBe(item.pubDate);
    expect(got!['content:encoded']).toBe(item.contentHtml);
    expect(got!.enclosure).toEqual({ url: item.enclosure!.url, type: 'image/jpeg', length: '12345' });
    expect(got!.categories).toEqual(['News', 'Harbour']);
  });

  it('names every author in dc:creator and points atom:link at itself', () => {
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(buildRss(channel, [item]));
    const ch = parsed.rss.channel;
    expect(parsed.rss['@_version']).toBe('2.0');
    expect(ch['atom:link']['@_href']).toBe(channel.selfUrl);
    expect(ch['atom:link']['@_rel']).toBe('self');
    expect(ch.item['dc:creator']).toEqual(['Ana Ruiz', 'Tom Hale']);
    expect(ch.item.guid['@_isPermaLink']).toBe('false');
    expect(ch.language).toBe('en-gb');
  });

  it('gives a feed reader the description as the text that went in, never as live markup', async () => {
    // A feed reader treats <description> as HTML (RSS 2.0: "entity-encoded HTML is allowed"), so
    // plain text must arrive HTML-escaped inside the XML escaping: parsed, the HTML holds no tag
    // and reads as the exact characters written.
    const text = 'Fish & <b>chips</b> <script>alert(1)</script> &amp; "done"';
    const feed = await new Parser().parseString(buildRss(channel, [{ ...item, description: text }]));
    const [got] = feed.items;
    expect(got!.content).not.toMatch(/<[a-z]/i);
    expect(got!.contentSnippet).toBe(text);
    // The full content is HTML already and stays one level escaped.
    expect(got!['content:encoded']).toBe(item.contentHtml);
  });

  it('writes an empty channel for a scope with no stories yet', async () => {
    const feed = await new Parser().parseString(buildRss(channel, []));
    expect(feed.items).toEqual([]);
  });
});
