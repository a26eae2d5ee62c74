import 'server-only';
import { and, eq, lte, sql } from 'drizzle-orm';
import { articles } from '../schema';

/**
 * "Published and due": the one condition every reader query carries, so no page can show a
 * draft, a scheduled article before its time, or a withdrawn one.
 */
export const isLive = () => and(eq(articles.status, 'published'), lte(articles.publishedAt, sql`now()`));
