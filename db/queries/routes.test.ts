import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../connection';
import { articles, urlHistory } from '../schema';
import { closeTestDatabase, openTestDatabase } from '../testing';
import { makeArticle, makeSection } from '../test-fixtures';
import { eq } from 'drizzle-orm';
import { resolveArticlePath } from './routes';

let db: Db;
const at = new Date('2025-03-14T09:30:00Z');

beforeAll(async () => {
  db = (await openTestDatabase()).db;
  const science = await makeSection(db, 'science');
  const news = await makeSection(db, 'news');
  // Published in science under one slug, then moved to news under another.
  const moved = await makeArticle(db, { section: news, slug: 'tide-gauge-fixed', publishedAt: at });
  await db.insert(urlHistory).values([
    { path: '/science/2025/03/14/tide-gauge-broken', articleId: moved.id },
    { path: '/news/2025/03/14/tide-gauge-broken', articleId: moved.id },
  ]);
  const gone = await makeArticle(db, { section: science, slug: 'retracted-claim', status: 'withdrawn', publishedAt: at });
  await db.insert(urlHistory).values({ path: '/science/2025/03/14/retracted-first-slug', articleId: gone.id });
  const unpublished = await makeArticle(db, { section: science, slug: 'pulled-back', publishedAt: at });
  await db.update(articles).set({ status: 'draft' }).where(eq(articles.id, unpublished.id));
});
afterAll(closeTestDatabase);

describe('old URLs follow the URL history', () => {
  it('answers the current URL as live', async () => {
    expect(await resolveArticlePath('/news/2025/03/14/tide-gauge-fixed')).toEqual({ kind: 'live' });
  });

  it('sends every old URL to the current one', async () => {
    for (const old of ['/science/2025/03/14/tide-gauge-broken', '/news/2025/03/14/tide-gauge-broken']) {
      expect(await resolveArticlePath(old)).toEqual({ kind: 'moved', location: '/news/2025/03/14/tide-gauge-fixed' });
    }
  });

  it('sends a mistyped date or section with a real slug to the article', async () => {
    expect(await resolveArticlePath('/science/2025/03/15/tide-gauge-fixed')).toEqual({ kind: 'moved', location: '/news/2025/03/14/tide-gauge-fixed' });
  });

  it('answers gone for a withdrawn article, at its URL and its old ones', async () => {
    expect(await resolveArticlePath('/science/2025/03/14/retracted-claim')).toEqual({ kind: 'gone' });
    expect(await resolveArticlePath('/science/2025/03/14/retracted-first-slug')).toEqual({ kind: 'gone' });
  });

  it('reveals nothing about an article taken back to draft, or a path that never existed', async () => {
    expect(await resolveArticlePath('/science/2025/03/14/pulled-back')).toEqual({ kind: 'unknown' });
    expect(await resolveArticlePath('/science/2025/03/14/never-was')).toEqual({ kind: 'unknown' });
  });
});
