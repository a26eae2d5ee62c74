import 'server-only';
import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import { articleReadScope, type Actor } from '../../lib/permissions';
import { getDb } from '../client';
import { articleAuthors, articles } from '../schema';
import { isLive } from './conditions';

// "Who may read which article" (articleReadScope in lib/permissions.ts) as SQL, so every newsroom
// read of article content carries it inside its statement, as reader queries carry isLive(): a page
// that forgets to check gets nothing, not a colleague's embargoed draft.

/** Articles the actor wrote or is a named author of. */
export function ownArticles(actor: Actor): SQL {
  return or(eq(articles.createdBy, actor.id), inArray(articles.id, getDb().select({ id: articleAuthors.articleId }).from(articleAuthors).where(eq(articleAuthors.staffId, actor.id))))!;
}

/**
 * The condition on `articles` for what the actor may read: nothing extra for editors and admins;
 * their own work and anything live for everyone else.
 */
export function readableBy(actor: Actor): SQL | undefined {
  if (articleReadScope(actor) === 'all') return undefined;
  return or(ownArticles(actor), isLive())!;
}

/** The article's id when it exists and the actor may read it; null otherwise (which looks like "not found"). */
export async function getReadableArticleId(id: number, actor: Actor): Promise<number | null> {
  const [row] = await getDb()
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.id, id), readableBy(actor)));
  return row?.id ?? null;
}
