import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/permissions';
import type { Db } from '../connection';
import { articles, media, siteSettings } from '../schema';
import { cacheTags } from '../tags';
import { makeArticle, makeSection, makeStaff, makeTag } from '../test-fixtures';
import { closeTestDatabase, openTestDatabase } from '../testing';
import { updateMediaText } from './media';
import { eq } from 'drizzle-orm';

// An image's alt text, caption and credit show wherever an article uses it as its featured image:
// the change returns the tags of those articles' pages and cards, and nothing for unseen drafts.

let db: Db;
let author: Actor;

beforeAll(async () => {
  db = (await openTestDatabase()).db;
  await db.insert(siteSettings).values({ id: 1, name: 'Test Gazette' });
  const s = await makeStaff(db, 'ana-ruiz', 'author');
  author = { id: s.id, role: s.role };
});
afterAll(closeTestDatabase);

const image = async () => (await db.insert(media).values({ src: '/media/wall.jpg', mimeType: 'image/jpeg', width: 800, height: 600, alt: 'A wall' }).returning({ id: media.id }))[0]!.id;

describe('editing an image’s text', () => {
  it('expires every page showing a published article that features it, and no draft’s', async () => {
    const section = await makeSection(db, 'news');
    const topic = await makeTag(db, 'harbour');
    const byline = await makeStaff(db, 'bea-byline');
    const id = await image();
    const live = await makeArticle(db, { slug: 'harbour-wall', section, tagIds: [topic.id], authorIds: [byline.id] });
    const draft = await makeArticle(db, { slug: 'draft-wall', section, status: 'draft', publishedAt: null });
    await db.update(articles).set({ featuredImageId: id }).where(eq(articles.id, live.id));
    await db.update(articles).set({ featuredImageId: id }).where(eq(articles.id, draft.id));

    const result = await updateMediaText(author, id, { alt: 'The harbour wall at dawn', caption: '', credit: '' });
    expect(result!.expire).toEqual(
      expect.arrayContaining([cacheTags.articleSlug('harbour-wall'), cacheTags.article(live.id), cacheTags.section('news'), cacheTags.frontPage(), cacheTags.topic('harbour'), cacheTags.author('bea-byline')]),
    );
    expect(result!.expire).not.toContain(cacheTags.articleSlug('draft-wall'));
  });

  it('returns no tags for an image no published article features, and null for one that is gone', async () => {
    expect(await updateMediaText(author, await image(), { alt: 'Unused', caption: '', credit: '' })).toEqual({ expire: [] });
    expect(await updateMediaText(author, 987_654, { alt: 'Nothing', caption: '', credit: '' })).toBeNull();
  });
});
