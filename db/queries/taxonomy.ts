import 'server-only';
import { asc, count, eq } from 'drizzle-orm';
import { getDb } from '../client';
import { articles, articleTags, sections, tags } from '../schema';

export async function listSectionsWithCounts() {
  return getDb()
    .select({ id: sections.id, slug: sections.slug, name: sections.name, description: sections.description, position: sections.position, articles: count(articles.id) })
    .from(sections)
    .leftJoin(articles, eq(articles.sectionId, sections.id))
    .groupBy(sections.id)
    .orderBy(asc(sections.position), asc(sections.name));
}

export async function listTagsWithCounts() {
  return getDb()
    .select({ id: tags.id, slug: tags.slug, name: tags.name, description: tags.description, articles: count(articleTags.articleId) })
    .from(tags)
    .leftJoin(articleTags, eq(articleTags.tagId, tags.id))
    .groupBy(tags.id)
    .orderBy(asc(tags.name))
    .limit(1000);
}
