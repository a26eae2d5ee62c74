import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { cachedQuery } from '../cache';
import { preparedQuery } from '../prepared';
import { staff } from '../schema';
import { cacheTags } from '../tags';

export type AuthorProfile = { id: number; slug: string; name: string; jobTitle: string; bio: string; email: string };

const authorBySlug = preparedQuery((db) =>
  db
    .select({ id: staff.id, slug: staff.slug, name: staff.name, jobTitle: staff.jobTitle, bio: staff.bio, email: staff.email })
    .from(staff)
    .where(and(eq(staff.slug, sql.placeholder('slug')), eq(staff.active, true)))
    .prepare('reader_author'),
);

/** An active staff member's public profile, uncached: the proxy asks this before the page renders. */
export async function findAuthor(slug: string): Promise<AuthorProfile | null> {
  const [row] = await authorBySlug().execute({ slug });
  return row ?? null;
}

/** The author page's profile, through the data cache (the same statement as findAuthor). */
export const getAuthor = cachedQuery('author', findAuthor, (slug) => [cacheTags.author(slug)]);
