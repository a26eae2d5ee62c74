import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleBody } from '../../lib/article-body';
import { PermissionDeniedError, type Actor } from '../../lib/permissions';
import type { Db } from '../connection';
import { getPublishedArticle } from '../queries/articles';
import { listMediaUses, mediaUseWords } from '../queries/media';
import { articles, auditLog, liveBlogs, liveEntries, media, siteSettings } from '../schema';
import { cacheTags } from '../tags';
import { makeArticle, makeSection, makeStaff } from '../test-fixtures';
import { closeTestDatabase, openTestDatabase } from '../testing';
import { deleteMedia, setFocalPoint } from './media-library';

// The media library's promises: an image an article uses (featured or inside its text, in any
// state) cannot be deleted and says where it is used; an unused one goes, with its files named
// for removal; a focal point is stored, refused outside the picture, and reaches reader pages.

let db: Db;
let editor: Actor;
let author: Actor;

beforeAll(async () => {
  db = (await openTestDatabase()).db;
  await db.insert(siteSettings).values({ id: 1, name: 'Test Gazette' });
  const e = await makeStaff(db, 'eda-editor', 'editor');
  const a = await makeStaff(db, 'aldo-author', 'author');
  editor = { id: e.id, role: e.role };
  author = { id: a.id, role: a.role };
});
afterAll(closeTestDatabase);

let n = 0;
async function image() {
  n += 1;
  const src = `/media/2026/12/img${n}.jpg`;
  const [row] = await db
    .insert(media)
    .values({ src, mimeType: 'image/jpeg', width: 1200, height: 675, alt: `Picture ${n}`, variants: [{ width: 320, src: `/media/2026/12/img${n}-320.avif`, type: 'image/avif', height: 180, bytes: 900 }] })
    .returning({ id: media.id, src: media.src });
  return row!;
}

const bodyWith = (src: string): ArticleBody => ({
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Before the picture.' }] },
    { type: 'image', attrs: { src, alt: 'Inline', width: 1200, height: 675 } },
  ],
});

const snapshot = async () => ({ media: await db.select().from(media).orderBy(media.id), articles: await db.select({ id: articles.id, featured: articles.featuredImageId }).from(articles).orderBy(articles.id) });

describe('deleting an image', () => {
  it('is refused while a draft features it or a published story shows it in its text, listing both, and changes nothing', async () => {
    const section = await makeSection(db, 'news');
    const img = await image();
    const draft = await makeArticle(db, { slug: 'draft-with-picture', section, status: 'draft', publishedAt: null });
    const live = await makeArticle(db, { slug: 'live-with-figure', section });
    await db.update(articles).set({ featuredImageId: img.id }).where(eq(articles.id, draft.id));
    await db.update(articles).set({ body: bodyWith(img.src) }).where(eq(articles.id, live.id));

    const uses = await listMediaUses(img.id);
    expect(uses).toEqual([
      { articleId: draft.id, headline: 'Headline for draft-with-picture', status: 'draft', path: null, featured: true, inline: false, liveBlog: false },
      { articleId: live.id, headline: 'Headline for live-with-figure', status: 'published', path: live.path, featured: false, inline: true, liveBlog: false },
    ]);
    const before = await snapshot();
    const result = await deleteMedia(editor, img.id);
    expect(result).toEqual({ ok: false, uses });
    expect(await snapshot()).toEqual(before);
  });

  it('is refused while a live blog entry shows it, and goes once that entry is taken back', async () => {
    const section = await makeSection(db, 'live');
    const img = await image();
    const blog = await makeArticle(db, { slug: 'storm-live-with-picture', section });
    await db.insert(liveBlogs).values({ articleId: blog.id, version: 1 });
    const [entry] = await db.insert(liveEntries).values({ articleId: blog.id, body: bodyWith(img.src), version: 1 }).returning({ id: liveEntries.id });

    const uses = await listMediaUses(img.id);
    expect(uses).toEqual([{ articleId: blog.id, headline: 'Headline for storm-live-with-picture', status: 'published', path: blog.path, featured: false, inline: false, liveBlog: true }]);
    expect(mediaUseWords(uses[0]!)).toBe('in a live blog entry');
    expect(await deleteMedia(editor, img.id)).toEqual({ ok: false, uses });

    await db.update(liveEntries).set({ deletedAt: new Date() }).where(eq(liveEntries.id, entry!.id));
    expect(await listMediaUses(img.id)).toEqual([]);
    expect(await deleteMedia(editor, img.id)).toMatchObject({ ok: true });
  });

  it('goes when nothing uses it: the row, an audit entry, and the files to remove (original and derivatives)', async () => {
    const img = await image();
    const other = await image();
    const section = await makeSection(db, 'sport');
    const a = await makeArticle(db, { slug: 'uses-the-other', section });
    await db.update(articles).set({ featuredImageId: other.id, body: bodyWith(other.src) }).where(eq(articles.id, a.id));
    expect(await listMediaUses(img.id)).toEqual([]);
    const result = await deleteMedia(editor, img.id);
    expect(result).toEqual({ ok: true, files: [img.src, img.src.replace('.jpg', '-320.avif')], src: img.src, focal: null });
    expect(await db.select().from(media).where(eq(media.id, img.id))).toEqual([]);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.subject, `media:${img.id}`));
    expect(entry).toMatchObject({ action: 'media.delete', staffId: editor.id });
    expect(await deleteMedia(editor, img.id)).toBeNull();
  });

  it('is for editors and admins: an author is refused and the image stays', async () => {
    const img = await image();
    await expect(deleteMedia(author, img.id)).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await db.select({ id: media.id }).from(media).where(eq(media.id, img.id))).toHaveLength(1);
  });
});

describe('the focal point', () => {
  it('is stored, reaches the reader page’s lead picture and its inline figures, and expires the pages featuring it', async () => {
    const section = await makeSection(db, 'culture');
    const img = await image();
    const story = await makeArticle(db, { slug: 'focal-story', section });
    await db.update(articles).set({ featuredImageId: img.id, body: bodyWith(img.src) }).where(eq(articles.id, story.id));

    const result = await setFocalPoint(author, img.id, { x: 72.5, y: 30 });
    expect(result!.previous).toBeNull();
    expect(result!.expire).toEqual(expect.arrayContaining([cacheTags.articleSlug('focal-story'), cacheTags.section('culture'), cacheTags.frontPage()]));
    const page = await getPublishedArticle('focal-story');
    expect(page!.featured).toMatchObject({ src: img.src, focal: { x: 72.5, y: 30 }, variants: [expect.objectContaining({ type: 'image/avif', width: 320 })] });
    expect(page!.bodyImages).toEqual([{ src: img.src, mimeType: 'image/jpeg', width: 1200, height: 675, variants: page!.featured!.variants, focal: { x: 72.5, y: 30 } }]);

    const cleared = await setFocalPoint(author, img.id, null);
    expect(cleared!.previous).toEqual({ x: 72.5, y: 30 });
    const [row] = await db.select({ x: media.focalX, y: media.focalY }).from(media).where(eq(media.id, img.id));
    expect(row).toEqual({ x: null, y: null });
  });

  it('outside the picture is refused by the table itself, and nothing changes', async () => {
    const img = await image();
    await expect(setFocalPoint(author, img.id, { x: 101, y: 50 })).rejects.toThrow();
    await expect(db.update(media).set({ focalX: 50 }).where(eq(media.id, img.id))).rejects.toThrow();
    const [row] = await db.select({ x: media.focalX, y: media.focalY }).from(media).where(eq(media.id, img.id));
    expect(row).toEqual({ x: null, y: null });
    expect(await setFocalPoint(author, 987_654, { x: 1, y: 1 })).toBeNull();
  });
});
