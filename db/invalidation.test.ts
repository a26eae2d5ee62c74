import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../lib/permissions';
import { getConnection, type Db } from './connection';
import { INVALIDATION_CHANNEL, invalidationBounds, invalidationsAfter, latestInvalidationSeq, pruneInvalidations, recordInvalidation } from './invalidation';
import { transitionArticle, publishDueArticles } from './mutations/articles';
import { moderateComments } from './mutations/comments';
import { saveSection } from './mutations/taxonomy';
import { comments, invalidations, siteSettings } from './schema';
import { cacheTags } from './tags';
import { makeArticle, makeSection, makeStaff } from './test-fixtures';
import { closeTestDatabase, openTestDatabase } from './testing';

// The invalidation outbox on both databases: a change's tags are recorded in its own transaction
// (gone with a rollback), signalled at commit and never before, and read back in order.

let db: Db;
let editor: Actor;

beforeAll(async () => {
  db = (await openTestDatabase()).db;
  await db.insert(siteSettings).values({ id: 1, name: 'Outbox Gazette' });
  const s = await makeStaff(db, 'olive-outbox', 'editor');
  editor = { id: s.id, role: s.role };
});
afterAll(closeTestDatabase);

const newRows = async (after: number) => invalidationsAfter(db, after);

describe('the invalidation outbox', () => {
  it('keeps the tags of a committed change and nothing of a rolled-back one', async () => {
    const start = await latestInvalidationSeq(db);
    await db.transaction(async (tx) => {
      await recordInvalidation(tx, ['article:1', 'front-page', 'article:1']);
    });
    await db
      .transaction(async (tx) => {
        await recordInvalidation(tx, ['article:2']);
        throw new Error('the change failed');
      })
      .catch(() => {});
    const rows = await newRows(start);
    expect(rows.map((r) => r.tags)).toEqual([['article:1', 'front-page']]);
  });

  it('records nothing for a change that expires nothing', async () => {
    const start = await latestInvalidationSeq(db);
    expect(await recordInvalidation(db, [])).toBeNull();
    expect(await newRows(start)).toEqual([]);
  });

  it('signals listeners when the transaction commits, not before', async () => {
    const heard: string[] = [];
    const { stop } = await getConnection().listen(INVALIDATION_CHANNEL, { onNotify: (p) => heard.push(p), onListening: () => {} });
    try {
      let seq: number | null = null;
      await db.transaction(async (tx) => {
        seq = await recordInvalidation(tx, ['section:news']);
        await new Promise((r) => setTimeout(r, 300));
        expect(heard, 'nothing is heard while the transaction is open').toEqual([]);
      });
      await expect.poll(() => heard, { timeout: 5000 }).toEqual([String(seq)]);
    } finally {
      await stop();
    }
  });

  it('is written by the changes readers see: a section saved, an article published, a comment approved', async () => {
    const section = await makeSection(db, 'outbox-news');
    let start = await latestInvalidationSeq(db);
    const saved = await saveSection(editor, section.id, { name: 'Outbox News', slug: 'outbox-news', description: '', position: 0 });
    expect(saved.ok).toBe(true);
    expect((await newRows(start)).flatMap((r) => r.tags).sort()).toEqual(saved.ok ? [...saved.expire].sort() : []);

    const article = await makeArticle(db, { slug: 'outbox-story', section, status: 'draft', authorIds: [editor.id] });
    start = await latestInvalidationSeq(db);
    const published = await transitionArticle(editor, article.id, 'publish', { override: true });
    expect(published.ok).toBe(true);
    const rows = await newRows(start);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tags).toEqual(expect.arrayContaining([cacheTags.article(article.id), cacheTags.frontPage(), cacheTags.section('outbox-news')]));

    const [comment] = await db
      .insert(comments)
      .values({ articleId: article.id, authorName: 'Reader', authorEmail: 'reader@example.org', body: 'Thoughtful words.', status: 'pending' })
      .returning({ id: comments.id });
    start = await latestInvalidationSeq(db);
    const moderated = await moderateComments([Number(comment!.id)], 'approve', editor);
    expect(moderated.changed).toBe(1);
    expect((await newRows(start)).flatMap((r) => r.tags)).toEqual(expect.arrayContaining([cacheTags.comments(article.id)]));
  });

  it('records a scheduled story coming due once, however many schedulers tick at once', async () => {
    const section = await makeSection(db, 'outbox-due');
    const due = await makeArticle(db, { slug: 'outbox-due-story', section, status: 'scheduled', publishedAt: new Date(Date.now() - 1000) });
    const start = await latestInvalidationSeq(db);
    const results = await Promise.all([publishDueArticles(), publishDueArticles(), publishDueArticles()]);
    expect(results.flatMap((r) => r.published.map((p) => p.id))).toEqual([due.id]);
    const rows = await newRows(start);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tags).toContain(cacheTags.article(due.id));
  });

  it('prunes rows older than a day but always keeps the newest', async () => {
    await db.execute(sql`update invalidations set created_at = now() - interval '2 days'`);
    const { newest } = await invalidationBounds(db);
    const gone = await pruneInvalidations(db);
    expect(gone).toBeGreaterThan(0);
    const left = await db.select({ seq: invalidations.seq }).from(invalidations);
    expect(left.map((r) => r.seq)).toEqual([newest]);
  });
});
