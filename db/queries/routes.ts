import 'server-only';
import { eq } from 'drizzle-orm';
import type { RouteResolution } from '../../lib/route-cache';
import { getDb } from '../client';
import { articles, urlHistory } from '../schema';

function classify(row: { path: string | null; status: string; publishedAt: Date | null }, requested: string): RouteResolution {
  if (row.status === 'withdrawn') return { kind: 'gone' };
  const due = row.status === 'published' && row.publishedAt !== null && row.publishedAt.getTime() <= Date.now();
  if (!due || !row.path) return { kind: 'unknown' };
  return row.path === requested ? { kind: 'live' } : { kind: 'moved', location: row.path };
}

/**
 * What an article-shaped path is now: the live article's own URL, an old URL of an article that
 * moved (301), a withdrawn article (410), or nothing (404).
 */
export async function resolveArticlePath(path: string): Promise<RouteResolution> {
  const db = getDb();
  const columns = { path: articles.path, status: articles.status, publishedAt: articles.publishedAt };
  const [current] = await db.select(columns).from(articles).where(eq(articles.path, path));
  if (current) return classify(current, path);
  const [moved] = await db
    .select(columns)
    .from(urlHistory)
    .innerJoin(articles, eq(articles.id, urlHistory.articleId))
    .where(eq(urlHistory.path, path));
  if (moved) return classify(moved, path);
  // A mistyped date or section with a real slug: send the reader to the article's own URL.
  const slug = path.split('/').at(-1) ?? '';
  const [bySlug] = await db.select(columns).from(articles).where(eq(articles.slug, slug));
  return bySlug ? classify(bySlug, path) : { kind: 'unknown' };
}
