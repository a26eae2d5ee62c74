import 'server-only';
import { eq } from 'drizzle-orm';
import { cachedQuery } from '../cache';
import { getDb } from '../client';
import { tags } from '../schema';
import { cacheTags } from '../tags';

export type Topic = { id: number; slug: string; name: string; description: string };

export const getTag = cachedQuery(
  'tag',
  async (slug: string): Promise<Topic | null> => {
    const [row] = await getDb()
      .select({ id: tags.id, slug: tags.slug, name: tags.name, description: tags.description })
      .from(tags)
      .where(eq(tags.slug, slug));
    return row ?? null;
  },
  (slug) => [cacheTags.tag(slug)],
);
