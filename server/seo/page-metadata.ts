import 'server-only';
import type { Metadata } from 'next';
import type { ArticlePage } from '@/db/queries/articles';
import { getAuthor } from '@/db/queries/authors';
import { getSection, getSiteSettings, type SiteSettings } from '@/db/queries/settings';
import { getTopic } from '@/db/queries/topics';
import { authorPath, isSlug, sectionPath, tagPath } from '../../lib/urls';
import { authorFeedPath, commentsFeedPath, sectionFeedPath, tagFeedPath } from '../../lib/seo/feeds';
import { articleCardPath, imageVariants, OG_CARD, sectionCardPath, siteCardPath } from '../../lib/seo/images';
import { notFoundMetadata, pageMetadata, type CardImage } from './metadata';
import { articleModifiedAt } from './structured-data';

// generateMetadata for each kind of reader page. The reads are the pages' own cached queries, so
// metadata costs no extra database work.

const siteCard = (settings: SiteSettings): CardImage => ({ url: siteCardPath(), ...OG_CARD, alt: settings.name });

export async function frontPageMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings();
  return pageMetadata({
    site: settings,
    title: settings.tagline ? `${settings.name} – ${settings.tagline}` : settings.name,
    socialTitle: settings.name,
    description: settings.description || settings.tagline,
    canonical: '/',
    image: siteCard(settings),
  });
}

/** The image a share of the article shows: its own picture cropped to 16:9, else the generated card. */
export function articleCardImage(article: Pick<ArticlePage, 'slug' | 'headline' | 'featured'>): CardImage {
  const wide = article.featured ? imageVariants(article.featured).find((v) => v.ratio === '16x9') : undefined;
  if (article.featured && wide) return { url: wide.url, width: wide.width, height: wide.height, alt: article.featured.alt };
  if (article.featured) return { url: article.featured.src, width: article.featured.width, height: article.featured.height, alt: article.featured.alt };
  return { url: articleCardPath(article.slug), ...OG_CARD, alt: article.headline };
}

export function articleMetadata(settings: SiteSettings, article: ArticlePage): Metadata {
  const name = article.seoTitle || article.headline;
  return pageMetadata({
    site: settings,
    title: `${name} – ${settings.name}`,
    socialTitle: name,
    description: article.seoDescription || article.standfirst || article.headline,
    canonical: article.canonicalUrl || article.path,
    image: articleCardImage(article),
    type: 'article',
    article: {
      publishedTime: new Date(article.firstPublishedAt).toISOString(),
      modifiedTime: articleModifiedAt(article),
      section: article.sectionName,
      tags: article.tags.map((t) => t.name),
      authors: article.authors.map((a) => authorPath(a.slug)),
    },
    feeds: [
      { title: `${article.sectionName} – ${settings.name}`, path: sectionFeedPath(article.sectionSlug) },
      { title: `Comments on “${article.headline}”`, path: commentsFeedPath(article.slug) },
    ],
  });
}

const pagedPath = (base: string, cursor: string) => (cursor ? `${base}/before/${cursor}` : base);
const older = (cursor: string) => (cursor ? ' (older stories)' : '');

export async function sectionPageMetadata(slug: string, cursor: string): Promise<Metadata> {
  const [settings, section] = await Promise.all([getSiteSettings(), isSlug(slug) ? getSection(slug) : null]);
  if (!section) return notFoundMetadata(settings.name);
  return pageMetadata({
    site: settings,
    title: `${section.name}${older(cursor)} – ${settings.name}`,
    socialTitle: section.name,
    description: section.description || `The latest ${section.name} stories from ${settings.name}`,
    canonical: pagedPath(sectionPath(section.slug), cursor),
    image: { url: sectionCardPath(section.slug), ...OG_CARD, alt: section.name },
    feeds: [{ title: `${section.name} – ${settings.name}`, path: sectionFeedPath(section.slug) }],
  });
}

export async function authorPageMetadata(slug: string, cursor: string): Promise<Metadata> {
  const [settings, author] = await Promise.all([getSiteSettings(), isSlug(slug) ? getAuthor(slug) : null]);
  if (!author) return notFoundMetadata(settings.name);
  return pageMetadata({
    site: settings,
    title: `${author.name}${older(cursor)} – ${settings.name}`,
    socialTitle: author.name,
    description: author.bio || `Stories by ${author.name}${author.jobTitle ? `, ${author.jobTitle}` : ''}`,
    canonical: pagedPath(authorPath(author.slug), cursor),
    image: siteCard(settings),
    type: 'profile',
    feeds: [{ title: `${author.name} – ${settings.name}`, path: authorFeedPath(author.slug) }],
  });
}

export async function tagPageMetadata(slug: string, cursor: string): Promise<Metadata> {
  const [settings, tag] = await Promise.all([getSiteSettings(), isSlug(slug) ? getTopic(slug) : null]);
  if (!tag) return notFoundMetadata(settings.name);
  return pageMetadata({
    site: settings,
    title: `${tag.name}${older(cursor)} – ${settings.name}`,
    socialTitle: tag.name,
    description: tag.description || `Stories about ${tag.name} from ${settings.name}`,
    canonical: pagedPath(tagPath(tag.slug), cursor),
    image: siteCard(settings),
    feeds: [{ title: `${tag.name} – ${settings.name}`, path: tagFeedPath(tag.slug) }],
  });
}

/** A fixed page (about, policies): `path` is its public address (/about, not /pages/about). */
export function fixedPageMetadata(settings: SiteSettings, page: { title: string; description: string; path: string; index: boolean }): Metadata {
  return pageMetadata({
    site: settings,
    title: `${page.title} – ${settings.name}`,
    socialTitle: page.title,
    description: page.description,
    canonical: page.path,
    image: siteCard(settings),
    index: page.index,
  });
}

export { notFoundMetadata };
