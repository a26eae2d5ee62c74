import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { cachedQuery } from '../cache';
import { getDb } from '../client';
import { articles, articleWithdrawals, corrections } from '../schema';
import { type CorrectionKind } from '../../lib/domain';
import { cacheTags } from '../tags';
import { isLive } from './conditions';

/**
 * One dated entry of the corrections page. A withdrawal names the story by the headline it had
 * when it was withdrawn and gives the reason, never the body; it links to the story only if the
 * story is live again (`path` null otherwise).
 */
export type CorrectionEntry = { id: string; kind: CorrectionKind | 'withdrawal'; body: string; publishedAt: string; headline: string; path: string | null };

const LIMIT = 200;

export const listCorrections = cachedQuery(
  'corrections',
  async (): Promise<CorrectionEntry[]> => {
    const [fixes, withdrawals] = await Promise.all([
      getDb()
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
        .limit(LIMIT),
      // Withdrawn stories are not live, so these cannot carry isLive(); only the withdrawal's own
      // columns are read, and the article's address only when it is live again.
      getDb()
        .select({
          id: articleWithdrawals.id,
          reason: articleWithdrawals.reason,
          withdrawnAt: articleWithdrawals.withdrawnAt,
          headline: articleWithdrawals.headline,
          livePath: articles.path,
          live: sql<boolean>`(${isLive()})`,
        })
        .from(articleWithdrawals)
        .innerJoin(articles, eq(articles.id, articleWithdrawals.articleId))
        .orderBy(desc(articleWithdrawals.withdrawnAt))
        .limit(LIMIT),
    ]);
    const entries: CorrectionEntry[] = [
      ...fixes.map((r) => ({ ...r, id: `c${r.id}`, path: r.path ?? '/', publishedAt: r.publishedAt.toISOString() })),
      ...withdrawals.map((w) => ({
        id: `w${w.id}`,
        kind: 'withdrawal' as const,
        body: w.reason,
        publishedAt: w.withdrawnAt.toISOString(),
        headline: w.headline,
        path: w.live ? w.livePath : null,
      })),
    ];
    return entries.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)).slice(0, LIMIT);
  },
  () => [cacheTags.corrections()],
);
