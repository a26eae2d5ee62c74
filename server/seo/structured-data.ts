// schema.org structured data for each kind of page, as plain objects (serialised by json-ld.ts).
// Every URL is absolute and built from the configured site URL.
import { wireCredit } from '../../lib/byline';
import type { JsonLdValue } from '../../lib/seo/json-ld';
import { imageVariants, OG_CARD, articleCardPath, type SourceImage } from '../../lib/seo/images';
import { absoluteUrl, siteUrl } from './site-url';

type Json = { [key: string]: JsonLdValue | undefined };

export type SiteInfo = { name: string; description: string; tagline: string; locale: string };

/** The fixed pages our publishing policies live on (app/(site)/pages/[page]). */
export const POLICY_PATHS = {
  about: '/about',
  publishingPrinciples: '/standards',
  correctionsPolicy: '/corrections-policy',
  ethicsPolicy: '/ethics',
  corrections: '/corrections',
} as const;

/** The square logo (app/icons/[file], drawn in app/icon.svg). */
export const LOGO = { path: '/icons/icon-512.png', width: 512, height: 512 } as const;

export const organizationId = () => `${siteUrl()}/#organization`;
export const websiteId = () => `${siteUrl()}/#website`;

export function newsMediaOrganization(site: SiteInfo): Json {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsMediaOrganization',
    '@id': organizationId(),
    name: site.name,
    url: absoluteUrl('/'),
    description: site.description || site.tagline || undefined,
    logo: { '@type': 'ImageObject', url: absoluteUrl(LOGO.path), width: LOGO.width, height: LOGO.height },
    publishingPrinciples: absoluteUrl(POLICY_PATHS.publishingPrinciples),
    correctionsPolicy: absoluteUrl(POLICY_PATHS.correctionsPolicy),
    ethicsPolicy: absoluteUrl(POLICY_PATHS.ethicsPolicy),
    masthead: absoluteUrl(POLICY_PATHS.about),
  };
}

/** The publisher as embedded in an article: enough for Google without a second lookup. */
function publisher(site: SiteInfo): Json {
  const { '@context': _context, ...org } = newsMediaOrganization(site);
  return org;
}

export function webSite(site: SiteInfo): Json {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    '@id': websiteId(),
    url: absoluteUrl('/'),
    name: site.name,
    description: site.description || site.tagline || undefined,
    inLanguage: site.locale,
    publisher: { '@id': organizationId() },
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${siteUrl()}/search?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

export type ArticleInput = {
  slug: string;
  path: string;
  headline: string;
  standfirst: string;
  sectionSlug: string;
  sectionName: string;
  firstPublishedAt: string;
  updatedAt: string | null;
  featured: (SourceImage & { alt: string; caption: string; credit: string }) | null;
  authors: { slug: string; name: string; jobTitle: string }[];
  bylineText: string | null;
  wireInitials: string | null;
  wireAgencies: string[];
  corrections: { kind: string; body: string; publishedAt: string }[];
  tags: { slug: string; name: string }[];
  approvedComments: number;
  wordCount?: number;
};

/** The latest of publication, the last update and the last correction: the article's dateModified and sitemap lastmod. */
export function articleModifiedAt(a: { firstPublishedAt: string; updatedAt: string | null; corrections: { publishedAt: string }[] }): string {
  const times = [a.firstPublishedAt, a.updatedAt, ...a.corrections.map((c) => c.publishedAt)].filter((t): t is string => Boolean(t)).map((t) => new Date(t).getTime());
  return new Date(Math.max(...times)).toISOString();
}

/** Absolute image URLs for an article: three crops of its own image, or the generated card. */
export function articleImages(a: Pick<ArticleInput, 'slug' | 'featured'>): { url: string; width: number; height: number }[] {
  const crops = a.featured ? imageVariants(a.featured) : [];
  if (crops.length > 0) return crops.map((c) => ({ url: absoluteUrl(c.url), width: c.width, height: c.height }));
  if (a.featured) return [{ url: absoluteUrl(a.featured.src), width: a.featured.width, height: a.featured.height }];
  return [{ url: absoluteUrl(articleCardPath(a.slug)), ...OG_CARD }];
}

export function newsArticle(a: ArticleInput, site: SiteInfo): Json {
  const url = absoluteUrl(a.path);
  const credit = wireCredit(a.wireInitials, a.wireAgencies);
  const author: Json[] =
    a.authors.length > 0
      ? a.authors.map((p) => ({ '@type': 'Person', name: p.name, url: absoluteUrl(`/author/${p.slug}`), jobTitle: p.jobTitle || undefined }))
      : [{ '@type': 'Organization', name: a.bylineText?.trim() || site.name, url: absoluteUrl('/') }];
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${url}#article`,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: a.headline,
    description: a.standfirst || undefined,
    image: articleImages(a).map((img) => ({ '@type': 'ImageObject', url: img.url, width: img.width, height: img.height })),
    datePublished: new Date(a.firstPublishedAt).toISOString(),
    dateModified: articleModifiedAt(a),
    author,
    publisher: publisher(site),
    articleSection: a.sectionName,
    keywords: a.tags.map((t) => t.name),
    inLanguage: site.locale,
    isAccessibleForFree: true,
    isPartOf: { '@id': websiteId() },
    wordCount: a.wordCount,
    commentCount: a.approvedComments,
    sourceOrganization: a.wireAgencies.length > 0 ? a.wireAgencies.map((name) => ({ '@type': 'Organization', name })) : undefined,
    creditText: credit ?? undefined,
    correction:
      a.corrections.length > 0
        ? a.corrections.map((c) => ({ '@type': 'CorrectionComment', text: c.body, datePublished: new Date(c.publishedAt).toISOString() }))
        : undefined,
  };
}

export function breadcrumbList(crumbs: { name: string; path: string }[]): Json {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: absoluteUrl(c.path) })),
  };
}

export function collectionPage(page: { name: string; description: string; path: string; items: { path: string; headline: string }[] }, site: SiteInfo): Json {
  const url = absoluteUrl(page.path);
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    '@id': url,
    url,
    name: page.name,
    description: page.description || undefined,
    inLanguage: site.locale,
    isPartOf: { '@id': websiteId() },
    mainEntity: {
      '@type': 'ItemList',
      numberOfItems: page.items.length,
      itemListElement: page.items.map((item, i) => ({ '@type': 'ListItem', position: i + 1, url: absoluteUrl(item.path), name: item.headline })),
    },
  };
}

export function profilePage(author: { slug: string; name: string; jobTitle: string; bio: string }, path: string, site: SiteInfo): Json {
  const url = absoluteUrl(path);
  const personUrl = absoluteUrl(`/author/${author.slug}`);
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    '@id': url,
    url,
    name: author.name,
    inLanguage: site.locale,
    isPartOf: { '@id': websiteId() },
    mainEntity: {
      '@type': 'Person',
      '@id': `${personUrl}#person`,
      name: author.name,
      url: personUrl,
      jobTitle: author.jobTitle || undefined,
      description: author.bio || undefined,
      worksFor: { '@id': organizationId() },
    },
  };
}
