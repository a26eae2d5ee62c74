// The <head> of every public page: title, description, one canonical URL, Open Graph and Twitter
// cards with an image, robots directives and the feeds that follow the page. Built only from the
// configured site URL (metadataBase in app/layout.tsx resolves the same paths to the same origin).
import type { Metadata } from 'next';
import { absoluteUrl } from './site-url';
import { siteFeedPath } from '../../lib/seo/feeds';

export type FeedLink = { title: string; path: string };
export type CardImage = { url: string; width: number; height: number; alt: string };

export type PageMetadataInput = {
  site: { name: string; locale: string };
  /** The whole <title>, e.g. "Headline – Site name". */
  title: string;
  /** og:title and twitter:title: the page's own name, without the site's. */
  socialTitle: string;
  description: string;
  /** The canonical path ("/world") or an absolute URL (an article syndicated from elsewhere). */
  canonical: string;
  image: CardImage;
  type?: 'website' | 'article' | 'profile';
  article?: { publishedTime: string; modifiedTime: string; section: string; tags: string[]; authors: string[] };
  /** Feeds besides the site-wide one, most specific first. */
  feeds?: FeedLink[];
  index?: boolean;
};

/** "en-GB" → "en_GB", as Open Graph writes locales. */
export const ogLocale = (locale: string) => locale.replace('-', '_');

/** Robots directives for a page search engines should show with large image previews. */
export const INDEXABLE = { index: true, follow: true, 'max-image-preview': 'large', 'max-snippet': -1, 'max-video-preview': -1 } as const;
export const NOINDEX = { index: false, follow: true } as const;

/** Trims a description to what search results show, at a word boundary. */
export function clampDescription(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6)).replace(/[\s,;:.–-]+$/, '')}…`;
}

export function pageMetadata(input: PageMetadataInput): Metadata {
  const canonical = absoluteUrl(input.canonical);
  const description = clampDescription(input.description || input.site.name);
  const feeds = [...(input.feeds ?? []), { title: `${input.site.name}: all stories`, path: siteFeedPath() }];
  const image = { url: absoluteUrl(input.image.url), width: input.image.width, height: input.image.height, alt: input.image.alt };
  const index = input.index ?? true;
  const openGraph: Metadata['openGraph'] = {
    title: input.socialTitle,
    description,
    url: canonical,
    siteName: input.site.name,
    locale: ogLocale(input.site.locale),
    images: [image],
    ...(input.type === 'article' && input.article
      ? {
          type: 'article' as const,
          publishedTime: input.article.publishedTime,
          modifiedTime: input.article.modifiedTime,
          section: input.article.section,
          tags: input.article.tags,
          authors: input.article.authors.map(absoluteUrl),
        }
      : { type: input.type === 'profile' ? ('profile' as const) : ('website' as const) }),
  };
  return {
    title: input.title,
    description,
    alternates: {
      canonical,
      types: { 'application/rss+xml': feeds.map((f) => ({ title: f.title, url: absoluteUrl(f.path) })) },
    },
    openGraph,
    twitter: { card: 'summary_large_image', title: input.socialTitle, description, images: [{ url: image.url, alt: image.alt }] },
    robots: index ? INDEXABLE : NOINDEX,
  };
}

/** A page that does not exist: a plain title and noindex (Next also sends 404). */
export function notFoundMetadata(siteName: string): Metadata {
  return { title: `Not found – ${siteName}`, robots: NOINDEX };
}
