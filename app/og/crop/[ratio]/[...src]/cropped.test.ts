import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/connection';
import { setFocalPoint } from '@/db/mutations/media-library';
import { getPublishedArticle } from '@/db/queries/articles';
import { articles, media, siteSettings } from '@/db/schema';
import { makeArticle, makeSection, makeStaff } from '@/db/test-fixtures';
import { closeTestDatabase, openTestDatabase } from '@/db/testing';
import type { Actor } from '@/lib/permissions';
import { imageVariants } from '@/lib/seo/images';
import { applyCrop } from '@/server/media/crop';
import { readMediaFile } from '@/server/media/storage';
import { acceptUpload } from '@/server/media/upload';
import { GET } from './route';

// The link previews of a cropped image (issue 16): the address an article's page gives is cut from
// the cropped file around the focal point inside it, so the preview has its ratio's shape and holds
// no pixel from outside the crop; the preview kept in the store goes when the crop changes.

let db: Db;
let tmp: string;
let editor: Actor;
const ask = (url: string) => {
  const [ratio, ...src] = url.slice('/og/crop/'.length).split('/');
  return GET(new Request(`http://localhost${url}`), { params: Promise.resolve({ ratio: ratio!, src }) });
};

beforeAll(async () => {
  db = (await openTestDatabase()).db;
  await db.insert(siteSettings).values({ id: 1, name: 'Test Gazette' });
  const e = await makeStaff(db, 'olive-og', 'editor');
  editor = { id: e.id, role: e.role };
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'og-cropped-test-'));
  for (const k of Object.keys(process.env)) if (k.startsWith('MEDIA_S3_')) delete process.env[k];
  process.env.MEDIA_DIR = tmp;
});
afterAll(async () => {
  await closeTestDatabase();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the social crops of a cropped image', () => {
  it('are cut from the crop, in the ratio’s shape, around the focal point inside it, and the kept one goes with the crop', async () => {
    // 1600×1000: red left half, blue right half.
    const red = await sharp({ create: { width: 800, height: 1000, channels: 3, background: '#d01010' } }).png().toBuffer();
    const photo = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#1040d0' } }).composite([{ input: red, left: 0, top: 0 }]).jpeg({ quality: 90 }).toBuffer();
    const form = new FormData();
    form.set('file', new File([new Uint8Array(photo)], 'halves.jpg', { type: 'image/jpeg' }));
    form.set('alt', 'Red and blue');
    const up = await acceptUpload(editor, form);
    if (!up.ok) throw new Error(up.error);
    const section = await makeSection(db, 'harbour');
    const story = await makeArticle(db, { slug: 'previewed', section });
    await db.update(articles).set({ featuredImageId: up.id }).where(eq(articles.id, story.id));
    await setFocalPoint(editor, up.id, { x: 70, y: 50 });
    // The blue half's middle, 600×800 from (900, 100); the focal point is 36.7 % across it.
    expect(await applyCrop(editor, up.id, { left: '900', top: '100', width: '600', height: '800' })).toMatchObject({ ok: true });
    const [row] = await db.select().from(media).where(eq(media.id, up.id));

    const featured = (await getPublishedArticle('previewed'))!.featured!;
    const crops = imageVariants(featured);
    expect(crops.map((c) => c.url)).toEqual(['1x1', '4x3', '16x9'].map((r) => `/og/crop/${r}-f36.7-50${row!.cropSrc}`));
    for (const c of crops) {
      const response = await ask(c.url);
      expect(response.status).toBe(200);
      const bytes = Buffer.from(await response.arrayBuffer());
      const meta = await sharp(bytes).metadata();
      expect([meta.width, meta.height], c.ratio).toEqual([c.width, c.height]);
      // The original's red half would show at once: the preview lies inside the crop.
      expect((await sharp(bytes).stats()).channels[0]!.max, c.ratio).toBeLessThan(100);
    }
    expect(crops.find((c) => c.ratio === '16x9')).toMatchObject({ width: 600, height: 338 });
    const kept = `${row!.cropSrc}.og-16x9-f36.7-50.jpg`;
    expect(await readMediaFile(kept)).not.toBeNull();

    // A new crop: new preview addresses, and the preview kept for the old one is removed.
    expect(await applyCrop(editor, up.id, { left: '1000', top: '0', width: '600', height: '1000' })).toMatchObject({ ok: true });
    expect(await readMediaFile(kept)).toBeNull();
    const again = imageVariants((await getPublishedArticle('previewed'))!.featured!);
    expect(again.every((c) => !c.url.includes(row!.cropSrc!))).toBe(true);
  });
});
