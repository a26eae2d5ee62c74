import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './connection';
import { closeTestDatabase, openTestDatabase } from './testing';

// Newest-first lists must come off an index in order, so a page stops after its 20 rows instead of
// reading and sorting a whole section. The orderings are the ones Drizzle writes for
// desc(articles.publishedAt), desc(articles.id): plain DESC, which PostgreSQL means as NULLS FIRST;
// an index built DESC NULLS LAST cannot give them (migration 0008). On a test-sized table the
// planner would rather scan and sort, so the test takes those choices away and asks whether an
// ordered index path exists at all.

let db: Db;

type PlanNode = { 'Node Type': string; 'Index Name'?: string; Plans?: PlanNode[] };

async function plan(query: string): Promise<PlanNode> {
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw('SET LOCAL enable_seqscan = off'));
    await tx.execute(sql.raw('SET LOCAL enable_bitmapscan = off'));
    await tx.execute(sql.raw('SET LOCAL enable_sort = off'));
    const result = (await tx.execute(sql.raw(`EXPLAIN (FORMAT JSON) ${query}`))) as unknown;
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
    const cell = Object.values(rows[0]!)[0];
    const parsed = (typeof cell === 'string' ? JSON.parse(cell) : cell) as { Plan: PlanNode }[];
    return parsed[0]!.Plan;
  });
}

function nodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodes)];
}

beforeAll(async () => {
  db = (await openTestDatabase()).db;
});
afterAll(closeTestDatabase);

describe('newest-first lists are read from an index in order', () => {
  const live = `status = 'published' AND published_at <= now()`;
  const cases: [string, string, string][] = [
    ['a section page', `SELECT id FROM articles WHERE ${live} AND section_id = 1 ORDER BY published_at DESC, id DESC LIMIT 21`, 'articles_section_live_idx'],
    ['an older section page', `SELECT id FROM articles WHERE ${live} AND section_id = 1 AND (published_at, id) < (now(), 5) ORDER BY published_at DESC, id DESC LIMIT 21`, 'articles_section_live_idx'],
    ['the latest news', `SELECT id FROM articles WHERE ${live} ORDER BY published_at DESC, id DESC LIMIT 12`, 'articles_live_idx'],
    // "Newer stories": the same index read backwards from the page's newest story (ASC is the exact reverse of DESC NULLS FIRST).
    ['a newer section page', `SELECT id FROM articles WHERE ${live} AND section_id = 1 AND (published_at, id) > (now() - interval '1 day', 5) ORDER BY published_at ASC, id ASC LIMIT 25`, 'articles_section_live_idx'],
    ['a newer author page', `SELECT id FROM articles WHERE ${live} AND (published_at, id) > (now() - interval '1 day', 5) ORDER BY published_at ASC, id ASC LIMIT 21`, 'articles_live_idx'],
    ['the newest comments first', `SELECT id FROM comments WHERE article_id = 1 AND status = 'approved' ORDER BY root_id DESC, thread_path LIMIT 51`, 'comments_thread_newest_idx'],
  ];
  for (const [what, query, index] of cases) {
    it(`${what}: ${index}, no sort`, async () => {
      const all = nodes(await plan(query));
      expect(all.map((n) => n['Node Type'])).not.toContain('Sort');
      expect(all.map((n) => n['Index Name'])).toContain(index);
    });
  }
});
