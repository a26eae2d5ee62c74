// RSS 2.0 documents, written as strings. Full content goes in content:encoded as escaped HTML
// (never CDATA, so no "]]>" in a story can end it), authors in dc:creator, the self link in
// atom:link as the RSS Advisory Board recommends.
import { element, escapeHtmlText, escapeXml, rfc822Date } from './xml';

export type FeedEnclosure = { url: string; type: string; length: number };

export type FeedItem = {
  title: string;
  /** Absolute URL of the page. */
  link: string;
  /** Globally unique and stable, even if the page moves. */
  guid: string;
  guidIsPermaLink: boolean;
  pubDate: string;
  /** A plain-text summary. Written as HTML-escaped text, because feed readers render it as HTML. */
  description: string;
  /** The full content as HTML (already safe: built by bodyToHtml or textToHtml). */
  contentHtml?: string;
  creators: string[];
  categories: string[];
  enclosure?: FeedEnclosure | null;
};

export type FeedChannel = {
  title: string;
  /** Absolute URL of the page this feed follows. */
  link: string;
  /** Absolute URL of the feed itself. */
  selfUrl: string;
  description: string;
  /** BCP 47, e.g. "en-GB". */
  language: string;
  lastBuildDate: string;
  /** Minutes a reader may wait before polling again. */
  ttl?: number;
  image?: { url: string; title: string; link: string } | null;
};

function item(i: FeedItem): string {
  const parts = [
    element('title', i.title),
    element('link', i.link),
    `<guid isPermaLink="${i.guidIsPermaLink ? 'true' : 'false'}">${escapeXml(i.guid)}</guid>`,
    element('pubDate', rfc822Date(i.pubDate)),
    element('description', escapeHtmlText(i.description)),
    i.contentHtml ? element('content:encoded', i.contentHtml) : '',
    ...i.creators.map((c) => element('dc:creator', c)),
    ...i.categories.map((c) => element('category', c)),
    i.enclosure ? `<enclosure url="${escapeXml(i.enclosure.url)}" length="${Math.max(0, Math.round(i.enclosure.length))}" type="${escapeXml(i.enclosure.type)}"/>` : '',
  ];
  return `<item>${parts.join('')}</item>`;
}

/** A complete RSS 2.0 document. */
export function buildRss(channel: FeedChannel, items: FeedItem[]): string {
  const head = [
    element('title', channel.title),
    element('link', channel.link),
    element('description', channel.description || channel.title),
    element('language', channel.language.toLowerCase()),
    element('lastBuildDate', rfc822Date(channel.lastBuildDate)),
    element('generator', 'Broadsheet'),
    channel.ttl ? element('ttl', channel.ttl) : '',
    `<atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    channel.image ? `<image>${element('url', channel.image.url)}${element('title', channel.image.title)}${element('link', channel.image.link)}</image>` : '',
  ];
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n' +
    `<channel>${head.join('')}\n${items.map(item).join('\n')}\n</channel>\n</rss>\n`
  );
}
