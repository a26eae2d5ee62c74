import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { cachedQuery } from '../cache';
import { getDb } from '../client';
import { articles, corrections } from '../schema';
import { type CorrectionKind } from '../../lib/domain';
import { cacheTags } from '../tags';
import { isLive } from './conditions';

export type CorrectionEntry = { id: number; kind: CorrectionKind; body: string; publishedAt: string; headline: string; path: string };

export const listCorrections = cachedQuery(
  'corrections',
  async (): Promise<CorrectionEntry[]> => {
    const rows = await getDb()
      .select({
        id: corrections.id,
        kind: corrections.kind,
        body: corrections.body,
        publishedAt: corrections.publishedAt,
        headline: articles.headline,
        path: articles.path,
      })
      .from(corrections)
      .innerJoin(articles, eq(articles.id, corrections.articleId))
      .where(and(isLive()))
      .orderBy(desc(corrections.publishedAt))
      .limit(200);
    return rows.map((r) => ({ ...r, path: r.path ?? '/', publishedAt: r.publishedAt.toISOString() }));
  },
  () => [cacheTags.corrections()],
);
