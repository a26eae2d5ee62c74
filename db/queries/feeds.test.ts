import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../connection';
import { articles, comments, media } from '../schema';
import { closeTestDatabase, openTestDatabase } from '../testing';
import { makeArticle, makeSection, makeStaff, makeTag } from '../test-fixtures';
import { listApprovedCommentsForFeed, listFeedArticles } from './feeds';

let db: Db;
const hidden = ['draft-story', 'review-story', 'scheduled-story', 'withdrawn-story', 'future-dated-story'];
let liveId = 0;
let withdrawnId = 0;

beforeAll(async () => {
  db = (await openTestDatabase()).db;
  const news = await makeSection(db, 'news');
  const sport = await makeSection(db, 'sport', 1);
  const ana = await makeStaff(db, 'ana-ruiz');
  const tom = await makeStaff(db, 'tom-hale');
  const harbour = await makeTag(db, 'harbour');
  const common = { section: news, authorIds: [ana.id, tom.id], tagIds: [harbour.id] };
  const live = await makeArticle(db, { ...common, slug: 'live-story', publishedAt: new Date(Date.now() - 2 * 3600_000) });
  liveId = live.id;
  await makeArticle(db, { section: sport, authorIds: [tom.id], slug: 'sport-story', publishedAt: new Date(Date.now() - 3600_000) });
  await makeArticle(db, { ...common, slug: 'draft-story', status: 'draft', publishedAt: null });
  await makeArticle(db, { ...common, slug: 'review-story', status: 'in_review', publishedAt: null });
  await makeArticle(db, { ...common, slug: 'scheduled-story', status: 'scheduled', publishedAt: new Date(Date.now() + 3600_000) });
  withdrawnId = (await makeArticle(db, { ...common, slug: 'withdrawn-story', status: 'withdrawn' })).id;
  await makeArticle(db, { ...common, slug: 'future-dated-story', publishedAt: new Date(Date.now() + 3600_000) });

  const [image] = await db.insert(media).values({ src: '/demo/harbour.svg', mimeType: 'image/svg+xml', width: 1600, height: 900, bytes: 4321, alt: 'The harbour' }).returning();
  await db.update(articles).set({ featuredImageId: image!.id }).where(eq(articles.id, liveId));

  const comment = (articleId: number, name: string, status: 'pending' | 'approved' | 'spam' | 'trash', minutesAgo: number) => ({
    articleId,
    authorName: name,
    authorEmail: `${name.toLowerCase().replace(/\s+/g, '.')}@private.example`,
    body: `${name} says hello`,
    status,
    createdAt: new Date(Date.now() - minutesAgo * 60_000),
  });
  await db.insert(comments).values([
    comment(liveId, 'Annie Castle', 'approved', 30),
    comment(liveId, 'Bert Moss', 'approved', 10),
    comment(liveId, 'Held Person', 'pending', 5),
    comment(liveId, 'Spam Bot', 'spam', 4),
    comment(liveId, 'Binned Person', 'trash', 3),
    comment(withdrawnId, 'On Withdrawn', 'approved', 2),
  ]);
});
afterAll(closeTestDatabase);

const slugsOf = (items: { slug: string }[]) => items.map((i) => i.slug);

describe('feed articles', () => {
  it('site feed: live articles only, newest first', async () => {
    const { items } = await listFeedArticles('site', '', 50);
    expect(slugsOf(items)).toEqual(['sport-story', 'live-story']);
  });

  it('never lists drafts, articles in review, scheduled, withdrawn or not-yet-due ones, in any scope', async () => {
    const scopes = [listFeedArticles('site', '', 50), listFeedArticles('section', 'news', 50), listFeedArticles('author', 'ana-ruiz', 50), listFeedArticles('tag', 'harbour', 50)];
    for (const { items } of await Promise.all(scopes)) for (const slug of hidden) expect(slugsOf(items)).not.toContain(slug);
  });

  it('scopes to a section, an author or a tag', async () => {
    expect(slugsOf((await listFeedArticles('section', 'sport', 50)).items)).toEqual(['sport-story']);
    expect(slugsOf((await listFeedArticles('author', 'ana-ruiz', 50)).items)).toEqual(['live-story']);
    expect(slugsOf((await listFeedArticles('author', 'tom-hale', 50)).items)).toEqual(['sport-story', 'live-story']);
    expect(slugsOf((await listFeedArticles('tag', 'harbour', 50)).items)).toEqual(['live-story']);
    expect((await listFeedArticles('section', 'no-such-section', 50)).items).toEqual([]);
  });

  it('carries what an item needs: full body, authors in byline order, topics and the image file', async () => {
    const [item] = (await listFeedArticles('tag', 'harbour', 50)).items;
    expect(item!.body.content.length).toBeGreaterThan(0);
    expect(item!.authors.map((a) => a.name)).toEqual(['ana ruiz', 'tom hale']);
    expect(item!.tags).toEqual([{ slug: 'harbour', name: 'harbour' }]);
    expect(item!.image).toEqual({ src: '/demo/harbour.svg', mimeType: 'image/svg+xml', bytes: 4321, width: 1600, height: 900, alt: 'The harbour' });
    expect(item!.path).toMatch(/^\/news\/\d{4}\/\d{2}\/\d{2}\/live-story$/);
  });

  it('honours the limit', async () => {
    expect((await listFeedArticles('site', '', 1)).items).toHaveLength(1);
  });
});

describe('comments feed', () => {
  it('has approved comments only, newest first, and never an e-mail address', async () => {
    const { comments: list } = await listApprovedCommentsForFeed(liveId, 50);
    expect(list.map((c) => c.authorName)).toEqual(['Bert Moss', 'Annie Castle']);
    expect(JSON.stringify(list)).not.toContain('@');
    expect(Object.keys(list[0]!).sort()).toEqual(['authorName', 'body', 'createdAt', 'id', 'parentId']);
  });

  it('is empty for an article readers cannot see, even with approved comments', async () => {
    expect((await listApprovedCommentsForFeed(withdrawnId, 50)).comments).toEqual([]);
  });
});
