import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { cachedQuery } from '../cache';
import { preparedQuery } from '../prepared';
import { tags } from '../schema';
import { cacheTags } from '../tags';

export type Topic = { id: number; slug: string; name: string; description: string };

const topicBySlug = preparedQuery((db) =>
  db
    .select({ id: tags.id, slug: tags.slug, name: tags.name, description: tags.description })
    .from(tags)
    .where(eq(tags.slug, sql.placeholder('slug')))
    .prepare('reader_topic'),
);

/** A topic by its slug, uncached: the proxy asks this before the page renders. */
export async function findTopic(slug: string): Promise<Topic | null> {
  const [row] = await topicBySlug().execute({ slug });
  return row ?? null;
}

/** The topic page's topic, through the data cache (the same statement as findTopic). */
export const getTopic = cachedQuery('topic', findTopic, (slug) => [cacheTags.topic(slug)]);
