import 'server-only';
import { and, eq } from 'drizzle-orm';
import { cachedQuery } from '../cache';
import { getDb } from '../client';
import { staff } from '../schema';
import { cacheTags } from '../tags';

export type AuthorProfile = { id: number; slug: string; name: string; jobTitle: string; bio: string; email: string };

export const getAuthor = cachedQuery(
  'author',
  async (slug: string): Promise<AuthorProfile | null> => {
    const [row] = await getDb()
      .select({ id: staff.id, slug: staff.slug, name: staff.name, jobTitle: staff.jobTitle, bio: staff.bio, email: staff.email })
      .from(staff)
      .where(and(eq(staff.slug, slug), eq(staff.active, true)));
    return row ?? null;
  },
  (slug) => [cacheTags.author(slug)],
);
