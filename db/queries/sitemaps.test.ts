import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../connection';
import { articles, corrections, media, staff } from '../schema';
import { closeTestDatabase, openTestDatabase } from '../testing';
import { makeArticle, makeSection, makeStaff, makeTag } from '../test-fixtures';
import { getSitemapPage, getSitemapSummary, listNewsArticles } from './sitemaps';

let db: Db;
const hidden = ['draft-story', 'scheduled-story', 'withdrawn-story', 'future-dated-story'];
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);

beforeAll(async () => {
  db = (await openTestDatabase()).db;
  const news = await makeSection(db, 'news');
  await makeSection(db, 'empty', 1);
  const ana = await makeStaff(db, 'ana-ruiz');
  const idle = await makeStaff(db, 'idle-writer');
  const gone = await makeStaff(db, 'gone-writer');
  await db.update(staff).set({ active: false }).where(eq(staff.id, gone.id));
  const harbour = await makeTag(db, 'harbour');
  const secret = await makeTag(db, 'secret-topic');
  const common = { section: news, authorIds: [ana.id], tagIds: [harbour.id] };
  // Five live articles, published 100, 50, 30, 10 and 1 hours ago.
  for (const [i, h] of [100, 50, 30, 10, 1].entries()) await makeArticle(db, { ...common, slug: `live-${i + 1}`, publishedAt: hoursAgo(h) });
  const hiddenCommon = { section: news, authorIds: [idle.id, gone.id], tagIds: [secret.id] };
  await makeArticle(db, { ...hiddenCommon, slug: 'draft-story', status: 'draft', publishedAt: null });
  await makeArticle(db, { ...hiddenCommon, slug: 'scheduled-story', status: 'scheduled', publishedAt: new Date(Date.now() + 3600_000) });
  await makeArticle(db, { ...hiddenCommon, slug: 'withdrawn-story', status: 'withdrawn', publishedAt: hoursAgo(2) });
  await makeArticle(db, { ...hiddenCommon, slug: 'future-dated-story', publishedAt: new Date(Date.now() + 3600_000) });

  const [image] = await db.insert(media).values({ src: '/demo/harbour.svg', mimeType: 'image/svg+xml', width: 1600, height: 900 }).returning();
  const [second] = await db.select().from(articles).where(eq(articles.slug, 'live-2'));
  await db.update(articles).set({ featuredImageId: image!.id, updatedAt: hoursAgo(40) }).where(eq(articles.id, second!.id));
  const [third] = await db.select().from(articles).where(eq(articles.slug, 'live-3'));
  await db.insert(corrections).values({ articleId: third!.id, kind: 'correction', body: 'Fixed a name', publishedAt: hoursAgo(5) });
});
afterAll(closeTestDatabase);

describe('sitemap pages', () => {
  it('list every live article once, oldest first, and nothing hidden', async () => {
    const entries = await getSitemapPage('articles', 1, 50_000);
    expect(entries.map((e) => e.path.split('/').at(-1))).toEqual(['live-1', 'live-2', 'live-3', 'live-4', 'live-5']);
    for (const slug of hidden) expect(entries.some((e) => e.path.endsWith(`/${slug}`))).toBe(false);
  });

  it('give each article its last significant change: update or correction if later than publication', async () => {
    const byslug = Object.fromEntries((await getSitemapPage('articles', 1, 50_000)).map((e) => [e.path.split('/').at(-1), e]));
    const near = (iso: string | null, expected: Date) => expect(Math.abs(new Date(iso!).getTime() - expected.getTime())).toBeLessThan(5_000);
    near(byslug['live-1']!.lastmod, hoursAgo(100));
    near(byslug['live-2']!.lastmod, hoursAgo(40));
    near(byslug['live-3']!.lastmod, hoursAgo(5));
    expect(byslug['live-2']!.images).toEqual(['/demo/harbour.svg']);
    expect(byslug['live-1']!.images).toEqual([]);
  });

  it('split into pages of the given size, in the same order the index numbers them', async () => {
    const pages = await Promise.all([1, 2, 3].map((p) => getSitemapPage('articles', p, 2)));
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(await getSitemapPage('articles', 4, 2)).toEqual([]);
    const summary = (await getSitemapSummary(2)).filter((s) => s.kind === 'articles');
    expect(summary.map((s) => s.page)).toEqual([1, 2, 3]);
    // Each page's lastmod is the newest of its own entries.
    for (const [i, page] of pages.entries()) {
      const newest = Math.max(...page.map((e) => new Date(e.lastmod!).getTime()));
      expect(new Date(summary[i]!.lastmod!).getTime()).toBe(newest);
    }
  });

  it('list all sections, and only active authors and topics with live articles', async () => {
    expect((await getSitemapPage('sections', 1, 100)).map((e) => e.path)).toEqual(['/news', '/empty']);
    expect((await getSitemapPage('authors', 1, 100)).map((e) => e.path)).toEqual(['/author/ana-ruiz']);
    expect((await getSitemapPage('tags', 1, 100)).map((e) => e.path)).toEqual(['/tag/harbour']);
    const kinds = (await getSitemapSummary(100)).map((s) => `${s.kind}-${s.page}`);
    expect(kinds).toEqual(['articles-1', 'sections-1', 'authors-1', 'tags-1']);
  });
});

describe('news sitemap', () => {
  it('has live articles first published in the last 48 hours, newest first', async () => {
    const entries = await listNewsArticles(48, 1000);
    expect(entries.map((e) => e.path.split('/').at(-1))).toEqual(['live-5', 'live-4', 'live-3']);
    expect(entries[0]).toMatchObject({ headline: 'Headline for live-5' });
  });

  it('stops at the limit', async () => {
    expect(await listNewsArticles(48, 2)).toHaveLength(2);
  });
});
