// Small, explicit fixtures for database tests: each test says what it needs.
import type { Db } from './connection';
import { articleAuthors, articles, articleTags, sections, staff, tags } from './schema';
import { type ArticleStatus } from '../lib/domain';
import { bodyToText, type ArticleBody } from '../lib/article-body';
import { articlePath } from '../lib/urls';

const body: ArticleBody = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'The harbour wall held through the night.' }] },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'What happens next' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Engineers will inspect it on Monday.' }] },
  ],
};

export async function makeSection(db: Db, slug: string, position = 0) {
  const [row] = await db.insert(sections).values({ slug, name: slug[0]!.toUpperCase() + slug.slice(1), description: `All about ${slug}`, position }).returning();
  return row!;
}

export async function makeStaff(db: Db, slug: string, role: 'admin' | 'editor' | 'author' | 'contributor' = 'author') {
  const [first = slug, last = 'Person'] = slug.split('-');
  const [row] = await db
    .insert(staff)
    .values({ slug, name: `${first} ${last}`, firstName: first, lastName: last, email: `${first[0]}${last}@example.org`.toLowerCase(), role })
    .returning();
  return row!;
}

export async function makeTag(db: Db, slug: string) {
  const [row] = await db.insert(tags).values({ slug, name: slug }).returning();
  return row!;
}

type ArticleInput = {
  slug: string;
  section: { id: number; slug: string };
  status?: ArticleStatus;
  publishedAt?: Date | null;
  authorIds?: number[];
  tagIds?: number[];
  headline?: string;
};

export async function makeArticle(db: Db, input: ArticleInput) {
  const status = input.status ?? 'published';
  const publishedAt = input.publishedAt === undefined ? new Date(Date.now() - 3600_000) : input.publishedAt;
  const everPublished = status === 'published' || status === 'withdrawn';
  const [row] = await db
    .insert(articles)
    .values({
      slug: input.slug,
      headline: input.headline ?? `Headline for ${input.slug}`,
      standfirst: `Standfirst for ${input.slug}`,
      body,
      bodyText: bodyToText(body),
      status,
      sectionId: input.section.id,
      publishedAt,
      firstPublishedAt: everPublished ? publishedAt : null,
      path: everPublished && publishedAt ? articlePath({ sectionSlug: input.section.slug, slug: input.slug, firstPublishedAt: publishedAt }, 'Europe/London') : null,
      withdrawnAt: status === 'withdrawn' ? new Date() : null,
    })
    .returning();
  const article = row!;
  if (input.authorIds?.length) {
    await db.insert(articleAuthors).values(input.authorIds.map((staffId, position) => ({ articleId: article.id, staffId, position })));
  }
  if (input.tagIds?.length) await db.insert(articleTags).values(input.tagIds.map((tagId) => ({ articleId: article.id, tagId })));
  return article;
}
