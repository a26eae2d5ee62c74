import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/connection';
import { setFocalPoint } from '@/db/mutations/media-library';
import { getPublishedArticle } from '@/db/queries/articles';
import { articles, invalidations, liveBlogs, liveEntries, media, siteSettings } from '@/db/schema';
import { cacheTags } from '@/db/tags';
import { makeArticle, makeSection, makeStaff } from '@/db/test-fixtures';
import { closeTestDatabase, openTestDatabase } from '@/db/testing';
import type { Actor } from '@/lib/permissions';
import { imageVariants } from '@/lib/seo/images';
import { startS3rver, type S3rverHandle } from '@/scripts/s3rver.mjs';
import { applyCrop } from './crop';
import { readMediaFile } from './storage';
import { acceptUpload } from './upload';

// An editor's crop, end to end against a real database and a real media store (a local folder,
// then an S3 bucket on a real S3-compatible server): the reader's picture, every derivative and the
// social crops' addresses come from the cropped region, at its real pixel size; a new crop or a reset writes
// new names and removes the superseded files (never the original); bad input changes nothing.

let db: Db;
let tmp: string;
let s3: S3rverHandle;
let editor: Actor;
const S3_KEYS = ['MEDIA_S3_BUCKET', 'MEDIA_S3_ENDPOINT', 'MEDIA_S3_REGION', 'MEDIA_S3_ACCESS_KEY_ID', 'MEDIA_S3_SECRET_ACCESS_KEY', 'MEDIA_S3_FORCE_PATH_STYLE', 'MEDIA_S3_PREFIX', 'MEDIA_DIR'];
const useEnv = (env: Record<string, string>) => {
  for (const k of S3_KEYS) delete process.env[k];
  Object.assign(process.env, env);
};

/** 1600×1000: red on the left half, blue on the right, so any pixel from outside a crop of the right half shows. */
async function upload(name: string) {
  const red = await sharp({ create: { width: 800, height: 1000, channels: 3, background: '#d01010' } }).png().toBuffer();
  const photo = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#1040d0' } }).composite([{ input: red, left: 0, top: 0 }]).jpeg({ quality: 90 }).toBuffer();
  const form = new FormData();
  form.set('file', new File([new Uint8Array(photo)], name, { type: 'image/jpeg' }));
  form.set('alt', 'Red and blue');
  const outcome = await acceptUpload(editor, form);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome;
}

const px = (left: number, top: number, width: number, height: number) => ({ left: String(left), top: String(top), width: String(width), height: String(height) });
const row = async (id: number) => (await db.select().from(media).where(eq(media.id, id)))[0]!;
const exists = async (src: string) => (await readMediaFile(src)) !== null;
/** The largest red value in an image: about 16 for the blue half, about 208 wherever the red half shows. */
const maxRed = async (bytes: Buffer) => (await sharp(bytes).stats()).channels[0]!.max;

beforeAll(async () => {
  db = (await openTestDatabase()).db;
  await db.insert(siteSettings).values({ id: 1, name: 'Test Gazette' });
  const e = await makeStaff(db, 'cara-cropper', 'editor');
  editor = { id: e.id, role: e.role };
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'media-crop-test-'));
  s3 = await startS3rver({ port: 0, dir: path.join(tmp, 's3') });
});
afterAll(async () => {
  await s3?.stop();
  await closeTestDatabase();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const stores = [
  { name: 'the local folder', env: () => ({ MEDIA_DIR: path.join(tmp, 'local') }) },
  { name: 'an S3 bucket', env: () => s3.env },
];

describe.each(stores)('cropping an image in $name', ({ name, env }) => {
  it('serves readers the region: the picture, its derivatives and its social crops, at the region’s real size', async () => {
    useEnv(env());
    const slug = `cropped-${name.replace(/\W+/g, '-').toLowerCase()}`;
    const up = await upload('halves.jpg');
    const section = await makeSection(db, `s-${slug}`);
    const story = await makeArticle(db, { slug, section });
    const body = { type: 'doc' as const, content: [{ type: 'image' as const, attrs: { src: up.src, alt: 'Inline', width: 1600, height: 1000 } }] };
    await db.update(articles).set({ featuredImageId: up.id, body }).where(eq(articles.id, story.id));
    // Another story shows it only as a figure in its text.
    const inText = await makeArticle(db, { slug: `${slug}-figure`, section });
    await db.update(articles).set({ body }).where(eq(articles.id, inText.id));
    // A live blog shows it in one of its entries.
    const blog = await makeArticle(db, { slug: `${slug}-live`, section });
    await db.insert(liveBlogs).values({ articleId: blog.id, version: 1 });
    await db.insert(liveEntries).values({ articleId: blog.id, body, version: 1 });
    await setFocalPoint(editor, up.id, { x: 70, y: 50 });
    const uploaded = await row(up.id);
    const seqBefore = (await db.select({ seq: invalidations.seq }).from(invalidations)).length;

    // The right half's middle: 600×800 from (900, 100), all blue.
    const outcome = await applyCrop(editor, up.id, px(900, 100, 600, 800));
    expect(outcome).toMatchObject({ ok: true, changed: true, width: 600, height: 800 });
    if (!outcome.ok) return;
    expect(outcome.expire).toEqual(expect.arrayContaining([cacheTags.article(story.id), cacheTags.articleSlug(slug), cacheTags.section(`s-${slug}`), cacheTags.frontPage(), cacheTags.article(inText.id), cacheTags.articleSlug(`${slug}-figure`), cacheTags.liveBlog(blog.id), cacheTags.article(blog.id)]));
    // Recorded in the outbox, so every instance expires the pages too.
    expect((await db.select({ seq: invalidations.seq }).from(invalidations)).length).toBe(seqBefore + 1);

    const cropped = await row(up.id);
    expect(cropped.src).toBe(up.src);
    expect([cropped.cropX, cropped.cropY, cropped.cropW, cropped.cropH]).toEqual([900 / 1600, 100 / 1000, 600 / 1600, 800 / 1000]);
    expect(cropped.cropSrc).toMatch(/-c[a-z0-9]{6,}\.jpg$/);
    // Every derivative is new, and is the region: its real pixels at the crop's proportions, no red.
    const oldNames = new Set(uploaded.variants.map((v) => v.src));
    expect(cropped.variants.length).toBeGreaterThan(4);
    for (const v of cropped.variants) {
      expect(oldNames.has(v.src)).toBe(false);
      const bytes = (await readMediaFile(v.src))!.bytes;
      const meta = await sharp(bytes).metadata();
      expect([meta.width, meta.height]).toEqual([v.width, v.height]);
      expect(Math.abs(meta.width! / meta.height! - 600 / 800)).toBeLessThan(0.01);
      expect(await maxRed(bytes)).toBeLessThan(100);
    }
    const full = await sharp((await readMediaFile(cropped.cropSrc!))!.bytes).metadata();
    expect([full.width, full.height]).toEqual([600, 800]);

    // The reader page: the cropped file, its size (no layout shift), its derivatives, the focal point inside it.
    const page = await getPublishedArticle(slug);
    expect(page!.featured).toMatchObject({ src: cropped.cropSrc, width: 600, height: 800, focal: { x: 36.7, y: 50 } });
    expect(page!.featured!.variants!.map((v) => v.src).sort()).toEqual(cropped.variants.map((v) => v.src).sort());
    expect(page!.bodyImages).toEqual([expect.objectContaining({ src: cropped.cropSrc, librarySrc: up.src, width: 600, height: 800 })]);

    // The social crops: named after the cropped file and the focal point inside it, the ratio's shape, inside the crop.
    const wide = imageVariants(page!.featured!).find((v) => v.ratio === '16x9')!;
    expect(wide.url).toBe(`/og/crop/16x9-f36.7-50${cropped.cropSrc}`);
    expect([wide.width, wide.height]).toEqual([600, 338]);
    // (The route's answer for it, from the cropped file: app/og/crop/[ratio]/[...src]/cropped.test.ts.)

    // The files of before are gone (derivatives, kept social crops); the original stays.
    for (const v of uploaded.variants) expect(await exists(v.src)).toBe(false);
    expect(await exists(up.src)).toBe(true);

    // A new crop: new names again, the first crop's files and its kept social crop removed.
    const again = await applyCrop(editor, up.id, px(1000, 0, 600, 1000));
    expect(again).toMatchObject({ ok: true, width: 600, height: 1000 });
    const recropped = await row(up.id);
    expect(recropped.cropSrc).not.toBe(cropped.cropSrc);
    for (const v of cropped.variants) expect(await exists(v.src)).toBe(false);
    for (const v of recropped.variants) expect(await exists(v.src)).toBe(true);

    // Reset: the whole picture again, from the kept original, under new names.
    const reset = await applyCrop(editor, up.id, 'reset');
    expect(reset).toMatchObject({ ok: true, changed: true, crop: null, width: 1600, height: 1000 });
    const whole = await row(up.id);
    expect([whole.cropX, whole.cropY, whole.cropW, whole.cropH, whole.cropSrc]).toEqual([null, null, null, null, null]);
    for (const v of recropped.variants) expect(await exists(v.src)).toBe(false);
    expect(whole.variants.length).toBeGreaterThan(0);
    for (const v of whole.variants) {
      expect(oldNames.has(v.src)).toBe(false);
      const meta = await sharp((await readMediaFile(v.src))!.bytes).metadata();
      expect(Math.abs(meta.width! / meta.height! - 1.6)).toBeLessThan(0.01);
    }
    expect(await getPublishedArticle(slug)).toMatchObject({ featured: { src: up.src, width: 1600, height: 1000, focal: { x: 70, y: 50 } } });
    expect(await exists(up.src)).toBe(true);
  });
});

describe('a crop that breaks the rules', () => {
  it('is refused with the field and a message, and changes nothing: no row change, no file written', async () => {
    const dir = path.join(tmp, 'refusals');
    useEnv({ MEDIA_DIR: dir });
    const up = await upload('refused.jpg');
    const before = await row(up.id);
    const files = () => fs.readdirSync(dir, { recursive: true }).map(String).sort();
    const stored = files();
    expect(await applyCrop(editor, up.id, px(1500, 0, 300, 300))).toEqual({ ok: false, status: 400, field: 'width', error: 'The crop goes past the right edge: left 1500 + width 300 is more than the picture’s 1600 px.' });
    expect(await applyCrop(editor, up.id, px(0, 0, 800, 150))).toEqual({ ok: false, status: 400, field: 'height', error: 'The crop must be at least 200 px high.' });
    expect(await applyCrop(editor, up.id, { ...px(0, 0, 800, 600), left: 'abc' })).toMatchObject({ ok: false, status: 400, field: 'left' });
    expect(await applyCrop(editor, 987_654, px(0, 0, 800, 600))).toEqual({ ok: false, status: 404, error: 'That image is no longer in the library.' });
    // Someone who may not edit media is refused before any work.
    const c = await makeStaff(db, 'coco-contributor', 'contributor');
    await expect(applyCrop({ id: c.id, role: c.role }, up.id, px(0, 0, 800, 600))).rejects.toThrow();
    expect(await row(up.id)).toEqual(before);
    expect(files()).toEqual(stored);
    // The table refuses a crop outside the picture even from code that skipped the check.
    await expect(db.update(media).set({ cropX: 0.6, cropY: 0, cropW: 0.5, cropH: 1, cropSrc: '/media/x.jpg' }).where(eq(media.id, up.id))).rejects.toThrow();
    await expect(db.update(media).set({ cropX: 0.1, cropY: 0, cropW: 0.5, cropH: 1 }).where(eq(media.id, up.id))).rejects.toThrow();
  });
});
