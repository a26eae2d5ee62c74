import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../connection';
import { articles, corrections } from '../schema';
import { closeTestDatabase, openTestDatabase } from '../testing';
import { makeArticle, makeSection, makeStaff, makeTag } from '../test-fixtures';
import { getPublishedArticle, listListingArticles, listRelatedArticles, PAGE_SIZE } from './articles';
import { getFrontPage } from './front-page';
import { listCorrections } from './corrections';

let db: Db;
const hidden = ['draft-story', 'review-story', 'scheduled-story', 'withdrawn-story', 'future-dated-story'];

beforeAll(async () => {
  db = (await openTestDatabase()).db;
  const news = await makeSection(db, 'news');
  const author = await makeStaff(db, 'ana-ruiz');
  const tag = await makeTag(db, 'harbour');
  const common = { section: news, authorIds: [author.id], tagIds: [tag.id] };
  await makeArticle(db, { ...common, slug: 'live-story' });
  await makeArticle(db, { ...common, slug: 'draft-story', status: 'draft', publishedAt: null });
  await makeArticle(db, { ...common, slug: 'review-story', status: 'in_review', publishedAt: null });
  await makeArticle(db, { ...common, slug: 'scheduled-story', status: 'scheduled', publishedAt: new Date(Date.now() + 3600_000) });
  await makeArticle(db, { ...common, slug: 'withdrawn-story', status: 'withdrawn' });
  // Marked published but not yet due: readers must not see it before its time either.
  await makeArticle(db, { ...common, slug: 'future-dated-story', publishedAt: new Date(Date.now() + 3600_000) });
  for (const slug of hidden) {
    const [row] = await db.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug));
    await db.insert(corrections).values({ articleId: row!.id, kind: 'correction', body: `Correction on ${slug}` });
  }
});
afterAll(closeTestDatabase);

describe('reader queries show only published, due articles', () => {
  it('finds the live article by slug, and none of the others', async () => {
    expect(await getPublishedArticle('live-story')).toMatchObject({ slug: 'live-story', sectionSlug: 'news' });
    for (const slug of hidden) expect(await getPublishedArticle(slug), slug).toBeNull();
  });

  it('keeps drafts, scheduled and withdrawn articles out of every list', async () => {
    const [news] = await db.query.sections.findMany();
    const author = await db.query.staff.findFirst();
    const tag = await db.query.tags.findFirst();
    const lists = [
      (await listListingArticles('section', news!.id, 'news', '')).items,
      (await listListingArticles('author', author!.id, author!.slug, '')).items,
      (await listListingArticles('topic', tag!.id, tag!.slug, '')).items,
      (await getFrontPage()).latest,
      (await getFrontPage()).sections.flatMap((s) => s.stories),
    ];
    for (const list of lists) {
      const headlines = list.map((c) => c.headline);
      for (const slug of hidden) expect(headlines).not.toContain(`Headline for ${slug}`);
    }
    expect(lists[0]!.map((c) => c.headline)).toEqual(['Headline for live-story']);
  });

  it('keeps hidden articles out of related stories and the corrections page', async () => {
    const live = await getPublishedArticle('live-story');
    const related = await listRelatedArticles(live!.id, 'news');
    expect(related).toEqual([]);
    const listed = (await listCorrections()).map((c) => c.body);
    for (const slug of hidden) expect(listed).not.toContain(`Correction on ${slug}`);
  });
});

describe('section pages are stable while new stories are published', () => {
  it('lists the same older stories after a new one is published', async () => {
    const world = await makeSection(db, 'world', 1);
    const base = Date.now() - 10 * 86400_000;
    for (let i = 0; i < PAGE_SIZE + 5; i++) {
      await makeArticle(db, { section: world, slug: `world-${i}`, publishedAt: new Date(base + i * 60_000) });
    }
    const first = await listListingArticles('section', world.id, 'world', '');
    expect(first.items).toHaveLength(PAGE_SIZE);
    expect(first.next).toMatch(/^\d+-\d+$/);
    const secondBefore = await listListingArticles('section', world.id, 'world', first.next!);
    expect(secondBefore.items.map((c) => c.headline)).toEqual([4, 3, 2, 1, 0].map((i) => `Headline for world-${i}`));
    expect(secondBefore.next).toBeNull();

    await makeArticle(db, { section: world, slug: 'world-breaking', publishedAt: new Date() });
    const secondAfter = await listListingArticles('section', world.id, 'world', first.next!);
    expect(secondAfter.items.map((c) => c.id)).toEqual(secondBefore.items.map((c) => c.id));
    const firstAfter = await listListingArticles('section', world.id, 'world', '');
    expect(firstAfter.items[0]!.headline).toBe('Headline for world-breaking');
  });
});

describe('article page data', () => {
  it('carries authors in order with their contact address, and the count of approved comments only', async () => {
    const section = await makeSection(db, 'science', 2);
    const a = await makeStaff(db, 'lena-moss');
    const b = await makeStaff(db, 'omar-blake');
    const article = await makeArticle(db, { section, slug: 'two-authors', authorIds: [b.id, a.id] });
    const { comments } = await import('../schema');
    await db.insert(comments).values([
      { articleId: article.id, authorName: 'Reader', authorEmail: 'r@example.com', body: 'Approved', status: 'approved' },
      { articleId: article.id, authorName: 'Reader', authorEmail: 'r@example.com', body: 'Pending', status: 'pending' },
      { articleId: article.id, authorName: 'Spammer', authorEmail: 's@example.com', body: 'Spam', status: 'spam' },
    ]);
    const page = await getPublishedArticle('two-authors');
    expect(page!.authors.map((x) => x.slug)).toEqual(['omar-blake', 'lena-moss']);
    expect(page!.authors[0]!.email).toBe('oblake@example.org');
    expect(page!.approvedComments).toBe(1);
  });
});

describe('article page data in one statement', () => {
  it('lists topics by name and corrections oldest first with their dates, and never another article’s', async () => {
    const section = await makeSection(db, 'arts', 3);
    const zebra = await makeTag(db, 'zebra-crossings');
    const allot = await makeTag(db, 'allotments');
    const article = await makeArticle(db, { section, slug: 'with-corrections', tagIds: [zebra.id, allot.id] });
    const other = await makeArticle(db, { section, slug: 'other-story' });
    await db.insert(corrections).values([
      { articleId: article.id, kind: 'update', body: 'Later update', publishedAt: new Date('2026-11-02T10:00:00Z') },
      { articleId: article.id, kind: 'correction', body: 'Earlier correction', publishedAt: new Date('2026-11-01T09:30:00Z') },
      { articleId: other.id, kind: 'correction', body: 'Not this article' },
    ]);
    const page = await getPublishedArticle('with-corrections');
    expect(page!.tags).toEqual([
      { slug: 'allotments', name: expect.any(String) },
      { slug: 'zebra-crossings', name: expect.any(String) },
    ]);
    expect(page!.corrections.map((c) => [c.kind, c.body, c.publishedAt])).toEqual([
      ['correction', 'Earlier correction', '2026-11-01T09:30:00.000Z'],
      ['update', 'Later update', '2026-11-02T10:00:00.000Z'],
    ]);
    expect(page!.authors).toEqual([]);
    expect(page!.approvedComments).toBe(0);
  });

  it('offers stories sharing a topic first, then the section’s newest, each once and none hidden', async () => {
    const section = await makeSection(db, 'travel', 4);
    const elsewhere = await makeSection(db, 'sport', 5);
    const ferries = await makeTag(db, 'ferries');
    const day = (n: number) => new Date(Date.now() - n * 86400_000);
    const subject = await makeArticle(db, { section, slug: 'subject', tagIds: [ferries.id], publishedAt: day(1) });
    await makeArticle(db, { section: elsewhere, slug: 'tagged-old', tagIds: [ferries.id], publishedAt: day(9) });
    await makeArticle(db, { section, slug: 'tagged-same-section', tagIds: [ferries.id], publishedAt: day(8) });
    await makeArticle(db, { section, slug: 'tagged-draft', tagIds: [ferries.id], status: 'draft', publishedAt: null });
    await makeArticle(db, { section, slug: 'section-new', publishedAt: day(2) });
    await makeArticle(db, { section, slug: 'section-newer', publishedAt: day(1.5) });
    await makeArticle(db, { section, slug: 'section-old', publishedAt: day(20) });
    const related = await listRelatedArticles(subject.id, 'travel');
    expect(related.map((c) => c.headline)).toEqual([
      'Headline for tagged-same-section',
      'Headline for tagged-old',
      'Headline for section-newer',
      'Headline for section-new',
    ]);
  });
});
