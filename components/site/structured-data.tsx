import { decodeCursor, listListingArticles, PAGE_SIZE, type ArticlePage } from '@/db/queries/articles';
import { getSectionFront } from '@/db/queries/front-page';
import { getAuthor } from '@/db/queries/authors';
import { getSection, getSiteSettings, type SiteSettings } from '@/db/queries/settings';
import { getTopic } from '@/db/queries/topics';
import { bodyToText } from '@/lib/article-body';
import { breadcrumbList, collectionPage, newsArticle, newsMediaOrganization, profilePage, webSite } from '@/server/seo/structured-data';
import { authorPath, isSlug, sectionPath, tagPath } from '@/lib/urls';
import { JsonLd } from './json-ld';

// The JSON-LD of each kind of reader page. Each reads the same cached queries as the page beside
// it (React cache: no second database read) and renders nothing when the page is a 404.

const pagedPath = (base: string, cursor: string) => (cursor ? `${base}/before/${cursor}` : base);
const validCursor = (cursor: string) => !cursor || decodeCursor(cursor) !== null;

export async function FrontPageJsonLd() {
  const settings = await getSiteSettings();
  return (
    <>
      <JsonLd data={webSite(settings)} />
      <JsonLd data={newsMediaOrganization(settings)} />
    </>
  );
}

export function OrganizationJsonLd({ settings }: { settings: SiteSettings }) {
  return <JsonLd data={newsMediaOrganization(settings)} />;
}

export function ArticleJsonLd({ article, settings }: { article: ArticlePage; settings: SiteSettings }) {
  const wordCount = bodyToText(article.body).split(/\s+/).filter(Boolean).length;
  return (
    <>
      <JsonLd data={newsArticle({ ...article, wordCount }, settings)} />
      <JsonLd
        data={breadcrumbList([
          { name: settings.name, path: '/' },
          { name: article.sectionName, path: sectionPath(article.sectionSlug) },
          { name: article.headline, path: article.path },
        ])}
      />
    </>
  );
}

export async function SectionJsonLd({ slug, cursor }: { slug: string; cursor: string }) {
  if (!isSlug(slug) || !validCursor(cursor)) return null;
  const [settings, section] = await Promise.all([getSiteSettings(), getSection(slug)]);
  if (!section) return null;
  // What the page lists, in its order: on the first page the top stories (pins first), then the
  // list; the same cached reads as the page (components/site/listing.tsx).
  const front = cursor ? null : await getSectionFront(section.id, section.slug, PAGE_SIZE);
  const items = front ? [...front.top, ...front.list] : (await listListingArticles('section', section.id, section.slug, cursor)).items;
  const path = pagedPath(sectionPath(section.slug), cursor);
  return (
    <>
      <JsonLd data={collectionPage({ name: section.name, description: section.description, path, items }, settings)} />
      <JsonLd
        data={breadcrumbList([
          { name: settings.name, path: '/' },
          { name: section.name, path: sectionPath(section.slug) },
        ])}
      />
    </>
  );
}

export async function TagJsonLd({ slug, cursor }: { slug: string; cursor: string }) {
  if (!isSlug(slug) || !validCursor(cursor)) return null;
  const [settings, tag] = await Promise.all([getSiteSettings(), getTopic(slug)]);
  if (!tag) return null;
  const page = await listListingArticles('topic', tag.id, tag.slug, cursor);
  return <JsonLd data={collectionPage({ name: tag.name, description: tag.description, path: pagedPath(tagPath(tag.slug), cursor), items: page.items }, settings)} />;
}

export async function AuthorJsonLd({ slug, cursor }: { slug: string; cursor: string }) {
  if (!isSlug(slug) || !validCursor(cursor)) return null;
  const [settings, author] = await Promise.all([getSiteSettings(), getAuthor(slug)]);
  if (!author) return null;
  return <JsonLd data={profilePage(author, pagedPath(authorPath(author.slug), cursor), settings)} />;
}
