// Turns feed rows into RSS items and channels: pure, so it is unit-tested without a server.
import type { ArticleBody } from '../../lib/article-body';
import { bodyToText } from '../../lib/article-body';
import { bodyToHtml, textToHtml } from '../../lib/seo/body-html';
import type { FeedChannel, FeedEnclosure, FeedItem } from '../../lib/seo/rss';
import { clampDescription } from './metadata';
import { absoluteUrl, siteHost, siteUrl } from './site-url';

export type FeedArticleInput = {
  id: number;
  path: string;
  headline: string;
  standfirst: string;
  body: ArticleBody;
  sectionName: string;
  publishedAt: string;
  authors: { name: string }[];
  bylineText: string | null;
  tags: { name: string }[];
  image: { src: string; mimeType: string; bytes: number; width: number; height: number; alt: string } | null;
};

export const articleGuid = (id: number) => `${siteHost()}/article/${id}`;
export const commentGuid = (id: number) => `${siteHost()}/comment/${id}`;

const escapeAttr = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An RSS item with the full story. `imageBytes` is the enclosure's real size (0 when unknown, as the RSS profile allows). */
export function articleFeedItem(a: FeedArticleInput, imageBytes: number, fallbackByline: string): FeedItem {
  const base = siteUrl();
  const figure = a.image ? `<figure><img src="${escapeAttr(absoluteUrl(a.image.src))}" alt="${escapeAttr(a.image.alt)}" width="${a.image.width}" height="${a.image.height}"></figure>\n` : '';
  const standfirst = a.standfirst ? `<p><strong>${escapeAttr(a.standfirst)}</strong></p>\n` : '';
  const enclosure: FeedEnclosure | null = a.image ? { url: absoluteUrl(a.image.src), type: a.image.mimeType, length: imageBytes } : null;
  const creators = a.authors.length > 0 ? a.authors.map((p) => p.name) : [a.bylineText?.trim() || fallbackByline];
  return {
    title: a.headline,
    link: absoluteUrl(a.path),
    guid: articleGuid(a.id),
    guidIsPermaLink: false,
    pubDate: a.publishedAt,
    description: a.standfirst || clampDescription(bodyToText(a.body), 300),
    contentHtml: `${figure}${standfirst}${bodyToHtml(a.body, base)}`,
    creators,
    categories: [a.sectionName, ...a.tags.map((t) => t.name)],
    enclosure,
  };
}

export type FeedCommentInput = { id: number; authorName: string; body: string; createdAt: string };

export function commentFeedItem(c: FeedCommentInput, article: { path: string; headline: string }): FeedItem {
  return {
    title: `${c.authorName} on “${article.headline}”`,
    link: `${absoluteUrl(article.path)}#comment-${c.id}`,
    guid: commentGuid(c.id),
    guidIsPermaLink: false,
    pubDate: c.createdAt,
    description: clampDescription(c.body, 300),
    contentHtml: textToHtml(c.body),
    creators: [c.authorName],
    categories: [],
    enclosure: null,
  };
}

export function feedChannel(input: { title: string; path: string; selfPath: string; description: string; locale: string; lastBuildDate: string }): FeedChannel {
  return {
    title: input.title,
    link: absoluteUrl(input.path),
    selfUrl: absoluteUrl(input.selfPath),
    description: input.description,
    language: input.locale,
    lastBuildDate: input.lastBuildDate,
    ttl: 15,
  };
}

/** The newest date among items, or the fallback: an honest lastBuildDate. */
export function newestDate(dates: string[], fallback: string): string {
  const times = dates.map((d) => new Date(d).getTime()).filter((t) => !Number.isNaN(t));
  return times.length ? new Date(Math.max(...times)).toISOString() : fallback;
}
