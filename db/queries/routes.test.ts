import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../connection';
import { articles, comments, staff, urlHistory } from '../schema';
import { closeTestDatabase, openTestDatabase } from '../testing';
import { makeArticle, makeSection, makeStaff, makeTag } from '../test-fixtures';
import { eq } from 'drizzle-orm';
import { encodeCursor } from './articles';
import { resolveArticlePath, resolveReaderPath } from './routes';

let db: Db;
const at = new Date('2025-03-14T09:30:00Z');
let oldest: { id: number; publishedAt: Date | null };

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
  // Listings: an author and a topic with one live story each, a departed author, an unused topic.
  const writer = await makeStaff(db, 'nia-quayle');
  const departed = await makeStaff(db, 'old-hand');
  await db.update(staff).set({ active: false }).where(eq(staff.id, departed.id));
  const tides = await makeTag(db, 'tides');
  await makeTag(db, 'unused-topic');
  await makeSection(db, 'empty-section');
  oldest = await makeArticle(db, { section: science, slug: 'first-light', publishedAt: new Date('2025-01-02T08:00:00Z'), authorIds: [writer.id], tagIds: [tides.id] });
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

describe('section, author and topic pages exist only when their subject does', () => {
  const live = { kind: 'live' };
  const unknown = { kind: 'unknown' };

  it('knows sections, active authors and topics, with or without stories', async () => {
    expect(await resolveReaderPath('/science')).toEqual(live);
    expect(await resolveReaderPath('/empty-section')).toEqual(live);
    expect(await resolveReaderPath('/author/nia-quayle')).toEqual(live);
    expect(await resolveReaderPath('/tag/tides')).toEqual(live);
    expect(await resolveReaderPath('/tag/unused-topic')).toEqual(live);
  });

  it('answers unknown for what does not exist, a deactivated author, and malformed slugs', async () => {
    for (const path of ['/no-such-section', '/author/nobody', '/author/old-hand', '/tag/nothing', '/Science', '/author', '/tag', '/author/%00', '/no-such-section/2025/03/14/x']) {
      expect(await resolveReaderPath(path), path).toEqual(unknown);
    }
  });

  it('answers an older page as live only while it has stories on it', async () => {
    const justAfterOldest = encodeCursor({ id: oldest.id + 1, publishedAt: oldest.publishedAt!.toISOString() });
    const atOldest = encodeCursor({ id: oldest.id, publishedAt: oldest.publishedAt!.toISOString() });
    expect(await resolveReaderPath(`/science/before/${justAfterOldest}`)).toEqual(live);
    expect(await resolveReaderPath(`/author/nia-quayle/before/${justAfterOldest}`)).toEqual(live);
    expect(await resolveReaderPath(`/tag/tides/before/${justAfterOldest}`)).toEqual(live);
    for (const listing of ['/science', '/author/nia-quayle', '/tag/tides', '/news']) {
      expect(await resolveReaderPath(`${listing}/before/${atOldest}`), listing).toEqual(unknown);
    }
    expect(await resolveReaderPath('/science/before/not-a-cursor')).toEqual(unknown);
    expect(await resolveReaderPath(`/science/before/1-${'9'.repeat(10)}`)).toEqual(unknown);
  });

  it('treats rewrite targets asked for directly as missing, and leaves other routes to the router', async () => {
    for (const path of ['/pages/about', '/edition/front', '/missing', '/withdrawn']) expect(await resolveReaderPath(path), path).toEqual(unknown);
    for (const path of ['/', '/search', '/about', '/dashboard/articles', '/signin', '/comments/received', '/science/2025', '/manifest.webmanifest']) {
      expect(await resolveReaderPath(path), path).toBeNull();
    }
  });
});

describe('the no-JavaScript comment pages exist only for what readers can see', () => {
  const live = { kind: 'live' };
  const unknown = { kind: 'unknown' };

  it('knows an approved comment under a live article, and nothing else', async () => {
    const section = await makeSection(db, 'letters');
    const open = await makeArticle(db, { section, slug: 'open-thread' });
    const pulled = await makeArticle(db, { section, slug: 'pulled-thread', status: 'withdrawn' });
    const rows = await db
      .insert(comments)
      .values([
        { articleId: open.id, authorName: 'Reader', authorEmail: 'r@example.com', body: 'Approved', status: 'approved' },
        { articleId: open.id, authorName: 'Reader', authorEmail: 'r@example.com', body: 'Waiting', status: 'pending' },
        { articleId: pulled.id, authorName: 'Reader', authorEmail: 'r@example.com', body: 'Under a withdrawn story', status: 'approved' },
      ])
      .returning({ id: comments.id });
    const [approved, pending, orphaned] = rows.map((r) => Number(r.id));
    expect(await resolveReaderPath(`/comments/reply/${approved}`)).toEqual(live);
    for (const id of [pending, orphaned, 999999999]) expect(await resolveReaderPath(`/comments/reply/${id}`), String(id)).toEqual(unknown);
    for (const path of ['/comments/reply/abc', `/comments/reply/${'9'.repeat(16)}`, '/comments/reply/-1']) expect(await resolveReaderPath(path), path).toEqual(unknown);

    expect(await resolveReaderPath(`/comments/${open.id}/after/1-1`)).toEqual(live);
    expect(await resolveReaderPath(`/comments/${open.id}/after/1-1.2.3`)).toEqual(live);
    for (const path of [`/comments/${pulled.id}/after/1-1`, '/comments/999999/after/1-1', `/comments/${open.id}/after/not-a-cursor`, '/comments/99999999999/after/1-1', '/comments/x/after/1-1']) {
      expect(await resolveReaderPath(path), path).toEqual(unknown);
    }
  });
});

describe('a live article names the frame origins its embeds need', () => {
  it('lists exactly the providers of its embed blocks, and nothing for an article without any', async () => {
    const section = await makeSection(db, 'embeds-section');
    const withEmbeds = await makeArticle(db, { section, slug: 'regatta-in-pictures', publishedAt: at });
    await db
      .update(articles)
      .set({
        body: {
          type: 'doc',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'The regatta, as it happened.' }] },
            { type: 'embed', attrs: { url: 'https://www.youtube.com/watch?v=Qm3bT_x9-aZ', provider: 'youtube', title: 'The final' } },
            { type: 'embed', attrs: { url: 'https://www.openstreetmap.org/#map=14/50.12/-5.07', provider: 'openstreetmap' } },
            { type: 'embed', attrs: { url: 'https://www.youtube.com/watch?v=Zx9bT_x9-aQ', provider: 'youtube' } },
          ],
        },
      })
      .where(eq(articles.id, withEmbeds.id));
    expect(await resolveArticlePath('/embeds-section/2025/03/14/regatta-in-pictures')).toEqual({ kind: 'live', frameOrigins: ['https://www.openstreetmap.org', 'https://www.youtube-nocookie.com'] });
    await makeArticle(db, { section, slug: 'no-embeds-here', publishedAt: at });
    expect(await resolveArticlePath('/embeds-section/2025/03/14/no-embeds-here')).toEqual({ kind: 'live' });
  });
});
